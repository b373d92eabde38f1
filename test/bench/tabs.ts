// Twenty tabs opened at once on news pages (the demo page and saved real pages of Readability's test
// set, served by the local test server): every tab is annotated, and the background keeps answering.
// `openTwentyTabs` is shared by the e2e test (test/e2e/tabs.test.ts, correctness only) and this
// benchmark, which measures, while the twenty tabs load:
//   - each tab's own annotation time (its report's idle→done, which includes its matchPage call), and
//   - the reply time of a matchPage call an extension page (as the popup would) makes again and again.
// Figures go to the "Twenty tabs" section of docs/benchmarks.md by hand; run `npm run bench:tabs`
// (RUNS=3 by default, Chromium; BROWSERS=chromium,firefox for both).
import { cpus } from 'node:os';
import { launch, type BrowserName, type TestBrowser, type TestPage } from '../e2e/drivers.ts';
import { servePages } from '../e2e/helpers.ts';
import type { AnnotationReport } from '../../src/shared/messages.ts';

/** Saved pages of English-language news sites in the shared data set. */
export const REAL_PAGES = [
  'nytimes-1',
  'nytimes-2',
  'nytimes-3',
  'nytimes-4',
  'guardian-1',
  'bbc-1',
  'wapo-1',
  'wapo-2',
  'nytimes-5',
  'yahoo-1',
  'breitbart',
  'telegraph',
  'seattletimes-1',
  'herald-sun-1',
];
/** Copies of the demo page (which has highlights): different query strings, one per tab. */
export const DEMO_COPIES = 6;

/** The twenty URLs, demo copies first. */
export function twentyUrls(origin: string): string[] {
  return [
    ...Array.from({ length: DEMO_COPIES }, (_, i) => `${origin}/demo-news.html?copy=${i + 1}`),
    ...REAL_PAGES.map((p) => `${origin}/readability/${p}/source.html`),
  ];
}

export interface TwentyTabs {
  pages: TestPage[];
  urls: string[];
  /** Each URL's annotation report, once its tab's content script sent one. */
  reports: Map<string, AnnotationReport>;
  /** matchPage reply times (ms) measured from an extension page while the tabs loaded. */
  probeMs: number[];
  /** From the first navigation to the last report, ms. */
  loadMs: number;
}

/** All annotation reports the background holds, by page URL (asked from an extension page). */
async function reportsByUrl(control: TestPage): Promise<[string, AnnotationReport][]> {
  return await control.evaluate(async () => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number }[]> };
      runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: AnnotationReport | null }> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const out: [string, AnnotationReport][] = [];
    for (const tab of await api.tabs.query({})) {
      const r = await api.runtime.sendMessage({
        crosscheck: 1,
        call: 'tabAnnotation',
        payload: { tabId: tab.id },
      });
      if (r?.ok && r.value) out.push([r.value.url, r.value]);
    }
    return out;
  });
}

/**
 * Opens the twenty tabs at once (all navigations started together) and waits until each has reported
 * an annotation pass; meanwhile `control` (an extension page) times matchPage calls on `probeText`.
 */
export async function openTwentyTabs(
  browser: TestBrowser,
  control: TestPage,
  origin: string,
  probeText: string,
  timeoutMs = 90_000,
): Promise<TwentyTabs> {
  const urls = twentyUrls(origin);
  const pages = await Promise.all(urls.map(() => browser.newPage()));
  // The probe runs inside the extension page, so its times are the background's reply times plus
  // messaging, without the test driver's round trips. No named helper functions in there: the test
  // runner's transform would wrap them in a function the page does not have.
  await control.evaluate((text: string) => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as {
      browser?: Api;
      chrome: Api;
      crosscheckProbe?: { stop: boolean; samples: number[]; done: Promise<void> };
    };
    const api = g.browser ?? g.chrome;
    const probe = { stop: false, samples: [] as number[], done: Promise.resolve() };
    probe.done = (async () => {
      while (!probe.stop) {
        const t0 = performance.now();
        await api.runtime.sendMessage({
          crosscheck: 1,
          call: 'matchPage',
          payload: { url: 'http://probe.invalid/', title: 'probe', text },
        });
        probe.samples.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    g.crosscheckProbe = probe;
  }, probeText);
  const started = Date.now();
  // A slow 'load' event (twenty pages fighting for two cores) is no failure: the reports below are
  // what counts, and they arrive at document idle.
  await Promise.all(pages.map((page, i) => page.goto(urls[i]!).catch(() => undefined)));
  const reports = new Map<string, AnnotationReport>();
  while (reports.size < urls.length && Date.now() - started < timeoutMs) {
    for (const [url, report] of await reportsByUrl(control)) if (urls.includes(url)) reports.set(url, report);
    if (reports.size < urls.length) await new Promise((r) => setTimeout(r, 200));
  }
  const loadMs = Date.now() - started;
  const probeMs = await control.evaluate(async () => {
    const g = globalThis as unknown as {
      crosscheckProbe: { stop: boolean; samples: number[]; done: Promise<void> };
    };
    g.crosscheckProbe.stop = true;
    await g.crosscheckProbe.done;
    return g.crosscheckProbe.samples;
  });
  return { pages, urls, reports, probeMs, loadMs };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 3);
  const names = (process.env.BROWSERS ?? 'chromium').split(',') as BrowserName[];
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../e2e/helpers.ts');
  // The demo page's article text as the probe: a real page with reports, as a popup user would see.
  const demo = readFileSync(join(ROOT, 'test/fixtures/pages/demo-news.html'), 'utf8');
  const probeText = [...demo.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join('\n\n');
  const server = await servePages();
  const rows: string[] = [];
  try {
    for (const name of names) {
      const perTab: number[] = [];
      const probe: number[] = [];
      const loads: number[] = [];
      let complete = 0;
      for (let run = 0; run < runs; run++) {
        const browser = await launch(name);
        try {
          const control = await browser.newPage();
          await control.goto(browser.extensionUrl('dashboard.html'));
          const result = await openTwentyTabs(browser, control, server.origin, probeText);
          if (result.reports.size === result.urls.length) complete++;
          perTab.push(...[...result.reports.values()].map((r) => r.elapsedMs));
          probe.push(...result.probeMs);
          loads.push(result.loadMs);
        } finally {
          await browser.close();
        }
      }
      const f = (v: number) => v.toFixed(0);
      rows.push(
        `| ${name} | ${complete}/${runs} | ${f(percentile(loads, 50))} | ${perTab.length} | ${f(percentile(perTab, 50))} | ${f(percentile(perTab, 95))} | ${probe.length} | ${f(percentile(probe, 50))} | ${f(percentile(probe, 95))} | ${f(Math.max(...probe))} |`,
      );
    }
  } finally {
    await server.close();
  }
  console.log(
    `machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}; ${runs} runs per browser`,
  );
  console.log(
    '| browser | runs with all 20 reports | load ms (median) | tab reports | tab idle→done p50 ms | p95 ms | probe calls | matchPage reply p50 ms | p95 ms | max ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
