import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePackText } from '../../../src/core/claim-pack.ts';
import {
  ClaimReviewError,
  fromClaimReviews,
  parseClaimReviewText,
  statusOf,
  toClaimReviews,
  type ReviewRecord,
} from '../../../src/core/claim-review.ts';
import { mutated } from '../../fixtures/transfer/mutate.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/transfer');
const pack = parsePackText(readFileSync(join(FIXTURES, 'small-pack.json'), 'utf8'));
const feedText = readFileSync(join(FIXTURES, 'fact-check-feed.json'), 'utf8');
const feed = JSON.parse(feedText) as Record<string, unknown>;
const now = { now: Date.parse('2026-03-01T00:00:00Z') };
const clone = <T>(x: T): T => structuredClone(x);

const reviews: ReviewRecord[] = [
  { targetId: 'alpha:0', targetKind: 'claim', status: 'inaccurate', note: 'It was Vienna.', reviewer: 'Mo', updatedAt: Date.parse('2026-01-10T08:00:00.123Z') },
  { targetId: 'beta:0', targetKind: 'claim', status: 'accurate', note: '', reviewer: '', updatedAt: Date.parse('2026-01-11T08:00:00Z') },
  { targetId: 'alpha:43', targetKind: 'claim', status: 'unreviewed', note: '', reviewer: 'Mo', updatedAt: 1 },
  { targetId: 'alpha:0|beta:0', targetKind: 'relation', status: 'disputed', note: '', reviewer: 'Mo', updatedAt: 1 },
  { targetId: 'gone:0', targetKind: 'claim', status: 'accurate', note: '', reviewer: 'Mo', updatedAt: 1 },
]; // prettier-ignore

const exported = toClaimReviews({ ...pack, reviews }, { modified: '2026-02-01T00:00:00Z' }) as {
  '@context': string;
  '@type': string;
  dataFeedElement: Record<string, unknown>[];
};

test('export: a DataFeed of ClaimReviews for reviewed claims only', () => {
  assert.equal(exported['@context'], 'https://schema.org');
  assert.equal(exported['@type'], 'DataFeed');
  assert.equal(exported.dataFeedElement.length, 2); // not unreviewed, relation or missing claims
  assert.deepEqual(exported.dataFeedElement[0], {
    '@type': 'ClaimReview',
    datePublished: '2026-01-10T08:00:00.123Z',
    claimReviewed: 'The summit took place in Geneva on Monday.',
    author: { '@type': 'Person', name: 'Mo' },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Inaccurate',
    },
    reviewBody: 'It was Vienna.',
    itemReviewed: {
      '@type': 'Claim',
      datePublished: '2026-01-01',
      appearance: {
        '@type': 'CreativeWork',
        url: 'https://alpha.example/story',
        headline: 'Alpha News',
        author: { '@type': 'Person', name: 'A. Writer' },
        datePublished: '2026-01-01',
      },
    },
  });
  const beta = exported.dataFeedElement[1] as { itemReviewed: { appearance: { url: string } } };
  assert.equal(beta.itemReviewed.appearance.url, 'urn:crosscheck:source:beta');
});

test('round trip: exported reviews import as claims with the same text and the same reviews', () => {
  const { pack: back, reviews: imported } = parseClaimReviewText(JSON.stringify(exported), now);
  assert.deepEqual(
    back.claims.map((c) => c.exact),
    ['The summit took place in Geneva on Monday.', 'The summit took place in Vienna on Monday.'],
  );
  assert.deepEqual(
    back.sources.map((s) => [s.title, s.url]),
    [
      ['Alpha News', 'https://alpha.example/story'],
      ['Beta Daily', 'urn:crosscheck:source:beta'],
    ],
  );
  assert.deepEqual(
    imported.map(({ targetId: _t, ...r }) => r),
    reviews.slice(0, 2).map(({ targetId: _t, ...r }) => r),
  );
  assert.deepEqual(
    imported.map((r) => r.targetId),
    back.claims.map((c) => c.id),
  );
});

test("import: a fact-checker's DataFeed becomes sources per appearance, claims and reviews", () => {
  const { pack: p, reviews: r } = parseClaimReviewText(feedText, now);
  assert.equal(p.sources.length, 2);
  const beta = p.sources[0]!;
  assert.equal(beta.url, 'https://beta.example/summit');
  assert.equal(beta.title, 'Summit in Vienna');
  assert.equal(beta.site, 'beta.example');
  assert.equal(beta.published, '2026-01-05');
  assert.equal(
    beta.text,
    'The summit took place in Vienna on Monday.\n\nAbout 40 leaders attended the meeting.',
  );
  // Without an appearance, the fact check's own page is the source.
  assert.equal(p.sources[1]!.url, 'https://factcheck.example/2026/01/march');
  assert.deepEqual(
    r.map((x) => [x.status, x.reviewer]),
    [
      ['inaccurate', 'Example Fact Check'],
      ['accurate', 'Example Fact Check'],
      ['misleading', 'Example Fact Check'],
    ],
  );
  assert.match(r[0]!.note, /Rated "False" by Example Fact Check/);
  assert.match(r[0]!.note, /factcheck\.example\/2026\/01\/geneva-summit/);
  assert.equal(r[0]!.updatedAt, Date.parse('2026-01-20'));
});

test('import: one ClaimReview, an array, an ItemList; re-importing gives the same ids', () => {
  const one = (feed.dataFeedElement as Record<string, unknown>[])[1]!;
  assert.equal(fromClaimReviews(one, now).pack.claims.length, 1);
  assert.equal(fromClaimReviews([one, one], now).pack.claims.length, 1);
  const list = { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: one }] };
  assert.deepEqual(fromClaimReviews(list, now).pack.sources, fromClaimReviews(one, now).pack.sources);
});

test('statusOf: fact-checkers’ words and scales map to review statuses', () => {
  assert.equal(statusOf({ alternateName: 'Pants on Fire!' }), 'inaccurate');
  assert.equal(statusOf({ alternateName: 'Mostly False' }), 'misleading');
  assert.equal(statusOf({ alternateName: 'Missing context' }), 'needs-context');
  assert.equal(statusOf({ alternateName: 'Unproven' }), 'disputed');
  assert.equal(statusOf({ alternateName: 'Correct' }), 'accurate');
  assert.equal(statusOf({ ratingValue: 9, bestRating: 10, worstRating: 0 }), 'accurate');
  assert.equal(statusOf({ ratingValue: 1, bestRating: 7, worstRating: 1 }), 'inaccurate');
  assert.equal(statusOf({ alternateName: 'Zany' }), 'disputed');
});

const el = (d: Record<string, unknown>, i: number) => (d.dataFeedElement as Record<string, unknown>[])[i]!;
const cases: [string, (d: Record<string, unknown>) => unknown, RegExp][] = [
  ['not JSON', () => undefined, /^invalid JSON/],
  ['a string', () => 'hello', /^\(root\): expected a ClaimReview object, got "hello"/],
  ['unknown type', (d) => (d['@type'] = 'Recipe'), /^@type: expected ClaimReview, DataFeed.*got "Recipe"/],
  ['feed without elements', (d) => delete d.dataFeedElement, /^dataFeedElement: expected an array/],
  [
    'feed item without item',
    (d) => delete el(d, 0).item,
    /^dataFeedElement\[0\]\.item: missing required field/,
  ],
  [
    'no claimReviewed',
    (d) => delete el(d, 1).claimReviewed,
    /^dataFeedElement\[1\]\.claimReviewed: missing required field/,
  ],
  [
    'blank claimReviewed',
    (d) => (el(d, 2).claimReviewed = '   '),
    /^dataFeedElement\[2\]\.claimReviewed: expected a non-empty string/,
  ],
  [
    'no rating',
    (d) => delete el(d, 1).reviewRating,
    /^dataFeedElement\[1\]\.reviewRating: missing required field/,
  ],
  [
    'rating without value or name',
    (d) => (el(d, 1).reviewRating = { '@type': 'Rating' }),
    /^dataFeedElement\[1\]\.reviewRating: expected a rating with ratingValue or alternateName/,
  ],
  [
    'non-numeric rating',
    (d) => ((el(d, 2).reviewRating as Record<string, unknown>).ratingValue = 'high'),
    /^dataFeedElement\[2\]\.reviewRating\.ratingValue: expected a number/,
  ],
  [
    'bad date',
    (d) => (el(d, 2).datePublished = 'yesterday'),
    /^dataFeedElement\[2\]\.datePublished: expected an ISO 8601 date, got "yesterday"/,
  ],
  [
    'appearance without url',
    (d) => ((el(d, 1).itemReviewed as Record<string, unknown>).appearance = { headline: 'x' }),
    /^dataFeedElement\[1\]\.itemReviewed\.appearance: expected a/,
  ],
  [
    'nowhere to anchor',
    (d) => {
      delete el(d, 2).url;
    },
    /^dataFeedElement\[2\]\.itemReviewed\.appearance: missing/,
  ],
  [
    'nested item error',
    (d) =>
      (((el(d, 0).item as Record<string, unknown>[])[0]!.reviewRating as Record<string, unknown>).bestRating =
        []),
    /^dataFeedElement\[0\]\.item\[0\]\.reviewRating\.bestRating: expected a number/,
  ],
];

for (const [name, breakIt, message] of cases) {
  test(`malformed: ${name} → ClaimReviewError naming the record and field`, () => {
    const doc = clone(feed);
    const replaced = breakIt(doc);
    const text = name === 'not JSON' ? '[' : JSON.stringify(name === 'a string' ? replaced : doc);
    assert.throws(
      () => parseClaimReviewText(text, now),
      (e: unknown) => {
        assert.ok(e instanceof ClaimReviewError, String(e));
        assert.match(e.message, message);
        return true;
      },
    );
  });
}

const onlyNamedErrors = (doc: unknown) => {
  try {
    fromClaimReviews(doc, now);
  } catch (e) {
    if (!(e instanceof ClaimReviewError)) throw e;
    assert.match(e.message, /^\S+: \S/);
  }
};

test('property: any JSON value imports or fails with a ClaimReviewError', () => {
  fc.assert(fc.property(fc.jsonValue(), onlyNamedErrors), { numRuns: 500 });
});

test('property: a valid feed broken in one place imports or fails with a ClaimReviewError', () => {
  fc.assert(fc.property(mutated(feed), onlyNamedErrors), { numRuns: 2000 });
  fc.assert(fc.property(mutated(exported), onlyNamedErrors), { numRuns: 1000 });
});
