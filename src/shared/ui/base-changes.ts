// Events the background sends to this extension's own pages (popup, dashboard) with
// runtime.sendMessage, so an open page follows changes made elsewhere: a clip in a tab, an import, a
// review in another dashboard tab, a tab's new annotation pass. Content scripts get their own events
// (ContentEvent in messages.ts) through tabs.sendMessage.
import browser, { type Runtime } from 'webextension-polyfill';

export type PageEvent =
  /** The claim base or the settings changed: views re-query what they show. */
  | { crosscheck: 1; event: 'base-changed' }
  /** A tab's content script finished an annotation pass: a popup showing that tab reloads it. */
  | { crosscheck: 1; event: 'tab-annotated'; tabId: number };

function isPageEvent(m: unknown): m is PageEvent {
  const e = m as Partial<PageEvent> | null;
  return (
    !!e &&
    e.crosscheck === 1 &&
    (e.event === 'base-changed' || (e.event === 'tab-annotated' && typeof e.tabId === 'number'))
  );
}

/**
 * Calls `listener` for each PageEvent; returns the unsubscribe. The listener never answers: pages also
 * hear the calls other pages and content scripts send the background, whose reply must win.
 */
export function onPageEvent(listener: (event: PageEvent) => void): () => void {
  const onMessage = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (sender.id === browser.runtime.id && isPageEvent(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
