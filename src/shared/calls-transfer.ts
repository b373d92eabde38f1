// Calls of the protocol for one feature: Export and import: claim packs, W3C Web Annotations, schema.org ClaimReview.
// Joined into BackgroundCalls in messages.ts; the background's handlers for them live in
// background/transfer-handlers.ts. Add calls here as { request; response } pairs, documented.
export type TransferCalls = Record<never, never>;

/** Calls of this group that only extension pages may make. */
export const TRANSFER_EXTENSION_PAGE_ONLY: readonly string[] = [];
