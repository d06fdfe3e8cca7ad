import { beforeAll, describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/api/citation.js';
import type { SearchResponse } from '../../src/api/schemas.js';
import type { SearchService } from '../../src/service/open-service.js';
import { libraryService } from '../helpers/service.js';

/**
 * Results reuse each speaker's citation source (who, where) across quotes and searches: every
 * citation must still be exactly formatCitation's line for its own passage, speaker and call —
 * in a library where the same participant ids ("speaker-1") recur in every call.
 */
let service: SearchService;
beforeAll(async () => {
  service = await libraryService();
});

function expectOwnCitations(r: SearchResponse): void {
  const { passages } = service.engine.index;
  const byId = new Map(passages.map((p) => [p.id, p]));
  const expected = (passageId: string, text: string, call: { company: string; quarter: string | null; date: string | null }) =>
    formatCitation(text, byId.get(passageId)!.speaker, call);
  for (const res of r.results) expect(res.citation).toBe(expected(res.id, res.answer.text, res.call));
  for (const k of r.key_points) expect(k.citation).toBe(expected(k.passage_id, k.text, k.call));
}

describe('citations in search results', () => {
  it('each is its own passage’s formatCitation line, across calls and repeated searches', async () => {
    const queries = ['what did the CEO say about guidance', 'revenue growth', 'who asked about margins', 'what did the CFO say about cash flow'];
    const calls = new Set<string>();
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        const r = await service.engine.search({ q, k: 10 });
        expect(r.results.length).toBeGreaterThan(0);
        expectOwnCitations(r);
        for (const res of r.results) calls.add(res.call_id);
      }
    }
    // Several calls' speakers were cited, so a source cached for one call's "speaker-2" was not reused for another's.
    expect(calls.size).toBeGreaterThan(1);
  });
});
