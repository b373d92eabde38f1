// Quantisation of trained weights into the PackedModel the runtime reads (src/core/stance/mlp.ts):
// int8 first layer with one float32 scale per input row, small layers rounded to 5 significant digits.
import type { PackedModel } from '../../src/core/stance/mlp.ts';
import type { Weights } from './mlp-train.ts';

const round = (x: number) => Number(x.toPrecision(5));

export function pack(w: Weights): PackedModel {
  const width = w.hidden || w.classes;
  const q = new Int8Array(w.inputs * width);
  const s = new Float32Array(w.inputs);
  for (let i = 0; i < w.inputs; i++) {
    let max = 0;
    for (let j = 0; j < width; j++) max = Math.max(max, Math.abs(w.w1[i * width + j]!));
    const scale = max / 127;
    s[i] = scale;
    for (let j = 0; j < width; j++) q[i * width + j] = scale ? Math.round(w.w1[i * width + j]! / scale) : 0;
  }
  return {
    inputs: w.inputs,
    hidden: w.hidden,
    classes: w.classes,
    w1: Buffer.from(q.buffer).toString('base64'),
    s1: Buffer.from(s.buffer).toString('base64'),
    b1: Array.from(w.b1, round),
    w2: Array.from(w.w2, round),
    b2: Array.from(w.b2, round),
  };
}
