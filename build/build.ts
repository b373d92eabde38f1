// Builds dist/chromium, dist/firefox (unpacked extensions), dist/cli.js and the seed claim pack.
// The seed pack is made by the same src/core the extension runs (house style: one core for build,
// CLI and runtime): this script runs under tsx and imports it directly.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveManifest, type Target } from './targets.ts';
import { makeSeedPack } from './seed-pack.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sourceManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');
const log = (...a: unknown[]) => quiet || console.log(...a);

const nodeBanner = {
  // Bundled CommonJS dependencies (linkedom, readability) call require(); give them one in ESM.
  js: "import { createRequire as __ccCreateRequire } from 'node:module'; const require = __ccCreateRequire(import.meta.url);",
};

async function buildNodeTools() {
  mkdirSync(dist, { recursive: true });
  await esbuild.build({
    entryPoints: { cli: join(root, 'src/cli/main.ts') },
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node\n' + nodeBanner.js },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  chmodSync(join(dist, 'cli.js'), 0o755);
}

function seedPack(): string {
  const started = performance.now();
  const pack = makeSeedPack(join(root, 'seeds'));
  log(`seed pack: ${pack.summary} in ${Math.round(performance.now() - started)} ms`);
  return pack.text;
}

async function buildExtension(target: Target, seedPackText: string) {
  const out = join(dist, target);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'extension'), out, { recursive: true });
  writeFileSync(join(out, 'seed-pack.json'), seedPackText);
  const manifest = deriveManifest(sourceManifest, target);
  manifest.version = pkg.version;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await esbuild.build({
    entryPoints: {
      background: join(root, 'src/background/index.ts'),
      content: join(root, 'src/content/index.ts'),
      popup: join(root, 'src/popup/index.tsx'),
      dashboard: join(root, 'src/dashboard/index.tsx'),
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: target === 'firefox' ? 'firefox140' : 'chrome120',
    minify: false,
    sourcemap: 'linked',
    legalComments: 'linked',
    jsx: 'automatic',
    // The content script puts the highlight sheet into open shadow roots (src/content/shadow-styles.ts).
    loader: { '.css': 'text' },
    jsxImportSource: 'preact',
    define: {
      __FIREFOX__: String(target === 'firefox'),
      __TEST__: String(process.env.CROSSCHECK_TEST === '1'),
      __VERSION__: JSON.stringify(pkg.version),
    },
    logLevel: 'warning',
    metafile: true,
  });
  log(`dist/${target}: built`);
}

const started = performance.now();
await buildNodeTools();
const pack = seedPack();
for (const target of ['chromium', 'firefox'] as const) await buildExtension(target, pack);
if (!existsSync(join(dist, 'chromium', 'background.js'))) throw new Error('build produced no background.js');
log(`built in ${Math.round(performance.now() - started)} ms`);
