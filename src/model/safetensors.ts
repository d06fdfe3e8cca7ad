/**
 * Minimal reader for the safetensors format:
 *   8-byte little-endian header length N, N bytes of JSON header
 *   `{ name: { dtype, shape, data_offsets: [begin, end] }, __metadata__?: {...} }`,
 *   then the raw little-endian tensor data (offsets are relative to the data start).
 */
import { readFileSync } from 'node:fs';

export type SafetensorsDtype = 'F16' | 'F32' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL' | 'F64';

export interface TensorEntry {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  readonly shape: readonly number[];
  /** Absolute byte range inside the file buffer. */
  readonly begin: number;
  readonly end: number;
}

const BYTES_PER_ELEMENT: Record<SafetensorsDtype, number> = {
  F16: 2,
  BF16: 2,
  F32: 4,
  F64: 8,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

export class SafetensorsFile {
  readonly tensors: ReadonlyMap<string, TensorEntry>;
  readonly metadata: Readonly<Record<string, string>>;

  private constructor(
    private readonly buffer: Buffer,
    tensors: Map<string, TensorEntry>,
    metadata: Record<string, string>,
  ) {
    this.tensors = tensors;
    this.metadata = metadata;
  }

  static read(filePath: string): SafetensorsFile {
    return SafetensorsFile.parse(readFileSync(filePath), filePath);
  }

  static parse(buffer: Buffer, label = 'safetensors buffer'): SafetensorsFile {
    if (buffer.length < 8) throw new Error(`${label}: too short to be a safetensors file`);
    const headerLength = Number(buffer.readBigUInt64LE(0));
    const dataStart = 8 + headerLength;
    if (headerLength <= 0 || dataStart > buffer.length) {
      throw new Error(`${label}: invalid safetensors header length ${headerLength}`);
    }
    let header: Record<string, unknown>;
    try {
      header = JSON.parse(buffer.subarray(8, dataStart).toString('utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${label}: safetensors header is not valid JSON (${(err as Error).message})`);
    }
    const tensors = new Map<string, TensorEntry>();
    let metadata: Record<string, string> = {};
    for (const [name, raw] of Object.entries(header)) {
      if (name === '__metadata__') {
        metadata = (raw ?? {}) as Record<string, string>;
        continue;
      }
      const info = raw as { dtype?: string; shape?: number[]; data_offsets?: [number, number] };
      const dtype = info.dtype as SafetensorsDtype;
      if (!(dtype in BYTES_PER_ELEMENT) || !Array.isArray(info.shape) || !Array.isArray(info.data_offsets)) {
        throw new Error(`${label}: malformed entry for tensor "${name}"`);
      }
      const [b, e] = info.data_offsets;
      const count = info.shape.reduce((a, d) => a * d, 1);
      if (e - b !== count * BYTES_PER_ELEMENT[dtype] || dataStart + e > buffer.length) {
        throw new Error(`${label}: tensor "${name}" has inconsistent size or offsets`);
      }
      tensors.set(name, { name, dtype, shape: info.shape, begin: dataStart + b, end: dataStart + e });
    }
    return new SafetensorsFile(buffer, tensors, metadata);
  }

  entry(name: string): TensorEntry {
    const t = this.tensors.get(name);
    if (!t) throw new Error(`safetensors: tensor "${name}" not found`);
    return t;
  }

  /** The tensor's values as float32 (F16, BF16 and F32 sources are supported). */
  float32(name: string, expectedShape?: readonly number[]): Float32Array {
    const t = this.entry(name);
    if (expectedShape && (t.shape.length !== expectedShape.length || t.shape.some((d, i) => d !== expectedShape[i]))) {
      throw new Error(`safetensors: tensor "${name}" has shape [${t.shape}], expected [${expectedShape}]`);
    }
    const bytes = this.buffer.subarray(t.begin, t.end);
    const n = (t.end - t.begin) / BYTES_PER_ELEMENT[t.dtype];
    const out = new Float32Array(n);
    switch (t.dtype) {
      case 'F32':
        for (let i = 0; i < n; i++) out[i] = bytes.readFloatLE(i * 4);
        return out;
      case 'F16':
        for (let i = 0; i < n; i++) out[i] = halfToFloat(bytes.readUInt16LE(i * 2));
        return out;
      case 'BF16': {
        const u32 = new Uint32Array(out.buffer);
        for (let i = 0; i < n; i++) u32[i] = bytes.readUInt16LE(i * 2) << 16;
        return out;
      }
      default:
        throw new Error(`safetensors: tensor "${name}" has dtype ${t.dtype}, not a float type`);
    }
  }
}

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** IEEE 754 binary16 → binary32, exact (including subnormals, ±Inf and NaN). */
export function halfToFloat(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >> 10) & 0x1f;
  let mant = h & 0x3ff;
  let bits: number;
  if (exp === 0) {
    if (mant === 0) {
      bits = sign;
    } else {
      // Subnormal half: normalise it.
      let e = -1;
      do {
        e++;
        mant <<= 1;
      } while ((mant & 0x400) === 0);
      bits = sign | ((127 - 15 - e) << 23) | ((mant & 0x3ff) << 13);
    }
  } else if (exp === 0x1f) {
    bits = sign | 0x7f800000 | (mant << 13);
  } else {
    bits = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  u32Scratch[0] = bits >>> 0;
  return f32Scratch[0]!;
}
