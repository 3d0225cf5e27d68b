import type { FeatureVector } from './features';
import { seededRandom } from './hashing';

// A linear classifier over hashed features, with the two ways this engine uses one: softmax for
// the risk route (exactly one of "none" and the five routes) and one-vs-rest for priority
// groups (a message can be about several). Trained with AdaGrad, which suits sparse features:
// rare words keep a large step, common ones settle.

export type LinearKind = 'softmax' | 'one-vs-rest';

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class weight on the loss, e.g. to make a missed risk cost more than a false alarm. */
  classWeights?: readonly number[];
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, learningRate: 0.3, l2: 1e-6, seed: 20261201 };

export interface Example {
  x: FeatureVector;
  /** Softmax: the one class index. One-vs-rest: every class index that applies. */
  y: readonly number[];
}

/** Read-only weights, stored sparsely: a row of class weights for each bucket any example touched. */
export class LinearModel {
  constructor(
    readonly kind: LinearKind,
    readonly classes: readonly string[],
    readonly buckets: number,
    /** Row of each bucket in `weights`, or -1 when the bucket carries no weight. */
    private readonly rowOf: Int32Array,
    /** rows × classes, quantised. */
    private readonly weights: Int8Array,
    /** Per class: the real weight of one quantum. */
    private readonly scales: Float32Array,
  ) {}

  /** Raw scores (logits) per class. */
  logits(x: FeatureVector): Float64Array {
    const c = this.classes.length;
    const out = new Float64Array(c);
    for (let k = 0; k < x.index.length; k++) {
      const row = this.rowOf[x.index[k]];
      if (row < 0) continue;
      const v = x.value[k];
      const base = row * c;
      for (let j = 0; j < c; j++) out[j] += v * this.weights[base + j];
    }
    for (let j = 0; j < c; j++) out[j] *= this.scales[j];
    return out;
  }

  /** Probabilities: summing to one (softmax) or one per class (one-vs-rest). */
  predict(x: FeatureVector): Float64Array {
    const z = this.logits(x);
    return this.kind === 'softmax' ? softmax(z) : z.map(sigmoid);
  }

  /** The features of `x` that pushed hardest toward `cls`, for the audit trail (bucket, contribution). */
  contributions(x: FeatureVector, cls: number): Array<{ bucket: number; weight: number }> {
    const c = this.classes.length;
    const out: Array<{ bucket: number; weight: number }> = [];
    for (let k = 0; k < x.index.length; k++) {
      const row = this.rowOf[x.index[k]];
      if (row < 0) continue;
      out.push({ bucket: x.index[k], weight: x.value[k] * this.weights[row * c + cls] * this.scales[cls] });
    }
    return out.sort((a, b) => b.weight - a.weight);
  }

  /** The parts to write to a model file. */
  parts(): { rowOf: Int32Array; weights: Int8Array; scales: Float32Array } {
    return { rowOf: this.rowOf, weights: this.weights, scales: this.scales };
  }
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let j = 0; j < z.length; j++) {
    out[j] = Math.exp(z[j] - max);
    sum += out[j];
  }
  for (let j = 0; j < z.length; j++) out[j] /= sum;
  return out;
}

/** Trains a model. Deterministic for the same examples, classes and options. */
export function trainLinear(
  kind: LinearKind,
  classes: readonly string[],
  buckets: number,
  examples: readonly Example[],
  options: TrainOptions = DEFAULT_TRAIN,
): LinearModel {
  const c = classes.length;
  const w = new Float32Array(buckets * c);
  const g2 = new Float32Array(buckets * c);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const target = new Float64Array(c);
  const classWeight = options.classWeights ?? new Array<number>(c).fill(1);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const e of order) {
      const { x, y } = examples[e];
      const z = new Float64Array(c);
      for (let k = 0; k < x.index.length; k++) {
        const base = x.index[k] * c;
        for (let j = 0; j < c; j++) z[j] += x.value[k] * w[base + j];
      }
      const p = kind === 'softmax' ? softmax(z) : z.map(sigmoid);
      target.fill(0);
      for (const cls of y) target[cls] = 1;
      // Softmax weighs the example by its true class; one-vs-rest weighs each class's own loss.
      const exampleWeight = kind === 'softmax' ? classWeight[y[0]] : 1;
      for (let k = 0; k < x.index.length; k++) {
        const base = x.index[k] * c;
        for (let j = 0; j < c; j++) {
          const weight = kind === 'softmax' ? exampleWeight : target[j] === 1 ? classWeight[j] : 1;
          const grad = weight * (p[j] - target[j]) * x.value[k] + options.l2 * w[base + j];
          if (grad === 0) continue;
          g2[base + j] += grad * grad;
          w[base + j] -= (options.learningRate * grad) / Math.sqrt(g2[base + j] + 1e-8);
        }
      }
    }
  }
  return quantise(kind, classes, buckets, w);
}

/** Keeps the buckets that carry weight, each class scaled into int8. */
function quantise(kind: LinearKind, classes: readonly string[], buckets: number, w: Float32Array): LinearModel {
  const c = classes.length;
  const scales = new Float32Array(c);
  for (let b = 0; b < buckets; b++) for (let j = 0; j < c; j++) scales[j] = Math.max(scales[j], Math.abs(w[b * c + j]));
  for (let j = 0; j < c; j++) scales[j] = scales[j] === 0 ? 1 : scales[j] / 127;
  const rowOf = new Int32Array(buckets).fill(-1);
  const rows: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let used = false;
    for (let j = 0; j < c && !used; j++) used = Math.round(w[b * c + j] / scales[j]) !== 0;
    if (used) {
      rowOf[b] = rows.length;
      rows.push(b);
    }
  }
  const weights = new Int8Array(rows.length * c);
  rows.forEach((b, r) => {
    for (let j = 0; j < c; j++) weights[r * c + j] = Math.max(-127, Math.min(127, Math.round(w[b * c + j] / scales[j])));
  });
  return new LinearModel(kind, classes, buckets, rowOf, weights, scales);
}
