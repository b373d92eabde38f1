// Profiles matchPage alone (the index is built before the profiler starts): self and total time per
// function of the synthetic page against the synthetic base, from V8's sampling profiler.
//   node --import tsx test/bench/profile-match.ts [--size 100000] [--runs 200] [--out /tmp/match.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { ClaimIndex, matchPage } from '../../src/core/index.ts';
import { makeBase, makePage } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
    out: { type: 'string' },
    top: { type: 'string', default: '40' },
  },
});
const SEED = 20250820;
const size = Number(values.size);
const base = makeBase(size, SEED + size);
const page = makePage(base, SEED);
const index = new ClaimIndex();
index.add(base.claims, base.sources);
const input = { title: page.title, text: page.text };
for (let i = 0; i < 20; i++) matchPage(index, input);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t = performance.now();
const runs = Number(values.runs);
for (let i = 0; i < runs; i++) matchPage(index, input);
const ms = (performance.now() - t) / runs;
const { profile } = await session.post('Profiler.stop');
if (values.out) writeFileSync(values.out, JSON.stringify(profile));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const nodes = new Map<number, Node>(profile.nodes.map((n: Node) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes as Node[]) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
const samples = profile.samples as number[];
for (const s of samples) {
  const n = nodes.get(s)!;
  self.set(name(n), (self.get(name(n)) ?? 0) + 1);
  const seen = new Set<string>();
  for (let id: number | undefined = s; id !== undefined; id = parent.get(id)) {
    const k = name(nodes.get(id)!);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + 1);
  }
}
const perPage = (count: number) => ((count / samples.length) * ms).toFixed(2);
const top = Number(values.top);
process.stdout.write(`matchPage ${ms.toFixed(2)} ms per page over ${runs} runs, ${samples.length} samples\n`);
process.stdout.write('\nself ms/page\n');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${perPage(v)}  ${k}\n`);
process.stdout.write('\ntotal ms/page\n');
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${perPage(v)}  ${k}\n`);
