// Scores of out-of-fold predictions, and the per-class logit offsets cross-validation picks: the
// FNC-1 score favours the majority class, macro-F1 the rare ones (disagree), so the offsets trade them.
import { fncScore, scoreLabels, type FncLabel } from '../../src/core/index.ts';

export function argmax(p: ArrayLike<number>, bias?: ArrayLike<number>): number {
  let best = 0;
  let bv = -Infinity;
  for (let c = 0; c < p.length; c++) {
    const v = Math.log(Math.max(p[c]!, 1e-12)) + (bias?.[c] ?? 0);
    if (v > bv) {
      bv = v;
      best = c;
    }
  }
  return best;
}

export function scoreOf(
  probs: Float32Array[],
  gold: ArrayLike<number>,
  classes: readonly string[],
  bias?: ArrayLike<number>,
) {
  const items = probs.map((p, i) => ({ gold: classes[gold[i]!]!, predicted: classes[argmax(p, bias)]! }));
  const s = scoreLabels(items, classes);
  const fnc = classes.includes('unrelated')
    ? fncScore(items as { gold: FncLabel; predicted: FncLabel }[]).relative
    : undefined;
  return { accuracy: s.accuracy, macroF1: s.macroF1, fnc, confusion: s.confusion };
}

/** Coordinate search over per-class log offsets maximising `objective` of the scores. */
export function tuneBias(
  probs: Float32Array[],
  gold: ArrayLike<number>,
  classes: readonly string[],
  objective: (s: ReturnType<typeof scoreOf>) => number,
): number[] {
  const bias = new Array<number>(classes.length).fill(0);
  let best = objective(scoreOf(probs, gold, classes, bias));
  for (let round = 0; round < 3; round++)
    for (let c = 0; c < classes.length; c++)
      for (let v = -2; v <= 2.001; v += 0.25) {
        const trial = bias.slice();
        trial[c] = Number(v.toFixed(2));
        const o = objective(scoreOf(probs, gold, classes, trial));
        if (o > best + 1e-9) {
          best = o;
          bias.splice(0, bias.length, ...trial);
        }
      }
  return bias;
}
