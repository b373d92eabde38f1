// One small page interface over playwright-core (Chromium) and puppeteer-core (Firefox), so each
// end-to-end scenario is written once and run in both browsers.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import {
  launchChromium,
  launchFirefox,
  openExtensionPage,
  type ChromiumSession,
  type FirefoxSession,
} from '../../build/browsers.ts';
import { extensionDir } from './helpers.ts';

export type BrowserName = 'chromium' | 'firefox';

/** The browsers the suites run in: both, or those named in E2E_BROWSERS (e.g. `E2E_BROWSERS=chromium`). */
export const E2E_BROWSERS = (process.env.E2E_BROWSERS?.split(',') ?? [
  'chromium',
  'firefox',
]) as BrowserName[];

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Text of the report card, read from outside its closed shadow root; undefined where a browser can't. */
  cardText(): Promise<string | undefined>;
  /** Uncaught page errors and console errors, plus Crosscheck's own 'crosscheck:' console lines, so far. */
  errors(): string[];
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  extensionUrl(path: string): string;
  /** Chromium: the service worker's URL. */
  backgroundUrl?: string;
  /** Firefox: the add-on id the browser installed. */
  addonId?: string;
  /** Stops the extension's background (Chromium: the service worker) to test a cold start. */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

/** Whether a console line is an error, or a failure Crosscheck's content script logged ('crosscheck: …'). */
const isProblem = (type: string, text: string) => type === 'error' || /^crosscheck:/.test(text);

function playwrightPage(page: PwPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (isProblem(m.type(), m.text()) && errors.push(m.text())));
  return {
    errors: () => [...errors],
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (selector, timeout = 15_000) =>
      void (await page.waitForSelector(selector, { timeout, state: 'attached' })),
    click: (selector) => page.click(selector),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    async cardText() {
      // CDP's DOM domain pierces closed shadow roots, which page scripts (and tests) otherwise can't.
      const cdp = await page.context().newCDPSession(page);
      type DomNode = { nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      await cdp.detach();
      const find = (n: DomNode): DomNode | undefined =>
        n.nodeName === 'CROSSCHECK-CARD'
          ? n
          : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
      const text = (n: DomNode): string =>
        n.nodeName === 'STYLE'
          ? ''
          : (n.nodeValue ?? '') + [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(text).join(' ');
      const host = find(root);
      return host ? text(host).replace(/\s+/g, ' ').trim() : undefined;
    },
    close: () => page.close(),
  };
}

function puppeteerPage(page: PpPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => void (isProblem(m.type(), m.text()) && errors.push(m.text())));
  return {
    errors: () => [...errors],
    goto: async (url) =>
      url.startsWith('moz-extension:') ? openExtensionPage(page, url) : void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (selector, timeout = 15_000) => void (await page.waitForSelector(selector, { timeout })),
    click: (selector) => page.click(selector),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key as never),
    cardText: async () => undefined,
    close: () => page.close(),
  };
}

export async function launch(name: BrowserName): Promise<TestBrowser> {
  return name === 'chromium'
    ? chromiumBrowser(await launchChromium(extensionDir('chromium')))
    : firefoxBrowser(await launchFirefox(extensionDir('firefox')));
}

/** The test interface over a Chromium session a test launched itself (to keep its context: CDP, requests, the worker). */
export function chromiumBrowser(s: ChromiumSession): TestBrowser {
  return {
    name: 'chromium',
    newPage: async () => playwrightPage(await s.context.newPage()),
    extensionUrl: s.extensionUrl,
    backgroundUrl: s.worker.url(),
    async stopBackground() {
      const page = s.context.pages()[0] ?? (await s.context.newPage());
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    close: s.close,
  };
}

/** The test interface over a Firefox session a test launched itself (to keep its puppeteer Browser). */
export function firefoxBrowser(s: FirefoxSession): TestBrowser {
  return {
    name: 'firefox',
    newPage: async () => puppeteerPage(await s.browser.newPage()),
    extensionUrl: s.extensionUrl,
    addonId: s.addonId,
    close: s.close,
  };
}
