/**
 * Coalesces concurrent single-text embedding requests into batched model calls.
 * No timer: the first request runs at once (so a lone query pays nothing extra);
 * requests that arrive while a batch is running wait and go together in the next
 * one, up to `maxBatch`. Throughput therefore rises with load, latency at
 * concurrency 1 is unchanged, and the model is never called concurrently.
 */
export interface MicroBatcherOptions {
  /** Upper bound on texts per model call; bounds the padding cost and the wait of the last in line. */
  maxBatch?: number;
}

type Pending = { text: string; resolve: (v: Float32Array) => void; reject: (e: unknown) => void };

export class MicroBatcher {
  private readonly queue: Pending[] = [];
  private running = false;
  private readonly maxBatch: number;
  /** Batch sizes seen, for the benchmark's report. */
  readonly batchSizes: number[] = [];

  constructor(
    private readonly embedBatch: (texts: string[]) => Promise<Float32Array[]>,
    opts: MicroBatcherOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 32;
  }

  embed(text: string): Promise<Float32Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        if (this.batchSizes.length < 100_000) this.batchSizes.push(batch.length);
        try {
          // Identical texts in one batch are embedded once.
          const unique = [...new Set(batch.map((p) => p.text))];
          const vectors = await this.embedBatch(unique);
          const byText = new Map(unique.map((t, i) => [t, vectors[i]!]));
          for (const p of batch) p.resolve(byText.get(p.text)!);
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
