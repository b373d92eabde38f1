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

/** Precision, recall and F1 of one class; `support` is how many gold items have it. */
export interface ClassScores {
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LabelScores {
  total: number;
  accuracy: number;
  /** Unweighted mean of the per-class F1 over `classes`, as Hanselowski et al. (2018) report for FNC-1. */
  macroF1: number;
  classes: string[];
  perClass: Record<string, ClassScores>;
  /** confusion[gold][predicted] = count, every class present as row and column. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of predicted labels against
 * gold labels, over a fixed class list. A class never predicted has precision 0 (and so F1 0), the
 * scikit-learn `zero_division=0` convention, so a model that ignores a class pays for it in macro-F1.
 * Labels outside `classes` are an error: the caller maps its labels first.
 */
export function scoreLabels(
  items: readonly { gold: string; predicted: string }[],
  classes: readonly string[],
): LabelScores {
  const confusion: LabelScores['confusion'] = {};
  for (const g of classes) confusion[g] = Object.fromEntries(classes.map((p) => [p, 0]));
  let correct = 0;
  for (const { gold, predicted } of items) {
    const row = confusion[gold];
    if (!row || !(predicted in row))
      throw new Error(`label outside ${classes.join('/')}: ${row ? predicted : gold}`);
    row[predicted]!++;
    if (gold === predicted) correct++;
  }
  const perClass: LabelScores['perClass'] = {};
  for (const c of classes) {
    const support = classes.reduce((n, p) => n + confusion[c]![p]!, 0);
    const predicted = classes.reduce((n, g) => n + confusion[g]![c]!, 0);
    const hits = confusion[c]![c]!;
    const precision = predicted ? hits / predicted : 0;
    const recall = support ? hits / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { support, predicted, correct: hits, precision, recall, f1 };
  }
  const macroF1 = classes.length ? classes.reduce((s, c) => s + perClass[c]!.f1, 0) / classes.length : 0;
  return {
    total: items.length,
    accuracy: items.length ? correct / items.length : 0,
    macroF1,
    classes: [...classes],
    perClass,
    confusion,
  };
}

export type FncLabel = 'agree' | 'disagree' | 'discuss' | 'unrelated';
export const FNC_LABELS: readonly FncLabel[] = ['agree', 'disagree', 'discuss', 'unrelated'];

export interface FncScore {
  /** Sum of the per-pair scores. */
  score: number;
  /** The gold labels scored against themselves. */
  max: number;
  /** What predicting `unrelated` everywhere would score. */
  null: number;
  /** score / max, the leaderboard's "relative score" (a fraction; ×100 for the percentage). */
  relative: number;
}

const isRelated = (label: FncLabel): boolean => label !== 'unrelated';

/** One pair's FNC-1 score: 0.25 for related-vs-unrelated right, 0.75 more for the exact related label. */
export function fncPairScore(gold: FncLabel, predicted: FncLabel): number {
  let score = 0;
  if (gold === predicted) score += 0.25;
  if (gold === predicted && isRelated(gold)) score += 0.5;
  if (isRelated(gold) && isRelated(predicted)) score += 0.25;
  return score;
}

/** The official FNC-1 score (fnc-1 scorer.py, as fnc-1/SCORING.md describes it). */
export function fncScore(items: readonly { gold: FncLabel; predicted: FncLabel }[]): FncScore {
  let score = 0;
  let max = 0;
  let nullScore = 0;
  for (const { gold, predicted } of items) {
    score += fncPairScore(gold, predicted);
    max += fncPairScore(gold, gold);
    nullScore += fncPairScore(gold, 'unrelated');
  }
  return { score, max, null: nullScore, relative: max ? score / max : 0 };
}
