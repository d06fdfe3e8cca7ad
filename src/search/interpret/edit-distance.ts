import { boundedEditDistance } from '../../transcript/names.js';

/**
 * Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance, or
 * `max + 1` as soon as it exceeds `max`: the transcript reader's own (names.ts), one implementation.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  return boundedEditDistance(a, b, max);
}
