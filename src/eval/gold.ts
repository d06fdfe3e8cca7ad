/**
 * Gold phrases: the words a passage must contain to count as an answer. Matching ignores case and
 * folds runs of whitespace to one space. A phrase quoted from a transcript that may not live in
 * this repository (the Earnings-21/22 calls, CC BY-SA, read from ../shared) is stored as a
 * fingerprint instead of its words — `sha256:<hex of the folded phrase>:<its length>` — and a text
 * holds it when some substring of that length hashes the same: the same rule, no quoted text.
 */
import { createHash } from 'node:crypto';

export const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

const FINGERPRINT = /^sha256:([0-9a-f]{64}):(\d+)$/;

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** The fingerprint form of a phrase (what `holdsGold` matches exactly as it would the phrase). */
export function fingerprintGold(phrase: string): string {
  const folded = fold(phrase);
  return `sha256:${sha256(folded)}:${folded.length}`;
}

/** Does `text` contain the gold phrase (or the phrase a fingerprint stands for)? */
export function holdsGold(text: string, gold: string): boolean {
  const folded = fold(text);
  const print = FINGERPRINT.exec(gold);
  if (!print) return folded.includes(fold(gold));
  const [, hex, size] = print;
  const length = Number(size);
  for (let at = 0; at + length <= folded.length; at++) if (sha256(folded.slice(at, at + length)) === hex) return true;
  return false;
}

export const holdsAnyGold = (text: string, golds: readonly string[]): boolean => golds.some((g) => holdsGold(text, g));
