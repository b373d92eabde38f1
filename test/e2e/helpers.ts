// Shared by the end-to-end tests: the built extension folders and the local test-page server.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serveStatic, type StaticServer } from '../../build/serve.ts';
import { after, before } from 'node:test';
import { launch, type BrowserName, type TestBrowser, type TestPage } from './drivers.ts';
import type { AnnotationReport } from '../../src/shared/messages.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const PAGES = join(ROOT, 'test/fixtures/pages');
/** The shared folder's data sets: `$CROSSCHECK_DATA/data`, else `<repo>/../shared/data` (as the CLI reads them). */
export const SHARED_DATA = join(
  process.env.CROSSCHECK_DATA ? resolve(process.env.CROSSCHECK_DATA) : resolve(ROOT, '../shared'),
  'data',
);

export function extensionDir(target: 'chromium' | 'firefox'): string {
  const dir = join(DIST, target);
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`${dir} is not built: run npm run build first`);
  return dir;
}

/**
 * Our fixtures at '/', the saved real pages of Readability's test set at '/readability/'. The saved
 * pages' own scripts are blocked by CSP (content scripts are not subject to it): they would only try
 * to reach their long-gone ad and analytics hosts, and some navigate away, which is not what we test.
 */
export function servePages(): Promise<StaticServer> {
  return serveStatic({ '/': PAGES, '/readability/': join(SHARED_DATA, 'readability-test-pages') }, 0, {
    '/readability/': { 'content-security-policy': "script-src 'none'; frame-src 'none'; object-src 'none'" },
  });
}

export { readMarks, type MarkedSentence } from '../../build/browsers.ts';

/**
 * One look, from an extension page (`control`), for the tab whose content script reported an annotation
 * pass of `url`: its id and that report. tabs.query has no URLs without the "tabs" permission, so the
 * tab is found by its report.
 */
async function lookUpTab(
  control: TestPage,
  url: string,
): Promise<{ tabId: number; report: AnnotationReport } | null> {
  return await control.evaluate(async (url: string) => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number }[]> };
      runtime: {
        sendMessage(m: unknown): Promise<{ ok: boolean; value?: AnnotationReport | null } | undefined>;
      };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    for (const tab of await api.tabs.query({})) {
      const r = await api.runtime.sendMessage({
        crosscheck: 1,
        call: 'tabAnnotation',
        payload: { tabId: tab.id },
      });
      if (r?.ok && r.value?.url === url && tab.id !== undefined) return { tabId: tab.id, report: r.value };
    }
    return null;
  }, url);
}

/**
 * The id of the tab that reported an annotation of `url`. Polls from here, so a service worker restarted
 * between polls is no problem.
 */
export async function tabOf(control: TestPage, url: string): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = await lookUpTab(control, url);
    if (found) return found.tabId;
    await new Promise((r) => setTimeout(r, 100));
  }
  return assert.fail(`no tab reports an annotation of ${url}`);
}

/** The last annotation report for `url` that `accept`s, polled for about 10 s; null if none came. */
export async function annotationOf(
  control: TestPage,
  url: string,
  accept: (report: AnnotationReport) => boolean = () => true,
): Promise<AnnotationReport | null> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await lookUpTab(control, url);
    if (found && accept(found.report)) return found.report;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * Opens the test pages' server and the browser with the built extension before the current suite's tests
 * and closes both after them; `opened` receives them (and may prepare more, such as extra routes).
 */
export function openForSuite(
  name: BrowserName,
  opened: (browser: TestBrowser, server: StaticServer) => void | Promise<void>,
): void {
  let browser: TestBrowser | undefined;
  let server: StaticServer | undefined;
  before(async () => {
    server = await servePages();
    browser = await launch(name);
    await opened(browser, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
