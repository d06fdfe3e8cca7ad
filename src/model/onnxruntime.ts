/**
 * The onnxruntime-node that transformers.js itself runs on (a dependency of
 * @xenova/transformers, not of this project), for tools and tests that run an ONNX graph
 * directly.
 */
import { createRequire } from 'node:module';

export type OnnxRuntime = typeof import('onnxruntime-node');

let cached: OnnxRuntime | undefined;

export function onnxRuntime(): OnnxRuntime {
  if (!cached) {
    const req = createRequire(import.meta.url);
    const fromTransformers = createRequire(req.resolve('@xenova/transformers/package.json'));
    cached = fromTransformers('onnxruntime-node') as OnnxRuntime;
  }
  return cached;
}
