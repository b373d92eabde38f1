import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { badInput, cli, REPO } from './run-cli.ts';

describe('crosscheck --help, --version and usage errors', { concurrency: true }, () => {
  it('--help lists every command on stdout', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    for (const usage of [
      'crosscheck pack',
      'crosscheck match --pack',
      'crosscheck compare',
      '--pairs',
      'crosscheck eval dev',
    ])
      assert.ok(r.stdout.includes(usage), usage);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await cli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('no command prints usage on stderr and exits 2', async () => {
    const r = await cli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^crosscheck: claims from news articles/);
  });

  it('rejects an unknown command or option with one line', async () => {
    assert.equal(badInput(await cli(['frobnicate'])), 'unknown command "frobnicate" (try crosscheck --help)');
    assert.match(badInput(await cli(['compare', '--frob', 'a', 'b'])), /^Unknown option '--frob'/);
    assert.match(badInput(await cli(['match', '--pack'])), /--pack/);
    assert.match(badInput(await cli(['compare', 'only one'])), /^compare: expected two statements/);
    assert.match(badInput(await cli(['pack'])), /^pack: no input files/);
  });
});
