// Where the CLI finds the repository (for the version in development) and the shared data (eval sets).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory holding Crosscheck's package.json, from src/cli/*.ts under tsx or from dist/cli.js. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'crosscheck') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    dir = parent;
  }
}

/** The shared data directory (eval sets, corpora): $CROSSCHECK_DATA, else `<repo>/../shared`. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CROSSCHECK_DATA ?? resolve(repoRoot(), '..', 'shared');
}

export function version(): string {
  // Set by esbuild's define in dist/cli.js; under tsx we read package.json.
  if (typeof __VERSION__ === 'string') return __VERSION__;
  return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
