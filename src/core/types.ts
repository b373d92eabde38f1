// The engine's public vocabulary. The CLI's JSON output, the claim pack and the extension's message
// protocol are all built from these shapes, so they change together or not at all.

/** How statement b stands toward statement a. */
export type Stance = 'corroborates' | 'conflicts' | 'discusses' | 'unrelated';

/** A page sentence's verdict over all its reports (see verdictOf). */
export type Verdict = 'corroborated' | 'conflicting' | 'mixed' | 'discussed';

export type ReasonKind =
  | 'number'
  | 'quantity'
  | 'date'
  | 'place'
  | 'person'
  | 'organization'
  | 'role'
  | 'negation'
  | 'antonym'
  /** The learned stance model read a refuting word in b ("denies", "hoax", "not"): b is that phrase. */
  | 'refutation'
  | 'modality'
  | 'attribution';

/** Why two statements disagree (or, for corroboration, what they share): the differing text on each side. */
export interface Reason {
  kind: ReasonKind;
  a: string;
  b: string;
}

export interface Comparison {
  stance: Stance;
  /** 0..1, content similarity of the two statements. */
  similarity: number;
  reasons: Reason[];
}

/** An article as it enters the engine, whatever its file format. */
export interface Article {
  /** Stable id: for files, the file name without extension; for clipped pages, derived from the URL. */
  id: string;
  title: string;
  text: string;
  url?: string;
  site?: string;
  author?: string;
  /** ISO 8601 date or date-time when known. */
  published?: string;
}

/** A span of an article's (cleaned) text with character offsets into it. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** One report of a page sentence: a base claim about the same proposition and its stance. */
export interface Report {
  claimId: string;
  sourceId: string;
  sourceTitle: string;
  text: string;
  stance: Stance;
  similarity: number;
  reasons: Reason[];
}

export interface SentenceMatch {
  text: string;
  start: number;
  end: number;
  verdict: Verdict;
  reports: Report[];
}

export interface PageMatch {
  title: string;
  sentences: SentenceMatch[];
}

/** A source in the base: an article with its metadata and cleaned text (claim offsets point into `text`). */
export type Source = Article;

/**
 * A check-worthy sentence of a source, anchored W3C-style: `exact` with its `prefix`/`suffix` context
 * (TextQuoteSelector) and `start`/`end` offsets into the source text (TextPositionSelector).
 */
export interface Claim {
  /** `${sourceId}:${start}`: stable as long as the source text is. */
  id: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** A machine-found relation between claims of two different sources. */
export interface Relation {
  /** `${a}|${b}` with a < b. */
  id: string;
  a: string;
  b: string;
  stance: 'corroborates' | 'conflicts';
  similarity: number;
  reasons: Reason[];
}

/** One entity named or titled differently across sources ('Weikov' vs 'Steve Witkoff'). */
export interface Discrepancy {
  kind: 'person' | 'role' | 'place' | 'organization';
  /** The form most sources use, or the fullest one. */
  entity: string;
  variants: { text: string; sourceId: string; claimId?: string }[];
}

export const PACK_FORMAT = 'crosscheck-claim-pack';
export const PACK_VERSION = 1;

export interface ClaimPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  /** ISO date-time the pack was built. */
  created: string;
  generator: string;
  sources: Source[];
  claims: Claim[];
  relations: Relation[];
  discrepancies: Discrepancy[];
}

/** What a moderator says about a claim or a machine-found relation (UI order). */
export const REVIEW_STATUSES = [
  'unreviewed',
  'accurate',
  'inaccurate',
  'misleading',
  'disputed',
  'needs-context',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A moderator's review of a claim or relation, as stored, exchanged and exported. */
export interface Review {
  /** The claim or relation id reviewed. */
  targetId: string;
  targetKind: 'claim' | 'relation';
  status: ReviewStatus;
  note: string;
  reviewer: string;
  /** ms since epoch */
  updatedAt: number;
}
