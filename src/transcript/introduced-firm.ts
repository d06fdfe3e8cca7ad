/**
 * An analyst's firm on the line under their name, as a PDF or a page writes it with no
 * participants list ("MARCUS BELL" over "Jefferies"): it reads as no title, so it would be taken
 * for the first line of their words. It is their firm when it is the firm the operator's
 * introduction just gave them ("…comes from Marcus Bell with Jefferies"), or that firm with its
 * legal form or division ("Jefferies LLC" for "Jefferies").
 */
import { nameWords } from './names.js';
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
