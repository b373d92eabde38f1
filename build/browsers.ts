// Launching the built extension in real browsers, shared by `npm start` and the end-to-end tests.
// Recipes verified on this machine image: ../shared/docs/browser-testing.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from './targets.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed moz-extension UUID so tests can open the add-on's pages. */
export const FIREFOX_UUID = '6f1c2a52-7d1e-4a8e-9a51-0c0a11c4c0de';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchChromium(
  extDir: string,
  opts: { headless?: boolean } = {},
): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = worker.url().split('/')[2]!;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a moz-extension:// page. Firefox never reports the load of extension pages to WebDriver BiDi,
 * so puppeteer's goto would time out although the page is there: start the navigation without
 * awaiting it and wait for the document instead.
 */
export async function openExtensionPage(page: import('puppeteer-core').Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  // The wait can start in the document being replaced; when that document goes, the wait fails
  // with it, so wait again in the new one until the deadline.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForFunction(
        (u: string) => location.href === u && document.readyState !== 'loading',
        { timeout: Math.max(1, deadline - Date.now()), polling: 50 },
        url,
      );
      return;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchFirefox(
  extDir: string,
  opts: { headless?: boolean } = {},
): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    defaultViewport: { width: 1200, height: 900 },
    // Firefox 153 lets WebDriver navigate only to http(s)/file/about:blank unless system access is
    // allowed; the tests open moz-extension:// pages (popup, dashboard).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Keep Firefox off the closed network: no updates, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
    },
  });
  const addonId = await browser.installExtension(extDir);
  return {
    browser,
    addonId,
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path}`,
    close: () => browser.close(),
  };
}

export interface MarkedSentence {
  id: string;
  verdict: string;
  text: string;
}

/** Runs in the page (pass it to page.evaluate): highlighted sentences, their pieces joined (one entry per data-crosscheck-id). */
export function readMarks(): MarkedSentence[] {
  const byId = new Map<string, MarkedSentence>();
  for (const el of document.querySelectorAll<HTMLElement>('[data-crosscheck-id]')) {
    const id = el.dataset.crosscheckId!;
    const entry = byId.get(id) ?? { id, verdict: el.dataset.crosscheckVerdict ?? '', text: '' };
    entry.text += el.textContent ?? '';
    byId.set(id, entry);
  }
  return [...byId.values()].map((m) => ({ ...m, text: m.text.replace(/\s+/g, ' ').trim() }));
}
