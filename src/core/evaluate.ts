// Accuracy of compare() on labelled pairs: the figure docs/quality.md reports and `crosscheck eval dev` prints.
import { compare } from './compare.ts';
import type { Stance } from './types.ts';

export interface LabelledPair {
  id?: string;
  a: string;
  b: string;
  label: Stance;
}

export interface Evaluation {
  accuracy: number;
  /** Per gold class: how many pairs, how many right, and recall. */
  perClass: Record<string, { total: number; correct: number; accuracy: number }>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  /** The pairs compare() got wrong, for inspection. */
  errors: { id?: string; label: Stance; predicted: Stance }[];
}

export function evaluatePairs(pairs: LabelledPair[]): Evaluation {
  const perClass: Evaluation['perClass'] = {};
  const confusion: Evaluation['confusion'] = {};
  const errors: Evaluation['errors'] = [];
  let correct = 0;
  for (const p of pairs) {
    const predicted = compare(p.a, p.b).stance;
    const c = (perClass[p.label] ??= { total: 0, correct: 0, accuracy: 0 });
    c.total++;
    const row = (confusion[p.label] ??= {});
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (predicted === p.label) {
      c.correct++;
      correct++;
    } else errors.push({ ...(p.id ? { id: p.id } : {}), label: p.label, predicted });
  }
  for (const c of Object.values(perClass)) c.accuracy = c.total ? c.correct / c.total : 0;
  return { accuracy: pairs.length ? correct / pairs.length : 0, perClass, confusion, errors };
}
