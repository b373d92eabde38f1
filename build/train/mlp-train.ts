// Training of the one-hidden-layer perceptron (or linear softmax, hidden = 0) the stance models ship:
// sparse inputs, ReLU, dropout, L2, Adam, mini-batches, all in Float32Arrays. Deterministic for a seed.
import { gaussian, mulberry32, shuffle } from './prng.ts';
import { softmax } from '../../src/core/stance/mlp.ts';

/** Examples in compressed rows: row r's inputs are idx/val[ptr[r] .. ptr[r+1]). */
export interface Dataset {
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
  y: Uint8Array;
}

export interface TrainOptions {
  inputs: number;
  hidden: number;
  classes: number;
  epochs: number;
  batch: number;
  lr: number;
  l2: number;
  dropout: number;
  seed: number;
  /** Per-class loss weight (default 1 each). */
  classWeight?: number[];
  log?: (epoch: number, loss: number) => void;
}

export interface Weights {
  inputs: number;
  hidden: number;
  classes: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export function buildDataset(rows: { idx: number[]; val: number[]; y: number }[]): Dataset {
  const ptr = new Int32Array(rows.length + 1);
  let n = 0;
  rows.forEach((r, i) => {
    n += r.idx.length;
    ptr[i + 1] = n;
  });
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  const y = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    idx.set(r.idx, ptr[i]!);
    val.set(r.val, ptr[i]!);
    y[i] = r.y;
  });
  return { ptr, idx, val, y };
}

export function subset(d: Dataset, rows: readonly number[]): Dataset {
  return buildDataset(
    rows.map((r) => ({
      idx: Array.from(d.idx.subarray(d.ptr[r]!, d.ptr[r + 1]!)),
      val: Array.from(d.val.subarray(d.ptr[r]!, d.ptr[r + 1]!)),
      y: d.y[r]!,
    })),
  );
}

class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;
  constructor(
    private readonly w: Float32Array,
    private readonly lr: number,
    private readonly l2: number,
  ) {
    this.m = new Float32Array(w.length);
    this.v = new Float32Array(w.length);
  }
  step(g: Float32Array, t: number): void {
    this.t = t;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    const { w, m, v, lr, l2 } = this;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i]! + l2 * w[i]!;
      const mi = (m[i] = b1 * m[i]! + (1 - b1) * gi);
      const vi = (v[i] = b2 * v[i]! + (1 - b2) * gi * gi);
      w[i]! -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + 1e-8);
    }
  }
}

export function train(d: Dataset, o: TrainOptions): Weights {
  const rng = mulberry32(o.seed);
  const H = o.hidden || o.classes;
  const C = o.classes;
  const linear = !o.hidden;
  const w1 = new Float32Array(o.inputs * H);
  const scale1 = Math.sqrt(2 / (o.inputs + H)) * (linear ? 0 : 1);
  for (let i = 0; i < w1.length; i++) w1[i] = gaussian(rng) * scale1;
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(linear ? 0 : H * C);
  for (let i = 0; i < w2.length; i++) w2[i] = gaussian(rng) * Math.sqrt(2 / (H + C));
  const b2 = new Float32Array(linear ? 0 : C);
  const g1 = new Float32Array(w1.length);
  const gb1 = new Float32Array(H);
  const g2 = new Float32Array(w2.length);
  const gb2 = new Float32Array(C);
  const opt = [
    new Adam(w1, o.lr, o.l2),
    new Adam(b1, o.lr, 0),
    new Adam(w2, o.lr, o.l2),
    new Adam(b2, o.lr, 0),
  ];
  const cw = o.classWeight ?? new Array<number>(C).fill(1);
  const n = d.y.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const h = new Float32Array(H);
  const mask = new Float32Array(H);
  const p = new Float32Array(C);
  const dh = new Float32Array(H);
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, rng);
    let loss = 0;
    for (let start = 0; start < n; start += o.batch) {
      const end = Math.min(n, start + o.batch);
      g1.fill(0);
      gb1.fill(0);
      g2.fill(0);
      gb2.fill(0);
      const inv = 1 / (end - start);
      for (let b = start; b < end; b++) {
        const r = order[b]!;
        h.set(b1);
        for (let k = d.ptr[r]!; k < d.ptr[r + 1]!; k++) {
          const v = d.val[k]!;
          const row = d.idx[k]! * H;
          for (let j = 0; j < H; j++) h[j]! += v * w1[row + j]!;
        }
        if (linear) p.set(h);
        else {
          for (let j = 0; j < H; j++) {
            const keep = rng() >= o.dropout ? 1 / (1 - o.dropout) : 0;
            mask[j] = h[j]! > 0 ? keep : 0;
            h[j] = h[j]! > 0 ? h[j]! * keep : 0;
          }
          for (let c = 0; c < C; c++) {
            let s = b2[c]!;
            for (let j = 0; j < H; j++) s += h[j]! * w2[j * C + c]!;
            p[c] = s;
          }
        }
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, p[c]!);
        let z = 0;
        for (let c = 0; c < C; c++) z += p[c] = Math.exp(p[c]! - max);
        const y = d.y[r]!;
        const wy = cw[y]! * inv;
        loss -= cw[y]! * Math.log(Math.max(p[y]! / z, 1e-12));
        for (let c = 0; c < C; c++) p[c] = (p[c]! / z - (c === y ? 1 : 0)) * wy;
        if (linear) dh.set(p);
        else {
          for (let c = 0; c < C; c++) gb2[c]! += p[c]!;
          for (let j = 0; j < H; j++) {
            if (!mask[j]) {
              dh[j] = 0;
              continue;
            }
            let s = 0;
            for (let c = 0; c < C; c++) {
              g2[j * C + c]! += h[j]! * p[c]!;
              s += w2[j * C + c]! * p[c]!;
            }
            dh[j] = s * mask[j]!;
          }
        }
        for (let j = 0; j < H; j++) gb1[j]! += dh[j]!;
        for (let k = d.ptr[r]!; k < d.ptr[r + 1]!; k++) {
          const v = d.val[k]!;
          const row = d.idx[k]! * H;
          for (let j = 0; j < H; j++) g1[row + j]! += v * dh[j]!;
        }
      }
      step++;
      opt[0]!.step(g1, step);
      opt[1]!.step(gb1, step);
      if (!linear) {
        opt[2]!.step(g2, step);
        opt[3]!.step(gb2, step);
      }
    }
    o.log?.(epoch, loss / n);
  }
  return { inputs: o.inputs, hidden: o.hidden, classes: C, w1, b1, w2, b2 };
}

/** Class probabilities of row r under full-precision weights (no dropout). */
export function predictRow(w: Weights, d: Dataset, r: number): Float32Array {
  const H = w.hidden || w.classes;
  const C = w.classes;
  const h = Float32Array.from(w.b1);
  for (let k = d.ptr[r]!; k < d.ptr[r + 1]!; k++) {
    const v = d.val[k]!;
    const row = d.idx[k]! * H;
    for (let j = 0; j < H; j++) h[j]! += v * w.w1[row + j]!;
  }
  const p = new Float32Array(C);
  if (!w.hidden) p.set(h);
  else
    for (let c = 0; c < C; c++) {
      let s = w.b2[c]!;
      for (let j = 0; j < H; j++) if (h[j]! > 0) s += h[j]! * w.w2[j * C + c]!;
      p[c] = s;
    }
  return softmax(p);
}

/** k folds over groups (every row of a group in one fold), groups assigned in a seeded order. */
export function groupFolds(groups: readonly string[], k: number, rng: () => number): number[] {
  const ids = [...new Set(groups)].sort();
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const fold = new Map(ids.map((g, i) => [g, i % k]));
  return groups.map((g) => fold.get(g)!);
}
