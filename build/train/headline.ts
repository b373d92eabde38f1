// The headline stance model: Emergent train split only (claim headline vs article headline), the
// rule engine's verdict as input, folds grouped by claim.
import { compare } from '../../src/core/compare.ts';
import { headlineInputsOf } from '../../src/core/stance/headline-features.ts';
import { words } from '../../src/core/stance/words.ts';
import type { BenchmarkPair, EmergentLabel } from '../../src/cli/eval-datasets.ts';
import { buildDataset, type Dataset } from './mlp-train.ts';

export const EMERGENT_CLASSES: readonly EmergentLabel[] = ['for', 'against', 'observing'];

export interface HeadlineData {
  vocabList: string[];
  data: Dataset;
  groups: string[];
}

/** `rules` gives the rule engine's comparison (compare() without its learned layer). */
export function headlineData(
  pairs: BenchmarkPair<EmergentLabel>[],
  minCount: number,
  rules: (a: string, b: string) => ReturnType<typeof compare>,
): HeadlineData {
  const count = new Map<string, number>();
  for (const p of pairs) for (const w of new Set(words(p.b))) count.set(w, (count.get(w) ?? 0) + 1);
  const vocabList = [...count]
    .filter(([, c]) => c >= minCount)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([w]) => w);
  const index = new Map(vocabList.map((w, i) => [w, i]));
  const rows = pairs.map((p) => {
    const x = headlineInputsOf(index, p.a, p.b, rules(p.a, p.b));
    return { idx: x.idx, val: x.val, y: EMERGENT_CLASSES.indexOf(p.label) };
  });
  return { vocabList, data: buildDataset(rows), groups: pairs.map((p) => p.group ?? p.a) };
}
