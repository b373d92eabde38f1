// crosscheck eval dev [--json] [--file path]: stance accuracy on a labelled pair set.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluatePairs, type Evaluation, type Stance } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { dataDir } from '../paths.ts';
import { readPairs } from './compare.ts';
import type { Io } from '../io.ts';

export const EVAL_USAGE = 'crosscheck eval dev [--json] [--file pairs.jsonl]';

const SETS: Record<string, string> = { dev: 'eval/dev-pairs.jsonl' };
const STANCES: Stance[] = ['corroborates', 'conflicts', 'discusses', 'unrelated'];

export function evalCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, file: { type: 'string' } },
  });
  const set = positionals[0] ?? 'dev';
  if (positionals.length > 1 || !(set in SETS))
    throw new CliError(`eval: unknown set "${positionals.join(' ')}" (usage: ${EVAL_USAGE})`);
  const file = values.file ?? join(dataDir(), SETS[set]!);
  const pairs = readPairs(file, { needLabel: true });
  const result = evaluatePairs(pairs.map((p) => ({ id: p.id, a: p.a, b: p.b, label: p.label as Stance })));
  if (values.json) io.stdout.write(`${JSON.stringify({ set, file, total: pairs.length, ...result })}\n`);
  else io.stdout.write(formatEval(set, file, pairs.length, result));
  return 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

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
