import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LexicalRetriever } from '../../src/search/retrieve/lexical.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';

/** interpret → retrieve → fuse → answer → respond: each stage once per search, even when the speaker fallback fires. */
let service: SearchService;
beforeAll(async () => {
  service = await testService();
});

describe('the query path visits each stage once', () => {
  it.each([
    ['what did Jassy say about Trainium', null],
    // The named speaker never discussed it: the broader pool was retrieved alongside, not searched again.
    ['what did Olsavsky say about Trainium', /did not discuss/],
    ['what did Jassy say about Zoox', /Nobody on this call discussed/],
    ['aws backlog', null],
  ])('%s: one model call, one lexical pass, no retriever re-entered', async (q, notice) => {
    const lexical = service.engine.retrievers.lexical as LexicalRetriever;
    const pass = vi.spyOn(lexical, 'pass');
    const retrieveLexical = vi.spyOn(lexical, 'retrieve');
    const retrieveHybrid = vi.spyOn(service.engine.retrievers.hybrid, 'retrieve');
    const embed = vi.spyOn(service.embedder, 'embed');
    try {
      const r = await service.engine.search({ q, k: 10 });
      if (notice) expect(r.notice).toMatch(notice);
      else expect(r.notice).toBeNull();
      expect(pass).toHaveBeenCalledTimes(1);
      expect(retrieveLexical).not.toHaveBeenCalled();
      expect(retrieveHybrid).not.toHaveBeenCalled();
      expect(embed).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
