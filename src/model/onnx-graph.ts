/**
 * A small graph builder over the generated ONNX protobuf classes of `onnx-proto`
 * (no hand-written protobuf encoding). Produces an IR version 8 model.
 */
import pkg from 'onnx-proto';

const { onnx } = pkg;

export const DataType = onnx.TensorProto.DataType;
export type DataTypeValue = (typeof DataType)[keyof typeof DataType];

/** A symbolic or fixed dimension of a graph input/output. */
export type Dim = number | string;

export type AttrValue = number | string | number[] | { float: number } | { floats: number[] } | { int: number };

const IR_VERSION = 8;

export interface GraphBuilderOptions {
  name: string;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
}

export class GraphBuilder {
  private readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  private readonly initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  private readonly inputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly names = new Set<string>();
  private counter = 0;
  private readonly domains = new Map<string, number>();

  constructor(private readonly opts: GraphBuilderOptions) {
    this.domains.set('', opts.opsetVersion);
  }

  /** A value name with the given prefix that is not used yet (not reserved until used). */
  fresh(prefix: string): string {
    let name: string;
    do {
      name = `${prefix}_${this.counter++}`;
    } while (this.names.has(name));
    return name;
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`onnx graph: duplicate value name "${name}"`);
    this.names.add(name);
    return name;
  }

  input(name: string, elemType: DataTypeValue, shape: Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), elemType, shape));
    return name;
  }

  /** Declare `name` (already produced by a node) as a graph output. */
  output(name: string, elemType: DataTypeValue, shape: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  /** Add a constant tensor stored as little-endian rawData. */
  initializer(
    name: string,
    data: Float32Array | Int8Array | Uint8Array | BigInt64Array | Int32Array,
    dims: number[],
  ): string {
    const count = dims.reduce((a, d) => a * d, 1);
    if (count !== data.length) {
      throw new Error(`onnx graph: initializer "${name}" has ${data.length} values for dims [${dims}]`);
    }
    this.initializers.push(
      onnx.TensorProto.create({
        name: this.claim(name),
        dims,
        dataType: dataTypeOf(data),
        rawData: littleEndianBytes(data),
      }),
    );
    return name;
  }

  /** A float32 constant (scalar when dims is []). */
  constFloat(prefix: string, values: number[] | number, dims?: number[]): string {
    const arr = Float32Array.from(Array.isArray(values) ? values : [values]);
    return this.initializer(this.fresh(prefix), arr, dims ?? (Array.isArray(values) ? [arr.length] : []));
  }

  /** An int64 constant (1-D unless dims given). */
  constInt64(prefix: string, values: number[] | number, dims?: number[]): string {
    const arr = BigInt64Array.from((Array.isArray(values) ? values : [values]).map((v) => BigInt(v)));
    return this.initializer(this.fresh(prefix), arr, dims ?? (Array.isArray(values) ? [arr.length] : []));
  }

  /**
   * Add a node. Outputs are fresh names derived from the op type unless given.
   * Returns the output names.
   */
  node(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue> = {},
    opts: { outputs?: string[] | number; domain?: string; name?: string } = {},
  ): string[] {
    const outputs =
      typeof opts.outputs === 'number' || opts.outputs === undefined
        ? Array.from({ length: typeof opts.outputs === 'number' ? opts.outputs : 1 }, () =>
            this.claim(this.fresh(opType)),
          )
        : opts.outputs.map((n) => this.claim(n));
    if (opts.domain && !this.domains.has(opts.domain)) this.domains.set(opts.domain, 1);
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        domain: opts.domain ?? '',
        name: opts.name ?? this.fresh(`${opType}_node`),
        input: inputs,
        output: outputs,
        attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
      }),
    );
    return outputs;
  }

  /** Convenience for single-output nodes. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outputName?: string): string {
    return this.node(opType, inputs, attrs, outputName ? { outputs: [outputName] } : {})[0]!;
  }

  encode(): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: this.opts.producerName,
      producerVersion: this.opts.producerVersion,
      docString: this.opts.docString ?? '',
      opsetImport: [...this.domains].map(([domain, version]) => onnx.OperatorSetIdProto.create({ domain, version })),
      graph: onnx.GraphProto.create({
        name: this.opts.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      }),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, elemType: DataTypeValue, shape: Dim[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: shape.map((d) =>
            onnx.TensorShapeProto.Dimension.create(typeof d === 'number' ? { dimValue: d } : { dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

function attribute(name: string, v: AttrValue) {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof v === 'string') return onnx.AttributeProto.create({ name, type: A.STRING, s: Buffer.from(v, 'utf8') });
  if (typeof v === 'number') {
    // Plain numbers are ints; wrap floats as { float } to be explicit.
    if (!Number.isInteger(v)) throw new Error(`onnx graph: attribute ${name}=${v} is not an integer; use { float }`);
    return onnx.AttributeProto.create({ name, type: A.INT, i: v });
  }
  if (Array.isArray(v)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: v });
  if ('float' in v) return onnx.AttributeProto.create({ name, type: A.FLOAT, f: v.float });
  if ('floats' in v) return onnx.AttributeProto.create({ name, type: A.FLOATS, floats: v.floats });
  return onnx.AttributeProto.create({ name, type: A.INT, i: v.int });
}

function dataTypeOf(data: Float32Array | Int8Array | Uint8Array | BigInt64Array | Int32Array): number {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Int8Array) return DataType.INT8;
  if (data instanceof Uint8Array) return DataType.UINT8;
  if (data instanceof BigInt64Array) return DataType.INT64;
  return DataType.INT32;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The array's bytes in little-endian order (a copy, so the protobuf owns it). */
function littleEndianBytes(data: Float32Array | Int8Array | Uint8Array | BigInt64Array | Int32Array): Uint8Array {
  const bytes = new Uint8Array(data.byteLength);
  if (LITTLE_ENDIAN_HOST || data.BYTES_PER_ELEMENT === 1) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return bytes;
  }
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) {
    if (data instanceof Float32Array) view.setFloat32(i * 4, data[i]!, true);
    else if (data instanceof Int32Array) view.setInt32(i * 4, data[i]!, true);
    else view.setBigInt64(i * 8, (data as BigInt64Array)[i]!, true);
  }
  return bytes;
}
