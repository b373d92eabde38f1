// Features of a (headline, article body) pair for the article stance model, after Riedel et al. 2017
// (term frequencies over a train vocabulary plus the headline–body TF-IDF cosine), with the overlap,
// refuting/hedging-word and number features that carry the stance signal in the body sentences closest
// to the headline. Unlike Riedel et al., the headline's own term frequencies are left out: with folds
// grouped by topic they only memorised the train topics (CV 81.75% with them, 84.48% without;
// docs/quality.md). Everything about the body alone is computed once (BodyView) and
// reused for every headline scored against it.
import { HEDGE_WORDS, REFUTE_WORDS, STOP_WORDS, words } from './words.ts';

export interface Vocabulary {
  index: ReadonlyMap<string, number>;
  idf: Float32Array;
}

export function vocabulary(list: readonly string[], idf: ArrayLike<number>): Vocabulary {
  return { index: new Map(list.map((w, i) => [w, i])), idf: Float32Array.from(idf) };
}

/** Number of dense features after the two term-frequency blocks. */
export const ARTICLE_DENSE = 22;

/** Input width for a vocabulary of v words: body TF, then the dense pair features. */
export const articleInputs = (v: number): number => v + ARTICLE_DENSE;

interface Sparse {
  idx: number[];
  val: number[];
}

/** L2-normalised term frequencies over the vocabulary, plus the TF-IDF vector (unit length). */
function termVectors(vocab: Vocabulary, ws: readonly string[], offset: number) {
  const tf = new Map<number, number>();
  for (const w of ws) {
    const i = vocab.index.get(w);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  let n2 = 0;
  let t2 = 0;
  for (const [i, c] of tf) {
    n2 += c * c;
    t2 += (c * vocab.idf[i]!) ** 2;
  }
  const norm = Math.sqrt(n2) || 1;
  const tnorm = Math.sqrt(t2) || 1;
  const vec: Sparse = { idx: [], val: [] };
  const tfidf = new Map<number, number>();
  for (const [i, c] of tf) {
    vec.idx.push(offset + i);
    vec.val.push(c / norm);
    tfidf.set(i, (c * vocab.idf[i]!) / tnorm);
  }
  return { vec, tfidf };
}

function cosine(x: ReadonlyMap<number, number>, y: ReadonlyMap<number, number>): number {
  let dot = 0;
  for (const [i, v] of x) dot += v * (y.get(i) ?? 0);
  return dot;
}

const content = (ws: readonly string[]) => ws.filter((w) => !STOP_WORDS.has(w));
const isNumber = (w: string) => /^\d/.test(w);
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor']);
const negator = (w: string) => NEGATORS.has(w) || w.endsWith("n't") || w.endsWith('n’t');

interface BodySentence {
  text: string;
  words: string[];
  set: Set<string>;
}

/** What the article stance model needs of a body, independent of any headline. */
export interface BodyView {
  vec: Sparse;
  tfidf: Map<number, number>;
  all: Set<string>;
  bigrams: Set<string>;
  sentences: BodySentence[];
  refute: number;
  hedge: number;
  length: number;
}

export function bodyView(vocab: Vocabulary, body: string): BodyView {
  // The body is tokenised once, sentence by sentence: the split falls on whitespace only, so the
  // sentences' words joined are exactly the body's words.
  const ws: string[] = [];
  const sentences: BodySentence[] = [];
  for (const part of body.split(/(?<=[.!?])\s+|\n+/)) {
    const sw = words(part);
    for (const w of sw) ws.push(w);
    if (sw.length > 2) sentences.push({ text: part.trim(), words: sw, set: new Set(sw) });
  }
  const { vec, tfidf } = termVectors(vocab, ws, 0);
  // One pass for the rest: the word set, the cue counts, and the bigrams of consecutive content words.
  const all = new Set<string>();
  const bigrams = new Set<string>();
  let refute = 0;
  let hedge = 0;
  let prev: string | undefined;
  for (const w of ws) {
    all.add(w);
    if (REFUTE_WORDS.has(w)) refute++;
    if (HEDGE_WORDS.has(w)) hedge++;
    if (STOP_WORDS.has(w)) continue;
    if (prev !== undefined) bigrams.add(`${prev} ${w}`);
    prev = w;
  }
  return {
    vec,
    tfidf,
    all,
    bigrams,
    sentences,
    refute,
    hedge,
    length: ws.length,
  };
}

/** The dense pair features (the body's term frequencies, the rest of the input, are body.vec). */
export function pairInputs(vocab: Vocabulary, headline: string, body: BodyView): Sparse {
  const ws = words(headline);
  const { tfidf } = termVectors(vocab, ws, 0);
  const vec: Sparse = { idx: [], val: [] };
  const hc = [...new Set(content(ws))];
  const n = hc.length || 1;
  const covered = (set: ReadonlySet<string>) => hc.filter((w) => set.has(w)).length / n;

  // The body sentences that share most of the headline's content words: where a stance would be said.
  const scored = body.sentences.map((s, i) => ({ s, i, c: covered(s.set) }));
  const top = [...scored].sort((x, y) => y.c - x.c || x.i - y.i).slice(0, 3);
  const lead = new Set(body.sentences.slice(0, 2).flatMap((s) => s.words));
  let topRefute = 0;
  let topHedge = 0;
  let negNear = 0;
  const hset = new Set(hc);
  for (const { s } of top) {
    s.words.forEach((w, i) => {
      if (REFUTE_WORDS.has(w)) topRefute++;
      if (HEDGE_WORDS.has(w)) topHedge++;
      if (negator(w) && s.words.slice(Math.max(0, i - 3), i + 4).some((x) => hset.has(x))) negNear++;
    });
  }
  let bestCos = 0;
  if (top[0]) {
    const tv = termVectors(vocab, top[0].s.words, 0).tfidf;
    bestCos = cosine(tfidf, tv);
  }
  let bi = 0;
  for (let i = 1; i < hc.length; i++) if (body.bigrams.has(`${hc[i - 1]} ${hc[i]}`)) bi++;
  const nums = hc.filter(isNumber);
  const numsFound = nums.filter((w) => body.all.has(w)).length;
  const headRefute = ws.filter((w) => REFUTE_WORDS.has(w)).length;
  const headHedge = ws.filter((w) => HEDGE_WORDS.has(w)).length;
  const topWords = new Set(top.flatMap((t) => t.s.words));

  const dense = [
    cosine(tfidf, body.tfidf),
    covered(body.all),
    covered(lead),
    top[0]?.c ?? 0,
    hc.length > 1 ? bi / (hc.length - 1) : 0,
    headRefute ? 1 : 0,
    headHedge ? 1 : 0,
    headline.includes('?') ? 1 : 0,
    Math.min(topRefute, 4) / 4,
    Math.min(topHedge, 4) / 4,
    Math.log1p(body.refute) / 3,
    Math.log1p(body.hedge) / 3,
    Math.min(negNear, 3) / 3,
    nums.length ? numsFound / nums.length : 0,
    nums.length && !numsFound ? 1 : 0,
    Math.log1p(body.length) / 8,
    bestCos,
    covered(topWords),
    headRefute % 2,
    body.refute % 2,
    (top[1]?.c ?? 0) * (top[2]?.c ?? 0),
    Math.min(body.sentences.filter((s) => covered(s.set) >= 0.5).length, 10) / 10,
  ];
  const base = vocab.idf.length;
  dense.forEach((v, k) => {
    if (v) {
      vec.idx.push(base + k);
      vec.val.push(v);
    }
  });
  return vec;
}
