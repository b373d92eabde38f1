// `npm start` / `npm run start:firefox`: opens a browser with the built extension on the demo news
// page served from test/fixtures/pages. With no display, or with --headless, it waits for the
// highlights, prints them and saves a screenshot to dist/demo.png.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, launchFirefox, readMarks, type MarkedSentence } from './browsers.ts';
import { serveStatic } from './serve.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const browserName = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const port = Number(process.env.PORT ?? 8787);

function report(marks: MarkedSentence[], shot: string): void {
  console.log(`\nCrosscheck highlighted ${marks.length} sentence(s) on the demo page (${browserName}):`);
  for (const m of marks) console.log(`  [${m.verdict.padEnd(12)}] ${m.text}`);
  console.log(`Screenshot: ${shot}`);
}

const server = await serveStatic({ '/': join(root, 'test/fixtures/pages') }, port).catch(() =>
  serveStatic({ '/': join(root, 'test/fixtures/pages') }, 0),
);
const url = `${server.origin}/demo-news.html`;
const shot = join(root, 'dist/demo.png');
console.log(`Demo page: ${url}`);

if (browserName === 'chromium') {
  const session = await launchChromium(join(root, 'dist/chromium'), { headless });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(url);
  if (headless) {
    await page.waitForSelector('[data-crosscheck-id]', { timeout: 20_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot, fullPage: true });
    report(await page.evaluate(readMarks), shot);
    await session.close();
    await server.close();
  } else {
    console.log('Close the browser window to stop.');
    session.context.on('close', () => void server.close());
  }
} else {
  const session = await launchFirefox(join(root, 'dist/firefox'), { headless });
  const page = await session.browser.newPage();
  await page.goto(url);
  if (headless) {
    await page.waitForSelector('[data-crosscheck-id]', { timeout: 20_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
    report(await page.evaluate(readMarks), shot);
    await session.close();
    await server.close();
  } else {
    console.log('Close the browser window to stop.');
    session.browser.on('disconnected', () => void server.close());
  }
}
