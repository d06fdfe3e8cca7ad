/**
 * An analyst's firm on the line under their name, as a PDF or a page writes it with no
 * participants list ("MARCUS BELL" over "Jefferies"): it reads as no title, so it would be taken
 * for the first line of their words. It is their firm when it is the firm the operator's
 * introduction just gave them ("…comes from Marcus Bell with Jefferies"), or that firm with its
 * legal form or division ("Jefferies LLC" for "Jefferies").
 */
import { looksLikeName, nameWords } from './names.js';
import { firmInIntroduction } from './structure.js';

/** Whether `line` is the firm `introduction` gives `name`. */
export function isIntroducedFirm(introduction: string, name: string, line: string): boolean {
  const firm = firmInIntroduction(introduction, name);
  if (firm === null) return false;
  const said = nameWords(firm).join(' ');
  const written = nameWords(line).join(' ');
  if (said === '' || written === '' || /[.?!:;]$/.test(line.trim())) return false;
  return written === said || written.startsWith(`${said} `) || said.startsWith(`${written} `);
}

/**
 * Whether some paragraph of the call introduces `name` with `line` as their firm — a list's
 * "Hugo Brandt" over "Piper Sandler" when the operator says "…from Hugo Brandt with Piper Sandler".
 */
export function isFirmIntroducedAnywhere(paragraphs: readonly string[], name: string, line: string): boolean {
  const lowered = name.toLowerCase();
  return paragraphs.some((p) => p.toLowerCase().includes(lowered) && isIntroducedFirm(p, name, line));
}

/**
 * "Hugo Brandt, Piper Sandler" (or "Hugo Brandt - Piper Sandler") on one line right after "…from Hugo Brandt with
 * Piper Sandler": the name and the firm the operator just gave them, though it has no firm's words; null otherwise
 * (it was refused as words with no speaker line, or taken for the words of the speaker before).
 */
export function nameWithIntroducedFirm(line: string, introduction: string): { name: string; firm: string } | null {
  const m = /^(?<name>[^,\u2013\u2014]{3,60}?)\s*(?:,|\s[-\u2013\u2014]{1,2})\s*(?<firm>\S.{0,80})$/u.exec(line.trim());
  const name = m?.groups?.name?.trim();
  const firm = m?.groups?.firm?.trim();
  if (name === undefined || firm === undefined || !looksLikeName(name) || name.split(/\s+/).length < 2) return null;
  return isIntroducedFirm(introduction, name, firm) ? { name, firm } : null;
}

/** A name as an introduction writes it before the firm: capitalised words, an honorific or particles among them. */
const NAME_BEFORE_FIRM = String.raw`(?<name>(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:van|von|der|den|de|del|da|di|du|la|le|ter|bin|binti)\s+)*\p{Lu}[\p{L}'’-]+){1,3})`;

/**
 * The person an introduction gives `firm` ("…from Hugo Brandt with Piper Sandler" for "Piper Sandler"), as
 * the turn before a label that is that firm alone says it ("Piper Sandler: Thanks. …"); null when it
 * introduces no one with it, or two people.
 */
export function personIntroducedWithFirm(introduction: string, firm: string): string | null {
  // Most turns never say the firm: no need to build the pattern for them (it is built per label).
  const spaced = (s: string) => s.replace(/\s+/g, ' ');
  if (!spaced(introduction).includes(spaced(firm.trim()))) return null;
  const escaped = firm.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const found = new Set<string>();
  for (const m of introduction.matchAll(new RegExp(`${NAME_BEFORE_FIRM}[\\s,]+(?:with|from|of|at)\\s+${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const name = m.groups?.name as string;
    if (looksLikeName(name) && isIntroducedFirm(introduction, name, firm)) found.add(name);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}
