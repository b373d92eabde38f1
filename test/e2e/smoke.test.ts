// The foundation in both browsers: each built folder loads, its background answers an extension page
// and its content script highlights a local page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaticServer } from '../../build/serve.ts';
import { type TestBrowser, E2E_BROWSERS } from './drivers.ts';
import { openForSuite, readMarks } from './helpers.ts';

for (const name of E2E_BROWSERS) {
  describe(`smoke in ${name}`, () => {
    let browser: TestBrowser;
    let server: StaticServer;
    openForSuite(name, (b, s) => {
      browser = b;
      server = s;
    });

    test('the built background is the one the browser runs', () => {
      if (name === 'chromium')
        assert.match(browser.backgroundUrl ?? '', /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
      else assert.equal(browser.addonId, 'crosscheck@crosscheck.invalid');
    });

    test('the background answers an extension page', async () => {
      const page = await browser.newPage();
      await page.goto(browser.extensionUrl('popup.html'));
      await page.waitFor('[data-testid="base-size"]');
      const text = await page.evaluate(
        () => document.querySelector('[data-testid="base-size"]')?.textContent,
      );
      assert.match(text ?? '', /^\d+ claims from 5 sources in your base\.$/);
      await page.close();
    });

    test('the content script highlights seed claims on a local news page', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/demo-news.html`);
      await page.waitFor('[data-crosscheck-id]');
      const marks = await page.evaluate(readMarks);
      assert.ok(
        marks.some((m) => /first time that Russia had agreed/.test(m.text)),
        JSON.stringify(marks),
      );
      assert.ok(
        !marks.some((m) => /bakeries|bicycle lane/.test(m.text)),
        'unrelated sentences stay unmarked',
      );
      await page.close();
    });
  });
}
