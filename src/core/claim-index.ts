// Inverted index over claim terms (synonym-merged stems, entity keys, numbers, dates) with IDF weights.
// Search touches only the postings of the query's terms (typed arrays, rarest first, common terms only
// rescoring claims already found, MaxScore-style), keeps a bounded top-k, and scores with the same blend of cosine and containment that compare() uses, so the index's
// ranking and the stance's similarity agree.
import { analyze, type Features, type Term } from './analyze.ts';
import { namesIn } from './extract-claims.ts';
import type { Claim, Source } from './types.ts';

export interface SearchOptions {
  /** Most hits to return (default 10). */
  limit?: number;
  /** Drop hits below this similarity (default 0.15). */
  minSimilarity?: number;
  /** Leave out claims of this source (a page that is itself in the base). */
  excludeSourceId?: string;
}

export interface SearchHit {
  claim: Claim;
  /** The index's similarity: IDF-weighted, for ranking. */
  similarity: number;
  /**
   * The similarity compare() will give this claim (the same blend without IDF), from the index's own
   * term weights: matchPage skips compare() when it is below the report floor.
   */
  plainSimilarity: number;
  /** The claim's slot in this index: features(hit.claim, hit.doc) finds its cached features by it. */
  doc: number;
}

/**
 * A term in more than this share of the base (and more than COMMON_MIN claims) only adds to the scores of
 * claims that rarer terms found; it does not bring in candidates of its own.
 */
const COMMON_SHARE = 0.005;
const COMMON_MIN = 300;
/**
 * Once rarer terms have found this many candidates, the remaining (commoner) terms only rescore them:
 * the rare terms name the proposition, and every further candidate costs a similarity computation.
 */
const CANDIDATE_BUDGET = 300;
/** Candidates scored exactly with every query term, at least (more for larger limits). */
const RESCORE_MIN = 50;
const FEATURE_CACHE = 4096;
/** Frame candidates kept, and the frame similarity they need. */
const FRAME_LIMIT = 16;
const FRAME_MIN = 0.2;
/**
 * Every claim's index data is one fixed-size record of RECORD_WORDS 32-bit words (64 bytes, one cache
 * line): its norm (a float), its term count and where/when flag, then up to INLINE_TERMS packed terms
 * (term id << 8 | weight code). Claims with more terms keep the rest in a spill array. A candidate then
 * costs one cache miss instead of one per array (norm, flag, term offsets, term ids, weights).
 */
const RECORD_SHIFT = 4;
const RECORD_WORDS = 1 << RECORD_SHIFT;
const INLINE_TERMS = RECORD_WORDS - 2;

const EVENT_TERMS = new Set([
  'meet',
  'visit',
  'elect',
  'vote',
  'attack',
  'strike',
  'hold',
  'sign',
  'kill',
  'invade',
]);

const hasWhereWhen = (f: Features): boolean =>
  f.dates.length > 0 || f.entities.some((e) => e.kind === 'place' && e.locative);

/** The query of a sentence's event frame, when it has a place or date and an event with named participants. */
function frameOf(f: Features): Features | undefined {
  if (!hasWhereWhen(f)) return undefined;
  const terms = new Map<string, Term>();
  for (const t of f.terms.values()) {
    const e = f.entities.find((x) => x.key === t.key);
    if ((t.kind === 'entity' && e && e.kind !== 'place') || EVENT_TERMS.has(t.key)) terms.set(t.key, t);
  }
  const events = [...terms.keys()].filter((k) => EVENT_TERMS.has(k)).length;
  return events && terms.size > events ? { ...f, terms } : undefined;
}

export class ClaimIndex {
  private claims: Claim[] = [];
  private alive = new Uint8Array(1024);
  /** Per claim: 1 when it says where or when (a date or a locative place), read at add time so the
   * frame query can filter its hits without analysing them again. */
  private whereWhen = new Uint8Array(1024);
  private docTerms: Int32Array[] = [];
  private docWeights: Float32Array[] = [];
  /** Per claim d, words d << RECORD_SHIFT onwards: norm (as float bits), count << 1 | whereWhen, terms. */
  private records = new Uint32Array(0);
  private recordFloats = new Float32Array(0);
  /** Terms past INLINE_TERMS: claim d's start in spill (only read for such long claims). */
  private spillStart = new Int32Array(0);
  private spill = new Uint32Array(0);
  /** Weight code → square root of the weight (a term's weight is one of a few per kind). */
  private sqrtOfCode = new Float32Array(256);
  private weightOfCode = new Float32Array(256);
  /** Per term id: the square root of the query's weight during one search, for plainSimilarity. */
  private pMark = new Float32Array(0);
  private pNorm = 0;
  private codeOfWeight = new Map<number, number>();
  private termIds = new Map<string, number>();
  private postings: number[][] = [];
  /** Term weight in each posting, parallel to postings: the hot loop never touches per-claim arrays. */
  private postingWeights: number[][] = [];
  private df: number[] = [];
  private aliveCount = 0;
  private dirty = true;
  private byId = new Map<string, number>();
  private bySource = new Map<string, number[]>();
  private sourceMap = new Map<string, Source>();
  private names = new Map<string, Set<string>>();
  /** Features of claims outside the index (by id); those of indexed claims are in featureSlots. */
  private cache = new Map<string, Features>();
  /** Per claim slot: its cached features, or undefined; cachedDocs lists the filled slots. */
  private featureSlots: (Features | undefined)[] = [];
  private cachedDocs: number[] = [];
  private scores = new Float32Array(0);
  private touched = new Int32Array(0);
  /** Scratch: the candidates' norms during one search. */
  private norms = new Float32Array(0);
  /** Scratch: the candidates' partial scores, to find the rescoring floor. */
  private partial = new Float32Array(0);
  /** Per term: its postings packed as claim << 8 | weight code. */
  private postingDocs: Uint32Array[] = [];
  /** Per term id: the query's score factor for a non-essential term during one search, else 0. */
  private qMark = new Float32Array(0);
  /** Per term id: the query's score factor for a frame term during one search, else 0. */
  private fMark = new Float32Array(0);

  get size(): number {
    return this.aliveCount;
  }

  /** Adds claims; sources give titles for reports and the names used to read sentence-initial names. */
  add(claims: Claim[], sources: Source[] = []): void {
    for (const s of sources) {
      this.sourceMap.set(s.id, s);
      this.names.delete(s.id);
    }
    for (const c of claims) {
      if (this.byId.has(c.id)) continue;
      const f = analyze(c.exact, this.namesOf(c.sourceId));
      const doc = this.claims.length;
      const ids: number[] = [];
      const ws: number[] = [];
      for (const t of f.terms.values()) {
        let id = this.termIds.get(t.key);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(t.key, id);
          this.postings.push([]);
          this.postingWeights.push([]);
          this.df.push(0);
        }
        this.postings[id]?.push(doc);
        this.postingWeights[id]?.push(t.weight);
        this.df[id] = (this.df[id] ?? 0) + 1;
        ids.push(id);
        ws.push(t.weight);
      }
      this.claims.push(c);
      this.featureSlots.push(undefined);
      if (doc >= this.alive.length) {
        const grown = new Uint8Array(this.alive.length * 2);
        grown.set(this.alive);
        this.alive = grown;
      }
      this.alive[doc] = 1;
      if (doc >= this.whereWhen.length) {
        const grown = new Uint8Array(this.whereWhen.length * 2);
        grown.set(this.whereWhen);
        this.whereWhen = grown;
      }
      this.whereWhen[doc] = hasWhereWhen(f) ? 1 : 0;
      this.docTerms.push(Int32Array.from(ids));
      this.docWeights.push(Float32Array.from(ws));
      this.byId.set(c.id, doc);
      const list = this.bySource.get(c.sourceId) ?? [];
      list.push(doc);
      this.bySource.set(c.sourceId, list);
      this.aliveCount++;
    }
    this.dirty = true;
  }

  /** Removes a source and its claims (postings keep the ids; dead ones are skipped at search). */
  removeSource(sourceId: string): void {
    for (const doc of this.bySource.get(sourceId) ?? []) {
      if (!this.alive[doc]) continue;
      this.alive[doc] = 0;
      this.aliveCount--;
      const c = this.claims[doc];
      if (c) this.byId.delete(c.id);
      for (const id of this.docTerms[doc] ?? []) this.df[id] = (this.df[id] ?? 1) - 1;
    }
    this.bySource.delete(sourceId);
    this.sourceMap.delete(sourceId);
    this.names.delete(sourceId);
    this.dirty = true;
  }

  source(id: string): Source | undefined {
    return this.sourceMap.get(id);
  }

  claim(id: string): Claim | undefined {
    const doc = this.byId.get(id);
    return doc === undefined ? undefined : this.claims[doc];
  }

  allClaims(): Claim[] {
    return this.claims.filter((_, i) => this.alive[i] === 1);
  }

  /**
   * Features of a stored claim, analysed on demand and cached (the index itself keeps only term ids).
   * A search hit's doc finds them by slot rather than through the claim id (matchPage asks for every
   * candidate of every sentence).
   */
  features(claim: Claim, doc: number | undefined = this.byId.get(claim.id)): Features {
    if (doc !== undefined && this.claims[doc] === claim) {
      let f = this.featureSlots[doc];
      if (!f) {
        if (this.cachedDocs.length >= FEATURE_CACHE) {
          for (const d of this.cachedDocs) this.featureSlots[d] = undefined;
          this.cachedDocs.length = 0;
        }
        f = analyze(claim.exact, this.namesOf(claim.sourceId));
        this.featureSlots[doc] = f;
        this.cachedDocs.push(doc);
      }
      return f;
    }
    let f = this.cache.get(claim.id);
    if (!f) {
      if (this.cache.size >= FEATURE_CACHE) this.cache.clear();
      f = analyze(claim.exact, this.namesOf(claim.sourceId));
      this.cache.set(claim.id, f);
    }
    return f;
  }

  private namesOf(sourceId: string): { names?: Set<string> } {
    const s = this.sourceMap.get(sourceId);
    if (!s) return {};
    let n = this.names.get(sourceId);
    if (!n) {
      n = namesIn(s.text);
      this.names.set(sourceId, n);
    }
    return { names: n };
  }

  private idf(id: number): number {
    return Math.log(1 + this.aliveCount / Math.max(1, this.df[id] ?? 1));
  }

  /** The code of a weight in packed terms and postings (a few distinct values; the 256th is reused). */
  private codeOf(w: number): number {
    let code = this.codeOfWeight.get(w);
    if (code === undefined) {
      code = Math.min(255, this.codeOfWeight.size);
      this.codeOfWeight.set(w, code);
      this.sqrtOfCode[code] = Math.sqrt(w);
      this.weightOfCode[code] = w;
    }
    return code;
  }

  private refresh(): void {
    if (!this.dirty) return;
    const count = this.claims.length;
    if (count >= 1 << 24 || this.postings.length >= 1 << 24)
      throw new Error('ClaimIndex: too many claims or terms');
    if (this.scores.length < count) {
      this.scores = new Float32Array(count);
      this.touched = new Int32Array(count);
      this.norms = new Float32Array(count);
      this.partial = new Float32Array(count);
    }
    // Postings packed with the weight code, removed claims left out: the hot loop reads one array and
    // checks nothing else.
    const alive = this.alive;
    this.postingDocs = this.postings.map((list, id) => {
      const ws = this.postingWeights[id]!;
      let live = 0;
      for (let k = 0; k < list.length; k++) live += alive[list[k]!]!;
      const out = new Uint32Array(live);
      let at = 0;
      for (let k = 0; k < list.length; k++)
        if (alive[list[k]!]) out[at++] = ((list[k]! << 8) | this.codeOf(ws[k]!)) >>> 0;
      return out;
    });
    this.qMark = new Float32Array(this.postings.length);
    this.fMark = new Float32Array(this.postings.length);
    this.pMark = new Float32Array(this.postings.length);
    const records = new Uint32Array(count << RECORD_SHIFT);
    const floats = new Float32Array(records.buffer);
    this.spillStart = new Int32Array(count);
    const spill: number[] = [];
    for (let d = 0; d < count; d++) {
      const ids = this.docTerms[d];
      const ws = this.docWeights[d];
      if (!ids || !ws) continue;
      const at = d << RECORD_SHIFT;
      let n = 0;
      for (let k = 0; k < ids.length; k++) n += this.idf(ids[k]!) * ws[k]!;
      floats[at] = n;
      records[at + 1] = (ids.length << 1) | this.whereWhen[d]!;
      this.spillStart[d] = spill.length;
      for (let k = 0; k < ids.length; k++) {
        const packed = ((ids[k]! << 8) | this.codeOf(ws[k]!)) >>> 0;
        if (k < INLINE_TERMS) records[at + 2 + k] = packed;
        else spill.push(packed);
      }
    }
    this.records = records;
    this.recordFloats = floats;
    this.spill = Uint32Array.from(spill);
    this.dirty = false;
  }

  /**
   * Search that also serves the sentence's event frame (the people and organisations involved and the
   * kind of event): "talks with Putin in Alaska" must reach "talks with Putin in Alcazar" even when the
   * rest of the two sentences differ, since a different place or date for one event is a conflict. One
   * pass over the postings scores both: the frame's terms are a subset of the sentence's, so each
   * candidate's frame score is read off its own term list next to the full one. Only claims that say where
   * or when can contradict the frame, so only those are kept from it.
   */
  candidates(f: Features, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const frame = frameOf(f);
    const { hits, frameHits } = this.run(f, options, frame);
    if (!frameHits.length) return hits;
    // By slot, not claim id: a handful of hits each, and no claim object to read.
    const extra = frameHits.filter((x) => !hits.some((h) => h.doc === x.doc));
    return [...hits, ...extra.slice(0, limit)];
  }

  search(query: string | Features, options: SearchOptions = {}): SearchHit[] {
    const f = typeof query === 'string' ? analyze(query) : query;
    return this.run(f, options, undefined).hits;
  }

  private run(
    f: Features,
    options: SearchOptions,
    frame: Features | undefined,
  ): { hits: SearchHit[]; frameHits: SearchHit[] } {
    const { limit = 10, minSimilarity = 0.15, excludeSourceId } = options;
    this.refresh();
    const scores = this.scores;
    const touched = this.touched;
    const essentialMax = Math.max(COMMON_MIN, this.aliveCount * COMMON_SHARE);
    const unseenIdf = Math.log(1 + this.aliveCount);
    let n = 0;
    let qNorm = 0;
    let fNorm = 0;
    // Rarest terms first. Terms in more than a small share of the base are "non-essential" (as in
    // MaxScore): a claim that shares only such terms cannot be the same proposition, so they only add to
    // the scores of claims already found, which keeps their weight in the ranking without walking
    // posting lists as long as the base is large.
    const qterms: { id: number; idf: number; q: number; inFrame: boolean }[] = [];
    let pNorm = 0;
    for (const t of f.terms.values()) {
      pNorm += t.weight;
      const inFrame = frame?.terms.has(t.key) ?? false;
      const id = this.termIds.get(t.key);
      if (id === undefined) {
        qNorm += unseenIdf * t.weight; // unseen term: rarest possible
        if (inFrame) fNorm += unseenIdf * t.weight;
        continue;
      }
      const idf = this.idf(id);
      qNorm += idf * t.weight;
      if (inFrame) fNorm += idf * t.weight;
      qterms.push({ id, idf, q: t.weight, inFrame });
    }
    qterms.sort((x, y) => (this.df[x.id] ?? 0) - (this.df[y.id] ?? 0));
    // Phase 1, essential terms: the rarer ones, until they have found enough candidates. The frame's
    // rarest term also admits candidates, as a search of the frame alone would.
    const { qMark, fMark, pMark, sqrtOfCode } = this;
    for (const { id, q } of qterms) pMark[id] = Math.sqrt(q);
    this.pNorm = pNorm;
    const marked: number[] = [];
    let hasRest = false;
    let frameWalked = false;
    for (const [at, { id, idf, q, inFrame }] of qterms.entries()) {
      const list = this.postingDocs[id];
      if (!list) continue;
      const sq = idf * Math.sqrt(q);
      if (inFrame) {
        fMark[id] = sq;
        marked.push(id);
      }
      // The rarest term always finds candidates, even when every term of the sentence is common.
      const frameFirst = inFrame && !frameWalked;
      if (inFrame) frameWalked = true;
      if (at === 0 || frameFirst || ((this.df[id] ?? 0) <= essentialMax && n < CANDIDATE_BUDGET)) {
        for (let k = 0; k < list.length; k++) {
          const p = list[k]!;
          const doc = p >>> 8;
          if (scores[doc] === 0) touched[n++] = doc;
          scores[doc]! += sq * sqrtOfCode[p & 255]!;
        }
      } else {
        qMark[id] = sq;
        marked.push(id);
        hasRest = true;
      }
    }
    // Phase 2: the commoner terms are added to each candidate from the candidate's own term list (about
    // 15 ids), far cheaper than walking their long posting lists.
    const top = new TopK(limit);
    const frameTop = new TopK(frame ? FRAME_LIMIT : 0);
    const { records, recordFloats, spill, spillStart } = this;
    // Only the candidates the rare terms rank highest are worth the exact score: the rest share at
    // most a name or a place with the sentence and common words cannot lift them into the top k. Ties
    // at the floor are all rescored: when a lone common term found them, nothing else tells them apart.
    const rescore = Math.max(RESCORE_MIN, limit * 8);
    let floor = 0;
    const partial = this.partial;
    if (hasRest && n > rescore) {
      for (let c = 0; c < n; c++) partial[c] = scores[touched[c]!]!;
      floor = select(partial, n, n - rescore);
    }
    // Only two kinds of candidate need their record: those at or above the floor (rescored) and, when
    // the sentence has a frame, those that say where or when (frame-scored; the flag is also kept in a
    // dense array). The rest, a third of them on the synthetic page, are dropped here unread.
    const frameOn = frame !== undefined && fNorm !== 0;
    const whereWhen = this.whereWhen;
    let m = 0;
    for (let c = 0; c < n; c++) {
      const doc = touched[c]!;
      const dot = scores[doc]!;
      scores[doc] = 0;
      if (dot < floor && !(frameOn && whereWhen[doc] === 1)) continue;
      touched[m] = doc;
      partial[m++] = dot;
    }
    // Each candidate's record is a cache miss. Reading the norms first, in a loop of independent loads,
    // lets the CPU wait for many misses at once; the scoring loop below then finds the records in cache.
    const norms = this.norms;
    for (let c = 0; c < m; c++) norms[c] = recordFloats[touched[c]! << RECORD_SHIFT]!;
    for (let c = 0; c < m; c++) {
      const doc = touched[c]!;
      let dot = partial[c]!;
      const at = doc << RECORD_SHIFT;
      const dn = norms[c]!;
      if (!dn) continue;
      if (excludeSourceId !== undefined && this.claims[doc]?.sourceId === excludeSourceId) continue;
      const meta = records[at + 1]!;
      const terms = meta >>> 1;
      const inlineEnd = at + 2 + Math.min(terms, INLINE_TERMS);
      if (frameOn && (meta & 1) === 1) {
        let fdot = 0;
        for (let k = at + 2; k < inlineEnd; k++) {
          const p = records[k]!;
          fdot += fMark[p >>> 8]! * sqrtOfCode[p & 255]!;
        }
        if (terms > INLINE_TERMS) {
          const from = spillStart[doc]!;
          const to = from + terms - INLINE_TERMS;
          for (let k = from; k < to; k++) fdot += fMark[spill[k]! >>> 8]! * sqrtOfCode[spill[k]! & 255]!;
        }
        const s = blend(fdot, dn, fNorm);
        if (s >= FRAME_MIN) frameTop.offer(doc, s);
      }
      if (dot < floor) continue;
      if (hasRest) {
        for (let k = at + 2; k < inlineEnd; k++) {
          const p = records[k]!;
          dot += qMark[p >>> 8]! * sqrtOfCode[p & 255]!;
        }
        if (terms > INLINE_TERMS) {
          const from = spillStart[doc]!;
          const to = from + terms - INLINE_TERMS;
          for (let k = from; k < to; k++) dot += qMark[spill[k]! >>> 8]! * sqrtOfCode[spill[k]! & 255]!;
        }
      }
      if (!qNorm) continue;
      const s = blend(dot, dn, qNorm);
      if (s >= minSimilarity) top.offer(doc, s);
    }
    for (const id of marked) {
      qMark[id] = 0;
      fMark[id] = 0;
    }
    const hits = this.hitsOf(top);
    const frameHits = this.hitsOf(frameTop);
    for (const { id } of qterms) pMark[id] = 0;
    return { hits, frameHits };
  }

  /** similarityOf() of the current query and claim doc, from the record (pMark holds the query). */
  private plainSimilarity(doc: number): number {
    const { records, spill, pMark, sqrtOfCode, weightOfCode, pNorm } = this;
    const at = doc << RECORD_SHIFT;
    const terms = records[at + 1]! >>> 1;
    let dot = 0;
    let wb = 0;
    for (let k = 0; k < terms; k++) {
      const p = k < INLINE_TERMS ? records[at + 2 + k]! : spill[this.spillStart[doc]! + k - INLINE_TERMS]!;
      dot += pMark[p >>> 8]! * sqrtOfCode[p & 255]!;
      wb += weightOfCode[p & 255]!;
    }
    if (!pNorm || !wb) return 0;
    return Math.min(1, 0.6 * (dot / Math.sqrt(pNorm * wb)) + 0.4 * (dot / Math.min(pNorm, wb)));
  }

  private hitsOf(top: TopK): SearchHit[] {
    const hits: SearchHit[] = [];
    for (let i = 0; i < top.limit && top.sim[i]! >= 0; i++) {
      const c = this.claims[top.doc[i]!];
      if (!c) continue;
      hits.push({
        claim: c,
        similarity: Math.round(top.sim[i]! * 1000) / 1000,
        plainSimilarity: this.plainSimilarity(top.doc[i]!),
        doc: top.doc[i]!,
      });
    }
    return hits;
  }
}

/** The similarity blend of compare() (cosine and containment) on IDF-weighted dot product and norms. */
const blend = (dot: number, dn: number, qn: number): number =>
  Math.min(1, 0.6 * (dot / Math.sqrt(dn * qn)) + 0.4 * (dot / Math.min(dn, qn)));

/** The k-th smallest of xs[0…n) (Hoare's selection; reorders xs): a full sort costs more per sentence. */
function select(xs: Float32Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

/** A bounded top-k by insertion: no hit objects for the claims that don't make it. */
class TopK {
  readonly doc: Int32Array;
  readonly sim: Float64Array;
  constructor(readonly limit: number) {
    this.doc = new Int32Array(limit);
    this.sim = new Float64Array(limit).fill(-1);
  }

  offer(doc: number, s: number): void {
    const { limit, sim, doc: docs } = this;
    if (!limit || s <= sim[limit - 1]!) return;
    let i = limit - 1;
    while (i > 0 && sim[i - 1]! < s) {
      sim[i] = sim[i - 1]!;
      docs[i] = docs[i - 1]!;
      i--;
    }
    sim[i] = s;
    docs[i] = doc;
  }
}
