import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePackText } from '../../../src/core/claim-pack.ts';
import {
  ANNO_CONTEXT,
  WebAnnotationError,
  fromWebAnnotations,
  parseWebAnnotationText,
  toWebAnnotations,
} from '../../../src/core/web-annotation.ts';
import { mutated } from '../../fixtures/transfer/mutate.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/transfer');
const pack = parsePackText(readFileSync(join(FIXTURES, 'small-pack.json'), 'utf8'));
const CREATED = '2026-02-01T00:00:00Z';
const exported = toWebAnnotations(
  {
    ...pack,
    reviews: [
      {
        targetId: 'alpha:0',
        targetKind: 'claim',
        status: 'inaccurate',
        note: 'Geneva',
        reviewer: 'Mo',
        updatedAt: 1,
      },
    ],
  },
  { created: CREATED },
) as {
  '@context': string;
  type: string;
  total: number;
  first: { type: string; items: Record<string, unknown>[] };
};
const clone = <T>(x: T): T => structuredClone(x);
const now = { now: Date.parse(CREATED) };

test('export: an AnnotationCollection of one Annotation per claim, with quote and position selectors', () => {
  assert.equal(exported['@context'], ANNO_CONTEXT);
  assert.equal(exported.type, 'AnnotationCollection');
  assert.equal(exported.first.type, 'AnnotationPage');
  assert.equal(exported.total, 3);
  const first = exported.first.items[0] as {
    type: string;
    target: { source: string; selector: object[] };
    body: { type: string; value?: string }[];
  };
  assert.equal(first.type, 'Annotation');
  assert.equal(first.target.source, 'https://alpha.example/story');
  assert.deepEqual(first.target.selector, [
    {
      type: 'TextQuoteSelector',
      exact: 'The summit took place in Geneva on Monday.',
      prefix: '',
      suffix: ' About 40 leaders attended the me',
    },
    { type: 'TextPositionSelector', start: 0, end: 42 },
  ]);
  assert.equal(first.body[0]!.type, 'TextualBody');
  assert.match(first.body[0]!.value!, /conflicting/);
  assert.match(first.body[0]!.value!, /Vienna/);
  assert.match(first.body[0]!.value!, /Moderator review: Inaccurate: Geneva \(Mo\)/);
  // A source without a URL is named by a URN.
  const beta = exported.first.items[2] as { target: { source: string } };
  assert.equal(beta.target.source, 'urn:crosscheck:source:beta');
});

test('round trip: export then import gives the same sources (metadata) and claims', () => {
  const { pack: back, paths } = parseWebAnnotationText(JSON.stringify(exported), now);
  assert.deepEqual(back.claims, pack.claims);
  assert.deepEqual(
    back.sources.map(({ text: _t, ...rest }) => rest),
    pack.sources.map(({ text: _t, ...rest }) => rest),
  );
  for (const c of back.claims) {
    const text = back.sources.find((s) => s.id === c.sourceId)!.text;
    assert.equal(text.slice(c.start, c.end), c.exact);
  }
  assert.equal(paths['beta:0'], 'first.items[2].target');
  assert.deepEqual(back.relations, []);
});

test('import: an AnnotationPage, an array or one annotation; foreign sources get a stable id', () => {
  const items = exported.first.items;
  assert.equal(fromWebAnnotations({ type: 'AnnotationPage', items }, now).pack.claims.length, 3);
  assert.equal(fromWebAnnotations(items, now).pack.claims.length, 3);
  const foreign = clone(items[1]!);
  delete foreign['crosscheck:source'];
  foreign.type = ['Annotation'];
  const one = fromWebAnnotations(foreign, now).pack;
  assert.equal(one.sources.length, 1);
  assert.match(one.sources[0]!.id, /^wa-[0-9a-f]{8}$/);
  assert.equal(one.sources[0]!.url, 'https://alpha.example/story');
  assert.equal(one.claims[0]!.id, `${one.sources[0]!.id}:43`);
  assert.equal(fromWebAnnotations(foreign, now).pack.sources[0]!.id, one.sources[0]!.id);
});

test('import: the same quote twice is one claim', () => {
  const items = [exported.first.items[0], exported.first.items[0]];
  assert.equal(fromWebAnnotations(items, now).pack.claims.length, 1);
});

const cases: [string, (doc: typeof exported) => unknown, RegExp][] = [
  ['not JSON', () => '{', /^invalid JSON/],
  ['a number', () => 42, /^\(root\): expected an annotation collection/],
  [
    'page without items',
    (d) => ({ ...d, first: { type: 'AnnotationPage' } }),
    /^first\.items: expected an array/,
  ],
  ['wrong type', (d) => (d.first.items[1]!.type = 'Note'), /^first\.items\[1\]\.type: expected "Annotation"/],
  ['no target', (d) => delete d.first.items[0]!.target, /^first\.items\[0\]\.target: missing required field/],
  [
    'target without source',
    (d) => delete (d.first.items[2]!.target as { source?: string }).source,
    /^first\.items\[2\]\.target\.source: missing required field/,
  ],
  [
    'no quote selector',
    (d) => ((d.first.items[0]!.target as { selector: unknown[] }).selector.length = 0),
    /^first\.items\[0\]\.target\.selector: expected a selector/,
  ],
  [
    'no position selector',
    (d) => (d.first.items[0]!.target as { selector: unknown[] }).selector.pop(),
    /^first\.items\[0\]\.target\.selector: expected a TextPositionSelector/,
  ],
  [
    'empty exact',
    (d) => ((d.first.items[1]!.target as { selector: { exact?: string }[] }).selector[0]!.exact = ''),
    /^first\.items\[1\]\.target\.selector\[0\]\.exact: expected a non-empty string/,
  ],
  [
    'negative start',
    (d) => ((d.first.items[1]!.target as { selector: { start?: number }[] }).selector[1]!.start = -3),
    /^first\.items\[1\]\.target\.selector\[1\]\.start: expected a non-negative integer, got -3/,
  ],
  [
    'end not matching the quote',
    (d) => ((d.first.items[1]!.target as { selector: { end?: number }[] }).selector[1]!.end = 99),
    /^first\.items\[1\]\.target\.selector\[1\]\.end: expected start \+ the quote's length \(81\), got 99/,
  ],
  [
    'prefix longer than the text before',
    (d) => ((d.first.items[0]!.target as { selector: { prefix?: string }[] }).selector[0]!.prefix = 'x'),
    /^first\.items\[0\]\.target\.selector\[0\]\.prefix: is longer than the text before offset 0/,
  ],
  [
    'quotes contradicting each other',
    (d) =>
      ((d.first.items[1]!.target as { selector: { prefix?: string }[] }).selector[0]!.prefix =
        'The summit took place in Zurich on Monday. '),
    /^first\.items\[1\]\.target\.selector\[0\]\.prefix: contradicts another quote/,
  ],
  [
    'bad source info',
    (d) => ((d.first.items[2]!['crosscheck:source'] as { title: unknown }).title = 7),
    /^first\.items\[2\]\.crosscheck:source\.title: expected a string, got 7/,
  ],
  [
    'one URL, two source ids',
    (d) => ((d.first.items[1]!['crosscheck:source'] as { id: string }).id = 'other'),
    /^first\.items\[1\]\.crosscheck:source\.id: source "https:\/\/alpha\.example\/story" is already "alpha"/,
  ],
  [
    'a huge offset',
    (d) => {
      const sel = (d.first.items[1]!.target as { selector: { start: number; end: number }[] }).selector[1]!;
      sel.start = 1e9;
      sel.end = 1e9 + 38;
    },
    /^first\.items\[1\]\.target\.selector\[1\]\.end: offset .* is past the longest source/,
  ],
];

for (const [name, breakIt, message] of cases) {
  test(`malformed: ${name} → WebAnnotationError naming the record and field`, () => {
    const doc = clone(exported);
    const replaced = breakIt(doc);
    const text =
      name === 'not JSON'
        ? '{'
        : JSON.stringify(name === 'a number' || name === 'page without items' ? replaced : doc);
    assert.throws(
      () => parseWebAnnotationText(text, now),
      (e: unknown) => {
        assert.ok(e instanceof WebAnnotationError, String(e));
        assert.match(e.message, message);
        return true;
      },
    );
  });
}

const onlyNamedErrors = (doc: unknown) => {
  try {
    fromWebAnnotations(doc, now);
  } catch (e) {
    if (!(e instanceof WebAnnotationError)) throw e;
    assert.match(e.message, /^\S+: \S/);
  }
};

test('property: any JSON value imports or fails with a WebAnnotationError', () => {
  fc.assert(fc.property(fc.jsonValue(), onlyNamedErrors), { numRuns: 500 });
});

test('property: a valid collection broken in one place imports or fails with a WebAnnotationError', () => {
  fc.assert(fc.property(mutated(exported), onlyNamedErrors), { numRuns: 2000 });
});
