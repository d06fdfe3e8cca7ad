/**
 * Builds a BERT encoder (the architecture of sentence-transformers/all-MiniLM-L6-v2) as an
 * ONNX graph from a set of named float32 weights in the Hugging Face naming scheme.
 *
 * Inputs  (int64, [batch, sequence]): input_ids, attention_mask, token_type_ids
 * Output  (float32, [batch, sequence, hidden]): last_hidden_state
 *
 * Only standard ONNX operators (opset 14) are used. LayerNorm and GELU are written in the
 * decomposed form that onnxruntime's graph optimizer recognises and fuses.
 *
 * With `quantize: 'int8'`, the weights of the six Linear layers of each encoder layer are
 * stored as per-output-channel symmetric int8, and their input activations are quantized at
 * run time to uint8 (zero point 128) with one scale per token, then multiplied with
 * MatMulInteger and rescaled. Per-token scales keep a text's vector independent of what else
 * is in the batch (and of padding). `'int8-tensor'` instead uses DynamicQuantizeLinear (one
 * scale for the whole batch): onnxruntime fuses it into DynamicQuantizeMatMul and it is a bit
 * faster, but a text's vector then depends on its batch companions (cosine down to ≈0.986).
 * Embeddings, LayerNorms, biases and the attention score products stay float32.
 *
 * Note (onnxruntime 1.14): with a per-token scale, `acc · (rowScale · colScale)` is fused
 * into MatMulIntegerToFloat and gives wrong results (cosine ≈0.5); `(acc · colScale) · rowScale`
 * is computed correctly, so keep that order.
 */
import { DataType, GraphBuilder } from './onnx-graph.js';

export interface BertConfig {
  vocab_size: number;
  hidden_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  intermediate_size: number;
  max_position_embeddings: number;
  type_vocab_size: number;
  layer_norm_eps: number;
  hidden_act: string;
}

/** Returns the float32 values of a weight, checking its shape (PyTorch layout, Linear is [out, in]). */
export type WeightSource = (name: string, shape: readonly number[]) => Float32Array;

export interface BuildBertOptions {
  /**
   * 'int8': per-token (row) symmetric activation quantization → batch-independent results.
   * 'int8-tensor': DynamicQuantizeLinear (one scale per tensor, so the batch shifts results).
   */
  quantize?: 'none' | 'int8' | 'int8-tensor';
  producerVersion: string;
  docString?: string;
}

export const ONNX_OPSET = 14;

export function validateBertConfig(raw: unknown): BertConfig {
  const c = raw as Partial<BertConfig> & { model_type?: string; position_embedding_type?: string };
  const ints: (keyof BertConfig)[] = [
    'vocab_size',
    'hidden_size',
    'num_hidden_layers',
    'num_attention_heads',
    'intermediate_size',
    'max_position_embeddings',
    'type_vocab_size',
  ];
  for (const k of ints) {
    if (!Number.isInteger(c[k]) || (c[k] as number) <= 0) throw new Error(`BERT config: ${k} missing or invalid`);
  }
  if (c.model_type !== undefined && c.model_type !== 'bert') throw new Error(`BERT config: model_type is ${c.model_type}`);
  if (c.hidden_act !== 'gelu') throw new Error(`BERT config: hidden_act ${String(c.hidden_act)} not supported (only gelu)`);
  if (c.position_embedding_type !== undefined && c.position_embedding_type !== 'absolute') {
    throw new Error(`BERT config: position_embedding_type ${c.position_embedding_type} not supported`);
  }
  if (c.hidden_size! % c.num_attention_heads! !== 0) throw new Error('BERT config: hidden_size not divisible by heads');
  return {
    ...(c as BertConfig),
    layer_norm_eps: typeof c.layer_norm_eps === 'number' ? c.layer_norm_eps : 1e-12,
  };
}

/** Transpose a row-major [rows, cols] matrix into [cols, rows]. */
export function transpose2d(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = m[base + c]!;
  }
  return out;
}

/**
 * Symmetric per-column int8 quantization of a row-major [k, n] matrix:
 * q[i, j] = round(w[i, j] / scale[j]), scale[j] = max_i |w[i, j]| / 127.
 */
export function quantizePerColumn(w: Float32Array, k: number, n: number): { q: Int8Array; scale: Float32Array } {
  const scale = new Float32Array(n);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const a = Math.abs(w[i * n + j]!);
      if (a > scale[j]!) scale[j] = a;
    }
  }
  for (let j = 0; j < n; j++) scale[j] = scale[j]! > 0 ? scale[j]! / 127 : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const v = Math.round(w[i * n + j]! / scale[j]!);
      q[i * n + j] = v > 127 ? 127 : v < -127 ? -127 : v;
    }
  }
  return { q, scale };
}

export function buildBertOnnx(cfg: BertConfig, weight: WeightSource, opts: BuildBertOptions): Uint8Array {
  const H = cfg.hidden_size;
  const heads = cfg.num_attention_heads;
  const headDim = H / heads;
  const I = cfg.intermediate_size;
  const int8 = opts.quantize === 'int8' || opts.quantize === 'int8-tensor';
  const perRow = opts.quantize === 'int8';

  const g = new GraphBuilder({
    name: 'bert_encoder',
    opsetVersion: ONNX_OPSET,
    producerName: 'transcript-search/src/model/convert.ts',
    producerVersion: opts.producerVersion,
    docString: opts.docString,
  });

  const inputIds = g.input('input_ids', DataType.INT64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', DataType.INT64, ['batch_size', 'sequence_length']);
  const tokenTypeIds = g.input('token_type_ids', DataType.INT64, ['batch_size', 'sequence_length']);

  // Shared constants.
  const axesLast = [-1];
  const eps = g.constFloat('ln_eps', cfg.layer_norm_eps);
  const two = g.constFloat('two', 2);
  const one = g.constFloat('one', 1);
  const half = g.constFloat('half', 0.5);
  const sqrt2 = g.constFloat('sqrt2', Math.SQRT2);
  const sqrtHeadDim = g.constFloat('sqrt_head_dim', Math.sqrt(headDim));
  const headsShape = g.constInt64('heads_shape', [0, 0, heads, headDim]);
  const mergedShape = g.constInt64('merged_shape', [0, 0, H]);

  const layerNorm = (x: string, prefix: string, outName?: string): string => {
    const gamma = g.initializer(`${prefix}.weight`, weight(`${prefix}.weight`, [H]), [H]);
    const beta = g.initializer(`${prefix}.bias`, weight(`${prefix}.bias`, [H]), [H]);
    const mean = g.op('ReduceMean', [x], { axes: axesLast, keepdims: 1 });
    const centered = g.op('Sub', [x, mean]);
    const sq = g.op('Pow', [centered, two]);
    const variance = g.op('ReduceMean', [sq], { axes: axesLast, keepdims: 1 });
    const std = g.op('Sqrt', [g.op('Add', [variance, eps])]);
    const normed = g.op('Div', [centered, std]);
    return g.op('Add', [g.op('Mul', [normed, gamma]), beta], {}, outName);
  };

  /** Dynamic quantization of an activation, shared by every Linear reading it. */
  const quantCache = new Map<string, { q: string; scale: string; zp: string }>();
  const rowZero = perRow ? g.initializer('act_zero_point', new Uint8Array([128]), []) : '';
  const quantized = (x: string) => {
    let hit = quantCache.get(x);
    if (!hit) {
      if (perRow) {
        // uint8 with zero point 128, one scale per token: scale = max|x_row| / 127.
        const absMax = g.op('ReduceMax', [g.op('Abs', [x])], { axes: axesLast, keepdims: 1 });
        const scale = g.op('Div', [g.op('Max', [absMax, g.constFloat('tiny', 1e-12)]), g.constFloat('q127', 127)]);
        const centred = g.op('Add', [g.op('Round', [g.op('Div', [x, scale])]), g.constFloat('q128', 128)]);
        hit = { q: g.op('Cast', [centred], { to: DataType.UINT8 }), scale, zp: rowZero };
      } else {
        const [q, scale, zp] = g.node('DynamicQuantizeLinear', [x], {}, { outputs: 3 });
        hit = { q: q!, scale: scale!, zp: zp! };
      }
      quantCache.set(x, hit);
    }
    return hit;
  };

  /** y = x · Wᵀ + b for a PyTorch Linear stored [out, in]. */
  const linear = (x: string, prefix: string, inDim: number, outDim: number): string => {
    const wT = transpose2d(weight(`${prefix}.weight`, [outDim, inDim]), outDim, inDim); // [in, out]
    const bias = g.initializer(`${prefix}.bias`, weight(`${prefix}.bias`, [outDim]), [outDim]);
    if (!int8) {
      const w = g.initializer(`${prefix}.weight_t`, wT, [inDim, outDim]);
      return g.op('Add', [g.op('MatMul', [x, w]), bias]);
    }
    const { q, scale } = quantizePerColumn(wT, inDim, outDim);
    const wq = g.initializer(`${prefix}.weight_t_int8`, q, [inDim, outDim]);
    const wZero = g.initializer(`${prefix}.weight_zero_point`, new Int8Array(outDim), [outDim]);
    const wScale = g.initializer(`${prefix}.weight_scale`, scale, [outDim]);
    const xq = quantized(x);
    const acc = g.op('MatMulInteger', [xq.q, wq, xq.zp, wZero]);
    const accF = g.op('Cast', [acc], { to: DataType.FLOAT });
    if (perRow) {
      // Column scale first, then the row scale: ([B,S,N] · [N]) · [B,S,1].
      return g.op('Add', [g.op('Mul', [g.op('Mul', [accF, wScale]), xq.scale]), bias]);
    }
    const combinedScale = g.op('Mul', [xq.scale, wScale]);
    return g.op('Add', [g.op('Mul', [accF, combinedScale]), bias]);
  };

  // --- Embeddings ---
  const wordTable = g.initializer(
    'embeddings.word_embeddings.weight',
    weight('embeddings.word_embeddings.weight', [cfg.vocab_size, H]),
    [cfg.vocab_size, H],
  );
  const posTable = g.initializer(
    'embeddings.position_embeddings.weight',
    weight('embeddings.position_embeddings.weight', [cfg.max_position_embeddings, H]),
    [cfg.max_position_embeddings, H],
  );
  const typeTable = g.initializer(
    'embeddings.token_type_embeddings.weight',
    weight('embeddings.token_type_embeddings.weight', [cfg.type_vocab_size, H]),
    [cfg.type_vocab_size, H],
  );
  const words = g.op('Gather', [wordTable, inputIds], { axis: 0 });
  const types = g.op('Gather', [typeTable, tokenTypeIds], { axis: 0 });
  // Positions 0..seq-1: slice the first `sequence_length` rows of the position table.
  const seqLen = g.op('Gather', [g.op('Shape', [inputIds]), g.constInt64('seq_axis', [1])], { axis: 0 });
  const positions = g.op('Slice', [posTable, g.constInt64('zero', [0]), seqLen, g.constInt64('axis0', [0])]);
  const embedded = g.op('Add', [g.op('Add', [words, types]), positions]);
  let hidden = layerNorm(embedded, 'embeddings.LayerNorm');

  // --- Attention mask → additive bias [batch, 1, 1, seq]: 0 where attended, -10000 where padded ---
  const maskF = g.op('Cast', [g.op('Unsqueeze', [attentionMask, g.constInt64('mask_axes', [1, 2])])], {
    to: DataType.FLOAT,
  });
  const maskBias = g.op('Mul', [g.op('Sub', [one, maskF]), g.constFloat('mask_neg', -10000)]);

  // --- Encoder layers ---
  for (let l = 0; l < cfg.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}`;
    const q = linear(hidden, `${p}.attention.self.query`, H, H);
    const k = linear(hidden, `${p}.attention.self.key`, H, H);
    const v = linear(hidden, `${p}.attention.self.value`, H, H);
    const qh = g.op('Transpose', [g.op('Reshape', [q, headsShape])], { perm: [0, 2, 1, 3] }); // [B, h, S, d]
    const khT = g.op('Transpose', [g.op('Reshape', [k, headsShape])], { perm: [0, 2, 3, 1] }); // [B, h, d, S]
    const vh = g.op('Transpose', [g.op('Reshape', [v, headsShape])], { perm: [0, 2, 1, 3] }); // [B, h, S, d]
    const scores = g.op('Div', [g.op('MatMul', [qh, khT]), sqrtHeadDim]);
    const probs = g.op('Softmax', [g.op('Add', [scores, maskBias])], { axis: -1 });
    const context = g.op('MatMul', [probs, vh]); // [B, h, S, d]
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), mergedShape]);
    const attnOut = linear(merged, `${p}.attention.output.dense`, H, H);
    const attnNorm = layerNorm(g.op('Add', [attnOut, hidden]), `${p}.attention.output.LayerNorm`);

    const inter = linear(attnNorm, `${p}.intermediate.dense`, H, I);
    // GELU (erf form): 0.5 · x · (1 + erf(x / √2))
    const erf = g.op('Erf', [g.op('Div', [inter, sqrt2])]);
    const gelu = g.op('Mul', [g.op('Mul', [inter, g.op('Add', [erf, one])]), half]);
    const out = linear(gelu, `${p}.output.dense`, I, H);
    const isLast = l === cfg.num_hidden_layers - 1;
    const residual = g.op('Add', [out, attnNorm]);
    hidden = layerNorm(residual, `${p}.output.LayerNorm`, isLast ? 'last_hidden_state' : undefined);
  }

  g.output(hidden, DataType.FLOAT, ['batch_size', 'sequence_length', H]);
  return g.encode();
}
