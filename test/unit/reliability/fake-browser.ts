// Test seam: just enough of the WebExtension API for the real background (src/background/index.ts) to
// load in Node, answer messages over a fake-indexeddb store, and be spoken to as each kind of sender.
// webextension-polyfill returns globalThis.browser when it has a runtime id, so this must be installed
// before the background is imported (use a dynamic import after calling installFakeBrowser).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from 'webextension-polyfill';
import type { ExtractedPage } from '../../../src/shared/messages.ts';

export const SELF_ID = 'crosscheck-self-id';
export const BASE_URL = `chrome-extension://${SELF_ID}/`;
const SEED_PACK = join(import.meta.dirname, '../../fixtures/transfer/small-pack.json');

type Listener = (message: unknown, sender: Runtime.MessageSender) => unknown;

export interface FakeBrowser {
  /** The background's runtime.onMessage listener, once it has registered. */
  listener(): Listener;
  session: Map<string, unknown>;
  /** What each tab's content script answers to 'extract' (clipping); tabs not listed have none. */
  pages: Map<number, ExtractedPage>;
}

const event = () => ({ addListener: () => undefined, removeListener: () => undefined });

export function installFakeBrowser(): FakeBrowser {
  const listeners: Listener[] = [];
  const session = new Map<string, unknown>();
  const pages = new Map<number, ExtractedPage>();
  const browser = {
    runtime: {
      id: SELF_ID,
      getURL: (path: string) => `${BASE_URL}${path}`,
      onMessage: { addListener: (f: Listener) => listeners.push(f), removeListener: () => undefined },
      onInstalled: event(),
      sendMessage: () => Promise.resolve(undefined),
    },
    tabs: {
      onRemoved: event(),
      query: () => Promise.resolve([]),
      get: (tabId: number) =>
        Promise.resolve({ id: tabId, url: pages.get(tabId)?.pageUrl ?? 'https://news.example/story' }),
      // A tab without a page listed has no content script: clipping it fails as on a browser page.
      sendMessage: (tabId: number) =>
        pages.has(tabId)
          ? Promise.resolve(pages.get(tabId))
          : Promise.reject(new Error('Could not establish connection.')),
    },
    storage: {
      session: {
        get: (key: string) => Promise.resolve(session.has(key) ? { [key]: session.get(key) } : {}),
        set: (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, v);
          return Promise.resolve();
        },
        remove: (key: string) => Promise.resolve(void session.delete(key)),
      },
    },
    contextMenus: { onClicked: event(), create: () => undefined, removeAll: () => Promise.resolve() },
    commands: { onCommand: event() },
  };
  const g = globalThis as Record<string, unknown>;
  g.chrome = { runtime: { id: SELF_ID } };
  g.browser = browser;
  g.__VERSION__ = '0.0.0-test';
  // The worker fetches its bundled seed pack; here a small fixture pack stands in for it.
  g.fetch = (url: string) =>
    url === `${BASE_URL}seed-pack.json`
      ? Promise.resolve(new Response(readFileSync(SEED_PACK, 'utf8')))
      : Promise.reject(new Error(`no network in tests: ${url}`));
  return {
    listener: () => listeners[0] ?? (() => assertNever('the background registered no listener')),
    session,
    pages,
  };
}

function assertNever(message: string): never {
  throw new Error(message);
}

export const senders = {
  /** A content script in a web page's tab. */
  content: { id: SELF_ID, url: 'https://news.example/story', tab: { id: 7 } as never, frameId: 0 },
  /** The dashboard (an extension page). */
  page: { id: SELF_ID, url: `${BASE_URL}dashboard.html` },
  /** Another extension's page. */
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
  /** A web page (what externally_connectable would allow; the manifest has none). */
  webPage: { url: 'https://evil.example/' },
} satisfies Record<string, Runtime.MessageSender>;
