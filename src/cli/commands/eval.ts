// crosscheck eval dev|emergent|fnc1: stance quality on labelled pairs. `dev` is the team's own JSON-lines
// set; `emergent` and `fnc1` are the public benchmarks (CSV under $CROSSCHECK_DATA/data, never copied here).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compare,
  compareByRules,
  compareToArticle,
  compareToArticleByRules,
  evaluatePairs,
  FNC_LABELS,
  fncScore,
  scoreLabels,
  type Evaluation,
  type FncScore,
  type LabelScores,
  type Stance,
} from '../../core/index.ts';
import { CliError } from '../errors.ts';
import {
  benchmarkFiles,
  EMERGENT_LABEL,
  EMERGENT_LABELS,
  FNC_LABEL,
  readEmergent,
  readFnc1,
  SPLITS,
  type Benchmark,
  type BenchmarkPair,
  type Split,
} from '../eval-datasets.ts';
import { dataDir } from '../paths.ts';
import { progressBar } from '../progress.ts';
import { readPairs } from './compare.ts';
import type { Io } from '../io.ts';

export const EVAL_USAGE =
  'crosscheck eval dev [--json] [--file pairs.jsonl]\n' +
  '  crosscheck eval emergent|fnc1 [--split train|test] [--limit N] [--rules] [--json]';

const SETS: Record<string, string> = { dev: 'eval/dev-pairs.jsonl' };
const STANCES: Stance[] = ['corroborates', 'conflicts', 'discusses', 'unrelated'];

export function evalCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      file: { type: 'string' },
      split: { type: 'string' },
      limit: { type: 'string' },
      rules: { type: 'boolean' },
    },
  });
  const set = positionals[0] ?? 'dev';
  if (positionals.length <= 1 && (set === 'emergent' || set === 'fnc1')) {
    if (values.file !== undefined)
      throw new CliError(`eval ${set}: --file is for dev; move the data with $CROSSCHECK_DATA`);
    return benchmarkCommand(set, values, io);
  }
  if (positionals.length > 1 || !(set in SETS))
    throw new CliError(`eval: unknown set "${positionals.join(' ')}" (sets: dev, emergent, fnc1)`);
  if (values.split !== undefined || values.limit !== undefined)
    throw new CliError('eval dev: --split and --limit are for emergent and fnc1');
  if (values.rules !== undefined) throw new CliError('eval dev: --rules is for emergent and fnc1');
  const file = values.file ?? join(dataDir(), SETS[set]!);
  const pairs = readPairs(file, { needLabel: true });
  const result = evaluatePairs(pairs.map((p) => ({ id: p.id, a: p.a, b: p.b, label: p.label as Stance })));
  if (values.json) io.stdout.write(`${JSON.stringify({ set, file, total: pairs.length, ...result })}\n`);
  else io.stdout.write(formatEval(set, file, pairs.length, result));
  return 0;
}

/** What `eval emergent|fnc1 --json` prints. */
export interface BenchmarkReport extends LabelScores {
  set: Benchmark;
  split: Split;
  files: { pairs: string; bodies?: string };
  /** How many pairs the split holds; `total` is how many were scored (fewer with --limit). */
  available: number;
  /** Engine stance → data set label. */
  labelMap: Record<Stance, string>;
  /** `learned`: compare() / compareToArticle() as shipped; `rules`: the rule engine alone (--rules). */
  engine: 'learned' | 'rules';
  /** FNC-1 only: the official score. */
  fnc?: FncScore;
  seconds: number;
  msPerPair: number;
}

function benchmarkCommand(
  set: Benchmark,
  values: { json?: boolean; split?: string; limit?: string; rules?: boolean },
  io: Io,
): number {
  const split = (values.split ?? 'test') as Split;
  if (!SPLITS.includes(split))
    throw new CliError(`eval ${set}: --split: expected train or test, got "${values.split}"`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || limit < 1)
      throw new CliError(`eval ${set}: --limit: expected a positive whole number, got "${values.limit}"`);
  }
  const files = benchmarkFiles(set, split, dataDir());
  const all: BenchmarkPair<string>[] =
    set === 'emergent' ? readEmergent(files.pairs) : readFnc1(files.pairs, files.bodies!);
  const pairs = limit === undefined ? all : all.slice(0, limit);
  const labelMap: Record<Stance, string> = set === 'emergent' ? EMERGENT_LABEL : FNC_LABEL;
  const classes = set === 'emergent' ? EMERGENT_LABELS : FNC_LABELS;
  // Emergent pairs are two headlines, each article headline collected for its claim (so compare() is
  // told they share the topic); an FNC-1 pair is a headline and a whole article body.
  const engine = values.rules ? 'rules' : 'learned';
  const predict =
    set === 'emergent'
      ? engine === 'rules'
        ? compareByRules
        : (a: string, b: string) => compare(a, b, { sameTopic: true })
      : engine === 'rules'
        ? compareToArticleByRules
        : compareToArticle;

  const bar = progressBar(io.stderr, `eval ${set}`);
  // Score the pairs article by article (the order of the results is the file's): compareToArticle caches
  // the analysed body for the claims that follow, as it would for the claims scored against one page.
  const order = pairs.map((_, i) => i).sort((x, y) => cmp(pairs[x]!.group, pairs[y]!.group) || x - y);
  const items = new Array<{ gold: string; predicted: string }>(pairs.length);
  const started = performance.now();
  order.forEach((i, n) => {
    const p = pairs[i]!;
    items[i] = { gold: p.label, predicted: labelMap[predict(p.a, p.b).stance] };
    bar.update(n + 1, pairs.length);
  });
  const seconds = (performance.now() - started) / 1000;
  bar.stop();

  const report: BenchmarkReport = {
    set,
    split,
    files,
    available: all.length,
    labelMap,
    engine,
    ...scoreLabels(items, classes),
    ...(set === 'fnc1' ? { fnc: fncScore(items as Parameters<typeof fncScore>[0]) } : {}),
    seconds: Math.round(seconds * 1000) / 1000,
    msPerPair: Math.round((seconds * 1e6) / Math.max(1, pairs.length)) / 1000,
  };
  io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatBenchmark(report));
  return 0;
}

const cmp = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pct2 = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Accuracy, then per gold class: pairs, correct, recall and precision, then the confusion matrix. */
export function formatEval(set: string, file: string, total: number, result: Evaluation): string {
  const correct = Object.values(result.perClass).reduce((n, c) => n + c.correct, 0);
  const lines = [
    `${set}: ${total} pairs from ${file}`,
    `accuracy ${pct(result.accuracy)} (${correct}/${total})`,
    '',
  ];
  const classes = STANCES.filter((s) => result.perClass[s] || STANCES.some((g) => result.confusion[g]?.[s]));
  const predictedAs = (s: string): number => STANCES.reduce((n, g) => n + (result.confusion[g]?.[s] ?? 0), 0);
  lines.push(
    `${'class'.padEnd(14)}${'pairs'.padStart(7)}${'correct'.padStart(9)}${'recall'.padStart(9)}${'precision'.padStart(11)}`,
  );
  for (const s of classes) {
    const c = result.perClass[s] ?? { total: 0, correct: 0, accuracy: 0 };
    const predicted = predictedAs(s);
    lines.push(
      `${s.padEnd(14)}${String(c.total).padStart(7)}${String(c.correct).padStart(9)}` +
        `${(c.total ? pct(c.accuracy) : '-').padStart(9)}${(predicted ? pct(c.correct / predicted) : '-').padStart(11)}`,
    );
  }
  lines.push(
    '',
    `confusion (rows: label, columns: predicted)`,
    `${''.padEnd(14)}${classes.map((s) => s.slice(0, 12).padStart(13)).join('')}`,
  );
  for (const g of classes) {
    if (!result.perClass[g]) continue;
    lines.push(
      `${g.padEnd(14)}${classes.map((s) => String(result.confusion[g]?.[s] ?? 0).padStart(13)).join('')}`,
    );
  }
  if (result.errors.length) {
    lines.push(
      '',
      `wrong (${result.errors.length}): ${result.errors.map((e) => `${e.id ?? '?'} ${e.label}→${e.predicted}`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Headline figures, then per class precision/recall/F1, then the confusion matrix, in data set labels. */
export function formatBenchmark(r: BenchmarkReport): string {
  const correct = r.classes.reduce((n, c) => n + r.perClass[c]!.correct, 0);
  const lines = [
    `${r.set} ${r.split}: ${r.total}${r.total < r.available ? ` of ${r.available}` : ''} pairs from ${r.files.pairs}` +
      (r.files.bodies ? ` + ${r.files.bodies}` : ''),
    `accuracy ${pct2(r.accuracy)} (${correct}/${r.total})   macro-F1 ${r.macroF1.toFixed(3)}`,
  ];
  if (r.fnc)
    lines.push(
      `FNC-1 relative score ${pct2(r.fnc.relative)} (${r.fnc.score} / ${r.fnc.max}; all-unrelated ${pct2(r.fnc.max ? r.fnc.null / r.fnc.max : 0)})`,
    );
  lines.push(
    `${r.seconds.toFixed(1)} s, ${r.msPerPair.toFixed(2)} ms per pair`,
    `label map: ${STANCES.map((s) => `${s}→${r.labelMap[s]}`).join(', ')}`,
    `engine: ${r.engine === 'rules' ? 'rules alone (--rules)' : 'rules + learned stance model'}`,
    '',
    `${'class'.padEnd(12)}${'gold'.padStart(7)}${'predicted'.padStart(11)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(8)}`,
  );
  for (const c of r.classes) {
    const s = r.perClass[c]!;
    lines.push(
      `${c.padEnd(12)}${String(s.support).padStart(7)}${String(s.predicted).padStart(11)}` +
        `${pct(s.precision).padStart(11)}${pct(s.recall).padStart(9)}${s.f1.toFixed(3).padStart(8)}`,
    );
  }
  lines.push(
    '',
    'confusion (rows: gold, columns: predicted)',
    `${''.padEnd(12)}${r.classes.map((c) => c.padStart(11)).join('')}`,
  );
  for (const g of r.classes)
    lines.push(`${g.padEnd(12)}${r.classes.map((p) => String(r.confusion[g]![p]).padStart(11)).join('')}`);
  return `${lines.join('\n')}\n`;
}
