import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CsvError, parseCsv, parseCsvRecords } from '../../../src/cli/csv.ts';
import { benchmarkFiles, readEmergent, readFnc1 } from '../../../src/cli/eval-datasets.ts';
import type { BenchmarkReport } from '../../../src/cli/commands/eval.ts';
import { badInput, cli, REPO, tempDir } from './run-cli.ts';

// Tiny hand-written stand-ins (test/fixtures/eval-csv), laid out in a temp folder the way ../shared/data
// is, so the default paths are tested too. The real sets are never copied into the repo.
function shapedLikeShared(): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-eval-'));
  const src = join(REPO, 'test/fixtures/eval-csv');
  const place = (from: string, to: string) => {
    mkdirSync(join(root, to, '..'), { recursive: true });
    copyFileSync(join(src, from), join(root, to));
  };
  place('stance-claims-test.csv', 'data/emergent/url-versions-2015-06-14-clean-test.csv');
  place('stance-claims-train.csv', 'data/emergent/url-versions-2015-06-14-clean-train.csv');
  place('headline-bodies.csv', 'data/fnc-1/competition_test_bodies.csv');
  place('headline-stances.csv', 'data/fnc-1/competition_test_stances.csv');
  return root;
}
const FIXTURES = shapedLikeShared();
const fixtures = benchmarkFiles('fnc1', 'test', FIXTURES);
const emergentTest = benchmarkFiles('emergent', 'test', FIXTURES).pairs;

describe('parseCsv', () => {
  const fields = (text: string) => parseCsv(text).map((r) => r.fields);

  it('splits plain, quoted and empty fields', () => {
    assert.deepEqual(fields('a,b,c\n1,,"x, y"\n'), [
      ['a', 'b', 'c'],
      ['1', '', 'x, y'],
    ]);
    assert.deepEqual(fields('a,b'), [['a', 'b']]);
    assert.deepEqual(fields('a,\n'), [['a', '']]);
  });

  it('keeps doubled quotes and line breaks inside quotes, and counts lines', () => {
    const rows = parseCsv('id,text\r\n1,"He said ""no"".\r\n\r\nThen left."\r\n2,"""quoted"""\r\n');
    assert.deepEqual(
      rows.map((r) => r.fields),
      [
        ['id', 'text'],
        ['1', 'He said "no".\r\n\r\nThen left.'],
        ['2', '"quoted"'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 5],
    );
  });

  it('drops a byte-order mark and blank lines between records', () => {
    assert.deepEqual(fields('\uFEFFa,b\n\n1,2\n\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports an unterminated quote or text after a closing quote with its line', () => {
    assert.throws(
      () => parseCsv('a,b\n1,"open\nstill open'),
      (e: unknown) => e instanceof CsvError && e.line === 2 && /unterminated/.test(e.message),
    );
    assert.throws(
      () => parseCsv('a\n"x"y\n'),
      (e: unknown) => e instanceof CsvError && e.line === 2 && /after a closing quote/.test(e.message),
    );
    // Line breaks inside an earlier quoted field count toward the line of a later problem.
    assert.throws(
      () => parseCsv('a,b\n"one\ntwo","""x""\n"\n"three\n"y\n'),
      (e: unknown) => e instanceof CsvError && e.line === 6 && /after a closing quote/.test(e.message),
    );
  });

  it('reads empty and all-quote quoted fields', () => {
    assert.deepEqual(fields('a,b,c\n"","""""",""""\n'), [
      ['a', 'b', 'c'],
      ['', '""', '"'],
    ]);
  });

  it('parseCsvRecords keys fields by header and checks columns and field counts', () => {
    assert.deepEqual(parseCsvRecords(',name,n\n0,"A, B",3\n', ['name']), [
      { values: { '': '0', name: 'A, B', n: '3' }, line: 2 },
    ]);
    assert.throws(() => parseCsvRecords('name\nx\n', ['Stance']), /missing column "Stance"/);
    assert.throws(() => parseCsvRecords('a,b\n1,2,3\n', []), /expected 2 fields, got 3/);
  });
});

describe('benchmark readers', () => {
  it('reads Emergent as claimHeadline vs articleHeadline, quoted multi-line rows included', () => {
    const pairs = readEmergent(emergentTest);
    assert.deepEqual(
      pairs.map((p) => [p.id, p.label]),
      [
        ['0', 'for'],
        ['1', 'against'],
        ['2', 'observing'],
      ],
    );
    assert.equal(pairs[1]!.b, 'Apple "will not" sell 19 million watches');
    assert.equal(pairs[2]!.b, 'Cat "survives"\nfall, reports say');
  });

  it('reads FNC-1 as Headline vs the body its Body ID names', () => {
    const pairs = readFnc1(fixtures.pairs, fixtures.bodies!);
    assert.deepEqual(
      pairs.map((p) => p.label),
      ['agree', 'unrelated', 'discuss'],
    );
    assert.equal(pairs[1]!.a, 'A cat survived a fall, vets say');
    assert.equal(
      pairs[0]!.b,
      'Russia agreed to the ceasefire proposal on Friday.\r\n\r\nOfficials in Moscow said the "first step" was taken, and talks continue.',
    );
    assert.match(pairs[2]!.b, /^Markets were calm/);
  });

  const { dir, cleanup } = tempDir();
  after(cleanup);

  it('names the file and line of an unknown label, a missing body or a broken row', () => {
    const stances = join(dir, 'stances.csv');
    writeFileSync(stances, 'Headline,Body ID,Stance\nA headline,7,agree\nB,7,maybe\n');
    assert.throws(
      () => readFnc1(stances, fixtures.bodies!),
      new RegExp(
        `^CliError: ${stances}:3: Stance: expected one of agree, disagree, discuss, unrelated, got "maybe"`,
      ),
    );
    writeFileSync(stances, 'Headline,Body ID,Stance\nA headline,99,agree\n');
    assert.throws(() => readFnc1(stances, fixtures.bodies!), /stances\.csv:2: Body ID: no body "99"/);
    writeFileSync(stances, 'Headline,Body ID,Stance\n"A headline,7,agree\n');
    assert.throws(() => readFnc1(stances, fixtures.bodies!), /stances\.csv:2: unterminated quoted field/);
  });
});

describe('crosscheck eval emergent|fnc1', { concurrency: true }, () => {
  const env = { CROSSCHECK_DATA: FIXTURES };
  const json = async (args: string[]): Promise<BenchmarkReport> => {
    const r = await cli(['eval', ...args, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as BenchmarkReport;
  };

  it('eval emergent reads the test split under $CROSSCHECK_DATA and reports in Emergent labels', async () => {
    const r = await json(['emergent']);
    assert.equal(r.split, 'test');
    assert.equal(r.files.pairs, emergentTest);
    assert.equal(r.total, 3);
    assert.deepEqual(r.classes, ['for', 'against', 'observing']);
    assert.equal(r.labelMap.unrelated, 'observing');
    // Gold counts are the rows of the confusion matrix, whatever the engine predicts.
    for (const [gold, n] of [
      ['for', 1],
      ['against', 1],
      ['observing', 1],
    ] as const) {
      assert.equal(r.perClass[gold]!.support, n);
      assert.equal(
        Object.values(r.confusion[gold]!).reduce((a, b) => a + b, 0),
        n,
      );
    }
    assert.equal(r.fnc, undefined);
  });

  it('--limit scores the first N pairs; an identical headline is "for"', async () => {
    const r = await json(['emergent', '--limit', '1']);
    assert.equal(r.total, 1);
    assert.equal(r.available, 3);
    assert.equal(r.accuracy, 1);
    assert.deepEqual(r.confusion.for, { for: 1, against: 0, observing: 0 });
  });

  it('--rules scores with the rule engine alone; the default is the learned model', async () => {
    assert.equal((await json(['emergent'])).engine, 'learned');
    const rules = await json(['emergent', '--rules']);
    assert.equal(rules.engine, 'rules');
    assert.equal(rules.total, 3);
    assert.equal((await json(['fnc1', '--rules'])).engine, 'rules');
  });

  it('--split train reads the train file', async () => {
    const r = await json(['emergent', '--split', 'train']);
    assert.equal(r.files.pairs, join(FIXTURES, 'data/emergent/url-versions-2015-06-14-clean-train.csv'));
    assert.equal(r.total, 1);
  });

  it('eval fnc1 scores headline vs body with the official score', async () => {
    const r = await json(['fnc1']);
    assert.deepEqual(r.files, fixtures);
    assert.equal(r.total, 3);
    assert.deepEqual(r.classes, ['agree', 'disagree', 'discuss', 'unrelated']);
    assert.equal(r.fnc!.max, 2.25); // two related pairs × 1 + one unrelated × 0.25
    assert.equal(r.fnc!.null, 0.25);
    assert.equal(r.fnc!.relative, r.fnc!.score / 2.25);
    // The body opening with the headline itself agrees with it.
    const first = await json(['fnc1', '--limit', '1']);
    assert.deepEqual(first.confusion.agree, { agree: 1, disagree: 0, discuss: 0, unrelated: 0 });
    assert.equal(first.fnc!.relative, 1);
  });

  it('without --json a readable report with macro-F1, the relative score and the confusion matrix', async () => {
    const r = await cli(['eval', 'fnc1'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fnc1 test: 3 pairs from /);
    assert.match(r.stdout, /macro-F1 \d\.\d{3}/);
    assert.match(r.stdout, /FNC-1 relative score \d+\.\d\d% \([\d.]+ \/ 2\.25; all-unrelated 11\.11%\)/);
    assert.match(
      r.stdout,
      /confusion \(rows: gold, columns: predicted\)\n\s+agree\s+disagree\s+discuss\s+unrelated\n/,
    );
  });

  it('bad options and missing files are bad input', async () => {
    assert.equal(
      badInput(await cli(['eval', 'fnc1', '--split', 'dev'], env)),
      'eval fnc1: --split: expected train or test, got "dev"',
    );
    assert.equal(
      badInput(await cli(['eval', 'emergent', '--limit', '0'], env)),
      'eval emergent: --limit: expected a positive whole number, got "0"',
    );
    assert.equal(
      badInput(await cli(['eval', 'fnc1', '--split', 'train'], env)),
      `${join(FIXTURES, 'data/fnc-1/train_bodies.csv')}: no such file or directory`,
    );
    assert.match(badInput(await cli(['eval', 'dev', '--limit', '5'], env)), /--split and --limit are for/);
    assert.match(badInput(await cli(['eval', 'dev', '--rules'], env)), /--rules is for emergent and fnc1/);
    assert.match(badInput(await cli(['eval', 'fnc1', '--file', 'x.csv'], env)), /--file is for dev/);
  });
});
