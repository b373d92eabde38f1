// The CLI on inputs that are not readable text files: unreadable (run as an unprivileged user, since root
// reads any file whatever its mode), a FIFO, a socket or a device (reading would block or never end), a
// directory, binary, empty, huge (a 200 MB sparse file: refused by size before reading) and malformed
// packs. Every one: exit code 2, one line on stderr, no stack trace, and nothing written to -o.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { badInput, cli, REPO, SEEDS, tempDir, type CliResult } from './run-cli.ts';

const NOBODY = 65534;
const PAGE = join(SEEDS, '000_c968ebdbc1f2aedb.txt');
/** A child that blocks on a FIFO would hang the suite; this bounds every run. */
const TIMEOUT_MS = 60_000;

/** Runs the CLI as another user (only root can): how an unreadable file is tested when we are root. */
function cliAs(uid: number, args: string[]): Promise<CliResult> {
  const main =
    process.env.CROSSCHECK_CLI === 'dist'
      ? [join(REPO, 'dist/cli.js')]
      : ['--import', 'tsx', join(REPO, 'src/cli/main.ts')];
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...main, ...args],
      {
        cwd: REPO,
        uid,
        gid: uid,
        timeout: TIMEOUT_MS,
        env: { ...process.env, HOME: '/tmp', CROSSCHECK_DEBUG: '' },
      },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('crosscheck on bad input files', { concurrency: true }, () => {
  const { dir, cleanup } = tempDir();
  chmodSync(dir, 0o755); // the unprivileged run must reach the files; their own mode is what is tested
  const at = (name: string) => join(dir, name);
  const out = at('out.json');
  let server: Server | undefined;
  let pack = '';

  before(async () => {
    const r = await cli(['pack', PAGE, join(SEEDS, '001_2ae1e6f0d892d274.txt'), '-o', at('good-pack.json')]);
    assert.equal(r.code, 0, r.stderr);
    pack = at('good-pack.json');
    execFileSync('mkfifo', [at('fifo.json')]);
    execFileSync('mkfifo', [at('fifo.txt')]);
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(at('socket.json'), resolve));
    writeFileSync(at('locked.json'), readFileSync(pack));
    writeFileSync(at('locked.txt'), readFileSync(PAGE));
    chmodSync(at('locked.json'), 0o000);
    chmodSync(at('locked.txt'), 0o000);
    writeFileSync(
      at('binary.json'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(at('latin1.txt'), Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'));
    writeFileSync(at('empty.json'), '');
    writeFileSync(at('blank.jsonl'), ' \n\n');
    // 200 MB without using the disk: a sparse file, refused by its size before any byte is read.
    writeFileSync(at('huge.json'), '');
    truncateSync(at('huge.json'), 200 * 1024 * 1024);
    writeFileSync(at('huge.txt'), '');
    truncateSync(at('huge.txt'), 200 * 1024 * 1024);
    writeFileSync(at('huge.jsonl'), '');
    truncateSync(at('huge.jsonl'), 200 * 1024 * 1024);
    writeFileSync(at('multiline.json'), '{\n  "format": "crosscheck-claim-pack",\n  x\n}\n');
  });
  after(() => {
    server?.close();
    cleanup();
  });

  /** The bad-input contract, plus: nothing written to -o, no temporary file left. */
  function refused(r: CliResult): string {
    const line = badInput(r);
    assert.equal(existsSync(out), false, 'nothing written to -o');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temp file left',
    );
    return line;
  }

  it(
    'an unreadable file (mode 000), for every command',
    {
      skip:
        process.getuid?.() !== 0 &&
        'needs root to run the CLI as another user; as a user, chmod 000 is enough',
    },
    async () => {
      const locked = at('locked.json');
      assert.equal(
        refused(await cliAs(NOBODY, ['match', '--pack', locked, PAGE])),
        `${locked}: permission denied`,
      );
      assert.equal(
        refused(await cliAs(NOBODY, ['match', '--pack', pack, at('locked.txt')])),
        `${at('locked.txt')}: permission denied`,
      );
      assert.equal(
        refused(await cliAs(NOBODY, ['pack', at('locked.txt'), '-o', out])),
        `${at('locked.txt')}: permission denied`,
      );
      assert.equal(
        refused(await cliAs(NOBODY, ['compare', '--pairs', locked])),
        `${locked}: permission denied`,
      );
    },
  );

  it(
    'a FIFO, a socket or a device: refused at once instead of blocking',
    { timeout: TIMEOUT_MS },
    async () => {
      const notFile = (p: string) => `${p}: not a regular file (a FIFO, socket or device), expected a file`;
      assert.equal(refused(await cli(['match', '--pack', at('fifo.json'), PAGE])), notFile(at('fifo.json')));
      assert.equal(refused(await cli(['match', '--pack', pack, at('fifo.txt')])), notFile(at('fifo.txt')));
      assert.equal(refused(await cli(['pack', at('fifo.txt'), '-o', out])), notFile(at('fifo.txt')));
      assert.equal(refused(await cli(['compare', '--pairs', at('fifo.json')])), notFile(at('fifo.json')));
      assert.equal(
        refused(await cli(['match', '--pack', at('socket.json'), PAGE])),
        notFile(at('socket.json')),
      );
      assert.equal(refused(await cli(['match', '--pack', '/dev/zero', PAGE])), notFile('/dev/zero'));
      assert.equal(refused(await cli(['compare', '--pairs', '/dev/urandom'])), notFile('/dev/urandom'));
    },
  );

  it('a directory where a file is expected', async () => {
    const isDir = `${dir}: is a directory, expected a file`;
    assert.equal(refused(await cli(['match', '--pack', dir, PAGE])), isDir);
    assert.equal(refused(await cli(['compare', '--pairs', dir])), isDir);
  });

  it('a binary file, for every command', async () => {
    const binary = at('binary.json');
    const nul = `${binary}: binary file (contains NUL bytes), expected UTF-8 text`;
    assert.equal(refused(await cli(['match', '--pack', binary, PAGE])), nul);
    assert.equal(refused(await cli(['compare', '--pairs', binary])), nul);
    const latin1 = at('latin1.txt');
    assert.equal(
      refused(await cli(['pack', latin1, '-o', out])),
      `${latin1}: binary file (not valid UTF-8), expected UTF-8 text`,
    );
  });

  it('an empty file, for every command', async () => {
    const empty = at('empty.json');
    assert.equal(refused(await cli(['match', '--pack', empty, PAGE])), `${empty}: empty file`);
    assert.equal(refused(await cli(['compare', '--pairs', empty])), `${empty}: empty file`);
    assert.equal(
      refused(await cli(['compare', '--pairs', at('blank.jsonl')])),
      `${at('blank.jsonl')}: empty file (only whitespace)`,
    );
  });

  it('a huge file (200 MB): refused by size, naming the limit', async () => {
    const tooLarge = (p: string) => `${p}: file too large (200 MB; the limit is 100 MB)`;
    assert.equal(refused(await cli(['match', '--pack', at('huge.json'), PAGE])), tooLarge(at('huge.json')));
    assert.equal(refused(await cli(['match', '--pack', pack, at('huge.txt')])), tooLarge(at('huge.txt')));
    assert.equal(refused(await cli(['pack', at('huge.txt'), PAGE, '-o', out])), tooLarge(at('huge.txt')));
    assert.equal(refused(await cli(['compare', '--pairs', at('huge.jsonl')])), tooLarge(at('huge.jsonl')));
  });

  it('a malformed pack whose JSON error spans lines still gives one line', async () => {
    const p = at('multiline.json');
    assert.match(refused(await cli(['match', '--pack', p, PAGE])), new RegExp(`^${p}: invalid JSON: `));
  });

  it('a bad input after good ones writes nothing to -o', async () => {
    assert.equal(
      refused(await cli(['pack', PAGE, at('empty.json'), '-o', out])),
      `${at('empty.json')}: empty file`,
    );
  });
});
