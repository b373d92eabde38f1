// Calls of the protocol for one feature: Browsing and reviewing the base from the dashboard: sources, claims, conflicts, reviews, audit log, settings.
// Joined into BackgroundCalls in messages.ts; the background's handlers for them live in
// background/library-handlers.ts. Add calls here as { request; response } pairs, documented.
export type LibraryCalls = Record<never, never>;

/** Calls of this group that only extension pages may make. */
export const LIBRARY_EXTENSION_PAGE_ONLY: readonly string[] = [];
