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
