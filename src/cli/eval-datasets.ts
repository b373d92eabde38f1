// The public stance benchmarks read from ../shared/data (never copied into the repo): Emergent (claim
// headline vs article headline) and FNC-1 (headline vs article body), their files per split, and the map
// from the engine's four stances to each data set's labels.
import { join } from 'node:path';
import type { FncLabel, Stance } from '../core/index.ts';
import { CsvError, parseCsvRecords, type CsvRecord } from './csv.ts';
import { CliError } from './errors.ts';
import { readTextFile } from './files.ts';

export type Benchmark = 'emergent' | 'fnc1';
export type Split = 'train' | 'test';
export const BENCHMARKS: readonly Benchmark[] = ['emergent', 'fnc1'];
export const SPLITS: readonly Split[] = ['train', 'test'];

export type EmergentLabel = 'for' | 'against' | 'observing';
export const EMERGENT_LABELS: readonly EmergentLabel[] = ['for', 'against', 'observing'];

/** Emergent has no unrelated class: an article headline judged unrelated only reports the claim. */
export const EMERGENT_LABEL: Record<Stance, EmergentLabel> = {
  corroborates: 'for',
  conflicts: 'against',
  discusses: 'observing',
  unrelated: 'observing',
};

export const FNC_LABEL: Record<Stance, FncLabel> = {
  corroborates: 'agree',
  conflicts: 'disagree',
  discusses: 'discuss',
  unrelated: 'unrelated',
};

/** The files of one split, under the shared data directory (`$CROSSCHECK_DATA` or `<repo>/../shared`). */
export function benchmarkFiles(
  benchmark: Benchmark,
  split: Split,
  dataDir: string,
): { pairs: string; bodies?: string } {
  if (benchmark === 'emergent')
    return { pairs: join(dataDir, 'data/emergent', `url-versions-2015-06-14-clean-${split}.csv`) };
  const prefix = split === 'test' ? 'competition_test' : 'train';
  return {
    pairs: join(dataDir, 'data/fnc-1', `${prefix}_stances.csv`),
    bodies: join(dataDir, 'data/fnc-1', `${prefix}_bodies.csv`),
  };
}

export interface BenchmarkPair<L extends string> {
  id: string;
  a: string;
  b: string;
  label: L;
  /** Emergent: the claim id; FNC-1: the body id. Cross-validation folds keep a group together. */
  group?: string;
}

function readRecords(path: string, columns: readonly string[]): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(readTextFile(path), columns);
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(`${path}:${error.line}: ${error.message}`);
    throw error;
  }
  if (!records.length) throw new CliError(`${path}: no rows after the header`);
  return records;
}

function label<L extends string>(path: string, record: CsvRecord, column: string, labels: readonly L[]): L {
  const value = record.values[column]!.trim();
  if (!(labels as readonly string[]).includes(value))
    throw new CliError(
      `${path}:${record.line}: ${column}: expected one of ${labels.join(', ')}, got ${JSON.stringify(value)}`,
    );
  return value as L;
}

/** Emergent rows: a = claimHeadline, b = articleHeadline, label = articleHeadlineStance. */
export function readEmergent(path: string): BenchmarkPair<EmergentLabel>[] {
  return readRecords(path, ['claimHeadline', 'articleHeadline', 'articleHeadlineStance']).map((r) => ({
    id: r.values[''] || r.values['articleId'] || String(r.line),
    a: r.values['claimHeadline']!,
    b: r.values['articleHeadline']!,
    label: label(path, r, 'articleHeadlineStance', EMERGENT_LABELS),
    ...(r.values['claimId'] ? { group: r.values['claimId'] } : {}),
  }));
}

/** FNC-1 rows: a = Headline, b = the article body its Body ID names, label = Stance. */
export function readFnc1(stancesPath: string, bodiesPath: string): BenchmarkPair<FncLabel>[] {
  const bodies = new Map<string, string>();
  for (const r of readRecords(bodiesPath, ['Body ID', 'articleBody'])) {
    const id = r.values['Body ID']!.trim();
    if (bodies.has(id)) throw new CliError(`${bodiesPath}:${r.line}: Body ID: duplicate id "${id}"`);
    bodies.set(id, r.values['articleBody']!);
  }
  return readRecords(stancesPath, ['Headline', 'Body ID', 'Stance']).map((r) => {
    const bodyId = r.values['Body ID']!.trim();
    const body = bodies.get(bodyId);
    if (body === undefined)
      throw new CliError(`${stancesPath}:${r.line}: Body ID: no body "${bodyId}" in ${bodiesPath}`);
    return {
      id: `${r.line}:${bodyId}`,
      a: r.values['Headline']!,
      b: body,
      label: label(stancesPath, r, 'Stance', ['agree', 'disagree', 'discuss', 'unrelated'] as const),
      group: bodyId,
    };
  });
}
