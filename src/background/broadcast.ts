import browser from 'webextension-polyfill';
import type { ContentEvent } from '../shared/messages.ts';

/** Tells every tab's content script to re-annotate (or drop its highlights). */
export async function broadcast(event: 'refresh' | 'disable'): Promise<void> {
  const message: ContentEvent = { crosscheck: 1, event };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}
