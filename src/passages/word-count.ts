import type { Passage } from './types.js';

/** Words per passage, counted once per passage object (the answer stage asks several times a search). */
const counted = new WeakMap<Passage, number>();

/** How many words a passage has (runs of whitespace split them). */
export function passageWords(p: Passage): number {
  let n = counted.get(p);
  if (n === undefined) {
    n = p.text.split(/\s+/).filter(Boolean).length;
    counted.set(p, n);
  }
  return n;
}

/** Words outside transcription marks: "[laugh].", "[unk]" and "[inaudible]." say nothing of their own. */
const MARKS_ONLY = /^(?:[\s\p{P}]*\[[^\]]*\])*[\s\p{P}]*$/u;
const saying = new WeakMap<Pick<Passage, 'text'>, boolean>();

/** Does a passage say anything — a word or a figure outside transcription marks? */
export function saysSomething(p: Pick<Passage, 'text'>): boolean {
  let says = saying.get(p);
  if (says === undefined) {
    says = !MARKS_ONLY.test(p.text);
    saying.set(p, says);
  }
  return says;
}
