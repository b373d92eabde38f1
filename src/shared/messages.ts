// The one message protocol: every call a content script or extension page makes to the background,
// with its request and reply types. Replies are Result<reply> (see rpc.ts); the background answers
// only this extension's own contexts (see background/router.ts).
import type { PageMatch } from '../core/types.ts';

export interface BackgroundCalls {
  /** Health check and base size; the e2e tests and the popup use it. */
  ping: { request: Record<string, never>; response: { version: string; sources: number; claims: number } };
  /** Match a page's article text against the base. Offsets in the reply point into `text`. */
  matchPage: {
    request: { url: string; title: string; text: string };
    response: PageMatch;
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
