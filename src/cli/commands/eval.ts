// crosscheck eval dev [--json] [--file path]: stance accuracy on a labelled pair set.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluatePairs } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { dataDir } from '../paths.ts';
import { readPairs } from './compare.ts';
import type { Io } from '../io.ts';

export const EVAL_USAGE = 'crosscheck eval dev [--json] [--file pairs.jsonl]';

const SETS: Record<string, string> = { dev: 'eval/dev-pairs.jsonl' };

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
  const result = evaluatePairs(pairs.map((p) => ({ id: p.id, a: p.a, b: p.b, label: p.label! })));
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ set, file, ...result })}\n`);
    return 0;
  }
  io.stdout.write(formatEval(set, file, result));
  return 0;
}

type Evaluation = ReturnType<typeof evaluatePairs>;

function formatEval(set: string, file: string, result: Evaluation): string {
  return `${set} (${file})\n${JSON.stringify(result, null, 2)}\n`;
}
