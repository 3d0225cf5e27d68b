import { LinearModel, type LinearKind } from './linearModel';
import type { FeatureOptions } from './features';

// A trained model on disk: a JSON header line, then the sparse rows as binary. Small (a few
// MB), loaded in milliseconds, and nothing in it is code.

interface Header {
  format: 'early-help-linear/1';
  kind: LinearKind;
  classes: string[];
  buckets: number;
  features: FeatureOptions;
  rows: number;
}

export interface StoredModel {
  model: LinearModel;
  features: FeatureOptions;
}

export function encodeModel(model: LinearModel, features: FeatureOptions): Buffer {
  const { rowOf, weights, scales } = model.parts();
  const used: number[] = [];
  for (let b = 0; b < rowOf.length; b++) if (rowOf[b] >= 0) used.push(b);
  const header: Header = { format: 'early-help-linear/1', kind: model.kind, classes: [...model.classes], buckets: model.buckets, features, rows: used.length };
  const head = Buffer.from(JSON.stringify(header) + '\n', 'utf8');
  const indices = Buffer.alloc(used.length * 4);
  used.forEach((b, i) => indices.writeUInt32LE(b, i * 4));
  // Rows are written in bucket order, which is the order quantise() gave them.
  const scaleBytes = Buffer.from(new Float32Array(scales).buffer);
  return Buffer.concat([head, scaleBytes, indices, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)]);
}

export function decodeModel(data: Buffer): StoredModel {
  const newline = data.indexOf(0x0a);
  if (newline < 0) throw new Error('not a model file: no header');
  const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Header;
  if (header.format !== 'early-help-linear/1') throw new Error(`not a model file: format ${String(header.format)}`);
  const c = header.classes.length;
  let at = newline + 1;
  const scales = new Float32Array(c);
  for (let j = 0; j < c; j++) scales[j] = data.readFloatLE(at + j * 4);
  at += c * 4;
  const rowOf = new Int32Array(header.buckets).fill(-1);
  for (let r = 0; r < header.rows; r++) rowOf[data.readUInt32LE(at + r * 4)] = r;
  at += header.rows * 4;
  const expected = header.rows * c;
  if (data.length - at !== expected) throw new Error(`model file is ${data.length - at} weight bytes, expected ${expected}`);
  const weights = new Int8Array(expected);
  weights.set(new Int8Array(data.buffer, data.byteOffset + at, expected));
  return { model: new LinearModel(header.kind, header.classes, header.buckets, rowOf, weights, scales), features: header.features };
}
