// Twenty tabs opened at once on news pages (six copies of the demo page and fourteen saved real news
// pages): every tab's annotation report reaches the background, the demo-page tabs have their
// highlights, and the background keeps answering an extension page's calls during the load. Timing
// is measured by `npm run bench:tabs` (test/bench/tabs.ts), not asserted here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaticServer } from '../../build/serve.ts';
import { type TestBrowser, E2E_BROWSERS } from './drivers.ts';
import { openForSuite, readMarks } from './helpers.ts';
import { DEMO_COPIES, openTwentyTabs } from '../bench/tabs.ts';

const PROBE = [
  'Ukrainian President Volodymyr Zelensky will meet President Donald Trump at the White House on Monday.',
  'US envoy Steve Witkoff said Russia had agreed to pass legislation committing it not to seize more Ukrainian territory.',
].join('\n\n');

for (const name of E2E_BROWSERS) {
  describe(`twenty tabs in ${name}`, () => {
    let browser: TestBrowser;
    let server: StaticServer;
    openForSuite(name, (b, s) => {
      browser = b;
      server = s;
    });

    test('twenty news tabs opened at once are all annotated; the background keeps answering', async () => {
      const control = await browser.newPage();
      await control.goto(browser.extensionUrl('dashboard.html'));
      const { pages, urls, reports, probeMs } = await openTwentyTabs(browser, control, server.origin, PROBE);
      const missing = urls.filter((u) => !reports.has(u));
      assert.deepEqual(missing, [], 'every tab reported its annotation');
      assert.ok(probeMs.length > 0, 'the probe got replies during the load');
      for (let i = 0; i < DEMO_COPIES; i++) {
        const report = reports.get(urls[i]!)!;
        assert.ok(report.marked >= 5, `${urls[i]}: ${JSON.stringify(report)}`);
        // The page's highlights (a later pass for content the page adds may mark more than the report).
        const marks = await pages[i]!.evaluate(readMarks);
        assert.ok(marks.length >= 5, `${urls[i]}: its highlights are on the page (${marks.length})`);
        assert.ok(marks.some((m) => m.verdict === 'conflicting'));
      }
      // Still responsive after the load: a call answers.
      const ping = await control.evaluate(async () => {
        type Api = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (g.browser ?? g.chrome).runtime.sendMessage({ crosscheck: 1, call: 'ping', payload: {} });
      });
      assert.equal(ping.ok, true);
      await Promise.all(pages.map((p) => p.close()));
      await control.close();
    });
  });
}
