// Inverted index over claim terms (synonym-merged stems, entity keys, numbers, dates) with IDF weights.
// Search touches only the postings of the query's terms, skips terms so common they cannot tell claims
// apart, and scores with the same blend of cosine and containment that compare() uses, so the index's
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
  similarity: number;
}

/** A posting list longer than this share of the base is skipped (the term is near a stop word here). */
const COMMON_SHARE = 0.005;
const COMMON_MIN = 300;
/** After this many candidate claims, further postings only add to claims already found (rarest terms first). */
const MAX_CANDIDATES = 1500;
const FEATURE_CACHE = 4096;

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

/** The query of a sentence's event frame, when it has a place or date and an event with named participants. */
function frameOf(f: Features): Features | undefined {
  const hasWhereWhen = f.dates.length > 0 || f.entities.some((e) => e.kind === 'place' && e.locative);
  if (!hasWhereWhen) return undefined;
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
  private docTerms: Int32Array[] = [];
  private docWeights: Float32Array[] = [];
  private docNorm = new Float64Array(0);
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
  private cache = new Map<string, Features>();
  private scores = new Float64Array(0);

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
      if (doc >= this.alive.length) {
        const grown = new Uint8Array(this.alive.length * 2);
        grown.set(this.alive);
        this.alive = grown;
      }
      this.alive[doc] = 1;
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

  /** Features of a stored claim, analysed on demand and cached (the index itself keeps only term ids). */
  features(claim: Claim): Features {
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

  private refresh(): void {
    if (!this.dirty) return;
    this.docNorm = new Float64Array(this.claims.length);
    for (let d = 0; d < this.claims.length; d++) {
      const ids = this.docTerms[d];
      const ws = this.docWeights[d];
      if (!ids || !ws) continue;
      let n = 0;
      for (let k = 0; k < ids.length; k++) n += this.idf(ids[k] ?? 0) * (ws[k] ?? 0);
      this.docNorm[d] = n;
    }
    if (this.scores.length < this.claims.length) this.scores = new Float64Array(this.claims.length);
    this.dirty = false;
  }

  /**
   * Search plus a second, narrower query for the event frame (the people and organisations involved and
   * the kind of event): "talks with Putin in Alaska" must reach "talks with Putin in Alcazar" even when
   * the rest of the two sentences differ, since a different place or date for one event is a conflict.
   */
  candidates(f: Features, options: SearchOptions = {}): SearchHit[] {
    const hits = this.search(f, options);
    const frame = frameOf(f);
    if (!frame) return hits;
    const seen = new Set(hits.map((h) => h.claim.id));
    // Only claims that say where or when can contradict the frame, so only those are kept.
    const extra = this.search(frame, { ...options, minSimilarity: 0.2, limit: 40 }).filter((h) => {
      if (seen.has(h.claim.id)) return false;
      const g = this.features(h.claim);
      return g.dates.length > 0 || g.entities.some((e) => e.kind === 'place' && e.locative);
    });
    return [...hits, ...extra.slice(0, options.limit ?? 10)];
  }

  search(query: string | Features, options: SearchOptions = {}): SearchHit[] {
    const { limit = 10, minSimilarity = 0.15, excludeSourceId } = options;
    const f = typeof query === 'string' ? analyze(query) : query;
    this.refresh();
    const common = Math.max(COMMON_MIN, this.aliveCount * COMMON_SHARE);
    const scores = this.scores;
    const touched: number[] = [];
    let qNorm = 0;
    // Rarest terms first: they name the proposition, and they fill the candidate set before common ones.
    const qterms = [...f.terms.values()].sort(
      (x, y) => (this.df[this.termIds.get(x.key) ?? -1] ?? 0) - (this.df[this.termIds.get(y.key) ?? -1] ?? 0),
    );
    for (const t of qterms) {
      const id = this.termIds.get(t.key);
      if (id === undefined) {
        qNorm += Math.log(1 + this.aliveCount) * t.weight; // unseen term: rarest possible
        continue;
      }
      const idf = this.idf(id);
      qNorm += idf * t.weight;
      const list = this.postings[id];
      const weights = this.postingWeights[id];
      if (!list || !weights || (this.df[id] ?? 0) > common) continue;
      const alive = this.alive;
      for (let k = 0; k < list.length; k++) {
        const doc = list[k] ?? 0;
        if (!alive[doc]) continue;
        const add = idf * Math.sqrt((weights[k] ?? 0) * t.weight);
        if (scores[doc] === 0) {
          if (touched.length >= MAX_CANDIDATES) continue;
          touched.push(doc);
        }
        scores[doc] = (scores[doc] ?? 0) + add;
      }
    }
    const hits: SearchHit[] = [];
    for (const doc of touched) {
      const dot = scores[doc] ?? 0;
      scores[doc] = 0;
      const c = this.claims[doc];
      if (!c || c.sourceId === excludeSourceId) continue;
      const dn = this.docNorm[doc] ?? 0;
      if (!dn || !qNorm) continue;
      const sim = Math.min(1, 0.6 * (dot / Math.sqrt(dn * qNorm)) + 0.4 * (dot / Math.min(dn, qNorm)));
      if (sim >= minSimilarity) hits.push({ claim: c, similarity: Math.round(sim * 1000) / 1000 });
    }
    hits.sort((x, y) => y.similarity - x.similarity);
    return hits.slice(0, limit);
  }
}
