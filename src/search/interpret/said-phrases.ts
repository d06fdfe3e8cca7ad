import type { LexicalIndex, PassageRange } from '../../index/lexical.js';
import { lexicalTokens } from '../../index/lexical-tokens.js';

/**
 * Whether some calls say a phrase, words in order and any case ("Amazon Now", "Tallis Italy"):
 * what tells a name that goes on after a company from a company followed by the topic
 * (call-scope.ts, through SpeakerDirectory.saysName).
 */
export interface SaidPhrases {
  says(callIds: Iterable<string>, phrase: string): boolean;
  /** Whether any call says it. */
  saysAnywhere(phrase: string): boolean;
}

/** The phrase's words in order, whole words, any case and spacing; null when it has none. */
export function phrasePattern(phrase: string): RegExp | null {
  const words = phrase.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu') : null;
}

/**
 * From the keyword index: only the passages of those calls that hold the phrase's rarest keyword
 * are read, so the cost follows how often the calls use the word, not how long they are.
 */
export class IndexedPhrases implements SaidPhrases {
  constructor(
    private readonly index: {
      lexical: Pick<LexicalIndex, 'passagesWith' | 'passagesWithin'>;
      passages: readonly { text: string }[];
      callPassages: ReadonlyMap<string, PassageRange>;
    },
  ) {}

  says(callIds: Iterable<string>, phrase: string): boolean {
    const pattern = phrasePattern(phrase);
    if (!pattern) return false;
    const { lexical, passages, callPassages } = this.index;
    // Stopwords have no postings ("Now" in "Amazon Now"): the phrase's other words find it.
    const tokens = lexicalTokens(phrase);
    if (tokens.length === 0) return false;
    const rarest = this.rarest(tokens);
    for (const id of callIds) {
      const range = callPassages.get(id);
      if (!range) continue;
      for (const p of lexical.passagesWithin(rarest, range)) if (pattern.test(passages[p]!.text)) return true;
    }
    return false;
  }

  /** The token with the fewest passages: the shortest list to test the phrase against. */
  private rarest(tokens: readonly string[]): string {
    const { lexical } = this.index;
    return tokens.reduce((a, b) => (lexical.passagesWith(b).length < lexical.passagesWith(a).length ? b : a));
  }

  saysAnywhere(phrase: string): boolean {
    const pattern = phrasePattern(phrase);
    const tokens = lexicalTokens(phrase);
    if (!pattern || tokens.length === 0) return false;
    const { lexical, passages } = this.index;
    const rarest = this.rarest(tokens);
    for (const p of lexical.passagesWith(rarest)) if (pattern.test(passages[p]!.text)) return true;
    return false;
  }
}

/** From the calls' texts, read whole: for a directory built without an index (a few calls, as in tests). */
export class ScannedPhrases implements SaidPhrases {
  private readonly texts = new Map<string, string>();

  constructor(calls: readonly { meta: { id: string }; source: string }[]) {
    for (const c of calls) this.texts.set(c.meta.id, c.source);
  }

  says(callIds: Iterable<string>, phrase: string): boolean {
    const pattern = phrasePattern(phrase);
    if (!pattern) return false;
    for (const id of callIds) if (pattern.test(this.texts.get(id) ?? '')) return true;
    return false;
  }

  saysAnywhere(phrase: string): boolean {
    return this.says(this.texts.keys(), phrase);
  }
}
