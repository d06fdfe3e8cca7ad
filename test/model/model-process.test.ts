/**
 * The model process, for real: killed with SIGKILL (between calls, or in the middle of one), it is
 * restarted and serves the same vectors; the calls it had and calls made while it restarts are
 * refused at once (503 material: ModelUnavailableError with a Retry-After), never left hanging;
 * one that cannot be restarted ends 'failed'; closing lets the call in progress finish.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PreTrainedTokenizer } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelUnavailableError } from '../../src/model/model-errors.js';
import { ModelProcess, type ModelState } from '../../src/model/model-process.js';
import { sessionSettings } from '../../src/model/session.js';
import { encodeBatch, loadModelTokenizer } from '../../src/model/tokenize.js';
import { onnxFileFor } from '../../src/model/weights.js';

// The int8 weights: a quarter of the size, so each (re)start is quick.
const WEIGHTS = onnxFileFor(true);
const settings = { ...sessionSettings(), threads: 1 };

let tokenizer: PreTrainedTokenizer;
let tmp: string;
const models: ModelProcess[] = [];
beforeAll(async () => {
  tokenizer = await loadModelTokenizer();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'model-process-'));
});
afterAll(async () => {
  for (const m of models) await m.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

function model(onnxFile = WEIGHTS, restartDelaysMs?: number[]): ModelProcess {
  const m = new ModelProcess({ onnxFile, settings, restartDelaysMs });
  models.push(m);
  return m;
}

async function until(m: ModelProcess, state: ModelState): Promise<void> {
  for (let i = 0; i < 600 && m.state !== state; i++) await new Promise((r) => setTimeout(r, 50));
  expect(m.state).toBe(state);
}

const processGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

const inputs = (texts: string[]) => encodeBatch(tokenizer, texts);
const LONG = Array.from({ length: 8 }, (_, i) => `${i} Can you talk about AWS capacity, power, chips and how they shape growth next year? `.repeat(6));

describe('ModelProcess', () => {
  it('killed with SIGKILL, it is restarted; calls meanwhile are refused with a Retry-After; then it serves the same vectors', async () => {
    const m = model();
    await m.ready;
    const before = await m.run(inputs(['what did Jassy say about Trainium']));
    const pid = m.pid!;
    process.kill(pid, 'SIGKILL');
    await until(m, 'restarting');
    const refused = await m.run(inputs(['AWS'])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ModelUnavailableError);
    expect((refused as ModelUnavailableError).reason).toBe('restarting');
    expect((refused as ModelUnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await until(m, 'ready');
    expect(m.status()).toMatchObject({ state: 'ready', restarts: 1 });
    expect(m.status().lastError).toMatch(/SIGKILL/);
    expect(m.pid).not.toBe(pid);
    const after = await m.run(inputs(['what did Jassy say about Trainium']));
    expect([...after.data]).toEqual([...before.data]);
  });

  it('killed in the middle of a call, the call is refused at once (not left hanging), and the next ones run', async () => {
    const m = model();
    await m.ready;
    const running = m.run(inputs(LONG));
    m.kill('SIGKILL');
    const refused = (await running.catch((e: unknown) => e)) as ModelUnavailableError;
    expect(refused).toBeInstanceOf(ModelUnavailableError);
    expect(refused.reason).toBe('restarting');
    await until(m, 'ready');
    expect((await m.run(inputs(LONG))).rows).toBe(8);
  });

  it('survives many restarts', async () => {
    const m = model(WEIGHTS, Array(10).fill(10));
    await m.ready;
    for (let i = 0; i < 5; i++) {
      expect((await m.run(inputs([`query ${i}`]))).rows).toBe(1);
      m.kill('SIGKILL');
      await until(m, 'restarting');
      await until(m, 'ready');
    }
    expect(m.status().restarts).toBe(5);
  });

  it('ends failed, refusing calls without a Retry-After, when no new process can load the model', async () => {
    const file = path.join(tmp, 'model.onnx');
    await fs.symlink(WEIGHTS, file);
    const m = model(file, [10, 10]);
    await m.ready;
    await fs.rm(file); // the weights are gone: every restart fails to load them
    m.kill('SIGKILL');
    await until(m, 'failed');
    expect(m.status().restarts).toBe(2);
    const refused = (await m.run(inputs(['AWS'])).catch((e: unknown) => e)) as ModelUnavailableError;
    expect(refused).toBeInstanceOf(ModelUnavailableError);
    expect(refused.reason).toBe('failed');
    expect(refused.retryAfterSeconds).toBeNull();
  });

  it('a model that does not load at all fails its first start', async () => {
    const m = model(path.join(tmp, 'no-such-model.onnx'));
    await expect(m.ready).rejects.toThrow();
    expect(m.state).toBe('failed');
  });

  it('close() lets the call in progress finish, then stops the process, and refuses new calls', async () => {
    const m = model();
    await m.ready;
    const pid = m.pid!;
    const running = m.run(inputs(LONG));
    const closed = m.close();
    expect((await running).rows).toBe(8);
    await closed;
    expect(m.state).toBe('closed');
    expect(processGone(pid)).toBe(true);
    await expect(m.run(inputs(['AWS']))).rejects.toBeInstanceOf(ModelUnavailableError);
  });
});
