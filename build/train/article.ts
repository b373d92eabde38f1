// The article (headline vs body) stance model: data from the FNC-1 train split only, vocabulary and IDF
// from it, cross-validation folds grouped by body so no body is on both sides of a fold.
import {
  articleInputs,
  bodyView,
  pairInputs,
  vocabulary,
  type Vocabulary,
} from '../../src/core/stance/article-features.ts';
import { STOP_WORDS, words } from '../../src/core/stance/words.ts';
import type { BenchmarkPair } from '../../src/cli/eval-datasets.ts';
import type { FncLabel } from '../../src/core/index.ts';
import { buildDataset, type Dataset } from './mlp-train.ts';

export const FNC_CLASSES: readonly FncLabel[] = ['agree', 'disagree', 'discuss', 'unrelated'];

export interface ArticleData {
  vocabList: string[];
  idf: number[];
  vocab: Vocabulary;
  data: Dataset;
  groups: string[];
}

export const bodyIdOf = (p: BenchmarkPair<string>): string => p.id.slice(p.id.indexOf(':') + 1);

export function articleData(pairs: BenchmarkPair<FncLabel>[], size: number): ArticleData {
  const bodies = new Map<string, string>();
  for (const p of pairs) bodies.set(bodyIdOf(p), p.b);
  const headlines = [...new Set(pairs.map((p) => p.a))];
  const docs = [...headlines, ...bodies.values()].map((t) => words(t));
  const count = new Map<string, number>();
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const w of d) if (!STOP_WORDS.has(w)) count.set(w, (count.get(w) ?? 0) + 1);
    for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  // Most frequent first, ties alphabetical: the same list on every run.
  const vocabList = [...count]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, size)
    .map(([w]) => w);
  const idf = vocabList.map((w) =>
    Number((Math.log((docs.length + 1) / ((df.get(w) ?? 0) + 1)) + 1).toFixed(3)),
  );
  const vocab = vocabulary(vocabList, idf);
  const views = new Map<string, ReturnType<typeof bodyView>>();
  for (const [id, b] of bodies) views.set(id, bodyView(vocab, b));
  const rows = pairs.map((p) => {
    const body = views.get(bodyIdOf(p))!;
    const x = pairInputs(vocab, p.a, body);
    return {
      idx: [...x.idx, ...body.vec.idx],
      val: [...x.val, ...body.vec.val],
      y: FNC_CLASSES.indexOf(p.label),
    };
  });
  void articleInputs;
  return { vocabList, idf, vocab, data: buildDataset(rows), groups: topicGroups(pairs) };
}

/**
 * Cross-validation groups: the topics, i.e. the connected parts of the graph whose edges are the related
 * (agree/disagree/discuss) pairs between a headline and a body. Grouping by body alone leaves a headline's
 * other bodies in the training folds, and the headline's words then leak its stance: CV came out near
 * 89% against about 80% on the competition test, whose topics are all new.
 */
export function topicGroups(pairs: BenchmarkPair<FncLabel>[]): string[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    if (p.label === 'unrelated') continue;
    const a = find(`h:${p.a}`);
    const b = find(`b:${bodyIdOf(p)}`);
    if (a !== b) parent.set(a, b);
  }
  return pairs.map((p) => find(`b:${bodyIdOf(p)}`));
}
