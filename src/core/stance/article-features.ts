// Features of a (headline, article body) pair for the article stance model, after Riedel et al. 2017
// (term frequencies over a train vocabulary plus the headline–body TF-IDF cosine), with the overlap,
// refuting/hedging-word and number features that carry the stance signal in the body sentences closest
// to the headline. Unlike Riedel et al., the headline's own term frequencies are left out: with folds
// grouped by topic they only memorised the train topics (CV 81.75% with them, 84.48% without;
// docs/quality.md). Everything about the body alone is computed once (BodyView) and
// reused for every headline scored against it.
import { HEDGE_WORDS, REFUTE_WORDS, STOP_WORDS, words } from './words.ts';

export interface Vocabulary {
  idf: Float32Array;
  /**
   * Every vocabulary or cue word → (vocabulary index + 1) × 8 + STOP | REFUTE | HEDGE (index + 1 is 0
   * for a cue word outside the vocabulary). A new body's distinct words are each looked up once here
   * instead of four times (one table of 5,000 words and three cue lists): 0.03 ms of a new article.
   */
  lexicon: ReadonlyMap<string, number>;
}

/** A word's vocabulary index, if it has one. */
const indexOf = (vocab: Vocabulary, w: string): number | undefined => {
  const entry = vocab.lexicon.get(w);
  return entry !== undefined && entry >= 8 ? (entry >> 3) - 1 : undefined;
};

const STOP = 1;
const REFUTE = 2;
const HEDGE = 4;

export function vocabulary(list: readonly string[], idf: ArrayLike<number>): Vocabulary {
  const lexicon = new Map<string, number>();
  list.forEach((w, i) => lexicon.set(w, (i + 1) * 8));
  const mark = (set: ReadonlySet<string>, bit: number) => {
    for (const w of set) lexicon.set(w, (lexicon.get(w) ?? 0) | bit);
  };
  mark(STOP_WORDS, STOP);
  mark(REFUTE_WORDS, REFUTE);
  mark(HEDGE_WORDS, HEDGE);
  return { idf: Float32Array.from(idf), lexicon };
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
    const i = indexOf(vocab, w);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  return weigh(vocab, tf, offset);
}

/** Term counts (vocabulary index → count, in first-seen order) to the two unit-length vectors. */
function weigh(vocab: Vocabulary, tf: ReadonlyMap<number, number>, offset: number) {
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
  /** The words as the body's word numbers (BodyView.ids). */
  ids: number[];
}

/**
 * What the article stance model needs of a body, independent of any headline. Each distinct word gets a
 * number in first-seen order, and sentences and bigrams are kept as numbers: a body is read once per
 * article but its sentences are searched for every headline, and numbers cost no hashing or string
 * building (reading a body took 0.3 ms with a Set of strings per sentence; docs/benchmarks.md).
 */
export interface BodyView {
  vec: Sparse;
  tfidf: Map<number, number>;
  /** Distinct word → its number. */
  ids: Map<string, number>;
  /** The body's content words (stop words left out), as word numbers, in order: its bigrams. */
  contentIds: number[];
  sentences: BodySentence[];
  refute: number;
  hedge: number;
  length: number;
}

export function bodyView(vocab: Vocabulary, body: string): BodyView {
  // The body is tokenised once, sentence by sentence: the split falls on whitespace only, so the
  // sentences' words joined are exactly the body's words.
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const counts: number[] = [];
  const parts: number[][] = [];
  const sentences: BodySentence[] = [];
  let length = 0;
  for (const part of body.split(/(?<=[.!?])\s+|\n+/)) {
    const sw = words(part);
    const sid: number[] = [];
    for (let k = 0; k < sw.length; k++) {
      const w = sw[k]!;
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = distinct.length));
        distinct.push(w);
        counts.push(0);
      }
      counts[id]!++;
      sid.push(id);
    }
    length += sw.length;
    parts.push(sid);
    if (sw.length > 2) sentences.push({ text: part.trim(), words: sw, ids: sid });
  }
  // Term counts in first-seen order, cue counts and stop words, all once per distinct word.
  const tf = new Map<number, number>();
  const stop = new Uint8Array(distinct.length);
  let refute = 0;
  let hedge = 0;
  for (let id = 0; id < distinct.length; id++) {
    const entry = vocab.lexicon.get(distinct[id]!);
    if (entry === undefined) continue;
    if (entry >= 8) tf.set((entry >> 3) - 1, counts[id]!);
    if (entry & REFUTE) refute += counts[id]!;
    if (entry & HEDGE) hedge += counts[id]!;
    if (entry & STOP) stop[id] = 1;
  }
  const { vec, tfidf } = weigh(vocab, tf, 0);
  const contentIds: number[] = [];
  for (const sid of parts) for (const id of sid) if (!stop[id]) contentIds.push(id);
  return { vec, tfidf, ids, contentIds, sentences, refute, hedge, length };
}

/**
 * For each body sentence, how many of the given distinct words it contains. Words the body lacks count
 * nowhere; a stamp per word number makes each word count once per sentence.
 */
export function sentenceHits(body: BodyView, distinctWords: Iterable<string>): number[] {
  const wanted = new Uint8Array(body.ids.size);
  for (const w of distinctWords) {
    const id = body.ids.get(w);
    if (id !== undefined) wanted[id] = 1;
  }
  const seen = new Int32Array(body.ids.size);
  return body.sentences.map((s, k) => {
    let n = 0;
    for (const id of s.ids) {
      if (wanted[id] && seen[id] !== k + 1) {
        seen[id] = k + 1;
        n++;
      }
    }
    return n;
  });
}

/**
 * How many of the consecutive pairs of these distinct words (a, b) occur in the body as consecutive
 * content words. One pass over the body per headline: cheaper than a set of the body's bigrams built
 * for every new article, since the headline has a handful of pairs and most body words are not in them.
 */
function bigramsFound(body: BodyView, distinctWords: readonly string[]): number {
  const n = body.ids.size;
  const wanted = new Set<number>();
  const first = new Uint8Array(n);
  for (let i = 1; i < distinctWords.length; i++) {
    const a = body.ids.get(distinctWords[i - 1]!);
    const b = body.ids.get(distinctWords[i]!);
    if (a === undefined || b === undefined) continue;
    wanted.add(a * n + b);
    first[a] = 1;
  }
  if (!wanted.size) return 0;
  const found = new Set<number>();
  const seq = body.contentIds;
  for (let p = 1; p < seq.length; p++) {
    const a = seq[p - 1]!;
    if (!first[a]) continue;
    const key = a * n + seq[p]!;
    if (wanted.has(key)) found.add(key);
  }
  return found.size;
}

/** How many of the given distinct words occur in any of the given sentences. */
function hitsIn(body: BodyView, distinctWords: readonly string[], sentences: readonly BodySentence[]) {
  const present = new Uint8Array(body.ids.size);
  for (const s of sentences) for (const id of s.ids) present[id] = 1;
  let n = 0;
  for (const w of distinctWords) {
    const id = body.ids.get(w);
    if (id !== undefined && present[id]) n++;
  }
  return n;
}

/** The dense pair features (the body's term frequencies, the rest of the input, are body.vec). */
export function pairInputs(vocab: Vocabulary, headline: string, body: BodyView): Sparse {
  const ws = words(headline);
  const { tfidf } = termVectors(vocab, ws, 0);
  const vec: Sparse = { idx: [], val: [] };
  const hc = [...new Set(content(ws))];
  const n = hc.length || 1;

  // The body sentences that share most of the headline's content words: where a stance would be said.
  const hits = sentenceHits(body, hc);
  const scored = body.sentences.map((s, i) => ({ s, i, c: hits[i]! / n }));
  const top = [...scored].sort((x, y) => y.c - x.c || x.i - y.i).slice(0, 3);
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
  const bi = bigramsFound(body, hc);
  const nums = hc.filter(isNumber);
  const numsFound = nums.filter((w) => body.ids.has(w)).length;
  const headRefute = ws.filter((w) => REFUTE_WORDS.has(w)).length;
  const headHedge = ws.filter((w) => HEDGE_WORDS.has(w)).length;
  const inBody = hc.filter((w) => body.ids.has(w)).length;

  const dense = [
    cosine(tfidf, body.tfidf),
    inBody / n,
    hitsIn(body, hc, body.sentences.slice(0, 2)) / n,
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
    hitsIn(
      body,
      hc,
      top.map((t) => t.s),
    ) / n,
    headRefute % 2,
    body.refute % 2,
    (top[1]?.c ?? 0) * (top[2]?.c ?? 0),
    Math.min(scored.filter((x) => x.c >= 0.5).length, 10) / 10,
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
