// Handlers for the calls in shared/calls-clip.ts, and the other two ways to clip: the page's context
// menu and the clip-article keyboard shortcut (commands API). All three ask the tab's content script
// for its article and store it with clip-store.ts.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
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
  const cantRead = 'Crosscheck can’t read this page (only web pages can be clipped)';
  let reply: ContentReplies['extract'] | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, ask)) as ContentReplies['extract'] | undefined;
  } catch {
    throw new Error(cantRead);
  }
  // No answer at all: a tab showing one of our own pages, whose listeners hear but never answer it.
  if (reply === undefined) throw new Error(cantRead);
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

/** The clip a menu click or the shortcut started, for a test (or a curious console) to await. */
let lastTriggered: Promise<ClipSummary | undefined> = Promise.resolve(undefined);

function clipFromTrigger(tabId: number | undefined): Promise<ClipSummary | undefined> {
  if (tabId === undefined || tabId < 0) return Promise.resolve(undefined);
  lastTriggered = clipTab(tabId).then(
    (s) => (console.info(`crosscheck: clipped ${s.sourceId}: ${s.claims} claims`), s),
    (e: unknown) => (console.warn('crosscheck: clip failed:', e instanceof Error ? e.message : e), undefined),
  );
  return lastTriggered;
}

/** The context menu's click listener. */
export function onClipMenuClicked(
  info: Pick<Menus.OnClickData, 'menuItemId'>,
  tab: Pick<Tabs.Tab, 'id'> | undefined,
): Promise<ClipSummary | undefined> {
  return info.menuItemId === MENU_ID ? clipFromTrigger(tab?.id) : Promise.resolve(undefined);
}

/** The keyboard shortcut's listener (commands API); without a tab, the active tab of the current window. */
export async function onClipCommand(
  command: string,
  tab: Pick<Tabs.Tab, 'id'> | undefined,
): Promise<ClipSummary | undefined> {
  if (command !== CLIP_COMMAND) return undefined;
  if (tab?.id !== undefined) return clipFromTrigger(tab.id);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return clipFromTrigger(active?.id);
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
browser.contextMenus.onClicked.addListener((info, tab) => void onClipMenuClicked(info, tab));
browser.commands.onCommand.addListener((command, tab) => void onClipCommand(command, tab));

// Neither a menu click nor a command can be dispatched by a test, so the end-to-end tests call these
// same listeners from the worker's global scope (which no web page or content script can reach), and
// await the clip a real key press started.
Object.assign(globalThis, {
  crosscheckClipTriggers: {
    menuId: MENU_ID,
    onClipMenuClicked,
    onClipCommand,
    lastTriggered: () => lastTriggered,
  },
});
