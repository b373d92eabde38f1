// The one message protocol: every call a content script or extension page makes to the background,
// with its request and reply types. Replies are Result<reply> (see rpc.ts); the background answers
// only this extension's own contexts (see background/router.ts).
import type { PageMatch, Report, Verdict } from '../core/types.ts';
import { CLIP_EXTENSION_PAGE_ONLY, type ClipCalls } from './calls-clip.ts';
import { LIBRARY_EXTENSION_PAGE_ONLY, type LibraryCalls } from './calls-library.ts';
import { TRANSFER_EXTENSION_PAGE_ONLY, type TransferCalls } from './calls-transfer.ts';

/** What a report card shows about a source, besides the reported sentence. */
export interface SourceInfo {
  title: string;
  site?: string;
  published?: string;
  url?: string;
  /** Moderators' reviews of this source's claims in the reply, by claim id (reviewed ones only). */
  reviews?: Record<string, { status: string; note: string; reviewer: string; updatedAt: number }>;
}

/** What one annotation pass did on a page. */
export interface AnnotationReport {
  url: string;
  /** Sentences the background matched, and how many of them were highlighted in the page. */
  matched: number;
  marked: number;
  counts: Record<Verdict, number>;
  /** From the content script's start (document idle) to the last highlight, in ms. */
  elapsedMs: number;
  /** The longest stretch the content script held the main thread, in ms. */
  longestBlockMs: number;
}

/** matchPage's reply: the engine's PageMatch plus the sources its reports cite. */
export interface PageMatchView extends PageMatch {
  sources: Record<string, SourceInfo>;
}

/** Every call, by feature: the page calls below and one group per feature file. */
export interface BackgroundCalls extends PageCalls, ClipCalls, LibraryCalls, TransferCalls {}

/** Annotating pages, the base's size and the site switches. */
export interface PageCalls {
  /** Health check and base size; the e2e tests and the popup use it. */
  ping: { request: Record<string, never>; response: { version: string; sources: number; claims: number } };
  /** Whether Crosscheck should annotate pages of this host (global pause and per-site switch). */
  siteStatus: {
    request: { host: string };
    response: { enabled: boolean; paused: boolean; siteEnabled: boolean; highContrast: boolean };
  };
  /** Turns Crosscheck on or off for one host, or pauses it everywhere. */
  setSiteEnabled: { request: { host: string; enabled: boolean }; response: { enabled: boolean } };
  setPaused: { request: { paused: boolean }; response: { paused: boolean } };
  /** Adds a claim pack (its JSON text) to the base, all or nothing. Extension pages only. */
  importPack: {
    request: { packText: string };
    response: { sources: number; claims: number; relations: number };
  };
  /** A content script tells how its last annotation pass went; kept per tab for the popup. */
  reportAnnotation: { request: AnnotationReport; response: Record<string, never> };
  /** The last annotation report of a tab, if its content script ran. */
  tabAnnotation: { request: { tabId: number }; response: AnnotationReport | null };
  /** Match a page's article text against the base. Offsets in the reply point into `text`. */
  matchPage: {
    request: { url: string; title: string; text: string };
    response: PageMatchView;
  };
}

export type CallName = keyof BackgroundCalls;
export type Request<K extends CallName> = BackgroundCalls[K]['request'];
export type Response<K extends CallName> = BackgroundCalls[K]['response'];

/** What goes over runtime.sendMessage. The `crosscheck` tag keeps other senders' messages apart. */
export interface Envelope<K extends CallName = CallName> {
  crosscheck: 1;
  call: K;
  payload: Request<K>;
}

/**
 * Upper bounds on one request's serialized size; larger ones get an error reply, not a hang. Pages are
 * large but bounded; extension pages may import whole claim bases.
 */
export const MAX_CONTENT_REQUEST_BYTES = 8 * 1024 * 1024;
export const MAX_EXTENSION_PAGE_REQUEST_BYTES = 512 * 1024 * 1024;

/** A payload field's JSON type ('string[]': an array of strings); '?' marks it optional. */
type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'string[]' | 'null';
export type FieldSpec = FieldType | `${FieldType}?` | `${FieldType}|${FieldType}?`;

/**
 * The shape of every call's payload, checked by the router before any handler runs, so a message of the
 * wrong shape gets an error naming the field instead of reaching a handler that coerces or crashes.
 * Typed against the requests above: a call or a request field added without its entry here fails to compile.
 * Fields not listed are ignored by the handlers.
 */
export const REQUEST_SHAPES: { [K in CallName]: { [F in keyof Request<K>]-?: FieldSpec } } = {
  ping: {},
  siteStatus: { host: 'string' },
  setSiteEnabled: { host: 'string', enabled: 'boolean' },
  setPaused: { paused: 'boolean' },
  importPack: { packText: 'string' },
  reportAnnotation: {
    url: 'string',
    matched: 'number',
    marked: 'number',
    counts: 'object',
    elapsedMs: 'number',
    longestBlockMs: 'number',
  },
  tabAnnotation: { tabId: 'number' },
  matchPage: { url: 'string', title: 'string', text: 'string' },
  clipTab: { tabId: 'number' },
  listSources: { query: 'string?' },
  getSource: { id: 'string' },
  deleteSource: { id: 'string' },
  listClaims: { verdict: 'string?', sourceId: 'string?', status: 'string?' },
  listConflicts: { stance: 'string?', status: 'string?' },
  setReview: { targetId: 'string', targetKind: 'string', status: 'string', note: 'string' },
  listAudit: { limit: 'number?' },
  claimMap: {},
  getLibrarySettings: {},
  setLibrarySettings: { minSimilarity: 'number|null?', highContrast: 'boolean?', reviewer: 'string?' },
  exportPack: { sourceIds: 'string[]?' },
  exportWebAnnotations: { sourceIds: 'string[]?' },
  exportClaimReviews: {},
  importFile: { kind: 'string', text: 'string' },
};

/** Calls only extension pages (popup, dashboard) may make; content scripts run among page scripts. */
export const EXTENSION_PAGE_ONLY: readonly string[] = [
  'importPack',
  'tabAnnotation',
  'setPaused',
  'setSiteEnabled',
  ...CLIP_EXTENSION_PAGE_ONLY,
  ...LIBRARY_EXTENSION_PAGE_ONLY,
  ...TRANSFER_EXTENSION_PAGE_ONLY,
];

/**
 * Events extension contexts send to content scripts (tabs.sendMessage). The background broadcasts
 * 'refresh' and 'disable'; the popup asks for the page's 'claims' and to 'show' one; the background
 * asks for the article to clip ('extract'). Replies are in ContentReplies.
 */
export type ContentEvent =
  | { crosscheck: 1; event: 'refresh' }
  | { crosscheck: 1; event: 'disable' }
  | { crosscheck: 1; event: 'claims' }
  | { crosscheck: 1; event: 'show'; id: string }
  | { crosscheck: 1; event: 'extract' };

/** One highlighted sentence of a page, as the popup lists it. */
export interface PageClaim {
  /** The highlight's data-crosscheck-id. */
  id: string;
  verdict: Verdict;
  sentence: string;
  reports: Report[];
}

/** The article a content script extracted for clipping (Readability on a clone of the document). */
export interface ExtractedPage {
  /** The page's own address (location.href). */
  pageUrl: string;
  title: string;
  text: string;
  /** The canonical URL when the page declares one. */
  canonicalUrl?: string;
  site?: string;
  author?: string;
  published?: string;
}

/** What a content script replies to each ContentEvent (undefined: no reply). */
export interface ContentReplies {
  refresh: undefined;
  disable: undefined;
  claims: { url: string; claims: PageClaim[]; sources: Record<string, SourceInfo> };
  show: { shown: boolean };
  extract: ExtractedPage;
}
