import { BoundedCache } from '../../index/bounded-cache.js';
import { englishWords } from '../../transcript/english-words.js';
import { editDistance } from './edit-distance.js';

/**
 * Typos in the topic ("robtics" → "robotics"), corrected against the words the calls use, with the
 * same tolerance names get (speaker-aliases.ts): same first letter, one edit up to six letters, two
 * beyond. A word is left alone when the calls use it (or a longer word it begins, "trainium" →
 * "trainium2"), when it is shorter than MIN_LENGTH, or when it is an English word absent from the
 * calls ("inflation" must not become "inflection"): then it is a real topic nobody discussed.
 */

/** Shorter words are too close to too many others to correct safely ("zoox" / "zoom"). */
const MIN_LENGTH = 5;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** Unknown words whose correction is remembered (first computed, first dropped). */
const CORRECTIONS_KEPT = 4096;

export interface Correction {
  from: string;
  to: string;
}

/** The calls' vocabulary, for correcting query words. Built once per index. */
export class Spelling {
  /** word → how often the calls use it. */
  private readonly counts = new Map<string, number>();
  /** First letter → words, for a bounded candidate scan. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly sorted: string[];
  /**
   * Each unknown word's correction: finding one scans every vocabulary word with its first letter
   * (thousands at library size), and the vocabulary never changes under a loaded index.
   */
  private readonly corrections = new BoundedCache<string, string | null>(CORRECTIONS_KEPT);

  /** `source`: the calls' texts, or their words already counted the same way (the index stores them per call). */
  constructor(source: Iterable<string> | ReadonlyMap<string, number>) {
    if (source instanceof Map) for (const [word, n] of source) this.counts.set(word, n);
    else {
      for (const text of source as Iterable<string>) {
        for (const m of text.toLowerCase().matchAll(WORD)) this.counts.set(m[0], (this.counts.get(m[0]) ?? 0) + 1);
      }
    }
    for (const w of this.counts.keys()) {
      const list = this.byFirst.get(w[0]!) ?? [];
      list.push(w);
      this.byFirst.set(w[0]!, list);
    }
    this.sorted = [...this.counts.keys()].sort();
    englishWords();
  }

  /** Does the corpus use `word`, or a word it begins? */
  private known(word: string): boolean {
    if (this.counts.has(word)) return true;
    // Binary search for the first corpus word ≥ word; a prefix match sorts right there.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return word.length >= 4 && (this.sorted[lo]?.startsWith(word) ?? false);
  }

  /** The corpus word `word` is a typo of, or null. */
  correct(word: string): string | null {
    const w = word.toLowerCase();
    if (w.length < MIN_LENGTH || !/^\p{L}+$/u.test(w) || this.known(w) || englishWords().has(w)) return null;
    return this.corrections.get(w, this.nearest);
  }

  /** The closest vocabulary word within the bound (the commonest of equals), or null. */
  private readonly nearest = (w: string): string | null => {
    const bound = w.length <= 6 ? 1 : 2;
    let best: string | null = null;
    let bestDistance = bound + 1;
    let bestCount = 0;
    for (const candidate of this.byFirst.get(w[0]!) ?? []) {
      if (Math.abs(candidate.length - w.length) > bound) continue;
      const d = editDistance(w, candidate, bound);
      const count = this.counts.get(candidate)!;
      if (d < bestDistance || (d === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = d;
        bestCount = count;
      }
    }
    return bestDistance <= bound ? best : null;
  };

  /** `text` with its misspelt words corrected (case kept for the first letter), and what changed. */
  correctText(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = [];
    const out = text.replace(WORD, (word) => {
      const fixed = this.correct(word);
      if (!fixed) return word;
      const cased = /^\p{Lu}/u.test(word) ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed;
      corrections.push({ from: word, to: cased });
      return cased;
    });
    return { text: out, corrections };
  }
}
