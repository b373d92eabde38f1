import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, type ChromiumSession } from '../../build/browsers.ts';
import type { StaticServer } from '../../build/serve.ts';
import { extensionDir, readMarks, servePages } from './helpers.ts';

let session: ChromiumSession;
let server: StaticServer;

before(async () => {
  server = await servePages();
  session = await launchChromium(extensionDir('chromium'));
});
after(async () => {
  await session?.close();
  await server?.close();
});

test('chromium: the MV3 service worker is the built background', () => {
  assert.match(session.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
});

test('chromium: the background answers an extension page', async () => {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('popup.html'));
  const text = await page.getByTestId('base-size').textContent({ timeout: 15_000 });
  assert.match(text ?? '', /^\d+ claims from 5 sources in your base\.$/);
  await page.close();
});

test('chromium: the content script highlights seed claims on a local news page', async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/demo-news.html`);
  await page.waitForSelector('[data-crosscheck-id]', { timeout: 15_000 });
  const marks = await page.evaluate(readMarks);
  assert.ok(
    marks.some((m) => /first time that Russia had agreed/.test(m.text)),
    JSON.stringify(marks),
  );
  assert.ok(!marks.some((m) => /bakeries|bicycle lane/.test(m.text)), 'unrelated sentences stay unmarked');
  assert.ok(!marks.some((m) => /Reader:/.test(m.text)), 'comments are not part of the article');
  await page.close();
});
