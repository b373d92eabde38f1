// Calls of the protocol for one feature: clipping articles into the base (popup button, context menu,
// keyboard shortcut). Joined into BackgroundCalls in messages.ts; the background's handlers live in
// background/clip-handlers.ts.
//
// Clipping is started by the trusted side only: an extension page (or the background itself, for the
// menu and the shortcut) asks the background to clip a tab; the background asks that tab's content
// script for the article (ContentEvent 'extract') and writes it. A content script can't write to the
// base on its own, so a page can't fill the user's base by tricking its content script.

/** What one clip did, for the popup's message ('14 claims: 3 corroborate and 1 conflicts with your base'). */
export interface ClipSummary {
  sourceId: string;
  title: string;
  claims: number;
  /** New claims with at least one corroborating (conflicting) relation to a claim of another source. */
  corroborate: number;
  conflicts: number;
  /** True when the article was already in the base (same URL or canonical URL) and was replaced. */
  updated: boolean;
}

export interface ClipCalls {
  /** Clips the article of a tab into the base. Extension pages only. */
  clipTab: { request: { tabId: number }; response: ClipSummary };
}

/** Calls of this group that only extension pages may make. */
export const CLIP_EXTENSION_PAGE_ONLY: readonly string[] = ['clipTab'];

/** The popup's sentence for a clip. */
export function describeClip(s: ClipSummary): string {
  const claims = `${s.claims} claim${s.claims === 1 ? '' : 's'}`;
  const verb = s.updated ? 'Updated' : 'Clipped';
  return `${verb} “${s.title}”: ${claims}: ${s.corroborate} corroborate${s.corroborate === 1 ? 's' : ''} and ${s.conflicts} conflict${s.conflicts === 1 ? 's' : ''} with your base.`;
}
