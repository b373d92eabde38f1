// The one message protocol: every call a content script or extension page makes to the background,
// with its request and reply types. Replies are Result<reply> (see rpc.ts); the background answers
// only this extension's own contexts (see background/router.ts).
import type { PageMatch } from '../core/types.ts';

/** What a report card shows about a source, besides the reported sentence. */
export interface SourceInfo {
  title: string;
  site?: string;
  published?: string;
  url?: string;
}

/** matchPage's reply: the engine's PageMatch plus the sources its reports cite. */
export interface PageMatchView extends PageMatch {
  sources: Record<string, SourceInfo>;
}

export interface BackgroundCalls {
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

/** Upper bound on one request's serialized size; larger ones get an error reply, not a hang. */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** Events the background sends to content scripts (tabs.sendMessage). */
export type ContentEvent = { crosscheck: 1; event: 'refresh' } | { crosscheck: 1; event: 'disable' };
