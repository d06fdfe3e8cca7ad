import { TableBuilder } from '../../src/index/global-tables.js';
import { LexicalIndexBuilder, type LexicalIndex } from '../../src/index/lexical.js';
import { lexicalTokens } from '../../src/index/lexical-tokens.js';

/** A lexical index over texts, built the way load assembles it from shards' forward lists (one "shard" per text group). */
export function lexicalIndexOf(texts: string[], groups = 3): LexicalIndex {
  const table = new TableBuilder();
  const shards: { terms: string[]; forward: { offsets: Uint32Array; terms: Uint32Array; freqs: Uint16Array } }[] = [];
  const size = Math.ceil(texts.length / groups);
  for (let g = 0; g < texts.length; g += size) {
    const dictionary = new Map<string, number>();
    const offsets = [0];
    const terms: number[] = [];
    const freqs: number[] = [];
    for (const text of texts.slice(g, g + size)) {
      const counts = new Map<number, number>();
      for (const t of lexicalTokens(text)) {
        if (!dictionary.has(t)) dictionary.set(t, dictionary.size);
        counts.set(dictionary.get(t)!, (counts.get(dictionary.get(t)!) ?? 0) + 1);
      }
      terms.push(...counts.keys());
      freqs.push(...counts.values());
      offsets.push(terms.length);
    }
    shards.push({ terms: [...dictionary.keys()], forward: { offsets: Uint32Array.from(offsets), terms: Uint32Array.from(terms), freqs: Uint16Array.from(freqs) } });
  }
  for (const s of shards) table.addLocal(s.terms);
  const builder = new LexicalIndexBuilder(table.list);
  shards.forEach((s, i) => builder.addShard(table.segments[i]!, s.forward));
  return builder.build();
}
