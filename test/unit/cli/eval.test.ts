import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { badInput, cli, REPO, tempDir } from './run-cli.ts';

const DEV = join(process.env.CROSSCHECK_DATA ?? join(REPO, '..', 'shared'), 'eval/dev-pairs.jsonl');

describe('crosscheck eval', { concurrency: true }, () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);

  it(
    'eval dev --json reports accuracy over the shared dev pairs',
    { skip: !existsSync(DEV) && `no ${DEV}` },
    async () => {
      const r = await cli(['eval', 'dev', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout) as { set: string; file: string; accuracy: number; total: number };
      assert.equal(json.set, 'dev');
      assert.equal(json.file, DEV);
      assert.ok(json.accuracy >= 0 && json.accuracy <= 1);
    },
  );

  it('--file evaluates another labelled file; without --json a readable table', async () => {
    const file = join(dir, 'pairs.jsonl');
    const a = 'Russia agreed to the proposal on Friday.';
    writeFileSync(
      file,
      [
        { id: 'x1', a, b: a, label: 'corroborates' },
        { id: 'x2', a, b: 'Russia refused the proposal on Friday.', label: 'conflicts' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n'),
    );
    const r = await cli(['eval', 'dev', '--file', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /accuracy/i);
    assert.match(r.stdout, /corroborates/);
  });

  it('CROSSCHECK_DATA moves the default file', async () => {
    const message = badInput(await cli(['eval', 'dev'], { CROSSCHECK_DATA: dir }));
    assert.equal(message, `${join(dir, 'eval/dev-pairs.jsonl')}: no such file or directory`);
  });

  it('a pair without a label or an unknown set is bad input', async () => {
    const file = join(dir, 'unlabelled.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'u', a: 'x', b: 'y' }));
    assert.equal(
      badInput(await cli(['eval', 'dev', '--file', file])),
      `${file}:1: label: expected a non-empty string, got nothing`,
    );
    assert.match(badInput(await cli(['eval', 'test'])), /^eval: unknown set "test"/);
  });
});
