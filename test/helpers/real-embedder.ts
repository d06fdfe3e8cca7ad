import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { TextEmbedder } from '../../src/index/embedder-port.js';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { textEmbedder } from '../../src/service/open-service.js';

/*
 * For a test file that builds its own small indexes: the real model, its text embedder (no
 * embedding cache) and a scratch folder. `model`, `embedder` and `scratchDir` are live bindings,
 * set by the beforeAll that useRealEmbedder registers (so before the file's own hooks and tests).
 */
export let model: Embedder;
export let embedder: TextEmbedder;
export let scratchDir: string;
let sequence = 0;

/** Registers the hooks: load the model and make the scratch folder before, close and remove them after. */
export function useRealEmbedder(scratchPrefix: string): void {
  beforeAll(async () => {
    model = await loadEmbedder();
    embedder = await textEmbedder(model, false);
    scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), scratchPrefix));
  });
  afterAll(async () => {
    await model?.close?.();
    if (scratchDir) await fs.rm(scratchDir, { recursive: true, force: true });
  });
}

/** A path in the scratch folder that no earlier call returned: `<name>-<n>`. */
export const scratchPath = (name: string): string => path.join(scratchDir, `${name}-${++sequence}`);
