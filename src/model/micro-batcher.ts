/**
 * Coalesces concurrent single-text embedding requests into batched model calls.
 *
 * No timer. A batch starts at the end of the event-loop turn in which its first request
 * arrived (setImmediate), so every request the server read in that turn goes in it, and a lone
 * query waits for nothing but the rest of its own turn. Requests that arrive while a batch runs
 * queue up, and go as the next batch (up to `maxBatch`) the moment the running one returns,
 * before its callers' code runs: the model thread works on them while the main thread finishes
 * the searches of the batch just returned.
 *
 * Within a batch, texts are sorted by length and cut into calls of texts of similar length
 * whenever that pads fewer tokens than one call would, so a long query does not make 31 short
 * ones pay for its length. A text's vector does not depend on its batch companions.
 */
export interface MicroBatcherOptions {
  /** Upper bound on texts taken from the queue per batch; bounds the wait of the last in line. */
  maxBatch?: number;
  /**
   * Tokens a text will occupy (to group texts of similar length). Default: its length in
   * characters, a fair proxy for short queries.
   */
  measure?: (text: string) => number;
}

type Pending = { text: string; resolve: (v: Float32Array) => void; reject: (e: unknown) => void };

/** Texts per batch: at 32, the model's per-text cost has levelled off (npm run bench, "model batch"). */
export const DEFAULT_MAX_BATCH = 32;
/** A split must save at least this share of the padded tokens to be worth a second model call. */
const MIN_SAVING = 0.25;
/** Smallest model call a split may produce; a call has a fixed cost, so tiny calls do not pay. */
const MIN_GROUP = 4;

/**
 * Cut `lengths` (sorted ascending) into consecutive groups so that the padded size
 * (group size × its longest text) shrinks, each cut saving at least MIN_SAVING of what it cuts.
 * Returns the group boundaries as end indices.
 */
export function planGroups(lengths: number[]): number[] {
  const n = lengths.length;
  const ends: number[] = [];
  const split = (from: number, to: number): void => {
    const size = to - from;
    const whole = size * lengths[to - 1]!;
    let best = -1;
    let bestCost = whole;
    for (let cut = from + MIN_GROUP; cut <= to - MIN_GROUP; cut++) {
      const cost = (cut - from) * lengths[cut - 1]! + (to - cut) * lengths[to - 1]!;
      if (cost < bestCost) {
        bestCost = cost;
        best = cut;
      }
    }
    if (best > 0 && bestCost <= whole * (1 - MIN_SAVING)) {
      split(from, best);
      split(best, to);
    } else ends.push(to);
  };
  if (n > 0) split(0, n);
  return ends;
}

export class MicroBatcher {
  private readonly queue: Pending[] = [];
  private running = false;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly measure: (text: string) => number;
  /** Batch sizes seen (texts taken from the queue per batch), for the benchmark's report. */
  readonly batchSizes: number[] = [];

  constructor(
    private readonly embedBatch: (texts: string[]) => Promise<Float32Array[]>,
    opts: MicroBatcherOptions = {},
  ) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? DEFAULT_MAX_BATCH);
    this.measure = opts.measure ?? ((t) => t.length);
  }

  embed(text: string): Promise<Float32Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.runBatch();
    });
  }

  private async runBatch(): Promise<void> {
    this.running = true;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.batchSizes.length < 100_000) this.batchSizes.push(batch.length);
    const byText = new Map<string, Float32Array>();
    let failure: { err: unknown } | null = null;
    try {
      // Identical texts in one batch are embedded once.
      const unique = [...new Set(batch.map((p) => p.text))];
      const sized = unique.map((text) => ({ text, tokens: this.measure(text) })).sort((a, b) => a.tokens - b.tokens);
      let from = 0;
      for (const to of planGroups(sized.map((s) => s.tokens))) {
        const texts = sized.slice(from, to).map((s) => s.text);
        const vectors = await this.embedBatch(texts);
        texts.forEach((t, i) => byText.set(t, vectors[i]!));
        from = to;
      }
    } catch (err) {
      failure = { err };
    }
    this.running = false;
    if (this.queue.length > 0) void this.runBatch();
    for (const p of batch) {
      if (failure) p.reject(failure.err);
      else p.resolve(byText.get(p.text)!);
    }
  }
}
