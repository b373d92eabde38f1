// Calls of the protocol for one feature: Clipping articles into the base (popup button, context menu, keyboard shortcut).
// Joined into BackgroundCalls in messages.ts; the background's handlers for them live in
// background/clip-handlers.ts. Add calls here as { request; response } pairs, documented.
export type ClipCalls = Record<never, never>;

/** Calls of this group that only extension pages may make. */
export const CLIP_EXTENSION_PAGE_ONLY: readonly string[] = [];
