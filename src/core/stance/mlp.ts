// The runtime of the learned stance models: a one-hidden-layer perceptron (or, with no hidden layer, a
// linear softmax) over sparse inputs. Weights ship quantised: the first layer as int8 with one float32
// scale per input row (base64), which keeps a 10k-input × 100-unit layer near 1 MB.

/** A model as the trainer writes it (build/train.ts). */
export interface PackedModel {
  inputs: number;
  /** 0 for a linear model: w1 then maps inputs straight to classes. */
  hidden: number;
  classes: number;
  /** inputs × (hidden || classes) int8 values, row-major, base64. */
  w1: string;
  /** One float32 scale per input row, base64. */
  s1: string;
  b1: number[];
  /** hidden × classes, row-major (empty for a linear model). */
  w2: number[];
  b2: number[];
}

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export class Mlp {
  readonly inputs: number;
  readonly hidden: number;
  readonly classes: number;
  /** Width of the first layer's output: hidden units, or classes for a linear model. */
  readonly width: number;
  private readonly w1: Int8Array;
  private readonly s1: Float32Array;
  private readonly b1: Float32Array;
  private readonly w2: Float32Array;
  private readonly b2: Float32Array;

  constructor(p: PackedModel) {
    this.inputs = p.inputs;
    this.hidden = p.hidden;
    this.classes = p.classes;
    this.width = p.hidden || p.classes;
    const w = bytes(p.w1);
    this.w1 = new Int8Array(w.buffer, w.byteOffset, w.length);
    const s = bytes(p.s1);
    this.s1 = new Float32Array(s.buffer, s.byteOffset, s.length / 4);
    this.b1 = Float32Array.from(p.b1);
    this.w2 = Float32Array.from(p.w2);
    this.b2 = Float32Array.from(p.b2);
    if (this.w1.length !== this.inputs * this.width || this.s1.length !== this.inputs)
      throw new Error('stance model: weights do not match their shape');
  }

  /** The first layer's sum over some inputs (e.g. an article body's, cached across its headlines). */
  partial(idx: ArrayLike<number>, val: ArrayLike<number>, into?: Float32Array): Float32Array {
    const out = into ?? new Float32Array(this.width);
    const n = this.width;
    const { w1, s1 } = this;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      const v = val[k]! * s1[i]!;
      if (!v) continue;
      const row = i * n;
      // Four at a time: a body's ~120 inputs × 100 units is most of a new article's first-layer cost, and
      // the unrolled loop takes 0.04 ms instead of 0.055 (same sums, in the same order).
      let j = 0;
      for (; j + 3 < n; j += 4) {
        out[j]! += v * w1[row + j]!;
        out[j + 1]! += v * w1[row + j + 1]!;
        out[j + 2]! += v * w1[row + j + 2]!;
        out[j + 3]! += v * w1[row + j + 3]!;
      }
      for (; j < n; j++) out[j]! += v * w1[row + j]!;
    }
    return out;
  }

  /** Class probabilities from a first-layer sum (which this call does not change). */
  finish(sum: Float32Array, logitBias?: ArrayLike<number>): Float32Array {
    const c = this.classes;
    const logits = new Float32Array(c);
    if (!this.hidden) {
      for (let j = 0; j < c; j++) logits[j] = sum[j]! + this.b1[j]!;
    } else {
      for (let j = 0; j < c; j++) logits[j] = this.b2[j]!;
      for (let h = 0; h < this.hidden; h++) {
        const a = sum[h]! + this.b1[h]!;
        if (a <= 0) continue;
        for (let j = 0; j < c; j++) logits[j]! += a * this.w2[h * c + j]!;
      }
    }
    if (logitBias) for (let j = 0; j < c; j++) logits[j]! += logitBias[j]!;
    return softmax(logits);
  }

  predict(idx: ArrayLike<number>, val: ArrayLike<number>, logitBias?: ArrayLike<number>): Float32Array {
    return this.finish(this.partial(idx, val), logitBias);
  }
}

/** Logits to probabilities, in place (max subtracted first so exp never overflows). Shared with the trainer. */
export function softmax(p: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of p) max = Math.max(max, v);
  let z = 0;
  for (let j = 0; j < p.length; j++) z += p[j] = Math.exp(p[j]! - max);
  for (let j = 0; j < p.length; j++) p[j]! /= z;
  return p;
}
