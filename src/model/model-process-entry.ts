/**
 * The model process's own code (model-process.ts forks a process running this file): open the
 * onnxruntime session, then answer model calls one at a time, in arrival order, over the IPC
 * channel. It exits when its parent goes away (the channel closes).
 */
import type { InferenceSession } from 'onnxruntime-node';
import { openSession, runSession, type Embedded, type SessionSettings } from './session.js';
import type { ModelInputs } from './tokenize.js';

/** The environment variable carrying this process's settings (its presence marks a model process). */
export const MODEL_PROCESS_ENV = 'TRANSCRIPT_SEARCH_MODEL_PROCESS';

export interface ModelProcessConfig {
  onnxFile: string;
  settings: SessionSettings;
}

export type ModelRequest = { id: number; inputs: ModelInputs };
export type ModelMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | ({ type: 'result'; id: number } & Embedded)
  | { type: 'error'; id: number; message: string };

function send(m: ModelMessage): void {
  // The parent may be gone; then there is no one to answer.
  if (process.connected) process.send!(m);
}

async function serve(config: ModelProcessConfig): Promise<void> {
  // Parent gone: nothing left to do. (Handled between model calls: a call runs synchronously.)
  process.on('disconnect', () => process.exit(0));
  let session: InferenceSession;
  try {
    session = await openSession(config.onnxFile, config.settings);
  } catch (err) {
    send({ type: 'failed', message: (err as Error).message });
    process.disconnect();
    return;
  }
  let tail: Promise<unknown> = Promise.resolve();
  process.on('message', ({ id, inputs }: ModelRequest) => {
    tail = tail.then(async () => {
      try {
        send({ type: 'result', id, ...(await runSession(session, inputs)) });
      } catch (err) {
        send({ type: 'error', id, message: (err as Error).message });
      }
    });
  });
  send({ type: 'ready' });
}

const config = process.env[MODEL_PROCESS_ENV];
if (config && process.send) void serve(JSON.parse(config) as ModelProcessConfig);
