// Runs the crosscheck CLI as a child process, the way users and other tests see it. By default through
// tsx on src/cli/main.ts, so unit tests need no build; CROSSCHECK_CLI=dist tests the bundled dist/cli.js.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const SEEDS = join(REPO, 'seeds');
const MAIN = join(REPO, 'src/cli/main.ts');
const DIST = join(REPO, 'dist/cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const argv = process.env.CROSSCHECK_CLI === 'dist' ? [DIST, ...args] : ['--import', 'tsx', MAIN, ...args];
  return new Promise((done) => {
    execFile(
      process.execPath,
      argv,
      // cwd is the repo so `--import tsx` resolves; inputs are passed as absolute paths.
      { cwd: REPO, env: { ...process.env, CROSSCHECK_DEBUG: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary directory, removed when the returned function is called. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Asserts the bad-input contract: exit 2, nothing on stdout, one `crosscheck: …` line and no stack trace. */
export function badInput(result: CliResult): string {
  const where = `stdout ${JSON.stringify(result.stdout)}, stderr ${JSON.stringify(result.stderr)}`;
  if (result.code !== 2) throw new Error(`expected exit code 2, got ${result.code}; ${where}`);
  if (result.stdout !== '') throw new Error(`expected no stdout; ${where}`);
  if (!/^crosscheck: [^\n]+\n$/.test(result.stderr)) throw new Error(`expected one error line; ${where}`);
  if (/\n\s+at /.test(result.stderr)) throw new Error(`stack trace on stderr; ${where}`);
  return result.stderr.slice('crosscheck: '.length, -1);
}
