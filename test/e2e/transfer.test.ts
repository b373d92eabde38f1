// Import and export end to end, in both browsers: the claim pack exported from one profile and imported
// into a fresh one gives the same base; a malformed file changes nothing and says which record and
// field are wrong. The dashboard page calls the background as the TransferPanel does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type TestBrowser, type TestPage, E2E_BROWSERS } from './drivers.ts';
import { ROOT } from './helpers.ts';

const FIXTURES = join(ROOT, 'test/fixtures/transfer');
const packText = readFileSync(join(FIXTURES, 'small-pack.json'), 'utf8');
const feedText = readFileSync(join(FIXTURES, 'fact-check-feed.json'), 'utf8');

type Reply = { ok: boolean; value?: unknown; error?: string };

/** runtime.sendMessage from an extension page, as callBackground does (without unwrapping). */
async function call(page: TestPage, name: string, payload: object): Promise<Reply> {
  return await page.evaluate(
    async ([c, p]) => {
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      return (await (g.browser ?? g.chrome).runtime.sendMessage({
        crosscheck: 1,
        call: c,
        payload: p,
      })) as Reply;
    },
    [name, payload] as [string, object],
  );
}

async function value<T>(page: TestPage, name: string, payload: object): Promise<T> {
  const reply = await call(page, name, payload);
  assert.ok(reply.ok, `${name}: ${reply.error}`);
  return reply.value as T;
}

/** The pack text without its creation time, which differs between two exports of the same base. */
const body = (text: string) => text.replace(/"created": "[^"]*"/, '"created": ""');

async function dashboard(browser: TestBrowser): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(browser.extensionUrl('dashboard.html'));
  await page.waitFor('#app');
  return page;
}

for (const name of E2E_BROWSERS) {
  describe(`import and export in ${name}`, () => {
    let first: TestBrowser | undefined;
    let second: TestBrowser | undefined;
    let exported = '';
    before(async () => {
      first = await launch(name);
    });
    after(async () => {
      await first?.close();
      await second?.close();
    });

    test('a profile with imports exports its whole base as a claim pack', async () => {
      const page = await dashboard(first!);
      const seedOnly = await value<{ sources: number; claims: number }>(page, 'ping', {});
      const added = await value<{ sources: number; claims: number }>(page, 'importFile', {
        kind: 'pack',
        text: packText,
      });
      assert.equal(added.sources, 2);
      const reviewed = await value<{ reviews: number }>(page, 'importFile', {
        kind: 'claim-review',
        text: feedText,
      });
      assert.equal(reviewed.reviews, 3);
      const file = await value<{ text: string; count: number; filename: string }>(page, 'exportPack', {});
      assert.equal(file.count, seedOnly.sources + 4);
      assert.match(file.filename, /\.json$/);
      exported = file.text;
      const pack = JSON.parse(exported) as { sources: { id: string }[]; relations: unknown[] };
      assert.ok(pack.sources.some((s) => s.id === 'alpha'));
      assert.ok(pack.relations.length > 0);
      // The other formats export too.
      const annotations = await value<{ text: string }>(page, 'exportWebAnnotations', {});
      assert.match(annotations.text, /"type": "AnnotationCollection"/);
      const reviews = await value<{ text: string; count: number }>(page, 'exportClaimReviews', {});
      assert.equal(reviews.count, 3);
      await page.close();
    });

    test('importing it into a fresh profile gives the same sources, claims and relations', async () => {
      assert.ok(exported, 'the export test ran');
      second = await launch(name);
      const page = await dashboard(second);
      const result = await value<{ sources: number; claims: number; relations: number }>(page, 'importFile', {
        kind: 'pack',
        text: exported,
      });
      const pack = JSON.parse(exported) as { sources: unknown[]; claims: unknown[]; relations: unknown[] };
      assert.deepEqual(
        [result.sources, result.claims, result.relations],
        [pack.sources.length, pack.claims.length, pack.relations.length],
      );
      const again = await value<{ text: string }>(page, 'exportPack', {});
      assert.equal(body(again.text), body(exported));
      const ping = await value<{ sources: number; claims: number }>(page, 'ping', {});
      assert.deepEqual([ping.sources, ping.claims], [pack.sources.length, pack.claims.length]);
      await page.close();
    });

    test('a malformed import changes nothing and names the record and field', async () => {
      const browser = second ?? first!;
      const page = await dashboard(browser);
      const before = await value<{ text: string }>(page, 'exportPack', {});
      const broken = packText.replace(/"start": ?43/, '"start": -1').replace('"alpha"', '"alpha2"');
      const reply = await call(page, 'importFile', { kind: 'pack', text: broken });
      assert.equal(reply.ok, false);
      assert.match(reply.error ?? '', /claims\[1\]\.start: expected a non-negative integer, got -1/);
      const feedReply = await call(page, 'importFile', {
        kind: 'claim-review',
        text: feedText.replace('"ratingValue": 3', '"ratingValue": "three"'),
      });
      assert.match(feedReply.error ?? '', /dataFeedElement\[2\]\.reviewRating\.ratingValue/);
      const after = await value<{ text: string }>(page, 'exportPack', {});
      assert.equal(body(after.text), body(before.text));
      await page.close();
    });

    test('the dashboard panel imports a chosen file, reports what it added, and names a bad field', async (t) => {
      const page = await (second ?? first!).newPage();
      await page.goto((second ?? first!).extensionUrl('dashboard.html#transfer'));
      try {
        await page.waitFor('[data-testid="transfer-panel"]', 5_000);
      } catch {
        t.skip('the dashboard does not show the transfer panel');
        return;
      }
      const choose = (text: string) =>
        page.evaluate(
          ([content]) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
            const files = new DataTransfer();
            files.items.add(new File([content], 'import.json', { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          },
          [text] as [string],
        );
      const read = (testid: string) =>
        page.evaluate(([id]) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', [
          testid,
        ] as [string]);

      await choose(feedText); // the format is detected from the file
      await page.click('[data-testid="import-submit"]');
      await page.waitFor('[data-testid="transfer-status"]:not(:empty)');
      assert.match(await read('transfer-status'), /^Imported 2 sources, 3 claims, 0 relations, 3 reviews\.$/);

      await choose(packText.replace(/"start": ?43/, '"start": -1'));
      await page.click('[data-testid="import-submit"]');
      await page.waitFor('[data-testid="transfer-error"]:not(:empty)');
      assert.match(
        await read('transfer-error'),
        /^Nothing was imported\. .*claims\[1\]\.start: expected a non-negative integer/,
      );

      await page.click('[data-testid="exportPack"]');
      await page.waitFor('[data-testid="transfer-status"]:not(:empty)');
      assert.match(await read('transfer-status'), /^Exported \d+ records to crosscheck-claims-.*\.json\.$/);
      await page.close();
    });
  });
}
