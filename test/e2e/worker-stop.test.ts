// The service worker stopped in the middle of a write (Chromium: CDP ServiceWorker.stopAllWorkers, as
// the browser does to an idle or misbehaving worker). A big import and a clip each run in one Dexie
// transaction, so after the restart the store holds either all of the write or none of it: counts
// match one of the two states and no claim is left without its source, no relation without its claims.
// Firefox's background is an event page that tests cannot stop from outside, so this runs in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaticServer } from '../../build/serve.ts';
import { launchChromium, type ChromiumSession } from '../../build/browsers.ts';
import { serializePack } from '../../src/core/claim-pack.ts';
import { chromiumBrowser, type TestBrowser, type TestPage, E2E_BROWSERS } from './drivers.ts';
import { extensionDir, servePages } from './helpers.ts';
import { makeBase } from '../bench/synthetic.ts';

type Reply = { ok: boolean; value?: unknown; error?: string } | undefined;

/** A background call from an extension page; retried while the worker is going away or coming back. */
async function call<T>(page: TestPage, name: string, payload: object): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const reply = (await page
      .evaluate(
        async ([c, p]) => {
          const g = globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          };
          return g.chrome.runtime.sendMessage({ crosscheck: 1, call: c, payload: p });
        },
        [name, payload] as [string, object],
      )
      .catch((e: Error) => ({ ok: false, error: e.message }))) as Reply;
    if (reply?.ok) return reply.value as T;
    if (attempt >= 30 || !/Receiving end|message port closed|no reply/i.test(reply?.error ?? 'no reply'))
      throw new Error(`${name}: ${reply?.error ?? 'no reply'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a call without waiting for its reply (the worker may die before it answers). */
const start = (page: TestPage, name: string, payload: object) =>
  page.evaluate(
    ([c, p]) => {
      const g = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      void g.chrome.runtime.sendMessage({ crosscheck: 1, call: c, payload: p }).catch(() => undefined);
    },
    [name, payload] as [string, object],
  );

interface StoreState {
  sources: number;
  claims: number;
  relations: number;
  /** Claims whose source is missing, relations with a missing claim. */
  orphanClaims: number;
  orphanRelations: number;
}

/** Reads the store straight from IndexedDB, in an extension page (same origin as the worker). */
function storeState(page: TestPage): Promise<StoreState> {
  return page.evaluate(
    () =>
      new Promise<StoreState>((resolve, reject) => {
        const open = indexedDB.open('crosscheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['sources', 'claims', 'relations'], 'readonly');
          // No named helper functions in here: the test runner's transform would wrap them in a
          // function the page does not have.
          const reads = ['sources', 'claims', 'relations'].map((name) => tx.objectStore(name).getAll());
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = () => {
            const [s, c, r] = reads.map((q) => q.result as unknown[]) as [unknown[], unknown[], unknown[]];
            db.close();
            const sourceIds = new Set((s as { id: string }[]).map((x) => x.id));
            const claims = c as { id: string; sourceId: string }[];
            const claimIds = new Set(claims.map((x) => x.id));
            const relations = r as { a: string; b: string }[];
            resolve({
              sources: s.length,
              claims: claims.length,
              relations: relations.length,
              orphanClaims: claims.filter((x) => !sourceIds.has(x.sourceId)).length,
              orphanRelations: relations.filter((x) => !claimIds.has(x.a) || !claimIds.has(x.b)).length,
            });
          };
        };
      }),
  ) as unknown as Promise<StoreState>;
}

const counts = (s: StoreState) => ({ sources: s.sources, claims: s.claims });

if (E2E_BROWSERS.includes('chromium')) {
  describe('the service worker stopped during a write (chromium)', () => {
    let session: ChromiumSession;
    let browser: TestBrowser;
    let server: StaticServer;
    let control: TestPage;
    before(async () => {
      server = await servePages();
      session = await launchChromium(extensionDir('chromium'));
      browser = chromiumBrowser(session);
      control = await browser.newPage();
      await control.goto(browser.extensionUrl('dashboard.html'));
      await call(control, 'ping', {});
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('a clip is all or nothing', async () => {
      const url = `${server.origin}/clip-source.html`;
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitFor('[data-crosscheck-id]');
      const tabId = await control.evaluate(async (url: string) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number }[]> };
          runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { url: string } | null }> };
        };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        for (let i = 0; i < 100; i++) {
          for (const tab of await api.tabs.query({})) {
            const r = await api.runtime.sendMessage({
              crosscheck: 1,
              call: 'tabAnnotation',
              payload: { tabId: tab.id },
            });
            if (r?.ok && r.value?.url === url) return tab.id ?? -1;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return -1;
      }, url);
      assert.ok(tabId >= 0, 'the page reported its annotation');
      const before = await storeState(control);
      const outcomes: string[] = [];
      let added: StoreState | undefined;
      for (const delayMs of [10, 60, 150, 400]) {
        await start(control, 'clipTab', { tabId });
        await new Promise((r) => setTimeout(r, delayMs));
        await browser.stopBackground!();
        await call(control, 'tabAnnotation', { tabId: -1 });
        const after = await storeState(control);
        assert.equal(after.orphanClaims + after.orphanRelations, 0, 'no orphan claim or relation');
        if (after.sources === before.sources) {
          assert.deepEqual(after, before, `a stop at ${delayMs} ms left no part of the clip`);
          outcomes.push(`${delayMs} ms: none`);
        } else {
          // The clip got through (now or in an earlier round): one source more, its claims all there,
          // and the same state every time (a later clip of the same page updates it).
          assert.equal(after.sources, before.sources + 1);
          if (added) assert.deepEqual(counts(after), counts(added));
          added = after;
          outcomes.push(`${delayMs} ms: all`);
        }
      }
      const summary = await call<{ claims: number }>(control, 'clipTab', { tabId });
      const done = await storeState(control);
      assert.deepEqual(counts(done), { sources: before.sources + 1, claims: before.claims + summary.claims });
      console.log(`# worker stopped during the clip: ${outcomes.join(', ')}`);
      await page.close();
    });

    test('an import of 20,000 claims is all or nothing', async () => {
      const base = makeBase(20_000, 7);
      const pack = serializePack({
        format: 'crosscheck-claim-pack',
        version: 1,
        created: '2026-01-01T00:00:00.000Z',
        generator: 'worker-stop test',
        sources: base.sources,
        claims: base.claims,
        relations: [],
        discrepancies: [],
      } as Parameters<typeof serializePack>[0]);
      const before = await storeState(control);
      const whole = {
        sources: before.sources + base.sources.length,
        claims: before.claims + base.claims.length,
      };
      const outcomes: string[] = [];
      // The stop lands at different points of the import: while the request travels, while the pack
      // is parsed, inside the transaction.
      for (const delayMs of [1500, 3000, 3800, 4600, 6000]) {
        const now = await storeState(control);
        if (counts(now).claims === whole.claims) break; // an earlier round's import got through
        await start(control, 'importFile', { kind: 'pack', text: pack });
        await new Promise((r) => setTimeout(r, delayMs));
        await browser.stopBackground!();
        await call(control, 'tabAnnotation', { tabId: -1 }); // the next call starts a new worker
        const after = await storeState(control);
        assert.equal(after.orphanClaims, 0, 'no claim without its source');
        assert.equal(after.orphanRelations, 0, 'no relation without its claims');
        const state = counts(after);
        assert.ok(
          [JSON.stringify(counts(before)), JSON.stringify(whole)].includes(JSON.stringify(state)),
          `after a stop at ${delayMs} ms the store is either as before (${JSON.stringify(counts(before))}) or has the whole import (${JSON.stringify(whole)}): ${JSON.stringify(state)}`,
        );
        outcomes.push(`${delayMs} ms: ${state.claims === before.claims ? 'none' : 'all'}`);
      }
      // The restarted worker works: the import done again completes.
      const redo = await call<{ claims: number }>(control, 'importFile', { kind: 'pack', text: pack });
      assert.equal(redo.claims, base.claims.length);
      const done = await storeState(control);
      assert.deepEqual(counts(done), whole);
      assert.equal(done.orphanClaims + done.orphanRelations, 0);
      console.log(`# worker stopped during the import: ${outcomes.join(', ')}`);
    });
  });
}
