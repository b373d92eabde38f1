import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../../build/browsers.ts';
import type { StaticServer } from '../../build/serve.ts';
import { extensionDir, readMarks, servePages } from './helpers.ts';

let session: FirefoxSession;
let server: StaticServer;

before(async () => {
  server = await servePages();
  session = await launchFirefox(extensionDir('firefox'));
});
after(async () => {
  await session?.close();
  await server?.close();
});

test('firefox: the add-on installs with its gecko id', () => {
  assert.equal(session.addonId, 'crosscheck@crosscheck.invalid');
});

test('firefox: the background answers an extension page', async () => {
  const page = await session.browser.newPage();
  await openExtensionPage(page, session.extensionUrl('popup.html'));
  const handle = await page.waitForSelector('[data-testid="base-size"]', { timeout: 15_000 });
  const text = await handle!.evaluate((el) => el.textContent);
  assert.match(text ?? '', /^\d+ claims from 5 sources in your base\.$/);
  await page.close();
});

test('firefox: the content script highlights seed claims on a local news page', async () => {
  const page = await session.browser.newPage();
  await page.goto(`${server.origin}/demo-news.html`);
  await page.waitForSelector('[data-crosscheck-id]', { timeout: 15_000 });
  const marks = await page.evaluate(readMarks);
  assert.ok(
    marks.some((m) => /first time that Russia had agreed/.test(m.text)),
    JSON.stringify(marks),
  );
  assert.ok(!marks.some((m) => /bakeries|bicycle lane/.test(m.text)), 'unrelated sentences stay unmarked');
  await page.close();
});
