// Privacy and messaging end to end, in real Chromium and Firefox with the built extension:
// - every network request made while browsing test pages, clipping, opening the popup and the
//   dashboard and exporting goes to the local test server or stays inside the browser (extension,
//   data and blob URLs); the loaded manifest's CSP has no unsafe-eval and each permission it asks
//   for is justified in docs/privacy.md;
// - a web page cannot reach the background: window.postMessage spoofs of Crosscheck's protocol and
//   runtime.sendMessage with the extension id change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaticServer } from '../../build/serve.ts';
import { launchChromium, launchFirefox, type ChromiumSession } from '../../build/browsers.ts';
import { chromiumBrowser, firefoxBrowser, type TestBrowser, type TestPage, E2E_BROWSERS } from './drivers.ts';
import { extensionDir, ROOT, servePages, tabOf } from './helpers.ts';

type Reply = { ok: boolean; value?: unknown; error?: string } | undefined;

/** One background call from an extension page, unwrapped. */
async function call<T>(page: TestPage, name: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    async ([c, p]) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (g.browser ?? g.chrome).runtime.sendMessage({ crosscheck: 1, call: c, payload: p });
    },
    [name, payload] as [string, object],
  )) as Reply;
  assert.ok(reply?.ok, `${name}: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = ['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:'];

for (const name of E2E_BROWSERS) {
  describe(`privacy and messaging in ${name}`, () => {
    let browser: TestBrowser;
    let chromium: ChromiumSession | undefined;
    let server: StaticServer;
    /** Every request the browser made, from pages, content scripts, extension pages and the background. */
    const requests: { url: string; from: string }[] = [];
    const workerErrors: string[] = [];

    before(async () => {
      server = await servePages();
      if (name === 'chromium') {
        chromium = await launchChromium(extensionDir('chromium'));
        // Playwright reports service worker requests on the context too (Chromium).
        chromium.context.on('request', (r) =>
          requests.push({
            url: r.url(),
            from: r.serviceWorker() ? 'service worker' : (r.frame()?.url() ?? '?'),
          }),
        );
        const watch = (w: import('playwright-core').Worker) =>
          w.on('console', (m) => void (m.type() === 'error' && workerErrors.push(m.text())));
        chromium.context.serviceWorkers().forEach(watch);
        chromium.context.on('serviceworker', watch);
        browser = chromiumBrowser(chromium);
      } else {
        const s = await launchFirefox(extensionDir('firefox'));
        // Puppeteer subscribes its WebDriver BiDi session to the network module for every browsing
        // context; listening on the connection sees the events of all of them, not one page's.
        const connection = (
          s.browser as unknown as {
            connection: {
              on(event: string, fn: (e: { request: { url: string }; context?: string }) => void): void;
            };
          }
        ).connection;
        connection.on('network.beforeRequestSent', (e) =>
          requests.push({ url: e.request.url, from: e.context ?? '?' }),
        );
        browser = firefoxBrowser(s);
      }
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('every request goes to the test pages or stays in the browser; CSP and permissions', async () => {
      const control = await browser.newPage();
      await control.goto(browser.extensionUrl('dashboard.html'));
      // A cold background start: its seed-pack fetch must be among the recorded requests, which shows
      // the recorder hears the background too (Chromium; Firefox's BiDi does not report the background page).
      if (browser.stopBackground) {
        // Stopped only once it has answered: a worker stopped while still installing (seeding the
        // base on its first start) may never come back in Chromium.
        await call(control, 'ping', {});
        await browser.stopBackground();
        // The first message may reach the worker while it is still going away: ask again.
        for (let attempt = 0; ; attempt++) {
          try {
            await call(control, 'ping', {});
            break;
          } catch (e) {
            if (attempt >= 40) throw e;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      }
      for (const path of ['demo-news.html', 'clip-source.html', 'unrelated-news.html']) {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/${path}`);
        await tabOf(control, `${server.origin}/${path}`);
        if (path === 'clip-source.html') {
          const tabId = await tabOf(control, `${server.origin}/${path}`);
          const clipped = await call<{ claims: number }>(control, 'clipTab', { tabId });
          assert.ok(clipped.claims > 0);
          const popup = await browser.newPage();
          await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
          await popup.waitFor('[data-testid="page-claims"] li');
          await popup.close();
        }
      }
      const dash = await browser.newPage();
      await dash.goto(browser.extensionUrl('dashboard.html'));
      for (const view of ['sources', 'claims', 'conflicts', 'map', 'audit', 'settings', 'transfer']) {
        await dash.click(`[role="tab"][data-tab="${view}"]`);
        await dash.waitFor(`[role="tab"][data-tab="${view}"][aria-selected="true"]`);
      }
      // Export as the user does, through the panel's button (a blob: download).
      await dash.waitFor('[data-testid="exportPack"]');
      await dash.click('[data-testid="exportPack"]');
      await dash.waitFor('[data-testid="transfer-status"]:not(:empty)');
      await new Promise((r) => setTimeout(r, 500));

      assert.ok(
        requests.some((r) => r.url.startsWith(`${server.origin}/clip-source.html`)),
        'the recorder saw the test pages',
      );
      if (name === 'chromium')
        assert.ok(
          requests.some((r) => r.from === 'service worker' && /seed-pack\.json$/.test(r.url)),
          `the recorder saw the service worker's own requests: ${JSON.stringify(requests.filter((r) => r.from === 'service worker'))}`,
        );
      const outside = requests.filter(
        (r) => !r.url.startsWith(`${server.origin}/`) && !LOCAL_SCHEMES.some((s) => r.url.startsWith(s)),
      );
      assert.deepEqual(outside, [], 'no request leaves for anywhere but the test server');

      // The manifest the browser loaded: CSP without unsafe-eval, and each permission in docs/privacy.md.
      const manifest = await control.evaluate(() => {
        type Api = { runtime: { getManifest(): Record<string, unknown> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (g.browser ?? g.chrome).runtime.getManifest();
      });
      const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)
        ?.extension_pages;
      assert.ok(csp, 'an extension_pages CSP');
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
      assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
      assert.deepEqual(scriptSrc.trim().split(/\s+/), ["'self'"], 'scripts from the extension only');
      assert.equal(manifest.externally_connectable, undefined, 'no web page may message the extension');
      assert.deepEqual(
        (manifest.host_permissions as string[] | undefined) ?? [], // Firefox reports an empty list
        [],
        'no host permissions beyond the content scripts',
      );
      const privacy = readFileSync(join(ROOT, 'docs/privacy.md'), 'utf8');
      const justified = new Set(
        [...privacy.matchAll(/^\| *([^|]+)\|/gm)].flatMap((m) =>
          [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]),
        ),
      );
      for (const permission of (manifest.permissions as string[] | undefined) ?? [])
        assert.ok(justified.has(permission), `docs/privacy.md justifies the ${permission} permission`);
      if (manifest.commands)
        assert.ok(justified.has('commands'), 'docs/privacy.md explains the commands key');
      await dash.close();
      await control.close();
    });

    test('a web page cannot reach the background: spoofed messages change nothing', async () => {
      const control = await browser.newPage();
      await control.goto(browser.extensionUrl('dashboard.html'));
      const url = `${server.origin}/demo-news.html`;
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitFor('[data-crosscheck-id]');
      const tabId = await tabOf(control, url);
      const state = async () => ({
        base: await call<object>(control, 'ping', {}),
        sources: await call<object>(control, 'listSources', {}),
        audit: await call<unknown[]>(control, 'listAudit', {}),
        site: await call<object>(control, 'siteStatus', { host: '127.0.0.1' }),
        annotation: await call<object>(control, 'tabAnnotation', { tabId }),
      });
      const before = await state();
      const marks = await page.evaluate(() => document.querySelectorAll('[data-crosscheck-id]').length);
      const pack = JSON.stringify({ format: 'crosscheck-claim-pack', version: 1, sources: [], claims: [] });

      // In the page's own world, as any page script could.
      const direct = await page.evaluate(
        async ({ pack, tabId, extensionId }) => {
          const spoofs = [
            { crosscheck: 1, call: 'importPack', payload: { packText: pack } },
            { crosscheck: 1, call: 'setPaused', payload: { paused: true } },
            { crosscheck: 1, call: 'setSiteEnabled', payload: { host: location.hostname, enabled: false } },
            { crosscheck: 1, call: 'deleteSource', payload: { id: '000_c968ebdbc1f2aedb' } },
            { crosscheck: 1, call: 'clipTab', payload: { tabId } },
            {
              crosscheck: 1,
              call: 'setReview',
              payload: { targetId: 'x', targetKind: 'claim', status: 'accurate', note: '' },
            },
            { crosscheck: 1, event: 'refresh' },
            { crosscheck: 1, event: 'disable' },
            { crosscheck: 1, event: 'extract' },
            { crosscheck: 1, event: 'base-changed' },
          ];
          for (const m of spoofs) {
            window.postMessage(m, '*');
            window.postMessage(JSON.stringify(m), '*');
            document.dispatchEvent(new CustomEvent('crosscheck', { detail: m }));
          }
          // Without externally_connectable a page has no runtime messaging at all.
          const g = globalThis as unknown as {
            chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } };
            browser?: unknown;
          };
          let sendMessage = 'absent';
          if (typeof g.chrome?.runtime?.sendMessage === 'function') {
            try {
              await g.chrome.runtime.sendMessage(extensionId, spoofs[1]);
              sendMessage = 'delivered';
            } catch (e) {
              sendMessage = `refused: ${e instanceof Error ? e.message : String(e)}`;
            }
          }
          return { sendMessage, browserGlobal: typeof g.browser };
        },
        {
          pack,
          tabId,
          extensionId: new URL(browser.extensionUrl('')).host,
        },
      );
      assert.notEqual(direct.sendMessage, 'delivered', 'runtime.sendMessage from a page reaches nothing');
      assert.equal(direct.browserGlobal, 'undefined');
      await new Promise((r) => setTimeout(r, 1500)); // time for any (wrong) reaction to show
      assert.deepEqual(await state(), before, 'store, settings and the tab’s annotation are unchanged');
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('[data-crosscheck-id]').length),
        marks,
        'the highlights are untouched',
      );
      assert.deepEqual(workerErrors, [], 'no error in the background');
      await page.close();
      await control.close();
    });
  });
}
