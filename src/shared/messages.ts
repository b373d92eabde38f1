// The one message protocol: every call a content script or extension page makes to the background,
// with its request and reply types. Replies are Result<reply> (see rpc.ts); the background answers
// only this extension's own contexts (see background/router.ts).
import type { PageMatch, Verdict } from '../core/types.ts';
import { CLIP_EXTENSION_PAGE_ONLY, type ClipCalls } from './calls-clip.ts';
import { LIBRARY_EXTENSION_PAGE_ONLY, type LibraryCalls } from './calls-library.ts';
import { TRANSFER_EXTENSION_PAGE_ONLY, type TransferCalls } from './calls-transfer.ts';

/** What a report card shows about a source, besides the reported sentence. */
export interface SourceInfo {
  title: string;
  site?: string;
  published?: string;
  url?: string;
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
    response: { enabled: boolean; paused: boolean; siteEnabled: boolean };
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

/** Events the background sends to content scripts (tabs.sendMessage). */
export type ContentEvent = { crosscheck: 1; event: 'refresh' } | { crosscheck: 1; event: 'disable' };
