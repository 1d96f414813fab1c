// Converts nsfwjs's MobileNetV2Mid (a tfjs graph model: MobileNetV2 α 1.4, 224×224, batch norm
// folded, uint8-quantised weights) into the flat weights file the C forward pass reads
// (format in network.h): the graph becomes a list of ops over numbered activation slots, and
// the weights stay uint8 with their (min, scale), dequantised in C exactly as tfjs does.
// Usage: tsx convert.ts OUT.bin
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MobileNetV2MidModel } from 'nsfwjs/models/mobilenet_v2_mid';
import { Writer } from './writer.js';

interface GraphAttr { s?: string; b?: boolean; list?: { i?: string[]; s?: string[] }; shape?: { dim?: Array<{ size: string }> } }
interface GraphNode { name: string; op: string; input?: string[]; attr?: Record<string, GraphAttr> }
interface WeightEntry { name: string; shape: number[]; dtype: string; quantization?: { min: number; scale: number; dtype: string } }
interface ModelJson { modelTopology: { node: GraphNode[] }; weightsManifest: Array<{ weights: WeightEntry[] }> }

// Op codes and record layout shared with network.h
const OP = { input: 0, mulScalar: 1, subScalar: 2, conv: 3, depthwise: 4, add: 5, globalAvgPool: 6, dense: 7, softmax: 8 } as const;
const MAGIC = 0x4e4d574f; // "OWMN"

const target = process.argv[2];
if (!target) throw new Error('usage: convert.ts OUT.bin');
const model = (await MobileNetV2MidModel.modelJson()).default as unknown as ModelJson;
const shards = await Promise.all(MobileNetV2MidModel.weightBundles.map(async (load) => Buffer.from(String((await load()).default), 'base64')));
const weightData = Buffer.concat(shards);
const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('nsfwjs/models/mobilenet_v2_mid')));
const { NSFW_CLASSES } = (await import(pathToFileURL(join(packageDir, '..', 'esm', 'nsfw_classes.js')).href)) as { NSFW_CLASSES: Record<number, string> };

// weights: tensor index by name, in manifest order (the order of their bytes in the shards)
const entries = model.weightsManifest.flatMap((group) => group.weights);
const tensorIndex = new Map(entries.map((entry, i) => [entry.name, i]));
let byteOffset = 0;
const tensors = entries.map((entry) => {
  if (entry.dtype !== 'float32' || entry.quantization?.dtype !== 'uint8') throw new Error(`${entry.name}: expected uint8-quantised float32`);
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const tensor = { shape: entry.shape, min: entry.quantization.min, scale: entry.quantization.scale, offset: byteOffset, count };
  byteOffset += count;
  return tensor;
});
if (byteOffset !== weightData.length) throw new Error(`weights: manifest wants ${byteOffset} bytes, shards hold ${weightData.length}`);

// activations: Squeeze and Identity are aliases; every other value gets a slot, freed after its last use
const nodes = model.modelTopology.node.filter((n) => n.op !== 'Const');
const alias = new Map<string, string>();
const source = (name: string): string => (alias.has(name) ? source(alias.get(name)!) : name);
for (const node of nodes) if (node.op === 'Squeeze' || node.op === 'Identity') alias.set(node.name, node.input![0]!);
const lastUse = new Map<string, number>();
nodes.forEach((node, at) => node.input?.forEach((input) => lastUse.set(source(input), at)));
const slotOf = new Map<string, number>();
const free: number[] = [];
let slots = 0;
const take = (name: string): number => {
  const slot = free.pop() ?? slots++;
  slotOf.set(name, slot);
  return slot;
};

/** The window of a VALID square pool (the C side checks that it is the whole input: a global pool). */
function poolSize(node: GraphNode): number {
  const size = (node.attr?.ksize?.list?.i ?? []).map(Number);
  if (size[1] !== size[2] || text(node.attr?.padding?.s) !== 'VALID') throw new Error(`${node.name}: only square VALID pools are supported`);
  return size[1]!;
}
const text = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString();
const ops: number[][] = [];
let output = -1;
let inputShape: number[] = [];
/** [height, width, channels] of the input placeholder (its batch dimension is -1). */
function placeholderShape(node: GraphNode): number[] {
  const dims = (node.attr?.shape?.shape?.dim ?? []).map((d) => Number(d.size));
  if (dims.length !== 4 || dims.slice(1).some((d) => !(d > 0))) throw new Error(`${node.name}: input shape ${dims.join('×')}`);
  return dims.slice(1);
}
nodes.forEach((node, at) => {
  if (alias.has(node.name)) return;
  // Mul is commutative: its constant may come first
  const inputs = (node.input ?? []).map(source);
  if (node.op === 'Mul' && tensorIndex.has(inputs[0]!)) inputs.reverse();
  const [a, b, c] = inputs;
  const need = (found: number | undefined, what: string): number => {
    if (found === undefined) throw new Error(`${node.name}: ${what} is not produced before it is used`);
    return found;
  };
  const value = (name: string | undefined): number => need(slotOf.get(name!), `input ${name}`);
  const weight = (name: string | undefined): number => need(tensorIndex.get(name!), `weight ${name}`);
  const strides = (node.attr?.strides?.list?.i ?? ['1', '1', '1', '1']).map(Number);
  const fused = (node.attr?.fused_ops?.list?.s ?? []).map(text);
  const relu6 = fused.includes('Relu6') ? 1 : 0;
  const same = text(node.attr?.padding?.s) === 'SAME' ? 1 : 0;
  const stride = strides[1]!;
  if (strides[1] !== strides[2]) throw new Error(`${node.name}: unequal strides`);
  // what the C kernels assume: NHWC, no dilation, no transposed matmul, only BiasAdd and ReLU6 fused
  const format = node.attr?.data_format?.s;
  if (format !== undefined && text(format) !== 'NHWC') throw new Error(`${node.name}: data format ${text(format)}`);
  if ((node.attr?.dilations?.list?.i ?? []).some((d) => d !== '1')) throw new Error(`${node.name}: dilated convolution`);
  if (node.attr?.transpose_a?.b || node.attr?.transpose_b?.b) throw new Error(`${node.name}: transposed matmul`);
  if (fused.some((f) => f !== 'BiasAdd' && f !== 'Relu6') || (node.op.startsWith('_Fused') && fused[0] !== 'BiasAdd')) {
    throw new Error(`${node.name}: fused ops ${fused.join(', ')}`);
  }
  // a record: op, in0, in1, out, weights, bias, stride, same padding, relu6
  const x = node.op === 'Placeholder' ? -1 : value(a);
  const out = take(node.name);
  switch (node.op) {
    case 'Placeholder': ops.push([OP.input, -1, -1, out, -1, -1, 1, 0, 0]); inputShape = placeholderShape(node); break;
    case 'Mul': ops.push([OP.mulScalar, x, -1, out, weight(b), -1, 1, 0, 0]); break;
    case 'Sub': ops.push([OP.subScalar, x, -1, out, weight(b), -1, 1, 0, 0]); break;
    case '_FusedConv2D': ops.push([OP.conv, x, -1, out, weight(b), weight(c), stride, same, relu6]); break;
    case 'FusedDepthwiseConv2dNative': ops.push([OP.depthwise, x, -1, out, weight(b), weight(c), stride, same, relu6]); break;
    case 'AddV2': ops.push([OP.add, x, value(b), out, -1, -1, 1, 0, 0]); break;
    case 'AvgPool': ops.push([OP.globalAvgPool, x, -1, out, -1, -1, poolSize(node), 0, 0]); break; // C checks it covers the input
    case '_FusedMatMul': ops.push([OP.dense, x, -1, out, weight(b), weight(c), 1, 0, 0]); break;
    case 'Softmax': ops.push([OP.softmax, x, -1, out, -1, -1, 1, 0, 0]); output = out; break;
    default: throw new Error(`${node.name}: op ${node.op} is not supported`);
  }
  for (const input of new Set((node.input ?? []).map(source))) {
    if (lastUse.get(input) === at && slotOf.has(input)) free.push(slotOf.get(input)!);
  }
});

const classes = Object.keys(NSFW_CLASSES).map(Number).sort((x, y) => x - y).map((k) => NSFW_CLASSES[k]!);
const w = new Writer();
w.u32(MAGIC).u32(1).u32(inputShape[0]!).u32(inputShape[1]!).u32(inputShape[2]!).u32(classes.length);
for (const name of classes) w.text(name);
w.u32(tensors.length);
for (const t of tensors) {
  const dims = [...t.shape, 1, 1, 1, 1].slice(0, 4);
  w.u32(t.shape.length).u32(dims[0]!).u32(dims[1]!).u32(dims[2]!).u32(dims[3]!).f64(t.min).f64(t.scale).u32(t.offset).u32(t.count);
}
w.u32(slots).u32(output).u32(ops.length);
for (const record of ops) for (const field of record) w.i32(field);
w.u32(weightData.length).bytes(weightData);

mkdirSync(dirname(target), { recursive: true });
writeFileSync(`${target}.tmp-${process.pid}`, w.finish());
renameSync(`${target}.tmp-${process.pid}`, target);
console.log(`${target}: ${ops.length} ops, ${slots} activation slots, ${tensors.length} tensors, ${weightData.length} weight bytes, classes ${classes.join(', ')}`);
