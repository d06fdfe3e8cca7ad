import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MicroBatcher } from '../../src/model/micro-batcher.js';
import { SearchEngine } from '../../src/search/engine.js';
import { directoryOf } from '../../src/search/interpret/library-directory.js';
import type { LexicalRetriever } from '../../src/search/retrieve/lexical.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';

/**
 * The search sends the query to the model first and does retrieval's vector-free half (scope,
 * filters, the BM25 pass and lists) while the model computes; the rest waits for the vector. Real
 * model (through a micro-batcher of the test's own, so its counters are the test's), real index.
 */
let service: SearchService;
beforeAll(async () => {
  service = await testService();
});
afterEach(() => vi.restoreAllMocks());

/** An engine over the shared index whose model calls go through `batcher`; `hooks` hear when a model call starts and when its vectors are back. */
function engineWith(hooks: { called?: () => void; back?: () => void; hold?: Promise<void> } = {}) {
  const batcher = new MicroBatcher(async (texts) => {
    const vectors = service.embedder.embed(texts);
    hooks.called?.();
    // A test may keep the model "computing" until it has queued what it needs behind this call.
    await hooks.hold;
    const v = await vectors;
    hooks.back?.();
    return v;
  });
  const { index } = service.engine;
  const engine = new SearchEngine({ index, directory: directoryOf(index), embedQuery: (t, signal) => batcher.embed(t, { signal }) });
  return { engine, batcher, lexical: engine.retrievers.lexical as LexicalRetriever, dense: engine.retrievers.dense };
}

/** Resolves once Node has had the chance to report unhandled rejections. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('retrieval overlaps the model call', () => {
  it.each(['what did Jassy say about Trainium', 'aws backlog', 'what did Olsavsky say about Trainium'])(
    '%s: the BM25 pass runs after the query is sent and before its vector is back; dense retrieval after; the same response',
    async (q) => {
      const events: string[] = [];
      const { engine, lexical, dense } = engineWith({ called: () => events.push('model called'), back: () => events.push('vector back') });
      const ownPass = lexical.pass.bind(lexical);
      const pass = vi.spyOn(lexical, 'pass').mockImplementation((text) => {
        events.push('BM25 pass');
        return ownPass(text);
      });
      const ownRetrieve = dense.retrieve.bind(dense);
      vi.spyOn(dense, 'retrieve').mockImplementation((...args) => {
        events.push('dense');
        return ownRetrieve(...args);
      });
      const r = await engine.search({ q, k: 10 });
      expect(pass).toHaveBeenCalledTimes(1);
      expect(events.slice(0, 3)).toEqual(['model called', 'BM25 pass', 'vector back']);
      expect(events.slice(3).every((e) => e === 'dense')).toBe(true);
      expect(events.filter((e) => e === 'dense').length).toBeGreaterThan(0);
      vi.restoreAllMocks();
      // Only the timing changed: the shared engine (same index) answers identically.
      const reference = await service.engine.search({ q, k: 10 });
      expect({ ...r, took_ms: 0 }).toEqual({ ...reference, took_ms: 0 });
    },
  );
});

describe('with other searches in progress, retrieval waits for the vector', () => {
  it('concurrent searches run their BM25 passes after their vectors are back', async () => {
    const events: string[] = [];
    const { engine, lexical } = engineWith({ back: () => events.push('vector back') });
    const ownPass = lexical.pass.bind(lexical);
    vi.spyOn(lexical, 'pass').mockImplementation((text) => {
      events.push('BM25 pass');
      return ownPass(text);
    });
    await Promise.all(['aws backlog', 'what did Jassy say about Trainium', 'free cash flow'].map((q) => engine.search({ q, k: 10 })));
    expect(events.filter((e) => e === 'BM25 pass')).toHaveLength(3);
    expect(events.indexOf('BM25 pass')).toBeGreaterThan(events.indexOf('vector back'));
  });

  it('searches abandoned while their queries wait in the model queue cost no retrieval work', async () => {
    let modelBusy!: () => void;
    const busy = new Promise<void>((resolve) => (modelBusy = resolve));
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { engine, batcher, lexical } = engineWith({ called: () => modelBusy(), hold });
    const pass = vi.spyOn(lexical, 'pass');
    const first = engine.search({ q: 'aws backlog', k: 10 });
    await busy;
    // The model is computing the first query (held until the test lets it go): these wait in the queue, and their clients leave.
    const gone = Array.from({ length: 12 }, () => new AbortController());
    const queued = gone.map((g, i) => engine.search({ q: `what did Olsavsky say about capacity ${i}`, k: 10 }, { signal: g.signal }));
    // They leave once all twelve are queued, however busy the machine (a hang-up is noticed later than the request).
    for (let turn = 0; turn < 10_000 && batcher.stats().waiting < 12; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(batcher.stats().waiting).toBe(12);
    for (const g of gone) g.abort(new Error('client gone'));
    const outcomes = await Promise.allSettled(queued);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    release();
    await first;
    // One pass: the first search's. The abandoned ones never reached the model or retrieval.
    expect(pass).toHaveBeenCalledTimes(1);
    expect(batcher.stats()).toMatchObject({ cancelled: 12, waiting: 0 });
    expect(batcher.batchSizes).toEqual([1]);
  });
});

describe('a search whose caller gives up stops cleanly', () => {
  it('aborted before the query reaches the model: the query leaves the queue, no retrieval runs, the abort reason is the error', async () => {
    const { engine, batcher, lexical } = engineWith();
    const pass = vi.spyOn(lexical, 'pass');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const gone = new AbortController();
      const search = engine.search({ q: 'what did Jassy say about Trainium', k: 10 }, { signal: gone.signal });
      gone.abort(new Error('client gone'));
      await expect(search).rejects.toThrow('client gone');
      await settle();
      expect(pass).not.toHaveBeenCalled();
      expect(batcher.batchSizes).toEqual([]);
      expect(batcher.stats()).toMatchObject({ cancelled: 1, abandoned: 0, waiting: 0 });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('aborted while the model computes: the vector is dropped and nothing after it runs', async () => {
    const gone = new AbortController();
    // Abort the moment the model call has been made: the BM25 pass may already have run, the rest may not.
    const { engine, batcher, dense } = engineWith({ called: () => queueMicrotask(() => gone.abort(new Error('timed out'))) });
    const retrieve = vi.spyOn(dense, 'retrieve');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(engine.search({ q: 'aws backlog', k: 10 }, { signal: gone.signal })).rejects.toThrow('timed out');
      // The model call itself runs to its end (on a busy machine, later than any fixed wait): then nothing may follow it.
      await vi.waitFor(() => expect(batcher.stats().inFlight).toBe(0), { timeout: 10_000, interval: 10 });
      await settle();
      expect(retrieve).not.toHaveBeenCalled();
      expect(batcher.batchSizes).toEqual([1]);
      expect(batcher.stats()).toMatchObject({ abandoned: 1, inFlight: 0 });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('already aborted: refused at once, without an unhandled rejection while retrieval would have started', async () => {
    const { engine, batcher, lexical } = engineWith();
    const pass = vi.spyOn(lexical, 'pass');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const search = engine.search({ q: 'aws backlog', k: 10 }, { signal: AbortSignal.abort(new Error('gone already')) });
      await expect(search).rejects.toThrow('gone already');
      await settle();
      expect(pass).not.toHaveBeenCalled();
      expect(batcher.batchSizes).toEqual([]);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
