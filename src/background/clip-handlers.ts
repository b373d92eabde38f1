// Handlers for the calls in shared/calls-clip.ts, and the other two ways to clip: the page's context
// menu and the clip-article keyboard shortcut (commands API). All three ask the tab's content script
// for its article and store it with clip-store.ts.
import browser from 'webextension-polyfill';
import type { Handlers } from './router.ts';
import type { ClipCalls, ClipSummary } from '../shared/calls-clip.ts';
import type { ContentEvent, ContentReplies, ExtractedPage } from '../shared/messages.ts';
import { clipArticle } from './clip-store.ts';
import { database, invalidate } from './claim-base.ts';
import { broadcast } from './broadcast.ts';

const MENU_ID = 'crosscheck-clip-article';
export const CLIP_COMMAND = 'clip-article';

const optional = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The content script's reply, checked field by field: it runs among page scripts. */
function checkedPage(reply: unknown, tabUrl: string | undefined): ExtractedPage {
  const r = reply as Partial<ExtractedPage> | null | undefined;
  if (!r || typeof r.text !== 'string' || typeof r.title !== 'string' || typeof r.pageUrl !== 'string')
    throw new Error('the page gave no article');
  const page: ExtractedPage = { pageUrl: tabUrl ?? r.pageUrl, title: r.title, text: r.text };
  for (const key of ['canonicalUrl', 'site', 'author', 'published'] as const) {
    const value = optional(r[key]);
    if (value) page[key] = value;
  }
  if (page.canonicalUrl && !/^https?:\/\//.test(page.canonicalUrl)) delete page.canonicalUrl;
  return page;
}

/** Clips a tab's article; shared by the popup's button, the context menu and the shortcut. */
export async function clipTab(tabId: number): Promise<ClipSummary> {
  const tab = await browser.tabs.get(tabId);
  const ask: ContentEvent = { crosscheck: 1, event: 'extract' };
  let reply: ContentReplies['extract'] | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, ask)) as ContentReplies['extract'] | undefined;
  } catch {
    throw new Error('Crosscheck can’t read this page (only web pages can be clipped)');
  }
  const summary = await clipArticle(database(), checkedPage(reply, tab.url));
  invalidate();
  void broadcast('refresh');
  return summary;
}

export const clipHandlers: Pick<Handlers, keyof ClipCalls> = {
  async clipTab({ tabId }) {
    if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new Error('tabId must be an integer');
    return clipTab(tabId);
  },
};

function clipFromTrigger(tabId: number | undefined): void {
  if (tabId === undefined || tabId < 0) return;
  clipTab(tabId).then(
    (s) => console.info(`crosscheck: clipped ${s.sourceId}: ${s.claims} claims`),
    (e: unknown) => console.warn('crosscheck: clip failed:', e instanceof Error ? e.message : e),
  );
}

// Registered when the worker module loads (this file is imported at its top level), so a worker
// woken by a menu click or the shortcut hears it. Menus persist across worker restarts; create them
// once per install or update.
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.removeAll().then(
    () =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Clip this article to Crosscheck',
        contexts: ['page', 'selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    () => undefined,
  );
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) clipFromTrigger(tab?.id);
});
browser.commands.onCommand.addListener((command, tab) => {
  if (command !== CLIP_COMMAND) return;
  if (tab?.id !== undefined) clipFromTrigger(tab.id);
  else
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => clipFromTrigger(active?.id));
});
