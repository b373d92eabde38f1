// The article stance model behind compareToArticle(): headline vs whole body, a one-hidden-layer
// perceptron over term frequencies and pair features (article-features.ts), trained on the FNC-1 train
// split (build/train.ts). A body is analysed once and its share of the first layer cached, so the many
// claims scored against one article cost only their own few words each.
import type { Comparison, Stance } from '../types.ts';
import {
  bodyView,
  pairInputs,
  sentenceHits,
  vocabulary,
  type BodyView,
  type Vocabulary,
} from './article-features.ts';
import { ARTICLE_WEIGHTS } from './article-weights.ts';
import { Recent } from '../recent.ts';
import { Mlp } from './mlp.ts';
import { REFUTE_WORDS, words } from './words.ts';

export const ARTICLE_CLASSES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
const STANCE_OF: Record<(typeof ARTICLE_CLASSES)[number], Stance> = {
  agree: 'corroborates',
  disagree: 'conflicts',
  discuss: 'discusses',
  unrelated: 'unrelated',
};

let loaded: { model: Mlp; vocab: Vocabulary } | undefined;
function model() {
  loaded ??= {
    model: new Mlp(ARTICLE_WEIGHTS.model),
    vocab: vocabulary(ARTICLE_WEIGHTS.vocab.split(' '), ARTICLE_WEIGHTS.idf),
  };
  return loaded;
}

/** The last few bodies seen: a claim base is usually scored against one article many times in a row. */
const cache = new Recent<string, { view: BodyView; partial: Float32Array }>(4);

function body(text: string) {
  const hit = cache.get(text);
  if (hit) return hit;
  const { model: m, vocab } = model();
  const view = bodyView(vocab, text);
  return cache.set(text, { view, partial: m.partial(view.vec.idx, view.vec.val) });
}

/** Class probabilities (agree, disagree, discuss, unrelated), after the shipped per-class offsets. */
export function articleProbabilities(headline: string, articleText: string): Float32Array {
  const { model: m, vocab } = model();
  const b = body(articleText);
  const x = pairInputs(vocab, headline, b.view);
  const logBias = ARTICLE_WEIGHTS.bias;
  return m.finish(m.partial(x.idx, x.val, Float32Array.from(b.partial)), logBias);
}

/**
 * The k body sentences that share most of the claim's words (ties: earlier first), with the share of the
 * claim's distinct words each contains.
 */
export function closeSentences(
  claim: string,
  articleText: string,
  k: number,
): { index: number; text: string; coverage: number }[] {
  const { view } = body(articleText);
  const cw = new Set(words(claim));
  const hits = sentenceHits(view, cw);
  return view.sentences
    .map((s, index) => ({ index, text: s.text, n: hits[index]! }))
    .sort((x, y) => y.n - x.n || x.index - y.index)
    .slice(0, k)
    .map(({ index, text, n }) => ({ index, text, coverage: cw.size ? n / cw.size : 0 }));
}

/** The article's stance toward a claim, with the body sentence that shares most of its words. */
export function articleStance(claim: string, articleText: string): Comparison {
  const p = articleProbabilities(claim, articleText);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  const stance = STANCE_OF[ARTICLE_CLASSES[best]!];
  const { view } = body(articleText);
  const cw = new Set(words(claim));
  const hits = sentenceHits(view, cw);
  let top: { text: string; score: number } | undefined;
  for (const [k, s] of view.sentences.entries()) {
    const score = cw.size ? hits[k]! / cw.size : 0;
    if (!top || score > top.score) top = { text: s.text, score };
  }
  const similarity = Math.round((top?.score ?? 0) * 1000) / 1000;
  if (stance !== 'conflicts') return { stance, similarity, reasons: [] };
  const refuting = view.sentences.find((s) => s.words.some((w) => REFUTE_WORDS.has(w) && !cw.has(w)));
  const b = (refuting ?? top)?.text ?? '';
  return { stance, similarity, reasons: [{ kind: 'refutation', a: claim, b: b.slice(0, 160) }] };
}
