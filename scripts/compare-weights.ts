/**
 * fp32 (reference) vs int8 weights: latency, agreement of vectors, agreement of retrieval.
 *
 *   npx tsx scripts/compare-weights.ts [--runs 40]
 *
 * Uses the real transcript's paragraphs as passages. Prints medians side by side.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEmbedder, type Embedder } from '../src/model/embedder.js';
import { REPO_ROOT } from '../src/model/model-files.js';

const TRANSCRIPT = path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt');
const QUERY = 'what did Jassy say about Trainium';
const QUERIES = [
  QUERY,
  'AWS revenue growth and backlog',
  'capital expenditures guidance for 2026',
  'Thursday Night Football viewership',
  'Project Kuiper satellites launch',
  'advertising revenue growth',
  'operating income guidance for the first quarter',
  'robotics in fulfillment centers',
  'Rufus shopping assistant',
  'free cash flow',
];

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

interface Measured {
  loadMs: number;
  queryMs: number;
  batchMs: number;
  batchPerSec: number;
  passages: Float32Array[];
  queries: Float32Array[];
  /** Vectors of `batch` computed in one call (compare with the same texts embedded alone). */
  batched: Float32Array[];
}

/** Timings alternate between the two models, so a busy machine slows both alike. */
async function measureBoth(
  models: [Embedder, Embedder],
  loads: [number, number],
  batch: string[],
  passages: string[],
): Promise<[Measured, Measured]> {
  for (const m of models) for (let i = 0; i < 5; i++) await m.embedOne(QUERY); // warm-up
  const q: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    for (const k of [0, 1] as const) q[k].push((await time(() => models[k].embedOne(QUERY)))[0]);
  }
  const batched = [await models[0].embed(batch), await models[1].embed(batch)] as const;
  const b: [number[], number[]] = [[], []];
  for (let i = 0; i < Math.max(3, Math.round(RUNS / 8)); i++) {
    for (const k of [0, 1] as const) b[k].push((await time(() => models[k].embed(batch)))[0]);
  }
  const result = async (k: 0 | 1): Promise<Measured> => {
    // All paragraphs one at a time (what an index build at batch 1 does) for the retrieval check.
    const vecs: Float32Array[] = [];
    for (const p of passages) vecs.push(await models[k].embedOne(p));
    const batchMs = median(b[k]);
    return {
      loadMs: loads[k],
      queryMs: median(q[k]),
      batchMs,
      batchPerSec: (batch.length * 1000) / batchMs,
      passages: vecs,
      queries: await models[k].embed(QUERIES),
      batched: batched[k],
    };
  };
  return [await result(0), await result(1)];
}

function topK(query: Float32Array, passages: Float32Array[], k: number): number[] {
  return passages
    .map((p, i) => [dot(query, p), i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, k)
    .map(([, i]) => i);
}

async function main(): Promise<void> {
  const paragraphs = readFileSync(TRANSCRIPT, 'utf8')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 200);
  const batch = paragraphs.slice(0, 16);

  const [fpLoad, fp] = await time(() => loadEmbedder({ quantized: false }));
  const [q8Load, q8] = await time(() => loadEmbedder({ quantized: true }));
  const fpTokens = batch.map((t) => fp.countTokens(t));
  const [a, b] = await measureBoth([fp, q8], [fpLoad, q8Load], batch, paragraphs);
  await fp.close?.();
  await q8.close?.();
  const [load] = os.loadavg();

  const row = (label: string, x: string, y: string) => console.log(`${label.padEnd(34)}${x.padStart(12)}${y.padStart(12)}`);
  console.log(`${os.cpus().length} CPUs, load average ${load!.toFixed(1)} at the end (other work skews timings)`);
  console.log(`runs: ${RUNS}; batch: ${batch.length} paragraphs, median ${median(fpTokens)} tokens (max ${Math.max(...fpTokens)})`);
  row('', 'fp32', 'int8');
  row('load (ms, first includes imports)', a.loadMs.toFixed(0), b.loadMs.toFixed(0));
  row('short query, median (ms)', a.queryMs.toFixed(2), b.queryMs.toFixed(2));
  row(`batch of ${batch.length}, median (ms)`, a.batchMs.toFixed(0), b.batchMs.toFixed(0));
  row('batch throughput (passages/s)', a.batchPerSec.toFixed(1), b.batchPerSec.toFixed(1));
  row('speed-up int8 / fp32', '', `query ×${(a.queryMs / b.queryMs).toFixed(2)}, batch ×${(a.batchMs / b.batchMs).toFixed(2)}`);

  const cosP = a.passages.map((v, i) => dot(v, b.passages[i]!));
  const cosQ = a.queries.map((v, i) => dot(v, b.queries[i]!));
  console.log(
    `cosine int8 vs fp32: passages min ${Math.min(...cosP).toFixed(4)} median ${median(cosP).toFixed(4)} (n=${cosP.length}); ` +
      `queries min ${Math.min(...cosQ).toFixed(4)} median ${median(cosQ).toFixed(4)} (n=${cosQ.length})`,
  );
  // Batch (in)dependence: the batch holds paragraphs[0..15], also embedded one at a time above.
  const batchCos = (m: Measured) => m.batched.map((v, i) => dot(v, m.passages[i]!));
  const fb = batchCos(a);
  const qb = batchCos(b);
  console.log(
    `cosine batched vs alone: fp32 min ${Math.min(...fb).toFixed(6)}; int8 min ${Math.min(...qb).toFixed(4)} median ${median(qb).toFixed(4)}`,
  );
  let top1 = 0;
  let overlap = 0;
  const K = 5;
  QUERIES.forEach((_, i) => {
    const ta = topK(a.queries[i]!, a.passages, K);
    const tb = topK(b.queries[i]!, b.passages, K);
    if (ta[0] === tb[0]) top1++;
    else {
      const qa = a.queries[i]!;
      const gap = dot(qa, a.passages[ta[0]!]!) - dot(qa, a.passages[tb[0]!]!);
      console.log(`  top-1 differs for "${QUERIES[i]}": fp32 score gap between the two picks ${gap.toFixed(4)}`);
    }
    overlap += tb.filter((x) => ta.includes(x)).length / K;
  });
  console.log(
    `retrieval over ${paragraphs.length} paragraphs, ${QUERIES.length} queries: same top-1 ${top1}/${QUERIES.length}, ` +
      `mean top-${K} overlap ${((overlap / QUERIES.length) * 100).toFixed(0)}%`,
  );
}

main().catch((err: unknown) => {
  console.error(`compare-weights: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
