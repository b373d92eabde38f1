// Clipping end to end, in real Chromium and Firefox with the built extension: the popup lists a
// page's claims with their reports, clips the page's article into the base, another page then gets a
// highlight whose report cites the clipped article, and clipping again updates instead of duplicating.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaticServer } from '../../build/serve.ts';
import { chromiumBrowser, launch, type TestBrowser, type TestPage, E2E_BROWSERS } from './drivers.ts';
import { launchChromium, type ChromiumSession } from '../../build/browsers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, readMarks, ROOT, servePages, tabOf } from './helpers.ts';
import type { ClipSummary } from '../../src/shared/calls-clip.ts';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations (injected as a string: extension CSP forbids eval). */
async function axeViolations(page: TestPage): Promise<{ id: string; impact?: string | null }[]> {
  await page.evaluate(AXE_SOURCE as never);
  const all = await page.evaluate(async () => {
    type Violation = { id: string; impact?: string | null };
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

type Reply = { ok: boolean; value?: unknown; error?: string } | undefined;

/** Sends one background call from an extension page. */
function call<T>(control: TestPage, name: string, payload: object): Promise<T> {
  return control
    .evaluate(
      async ({ name, payload }) => {
        type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (g.browser ?? g.chrome).runtime.sendMessage({ crosscheck: 1, call: name, payload });
      },
      { name, payload },
    )
    .then((reply) => {
      const r = reply as unknown as Reply;
      if (!r?.ok) throw new Error(`${name}: ${r?.error ?? 'no reply'}`);
      return r.value as T;
    });
}

async function waitUntil(page: TestPage, fn: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await page.evaluate(fn)) return;
  assert.fail(`timed out waiting for ${fn.toString()}`);
}

const textOf = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);

const CLIPPED_TITLE = 'Zelensky flies to Washington as envoys sketch Ukraine guarantees';

for (const name of E2E_BROWSERS) {
  describe(`clipping in ${name}`, () => {
    let browser: TestBrowser;
    let server: StaticServer;
    let control: TestPage;
    let chromium: ChromiumSession | undefined;
    before(async () => {
      server = await servePages();
      // Chromium's session is kept: the menu and shortcut test runs code in its service worker.
      if (name === 'chromium') chromium = await launchChromium(extensionDir('chromium'));
      browser = chromium ? chromiumBrowser(chromium) : await launch(name);
      control = await browser.newPage();
      await control.goto(browser.extensionUrl('popup.html'));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('the popup lists the page’s claims with reports, and choosing one opens its card', async () => {
      const url = `${server.origin}/demo-news.html`;
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitFor('[data-crosscheck-id]', 40_000);
      const tabId = await tabOf(control, url);
      const popup = await browser.newPage();
      await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
      await popup.waitFor('[data-testid="page-claims"] li');
      const list = await textOf(popup, '[data-testid="page-claims"]');
      assert.match(list, /Corroborating \(\d+\)/);
      assert.match(list, /Conflicting \(\d+\)/);
      assert.match(list, /place: .*Alaska.*↔.*Alcazar|place: .*Alcazar.*↔.*Alaska/, list);
      const shown = await popup.evaluate(() => document.querySelectorAll('[data-claim-id]').length);
      assert.equal(shown, (await page.evaluate(readMarks)).length, 'one entry per highlight');
      assert.deepEqual(await axeViolations(popup), [], 'no serious or critical axe violation');
      // Keyboard: the claim is a button; Enter on it asks the page to show the highlight's card.
      await popup.focus('button.crosscheck-claim-show');
      await popup.press('Enter');
      await waitUntil(page, () => {
        const host = document.querySelector('crosscheck-card') as HTMLElement | null;
        return !!host && getComputedStyle(host).display !== 'none';
      });
      await popup.close();
      await page.close();
    });

    test('clip from the popup: the base grows, another page cites the clip, a second clip updates', async () => {
      const sourceUrl = `${server.origin}/clip-source.html`;
      const page = await browser.newPage();
      await page.goto(sourceUrl);
      await page.waitFor('[data-crosscheck-id]', 40_000);
      const tabId = await tabOf(control, sourceUrl);
      const before = await call<{ claims: number; sources: number }>(control, 'ping', {});

      const popup = await browser.newPage();
      await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
      await popup.waitFor('[data-testid="clip"]');
      await popup.click('[data-testid="clip"]');
      await waitUntil(popup, () =>
        /with your base|Could not/.test(
          document.querySelector('[data-testid="clip-status"]')?.textContent ?? '',
        ),
      );
      const status = await textOf(popup, '[data-testid="clip-status"]');
      assert.match(
        status,
        /^Clipped .*: 6 claims: \d+ corroborates? and \d+ conflicts? with your base\.$/,
        status,
      );
      const afterClip = await call<{ claims: number; sources: number }>(control, 'ping', {});
      assert.equal(afterClip.sources, before.sources + 1);
      assert.equal(afterClip.claims, before.claims + 6);
      await popup.close();

      // A page restating one of the clip's new facts is highlighted, and its report cites the clip.
      const restateUrl = `${server.origin}/clip-restate.html`;
      const other = await browser.newPage();
      await other.goto(restateUrl);
      await other.waitFor('[data-crosscheck-verdict="corroborated"]', 20_000);
      const marks = await other.evaluate(readMarks);
      assert.ok(
        marks.some((m) => /Andrews Air Force Base/.test(m.text) && m.verdict === 'corroborated'),
        JSON.stringify(marks),
      );
      assert.ok(!marks.some((m) => /weather/.test(m.text)), JSON.stringify(marks));
      const otherTab = await tabOf(control, restateUrl);
      const otherPopup = await browser.newPage();
      await otherPopup.goto(browser.extensionUrl(`popup.html?tab=${otherTab}`));
      await otherPopup.waitFor('[data-testid="page-claims"] li');
      const list = await textOf(otherPopup, '[data-testid="page-claims"]');
      assert.ok(list.includes(CLIPPED_TITLE), `the report cites the clipped article: ${list}`);
      assert.match(list, /landed at Andrews Air Force Base/);
      await otherPopup.close();
      await other.close();

      // Clipping the same page again replaces it: same source, same counts.
      const again = await call<ClipSummary>(control, 'clipTab', { tabId });
      assert.equal(again.updated, true);
      assert.equal(again.claims, 6);
      const afterAgain = await call<{ claims: number; sources: number }>(control, 'ping', {});
      assert.deepEqual(
        { claims: afterAgain.claims, sources: afterAgain.sources },
        { claims: afterClip.claims, sources: afterClip.sources },
      );
      await page.close();
    });

    /**
     * Runs the background's own context-menu or shortcut listener (clip-handlers.ts) for a tab. Neither
     * event can be dispatched from outside: synthetic key presses (CDP Input.dispatchKeyEvent in
     * Chromium, WebDriver BiDi input actions in Firefox) reach the page but never the browser's
     * shortcut handling in headless mode, and no API clicks a context menu item. So the test calls the
     * same listener functions the background registers: in Chromium from inside the service worker,
     * in Firefox from an extension page through runtime.getBackgroundPage().
     */
    async function trigger(kind: 'menu' | 'command', tabId: number): Promise<ClipSummary | undefined> {
      type Triggers = {
        menuId: string;
        onClipMenuClicked(
          info: { menuItemId: string },
          tab: { id: number },
        ): Promise<ClipSummary | undefined>;
        onClipCommand(command: string, tab: { id: number }): Promise<ClipSummary | undefined>;
      };
      const run = async ({ kind, tabId }: { kind: string; tabId: number }) => {
        type Api = { runtime: { getBackgroundPage?(): Promise<Record<string, unknown>> } };
        const g = globalThis as unknown as { browser?: Api; crosscheckClipTriggers?: Triggers };
        const scope = g.crosscheckClipTriggers ? g : await g.browser!.runtime.getBackgroundPage!();
        const t = scope.crosscheckClipTriggers as Triggers;
        const summary =
          kind === 'menu'
            ? await t.onClipMenuClicked({ menuItemId: t.menuId }, { id: tabId })
            : await t.onClipCommand('clip-article', { id: tabId });
        return summary ? { ...summary } : undefined; // a plain copy across the worker/page boundary
      };
      if (chromium) {
        const worker =
          chromium.context.serviceWorkers()[0] ?? (await chromium.context.waitForEvent('serviceworker'));
        return worker.evaluate(run, { kind, tabId });
      }
      return control.evaluate(run, { kind, tabId });
    }

    test('clip from the context menu and the keyboard shortcut: the base grows once, then updates', async () => {
      const url = `${server.origin}/unrelated-news.html`;
      const page = await browser.newPage();
      await page.goto(url);
      const tabId = await tabOf(control, url);
      const before = await call<{ claims: number; sources: number }>(control, 'ping', {});

      const fromMenu = await trigger('menu', tabId);
      assert.ok(fromMenu, 'the menu listener clipped the tab');
      assert.equal(fromMenu.updated, false);
      assert.ok(fromMenu.claims > 0, JSON.stringify(fromMenu));
      const afterMenu = await call<{ claims: number; sources: number }>(control, 'ping', {});
      assert.deepEqual(
        { sources: afterMenu.sources, claims: afterMenu.claims },
        { sources: before.sources + 1, claims: before.claims + fromMenu.claims },
      );
      const listed = await call<{ id: string; origin: string }[]>(control, 'listSources', {});
      assert.ok(listed.some((s) => s.id === fromMenu.sourceId && s.origin === 'clip'));

      // The shortcut on the same page updates that source instead of adding another.
      const fromKey = await trigger('command', tabId);
      assert.deepEqual(
        { id: fromKey?.sourceId, updated: fromKey?.updated, claims: fromKey?.claims },
        { id: fromMenu.sourceId, updated: true, claims: fromMenu.claims },
      );
      const afterKey = await call<{ claims: number; sources: number }>(control, 'ping', {});
      assert.deepEqual(
        { sources: afterKey.sources, claims: afterKey.claims },
        { sources: afterMenu.sources, claims: afterMenu.claims },
      );
      await page.close();
    });

    test('a page without a content script cannot be clipped, and says so', async () => {
      const tabs = await control.evaluate(async () => {
        type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).tabs.query({})).map((t) => t.id);
      });
      // The control tab is an extension page: no content script answers there.
      const own = await control.evaluate(async () => {
        type Api = { tabs: { getCurrent(): Promise<{ id?: number } | undefined> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).tabs.getCurrent())?.id;
      });
      assert.ok(own !== undefined && tabs.includes(own));
      await assert.rejects(call(control, 'clipTab', { tabId: own }), /can’t read this page/);
    });
  });
}

if (process.env.SCREENSHOTS) {
  describe('popup screenshots (Chromium)', () => {
    test('light and dark, on the demo page', async () => {
      const server = await servePages();
      const s = await launchChromium(extensionDir('chromium'));
      try {
        const browser = chromiumBrowser(s);
        const control = await browser.newPage();
        await control.goto(browser.extensionUrl('dashboard.html'));
        const url = `${server.origin}/demo-news.html`;
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitFor('[data-crosscheck-id]', 40_000);
        const tabId = await tabOf(control, url);
        const popup = await s.context.newPage();
        // The toolbar popup's size: as wide as the browser lets a popup be by default, one screen tall.
        await popup.setViewportSize({ width: 380, height: 600 });
        for (const scheme of ['light', 'dark'] as const) {
          await popup.emulateMedia({ colorScheme: scheme });
          await popup.goto(s.extensionUrl(`popup.html?tab=${tabId}`));
          await popup.waitForSelector('[data-testid="page-claims"] li');
          await popup.waitForTimeout(300);
          await popup.screenshot({
            path: join(ROOT, `docs/images/popup${scheme === 'dark' ? '-dark' : ''}.png`),
          });
        }
      } finally {
        await s.close();
        await server.close();
      }
    });
  });
}
