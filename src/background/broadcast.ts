import browser from 'webextension-polyfill';
import type { ContentEvent } from '../shared/messages.ts';
import type { PageEvent } from '../shared/ui/base-changes.ts';

/**
 * Tells every tab's content script to re-annotate (or drop its highlights), and the extension's open
 * pages (popup, dashboard) that the base changed so they query it again.
 */
export async function broadcast(event: 'refresh' | 'disable'): Promise<void> {
  notifyPages({ crosscheck: 1, event: 'base-changed' });
  const message: ContentEvent = { crosscheck: 1, event };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}

/** Sends an event to the extension's open pages; none open is not an error. */
export function notifyPages(event: PageEvent): void {
  browser.runtime.sendMessage(event).catch(() => undefined);
}
