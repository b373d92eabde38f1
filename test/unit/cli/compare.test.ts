import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { badInput, cli, tempDir } from './run-cli.ts';

const STANCES = ['corroborates', 'conflicts', 'discusses', 'unrelated'];

function assertComparison(value: Record<string, unknown>, keys: string[]): void {
  assert.deepEqual(Object.keys(value), keys);
  assert.ok(STANCES.includes(value.stance as string), String(value.stance));
  assert.ok(typeof value.similarity === 'number' && value.similarity >= 0 && value.similarity <= 1);
  assert.ok(Array.isArray(value.reasons));
  for (const reason of value.reasons as object[]) assert.deepEqual(Object.keys(reason), ['kind', 'a', 'b']);
}

describe('crosscheck compare', { concurrency: true }, () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);
  const a = 'Trump and Putin held talks in Alaska on August 15.';
  const b = 'Trump and Putin held talks in Alcazar, USA on August 15.';

  it('--json prints exactly stance, similarity and reasons', async () => {
    const r = await cli(['compare', a, b, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('}\n') && r.stdout.split('\n').length === 2, 'one JSON line');
    assertComparison(JSON.parse(r.stdout), ['stance', 'similarity', 'reasons']);
  });

  it('a statement corroborates itself', async () => {
    const r = await cli(['compare', a, a, '--json']);
    assert.equal((JSON.parse(r.stdout) as { stance: string }).stance, 'corroborates');
  });

  it('prints a readable line without --json', async () => {
    const r = await cli(['compare', a, b]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^(corroborates|conflicts|discusses|unrelated) \(similarity \d\.\d\d\)\n/);
  });

  it('--pairs streams one line per input line, in order, with its id', async () => {
    const file = join(dir, 'pairs.jsonl');
    const pairs = [
      { id: 'p1', a, b, label: 'conflicts' },
      { id: 'p2', a, b: a },
      { id: 'p3', a: 'Rubio will visit Miami next month.', b: 'Rubio said a peace deal is not imminent.' },
    ];
    writeFileSync(file, `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n\n`);
    const r = await cli(['compare', '--pairs', file]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    lines.forEach((line, i) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      assert.equal(value.id, pairs[i]!.id);
      assertComparison(value, ['id', 'stance', 'similarity', 'reasons']);
    });
  });

  it('a bad JSONL line fails the run before any output, naming file and line', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'ok', a, b })}\n{"id": "x", "a": "only a"}\n`);
    assert.equal(
      badInput(await cli(['compare', '--pairs', file])),
      `${file}:2: b: expected a non-empty string, got nothing`,
    );
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${JSON.stringify({ id: 'ok', a, b })}\nnot json\n`);
    assert.match(
      badInput(await cli(['compare', '--pairs', broken])),
      new RegExp(`^${broken}:2: invalid JSON`),
    );
    const dup = join(dir, 'dup.jsonl');
    writeFileSync(dup, `${JSON.stringify({ id: 'x', a, b })}\n${JSON.stringify({ id: 'x', a, b })}\n`);
    assert.equal(
      badInput(await cli(['compare', '--pairs', dup])),
      `${dup}:2: id: duplicate id "x" (first on line 1)`,
    );
  });

  it('a missing, empty or binary pairs file', async () => {
    const missing = join(dir, 'missing.jsonl');
    assert.equal(
      badInput(await cli(['compare', '--pairs', missing])),
      `${missing}: no such file or directory`,
    );
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    assert.equal(badInput(await cli(['compare', '--pairs', empty])), `${empty}: empty file`);
    const binary = join(dir, 'binary.jsonl');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    assert.match(badInput(await cli(['compare', '--pairs', binary])), /binary file/);
  });
});
