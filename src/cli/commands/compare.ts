// crosscheck compare "<a>" "<b>" [--json], and compare --pairs file.jsonl (one JSON line out per line in).
import { parseArgs } from 'node:util';
import { compare, type Comparison } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { readTextFile } from '../files.ts';
import { reasonJson } from './match.ts';
import type { Io } from '../io.ts';

export const COMPARE_USAGE =
  'crosscheck compare "<a>" "<b>" [--json] | crosscheck compare --pairs file.jsonl';

export const comparisonJson = (c: Comparison): Comparison => ({
  stance: c.stance,
  similarity: c.similarity,
  reasons: c.reasons.map(reasonJson),
});

const STANCES = ['corroborates', 'conflicts', 'discusses', 'unrelated'];

export interface Pair {
  id: string;
  a: string;
  b: string;
  /** The expected stance, in evaluation sets. */
  label?: string;
}

/**
 * Parses JSONL pairs (`{"id","a","b"}`, other keys allowed), all of them before any is compared, so a bad
 * line fails the run before output starts. Blank lines are skipped; errors name the file and line.
 */
export function readPairs(path: string, { needLabel = false } = {}): Pair[] {
  const pairs: Pair[] = [];
  const ids = new Map<string, number>();
  readTextFile(path)
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const at = `${path}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new CliError(`${at}: invalid JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new CliError(`${at}: expected a JSON object with id, a and b`);
      const record = value as Record<string, unknown>;
      const fields = needLabel ? (['id', 'a', 'b', 'label'] as const) : (['id', 'a', 'b'] as const);
      for (const key of fields) {
        if (typeof record[key] !== 'string' || !(record[key] as string).trim())
          throw new CliError(
            `${at}: ${key}: expected a non-empty string, got ${JSON.stringify(record[key]) ?? 'nothing'}`,
          );
      }
      if (needLabel && !STANCES.includes(record.label as string))
        throw new CliError(
          `${at}: label: expected one of ${STANCES.join(', ')}, got ${JSON.stringify(record.label)}`,
        );
      const id = record.id as string;
      const first = ids.get(id);
      if (first !== undefined) throw new CliError(`${at}: id: duplicate id "${id}" (first on line ${first})`);
      ids.set(id, i + 1);
      const pair: Pair = { id, a: record.a as string, b: record.b as string };
      if (typeof record.label === 'string') pair.label = record.label;
      pairs.push(pair);
    });
  if (pairs.length === 0) throw new CliError(`${path}: no pairs (expected JSON lines with id, a and b)`);
  return pairs;
}

export function compareCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, pairs: { type: 'string' } },
  });
  if (values.pairs !== undefined) {
    if (positionals.length)
      throw new CliError(`compare: --pairs takes no statements (usage: ${COMPARE_USAGE})`);
    for (const pair of readPairs(values.pairs)) {
      io.stdout.write(`${JSON.stringify({ id: pair.id, ...comparisonJson(compare(pair.a, pair.b)) })}\n`);
    }
    return 0;
  }
  if (positionals.length !== 2)
    throw new CliError(`compare: expected two statements (usage: ${COMPARE_USAGE})`);
  const [a, b] = positionals as [string, string];
  if (!a.trim() || !b.trim()) throw new CliError('compare: statements must not be empty');
  const result = comparisonJson(compare(a, b));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const lines = [`${result.stance} (similarity ${result.similarity.toFixed(2)})`];
  for (const r of result.reasons) lines.push(`  ${r.kind}: “${r.a}” ↔ “${r.b}”`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
