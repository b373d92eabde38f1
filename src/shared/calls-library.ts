// Calls of the protocol for one feature: browsing and reviewing the base from the dashboard: sources,
// claims, conflicts, reviews, the audit log, the claim map and settings.
// Joined into BackgroundCalls in messages.ts; the background's handlers for them live in
// background/library-handlers.ts. Every call here is for extension pages only (see the list below).
import type { Reason, Review, ReviewStatus, Verdict } from '../core/types.ts';

export { REVIEW_STATUSES } from '../core/types.ts';
export type ReviewStatusName = ReviewStatus;
export type ReviewView = Review;

/** A claim's verdict over its stored relations; 'unmatched' when no other source relates to it. */
export type ClaimVerdict = Verdict | 'unmatched';

export interface SourceRow {
  id: string;
  title: string;
  site?: string;
  published?: string;
  url?: string;
  origin: string;
  claims: number;
}

export interface RelationView {
  id: string;
  stance: 'corroborates' | 'conflicts';
  similarity: number;
  reasons: Reason[];
  /** The claim on the other side and its source. */
  other: { claimId: string; exact: string; sourceId: string; sourceTitle: string };
  review?: ReviewView;
}

export interface ClaimRow {
  id: string;
  sourceId: string;
  sourceTitle: string;
  exact: string;
  start: number;
  end: number;
  verdict: ClaimVerdict;
  review?: ReviewView;
}

export interface ClaimDetail extends ClaimRow {
  relations: RelationView[];
}

export interface ConflictRow {
  id: string;
  stance: 'corroborates' | 'conflicts';
  similarity: number;
  reasons: Reason[];
  a: { claimId: string; exact: string; sourceId: string; sourceTitle: string };
  b: { claimId: string; exact: string; sourceId: string; sourceTitle: string };
  review?: ReviewView;
}

export interface AuditView {
  seq: number;
  at: number;
  action: string;
  targetId: string;
  detail: string;
}

/** How a source stands toward one proposition of the claim map. */
export type MapStance = 'states' | 'corroborates' | 'conflicts' | 'discusses';

export interface MapCluster {
  /** The proposition: its most connected claim. */
  anchor: { claimId: string; exact: string; sourceId: string };
  size: number;
  sources: Record<string, MapStance>;
}

export interface LibrarySettings {
  disabledSites: string[];
  /** The match floor matchPage uses; undefined means the engine's default. */
  minSimilarity?: number;
  highContrast: boolean;
  reviewer: string;
}

export interface LibraryCalls {
  /** Sources with their claim counts, filtered by a search over title, site and URL. */
  listSources: { request: { query?: string }; response: SourceRow[] };
  /** One source's text and its claims with their relations and reviews, for the reader. */
  getSource: {
    request: { id: string };
    response: { source: SourceRow & { text: string }; claims: ClaimDetail[] } | null;
  };
  /** Deletes a source with its claims and their relations; logged in the audit log. */
  deleteSource: { request: { id: string }; response: { claims: number; relations: number } };
  /** Claims filtered by verdict, source and review status (each optional). */
  listClaims: {
    request: { verdict?: ClaimVerdict; sourceId?: string; status?: ReviewStatusName };
    response: ClaimRow[];
  };
  /** Relations between reports, conflicts first: the moderators' queue. */
  listConflicts: {
    request: { stance?: 'conflicts' | 'corroborates'; status?: ReviewStatusName };
    response: ConflictRow[];
  };
  /** Sets a review (the reviewer's name comes from settings); logged in the audit log. */
  setReview: {
    request: { targetId: string; targetKind: 'claim' | 'relation'; status: ReviewStatusName; note: string };
    response: ReviewView;
  };
  /** The audit log, newest first. */
  listAudit: { request: { limit?: number }; response: AuditView[] };
  /** Propositions (connected components of the relations graph) and how each source stands. */
  claimMap: {
    request: Record<string, never>;
    response: { sources: { id: string; title: string }[]; clusters: MapCluster[] };
  };
  getLibrarySettings: { request: Record<string, never>; response: LibrarySettings };
  /** Changes some settings; re-enabling a site goes through setSiteEnabled. */
  setLibrarySettings: {
    request: { minSimilarity?: number | null; highContrast?: boolean; reviewer?: string };
    response: LibrarySettings;
  };
}

/** Calls of this group that only extension pages may make: all of them. */
export const LIBRARY_EXTENSION_PAGE_ONLY: readonly string[] = [
  'listSources',
  'getSource',
  'deleteSource',
  'listClaims',
  'listConflicts',
  'setReview',
  'listAudit',
  'claimMap',
  'getLibrarySettings',
  'setLibrarySettings',
] satisfies (keyof LibraryCalls)[];
