// Checks on the built extension folders (npm test builds before it runs the unit tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deriveManifest } from '../../../build/targets.ts';

const root = join(import.meta.dirname, '../../..');
const dist = join(root, 'dist');
const built =
  existsSync(join(dist, 'firefox/manifest.json')) && existsSync(join(dist, 'chromium/manifest.json'));
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;

test('Chromium gets a service worker, Firefox background scripts with a gecko id', () => {
  const chromium = deriveManifest(source, 'chromium') as {
    background: unknown;
    browser_specific_settings?: unknown;
  };
  assert.deepEqual(chromium.background, { service_worker: 'background.js' });
  assert.equal(chromium.browser_specific_settings, undefined);
  const firefox = deriveManifest(source, 'firefox') as {
    background: unknown;
    browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  };
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.match(firefox.browser_specific_settings.gecko.id, /^[^@]+@[^@]+$/);
  assert.match(firefox.browser_specific_settings.gecko.strict_min_version, /^\d+\.\d+$/);
});

test('the manifest asks for no remote code and no eval', () => {
  const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
  assert.doesNotMatch(csp, /unsafe-eval|https?:/);
  assert.equal(source.externally_connectable, undefined, 'web pages cannot message the extension');
});

test(
  'built bundles contain no eval, no new Function and no remote script URL',
  { skip: !built && 'not built' },
  () => {
    for (const target of ['chromium', 'firefox']) {
      for (const file of readdirSync(join(dist, target)).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(join(dist, target, file), 'utf8');
        assert.doesNotMatch(code, /\beval\(|new Function\(/, `${target}/${file}`);
        assert.doesNotMatch(code, /<script[^>]+src=["']https?:/i, `${target}/${file}`);
      }
    }
  },
);

test('web-ext lint finds no error in dist/firefox', { skip: !built && 'not built' }, () => {
  const out = execFileSync(
    join(root, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', join(dist, 'firefox'), '--self-hosted', '--output', 'json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const report = JSON.parse(out) as { summary: { errors: number }; errors: { message: string }[] };
  assert.equal(report.summary.errors, 0, report.errors.map((e) => e.message).join('\n'));
});
