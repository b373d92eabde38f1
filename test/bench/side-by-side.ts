// Side-by-side matching bench: this checkout's src/core against another checkout's (a git worktree of an
// earlier commit), on the same synthetic base and page, in one process, with the timed runs interleaved.
// On a machine shared with other jobs the absolute times drift by 2× between bench runs, but both versions
// see the same load here, so the ratio of their medians is meaningful. It also checks that both give the
// same matchPage output and the same top-10 search hits (recall@k), and exits 1 when they differ.
//   git worktree add /tmp/cc-base <commit> && ln -s "$PWD/node_modules" /tmp/cc-base/node_modules
//   node --import tsx test/bench/side-by-side.ts --base /tmp/cc-base [--size 100000] [--runs 25]
// --current <checkout> puts another checkout in place of this one (two earlier versions, say, or one
// with only another module changed).
//   git worktree remove --force /tmp/cc-base
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as here from '../../src/core/index.ts';
import { makeBase, makePage } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    current: { type: 'string' },
    size: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '25' },
  },
});
if (!values.base) {
  process.stderr.write(
    'usage: side-by-side.ts --base <checkout of the other version> [--size N] [--runs N]\n',
  );
  process.exit(2);
}
const SEED = 20250820;
const SIZE = Number(values.size);
const RUNS = Number(values.runs);
type Core = typeof here;
const other = (await import(resolve(values.base, 'src/core/index.ts'))) as Core;
const current = values.current
  ? ((await import(resolve(values.current, 'src/core/index.ts'))) as Core)
  : here;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const base = makeBase(SIZE, SEED + SIZE);
const page = makePage(base, SEED);
const pageInput = { title: page.title, text: page.text };
const sentences = current.splitSentences(page.text).map((s) => s.text);

const build = (core: Core): [InstanceType<Core['ClaimIndex']>, number] => {
  const t = performance.now();
  const index = new core.ClaimIndex();
  index.add(base.claims, base.sources);
  return [index, performance.now() - t];
};
const [indexA, buildA] = build(other);
const [indexB, buildB] = build(current);

// Same output: the whole page match and the hits recall@k is computed from.
const outA = other.matchPage(indexA, pageInput);
const outB = current.matchPage(indexB, pageInput);
const hitsOf = (core: Core, index: InstanceType<Core['ClaimIndex']>) =>
  page.truth.map((t) => index.search(t.sentence, { limit: 10 }).map((h) => [h.claim.id, h.similarity]));
const samePage = isDeepStrictEqual(outA, outB);
const sameHits = isDeepStrictEqual(hitsOf(other, indexA), hitsOf(current, indexB));

// Interleaved timed runs after one warm-up each: matchPage on the page, and analyze() alone on its
// sentences. Wall time, and the process's CPU time (user + system) over the same run, which leaves out
// the time the process waits for a core while other jobs run (GC helper threads are included).
const timed = (f: () => void): [number, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const { user, system } = process.cpuUsage(c);
  return [wall, (user + system) / 1000];
};
const steps = {
  matchPage: [
    (): unknown => other.matchPage(indexA, pageInput),
    (): unknown => current.matchPage(indexB, pageInput),
  ],
  analyze: [
    (): unknown => sentences.map((s) => other.analyze(s)),
    (): unknown => sentences.map((s) => current.analyze(s)),
  ],
} as const;
interface Medians {
  base: number;
  current: number;
  ratio: number;
  cpuBase: number;
  cpuCurrent: number;
  cpuRatio: number;
}
const results: Record<string, Medians> = {};
for (const [name, [fa, fb]] of Object.entries(steps)) {
  fa();
  fb();
  const a: [number, number][] = [];
  const b: [number, number][] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    if (i % 2) {
      a.push(timed(fa));
      b.push(timed(fb));
    } else {
      b.push(timed(fb));
      a.push(timed(fa));
    }
  }
  const wa = median(a.map((x) => x[0]));
  const wb = median(b.map((x) => x[0]));
  const ca = median(a.map((x) => x[1]));
  const cb = median(b.map((x) => x[1]));
  const r2 = (x: number): number => +x.toFixed(2);
  const r3 = (x: number): number => +x.toFixed(3);
  results[name] = {
    base: r2(wa),
    current: r2(wb),
    ratio: r3(wb / wa),
    cpuBase: r2(ca),
    cpuCurrent: r2(cb),
    cpuRatio: r3(cb / ca),
  };
}

const reports = (m: typeof outB) => m.sentences.reduce((n, s) => n + s.reports.length, 0);
process.stdout.write(
  `${JSON.stringify(
    {
      size: SIZE,
      runs: RUNS,
      base: values.base,
      current: values.current ?? '.',
      buildMs: { base: Math.round(buildA), current: Math.round(buildB) },
      samePageOutput: samePage,
      sameSearchHits: sameHits,
      sentencesMatched: [outA.sentences.length, outB.sentences.length],
      reports: [reports(outA), reports(outB)],
      medianMs: results,
    },
    null,
    2,
  )}\n`,
);
if (!samePage || !sameHits) process.exitCode = 1;
