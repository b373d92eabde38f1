// Web pages cannot reach the background, and extension pages run no remote or eval'd code: checked on the
// manifests build/targets.ts derives for both browsers, and on the built ones in dist/ when present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveManifest, type Target } from '../../../build/targets.ts';

const ROOT = join(import.meta.dirname, '../../..');
const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const TARGETS: Target[] = ['chromium', 'firefox'];

function manifests(): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = TARGETS.map((t) => [
    `derived ${t}`,
    deriveManifest(source, t),
  ]);
  for (const t of TARGETS) {
    const built = join(ROOT, 'dist', t, 'manifest.json');
    if (existsSync(built))
      out.push([`dist/${t}`, JSON.parse(readFileSync(built, 'utf8')) as Record<string, unknown>]);
  }
  return out;
}

/** Where a CSP's script-src (or default-src) may load code from. */
function scriptSources(csp: string): string[] {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
  return directives.get('script-src') ?? directives.get('default-src') ?? [];
}

test('no externally_connectable: web pages and other extensions cannot message the background', () => {
  for (const [name, m] of manifests()) assert.equal(m.externally_connectable, undefined, name);
});

test("the extension pages' CSP allows only the extension's own scripts: no unsafe-eval, no remote script", () => {
  for (const [name, m] of manifests()) {
    const csp = m.content_security_policy as Record<string, string> | undefined;
    assert.ok(csp && typeof csp.extension_pages === 'string', `${name}: an explicit extension_pages CSP`);
    for (const [key, policy] of Object.entries(csp)) {
      assert.doesNotMatch(policy, /unsafe-eval|wasm-unsafe-eval|unsafe-inline/, `${name}: ${key}`);
      const sources = scriptSources(policy);
      assert.deepEqual(
        sources,
        ["'self'"],
        `${name}: ${key} script-src is 'self' only, got ${sources.join(' ')}`,
      );
    }
  }
});

test('no page of the extension is exposed to web pages (no web_accessible_resources)', () => {
  for (const [name, m] of manifests()) assert.equal(m.web_accessible_resources, undefined, name);
});

test(
  'the checks above see a built manifest when dist/ exists (npm test builds first)',
  { skip: !existsSync(join(ROOT, 'dist/chromium/manifest.json')) && 'not built' },
  () => {
    assert.ok(manifests().some(([name]) => name.startsWith('dist/')));
  },
);
