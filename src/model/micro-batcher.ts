/**
 * Coalesces concurrent single-text embedding requests into batched model calls, with a queue
 * bounded by model work and requests that leave it when their client does.
 *
 * No timer. A batch starts at the end of the event-loop turn in which its first request
 * arrived (setImmediate), so every request the server read in that turn goes in it, and a lone
 * query waits for nothing but the rest of its own turn. Requests that arrive while a batch runs
 * queue up, and go as the next batch the moment the running one returns, before its callers'
 * code runs: the model process works on them while the server finishes the searches of the
 * batch just returned.
 *
 * Cost is counted in model tokens (estimated as requests arrive, see estimateTokens), not in
 * requests: a 500-character query costs the model ten times a short one. The queue admits work
 * up to `maxQueueTokens` and refuses the rest (ModelUnavailableError 'busy', with a Retry-After
 * from the measured model speed), so a burst cannot build a backlog that takes minutes to drain.
 * A batch takes up to `maxBatch` texts and `maxBatchTokens` tokens, so one model call, and the
 * wait of whoever arrives during it, stays short, and so does the memory it needs.
 *
 * A request whose AbortSignal fires (client gone, request timed out) leaves the queue at once and
 * never reaches the model; one already in a running batch is answered with the abort and its
 * vector dropped.
 *
 * Within a batch, texts are sorted by length and cut into calls of texts of similar length
 * whenever that pads fewer tokens than one call would, so a long query does not make 31 short
 * ones pay for its length. A text's vector does not depend on its batch companions.
 */
import { MODEL_MAX_TOKENS } from './model-files.js';
import { ModelUnavailableError } from './model-errors.js';
import { estimateTokens } from './token-estimate.js';

export interface MicroBatcherOptions {
  /** Upper bound on texts taken from the queue per batch; bounds the wait of the last in line. */
  maxBatch?: number;
  /** Upper bound on the tokens of one batch (at least one text always goes). */
  maxBatchTokens?: number;
  /** Tokens that may wait for the model; past it, embed() refuses with ModelUnavailableError 'busy'. */
  maxQueueTokens?: number;
  /** Model tokens a text will cost. Default: estimateTokens. */
  measure?: (text: string) => number;
}

export interface EmbedOptions {
  /** Abort: the request leaves the queue (or its result is dropped) and embed() rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What an operator sees of the queue (GET /api/health). */
export interface QueueStats {
  /** Texts waiting for the model, and their tokens. */
  waiting: number;
  waitingTokens: number;
  /** Texts in the model call running now. */
  inFlight: number;
  maxQueueTokens: number;
  /** Requests refused because the queue was full (503 busy), since start. */
  rejected: number;
  /** Requests whose client left (or timed out) while they waited: removed before reaching the model. */
  cancelled: number;
  /** Requests whose client left while their batch was running: the vector was dropped. */
  abandoned: number;
  /** Model tokens per second over recent batches of some size (estimated tokens), or null before the first. */
  tokensPerSecond: number | null;
}

interface Pending {
  text: string;
  tokens: number;
  resolve: (v: Float32Array) => void;
  reject: (e: unknown) => void;
  settled: boolean;
  detach: () => void;
}

/** Texts per batch: at 32, the model's per-text cost has levelled off (npm run bench, "model batch"). */
export const DEFAULT_MAX_BATCH = 32;
/**
 * Tokens per model call. 32 short queries (10–20 tokens) fit; 500-character queries (~100 tokens)
 * go 10 at a time. Per text, long texts cost no less in calls of 32 than of 8 (43 vs 36 ms on one
 * thread, the attention grows with rows × length²), while memory grows with the call (RSS +137 MB
 * over 150 calls of up to 32 texts, +26 MB up to 8), and so does the wait of whoever arrives
 * during one.
 */
export const DEFAULT_MAX_BATCH_TOKENS = 1024;
/**
 * Tokens that may wait: one to two seconds of model work on the 2-core dev box (500-character
 * queries ran at 1,600–2,700 tokens/s on one intra-op thread with the machine shared, npm run
 * bench; /api/health shows the live figure), i.e. ~40 waiting 500-character queries or ~300
 * short ones. QUEUE_MAX_TOKENS overrides it (src/server/config.ts).
 */
export const DEFAULT_MAX_QUEUE_TOKENS = 4096;
/** A split must save at least this share of the padded tokens to be worth a second model call. */
const MIN_SAVING = 0.25;
/** Smallest model call a split may produce; a call has a fixed cost, so tiny calls do not pay. */
const MIN_GROUP = 4;
/** Only calls of at least this many padded tokens count towards the measured speed. */
const SPEED_MIN_TOKENS = 256;
/** Weight of the newest batch in the running tokens/second figure. */
const SPEED_SMOOTHING = 0.2;
/** Retry-After bounds, seconds. */
const MIN_RETRY_S = 1;
const MAX_RETRY_S = 30;

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

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export class MicroBatcher {
  private readonly queue: Pending[] = [];
  private waitingTokens = 0;
  private inFlight = 0;
  private running = false;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxBatchTokens: number;
  private readonly maxQueueTokens: number;
  private readonly measure: (text: string) => number;
  private counts = { rejected: 0, cancelled: 0, abandoned: 0 };
  private tokensPerSecond: number | null = null;
  /** Batch sizes seen (texts taken from the queue per batch), for the benchmark's report. */
  readonly batchSizes: number[] = [];

  constructor(
    private readonly embedBatch: (texts: string[]) => Promise<Float32Array[]>,
    opts: MicroBatcherOptions = {},
  ) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? DEFAULT_MAX_BATCH);
    this.maxBatchTokens = Math.max(1, opts.maxBatchTokens ?? DEFAULT_MAX_BATCH_TOKENS);
    this.maxQueueTokens = Math.max(MODEL_MAX_TOKENS, opts.maxQueueTokens ?? DEFAULT_MAX_QUEUE_TOKENS);
    this.measure = opts.measure ?? estimateTokens;
  }

  embed(text: string, opts: EmbedOptions = {}): Promise<Float32Array> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const tokens = Math.max(1, this.measure(text));
    const refused = this.refuse(tokens);
    if (refused) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      const item: Pending = { text, tokens, resolve, reject, settled: false, detach: () => {} };
      if (signal) {
        const onAbort = () => this.abandon(item, abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        item.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.queue.push(item);
      this.waitingTokens += tokens;
      this.schedule();
    });
  }

  /**
   * The refusal embed() would give `text` now (counted as one), or null if it would be queued: a
   * caller about to spend work on a request (interpreting a long query) asks first.
   */
  refusal(text: string): ModelUnavailableError | null {
    return this.refuse(Math.max(1, this.measure(text)));
  }

  private refuse(tokens: number): ModelUnavailableError | null {
    // Always admit into an empty queue: one text is at most MODEL_MAX_TOKENS of work.
    if (this.queue.length === 0 || this.waitingTokens + tokens <= this.maxQueueTokens) return null;
    this.counts.rejected++;
    const retry = this.retryAfterSeconds();
    return new ModelUnavailableError('busy', `the model is busy (${this.queue.length} queries waiting); retry in ${retry} s`, retry);
  }

  stats(): QueueStats {
    return {
      waiting: this.queue.length,
      waitingTokens: this.waitingTokens,
      inFlight: this.inFlight,
      maxQueueTokens: this.maxQueueTokens,
      ...this.counts,
      tokensPerSecond: this.tokensPerSecond === null ? null : Math.round(this.tokensPerSecond),
    };
  }

  /** Seconds until the queue has likely drained enough to admit a request. */
  private retryAfterSeconds(): number {
    const speed = this.tokensPerSecond;
    const s = speed ? Math.ceil(this.waitingTokens / speed) : MIN_RETRY_S;
    return Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, s));
  }

  private settle(item: Pending, outcome: { vector: Float32Array } | { error: unknown }): void {
    if (item.settled) return;
    item.settled = true;
    item.detach();
    if ('vector' in outcome) item.resolve(outcome.vector);
    else item.reject(outcome.error);
  }

  /** The caller gave up: out of the queue if it is still there, else its result will be dropped. */
  private abandon(item: Pending, reason: unknown): void {
    if (item.settled) return;
    const at = this.queue.indexOf(item);
    if (at >= 0) {
      this.queue.splice(at, 1);
      this.waitingTokens -= item.tokens;
      this.counts.cancelled++;
    } else this.counts.abandoned++;
    this.settle(item, { error: reason });
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.runBatch();
    });
  }

  /** The next batch: FIFO, up to maxBatch texts and maxBatchTokens tokens (always at least one text). */
  private takeBatch(): Pending[] {
    let tokens = 0;
    let n = 0;
    while (n < this.queue.length && n < this.maxBatch) {
      const next = this.queue[n]!.tokens;
      if (n > 0 && tokens + next > this.maxBatchTokens) break;
      tokens += next;
      n++;
    }
    const batch = this.queue.splice(0, n);
    this.waitingTokens -= tokens;
    return batch;
  }

  private async runBatch(): Promise<void> {
    if (this.queue.length === 0) return;
    this.running = true;
    const batch = this.takeBatch();
    this.inFlight = batch.length;
    if (this.batchSizes.length < 100_000) this.batchSizes.push(batch.length);
    const byText = new Map<string, Float32Array>();
    let failure: { error: unknown } | null = null;
    const started = performance.now();
    let tokens = 0;
    try {
      // Identical texts in one batch are embedded once.
      const unique = new Map<string, number>();
      for (const p of batch) unique.set(p.text, p.tokens);
      const sized = [...unique].map(([text, t]) => ({ text, tokens: t })).sort((a, b) => a.tokens - b.tokens);
      let from = 0;
      for (const to of planGroups(sized.map((s) => s.tokens))) {
        const group = sized.slice(from, to);
        const vectors = await this.embedBatch(group.map((s) => s.text));
        group.forEach((s, i) => byText.set(s.text, vectors[i]!));
        // Padded tokens: what the call cost.
        tokens += group.length * group[group.length - 1]!.tokens;
        from = to;
      }
    } catch (error) {
      failure = { error };
    }
    const seconds = (performance.now() - started) / 1000;
    // Small calls are mostly fixed cost and would understate the speed a full queue drains at.
    if (!failure && seconds > 0 && tokens >= SPEED_MIN_TOKENS) {
      const speed = tokens / seconds;
      this.tokensPerSecond = this.tokensPerSecond === null ? speed : this.tokensPerSecond + SPEED_SMOOTHING * (speed - this.tokensPerSecond);
    }
    this.running = false;
    this.inFlight = 0;
    if (this.queue.length > 0) void this.runBatch();
    for (const p of batch) this.settle(p, failure ?? { vector: byText.get(p.text)! });
  }
}
