// Annotation in a real browser (Chromium, the built extension): time from document idle to the last
// highlight and the longest main-thread block the content script caused, on the largest English news
// pages of Readability's test set and on a heavily annotated page, with the seed base and with a
// 100,000-claim base; and mark.js 8.11 against advanced-mark.js on the same pages, in the same run.
// Figures go to docs/benchmarks.md by hand; run with `npm run bench:annotate`.
import * as esbuild from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type ChromiumSession } from '../../build/browsers.ts';
import { serveStatic } from '../../build/serve.ts';
import { PACK_FORMAT, PACK_VERSION, serializePack, type ClaimPack } from '../../src/core/index.ts';
import type { AnnotationReport } from '../../src/shared/messages.ts';
import { makeBase } from './synthetic.ts';

// The bench drives extension pages and the worker, where the browser's own `chrome` global exists.
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string } | undefined> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
};

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(process.env.CROSSCHECK_DATA ?? join(ROOT, '../shared'), 'data');
const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = ['nytimes-4', 'guardian-1', 'yahoo-3', 'breitbart'];

/** A page that restates every seed article: about a hundred sentences to highlight. */
function heavyPage(): string {
  const seeds = [
    '000_c968ebdbc1f2aedb',
    '001_2ae1e6f0d892d274',
    '002_186acde84a20c313',
    '003_098bd8c2be318eff',
    '004_15ee47f8da25e9f2',
  ];
  const paragraphs = seeds.flatMap((s) =>
    readFileSync(join(ROOT, 'seeds', `${s}.txt`), 'utf8')
      .split(/\n+/)
      .filter((l) => l.trim().length > 60),
  );
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Heavy</title></head><body><article>${paragraphs
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')}</article></body></html>`;
}

/** dist/chromium with the highlighter built against advanced-mark.js instead of mark.js. */
async function advancedMarkBuild(): Promise<string> {
  const out = join(ROOT, 'dist/bench-advanced-mark');
  rmSync(out, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist/chromium'), out, { recursive: true });
  await esbuild.build({
    entryPoints: { content: join(ROOT, 'src/content/index.ts') },
    outdir: out,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    alias: { 'mark.js': 'advanced-mark.js' },
    define: { __FIREFOX__: 'false', __TEST__: 'false', __VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  return out;
}

async function control(session: ChromiumSession) {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('dashboard.html'));
  const call = <T>(name: string, payload: unknown) =>
    page.evaluate(
      async ([name, payload]) => {
        const reply = await chrome.runtime.sendMessage({ crosscheck: 1, call: name, payload });
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        return reply.value;
      },
      [name, payload] as const,
    ) as Promise<T>;
  return { call };
}

async function annotateOnce(
  session: ChromiumSession,
  url: string,
  call: <T>(n: string, p: unknown) => Promise<T>,
) {
  const page = await session.context.newPage();
  await page.goto(url);
  let report: AnnotationReport | null = null;
  for (let i = 0; i < 600 && !report; i++) {
    await page.waitForTimeout(100);
    report = await findReport(session, url, call);
  }
  await page.close();
  return report;
}

async function findReport(
  session: ChromiumSession,
  url: string,
  call: <T>(n: string, p: unknown) => Promise<T>,
) {
  const ids = await session.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  for (const tabId of ids) {
    const r = await call<AnnotationReport | null>('tabAnnotation', { tabId });
    if (r && r.url === url) return r;
  }
  return null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

function synthetic100k(): string {
  const base = makeBase(100_000, 42);
  const pack: ClaimPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2026-01-01T00:00:00Z',
    generator: 'bench',
    sources: base.sources,
    claims: base.claims,
    relations: [],
    discrepancies: [],
  };
  return serializePack(pack);
}

const server = await serveStatic({ '/readability/': join(DATA, 'readability-test-pages') }, 0, {
  '/readability/': { 'content-security-policy': "script-src 'none'; frame-src 'none'" },
});
server.routes.set('/heavy.html', heavyPage());
const urls = [
  ...PAGES.map((p) => `${server.origin}/readability/${p}/source.html`),
  `${server.origin}/heavy.html`,
];
const builds = {
  'mark.js 8.11': join(ROOT, 'dist/chromium'),
  'advanced-mark.js 2.7': await advancedMarkBuild(),
};
const big = synthetic100k();
console.log(
  `machine: ${cpus()[0]?.model} × ${cpus().length}, node ${process.version}; ${RUNS} loads per cell, medians`,
);
console.log('| marker | base | page | marked | ms idle→done | longest block ms |');
console.log('|---|---|---|---|---|---|');
for (const [marker, dir] of Object.entries(builds)) {
  for (const baseName of ['seed (101 claims)', 'seed + 100k synthetic']) {
    const session = await launchChromium(dir);
    const { call } = await control(session);
    if (baseName !== 'seed (101 claims)') {
      const t0 = performance.now();
      await call('importPack', { packText: big });
      await call('ping', {}); // the index is rebuilt on the next call
      console.error(`imported and indexed 100k claims in ${Math.round(performance.now() - t0)} ms`);
    }
    for (const url of urls) {
      const runs: AnnotationReport[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await annotateOnce(session, url, call);
        if (r) runs.push(r);
      }
      const name =
        url.split('/').slice(-2, -1)[0] === 'readability'
          ? url
          : (url.match(/readability\/([^/]+)/)?.[1] ?? 'heavy');
      console.log(
        `| ${marker} | ${baseName} | ${name} | ${runs[0]?.marked ?? '-'} | ${median(runs.map((r) => r.elapsedMs)).toFixed(0)} | ${median(runs.map((r) => r.longestBlockMs)).toFixed(1)} |`,
      );
    }
    await session.close();
  }
}
await server.close();
