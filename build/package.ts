// `npm run package`: store-ready zips of both builds, in dist/. The Firefox zip is made by web-ext,
// which also lints it; the Chromium zip holds the folder's files at its root, as the store wants.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const bin = (name: string) => join(root, 'node_modules/.bin', name);

for (const target of ['chromium', 'firefox']) {
  const zip = join(root, 'dist', `crosscheck-${target}-${version}.zip`);
  rmSync(zip, { force: true });
  // Source maps stay out of store packages; everything else in the folder ships.
  execFileSync('zip', ['-q', '-r', '-X', zip, '.', '-x', '*.map'], {
    cwd: join(root, 'dist', target),
    stdio: 'inherit',
  });
  if (!existsSync(zip)) throw new Error(`no ${zip}`);
  console.log(`dist/crosscheck-${target}-${version}.zip`);
}
execFileSync(
  bin('web-ext'),
  ['lint', '--source-dir', join(root, 'dist/firefox'), '--self-hosted', '--output', 'text'],
  {
    stdio: 'inherit',
  },
);
