/**
 * The micro-batcher in front of the real model: texts whose caller gave up leave the queue before
 * they reach the model; the queue refuses work past its token bound; batches respect their token
 * cap; vectors are those of the model, whatever the batching. A gate holds the model call so the
 * queue can be looked at while it is full (the model itself is real).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { MicroBatcher, type MicroBatcherOptions } from '../../src/model/micro-batcher.js';
import { ModelUnavailableError } from '../../src/model/model-errors.js';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await loadEmbedder();
});
afterAll(async () => {
  await embedder?.close?.();
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** A batcher over the real model whose calls wait for `open()`, recording the texts each call got. */
function gated(opts: MicroBatcherOptions = {}) {
  const calls: string[][] = [];
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  const batcher = new MicroBatcher(async (texts) => {
    calls.push(texts);
    await gate;
    return embedder.embed(texts);
  }, opts);
  return {
    batcher,
    calls,
    open: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));
const QUERIES = ['AWS backlog', 'free cash flow', 'Trainium demand', 'Kuiper launch costs', 'advertising revenue growth', 'capex outlook'];

describe('MicroBatcher', () => {
  it('gives each caller the vector the model gives for its text alone', async () => {
    const batcher = new MicroBatcher((texts) => embedder.embed(texts));
    const long = 'Can you talk about the trajectory of AWS growth and how capacity additions in power and chips affect it? '.repeat(4);
    const texts = [...QUERIES, long, QUERIES[0]!];
    const batched = await Promise.all(texts.map((t) => batcher.embed(t)));
    for (const [i, t] of texts.entries()) expect(dot(batched[i]!, await embedder.embedOne(t)), t).toBeGreaterThan(0.99999);
  });

  it('drops a queued text whose signal fires: it never reaches the model, and its caller gets the abort at once', async () => {
    const { batcher, calls, open } = gated();
    const first = batcher.embed('what did Jassy say about Trainium');
    await tick(); // the first batch is now at the (closed) gate
    const controllers = QUERIES.map(() => new AbortController());
    const queued = QUERIES.map((q, i) => batcher.embed(q, { signal: controllers[i]!.signal }));
    expect(batcher.stats()).toMatchObject({ waiting: QUERIES.length, inFlight: 1 });
    for (const i of [0, 2, 3]) controllers[i]!.abort(new DOMException('the client disconnected', 'AbortError'));
    for (const i of [0, 2, 3]) await expect(queued[i]).rejects.toThrow('the client disconnected');
    expect(batcher.stats()).toMatchObject({ waiting: 3, cancelled: 3 });
    open();
    await first;
    const kept = await Promise.all([1, 4, 5].map((i) => queued[i]!));
    expect(kept.every((v) => v.length === 384)).toBe(true);
    const reached = calls.flat();
    expect(reached).toContain(QUERIES[1]);
    for (const i of [0, 2, 3]) expect(reached).not.toContain(QUERIES[i]);
    expect(batcher.stats()).toMatchObject({ waiting: 0, waitingTokens: 0, cancelled: 3 });
  });

  it('a caller that gives up while its batch runs gets the abort at once; the others get their vectors', async () => {
    const { batcher, open } = gated();
    const gone = new AbortController();
    const a = batcher.embed('AWS backlog', { signal: gone.signal });
    const b = batcher.embed('free cash flow');
    await tick();
    expect(batcher.stats().inFlight).toBe(2);
    gone.abort();
    await expect(a).rejects.toThrow(/abort/i);
    open();
    expect(await b).toHaveLength(384);
    expect(batcher.stats()).toMatchObject({ abandoned: 1, cancelled: 0 });
  });

  it('refuses an already aborted signal without queueing', async () => {
    const { batcher, calls } = gated();
    await expect(batcher.embed('AWS', { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
    await tick();
    expect(calls).toEqual([]);
    expect(batcher.stats().waiting).toBe(0);
  });

  it('past its token bound the queue refuses with ModelUnavailableError busy and a Retry-After, counted', async () => {
    const { batcher, open } = gated({ maxQueueTokens: 300, measure: () => 100 });
    const running = batcher.embed('first');
    await tick();
    const admitted = ['a', 'b', 'c'].map((t) => batcher.embed(t));
    const refused = batcher.embed('d');
    await expect(refused).rejects.toBeInstanceOf(ModelUnavailableError);
    const err = (await refused.catch((e: unknown) => e)) as ModelUnavailableError;
    expect(err.reason).toBe('busy');
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(batcher.stats()).toMatchObject({ waiting: 3, waitingTokens: 300, rejected: 1 });
    // Asked beforehand (the server does, before interpreting a query), it says the same, and counts it.
    expect(batcher.refusal('e')?.reason).toBe('busy');
    expect(batcher.stats().rejected).toBe(2);
    open();
    await running;
    await Promise.all(admitted);
    expect(batcher.refusal('e')).toBeNull();
    expect(batcher.stats().rejected).toBe(2);
    // Room again once the queue drained.
    expect(await batcher.embed('e')).toHaveLength(384);
  });

  it('cuts batches at maxBatchTokens (at least one text per batch)', async () => {
    const { batcher, calls, open } = gated({ maxBatchTokens: 250, measure: () => 100 });
    open();
    await Promise.all(QUERIES.map((q) => batcher.embed(q)));
    expect(batcher.batchSizes).toEqual([2, 2, 2]);
    expect(calls.flat().sort()).toEqual([...QUERIES].sort());
    const huge = gated({ maxBatchTokens: 50, measure: () => 100 });
    huge.open();
    await Promise.all(['x', 'y'].map((q) => huge.batcher.embed(q)));
    expect(huge.batcher.batchSizes).toEqual([1, 1]);
  });
});
