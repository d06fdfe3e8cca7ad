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
