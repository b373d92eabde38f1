import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { openDatabase, type CrosscheckDB } from '../../../src/background/db.ts';
import { importPack } from '../../../src/background/store.ts';
import {
  exportClaimReviewsFile,
  exportPackFile,
  exportWebAnnotationsFile,
  importFile,
} from '../../../src/background/transfer-store.ts';
import { PackError, parsePackText } from '../../../src/core/claim-pack.ts';
import { mutated } from '../../fixtures/transfer/mutate.ts';
import { alphaReview } from '../reliability/store-kit.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/transfer');
const packText = readFileSync(join(FIXTURES, 'small-pack.json'), 'utf8');
const feedText = readFileSync(join(FIXTURES, 'fact-check-feed.json'), 'utf8');
const NOW = Date.parse('2026-03-01T00:00:00Z');
const fresh = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

/** Every table's rows, sorted: what "the store is unchanged" compares. */
async function snapshot(db: CrosscheckDB) {
  const tables = [
    db.sources,
    db.claims,
    db.relations,
    db.discrepancies,
    db.reviews,
    db.audit,
    db.settings,
    db.meta,
  ];
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const)),
  ) as Record<string, unknown[]>;
}

async function seeded(): Promise<CrosscheckDB> {
  const db = fresh();
  await importPack(db, parsePackText(packText));
  await db.reviews.put(alphaReview());
  return db;
}

const plain = (rows: unknown[]) =>
  rows.map((r) => {
    const { origin: _o, addedAt: _a, ...rest } = r as Record<string, unknown>;
    return rest;
  });

test('claim pack: export then import into an empty store round-trips exactly', async () => {
  const db = await seeded();
  const file = await exportPackFile(db, { now: NOW, generator: 'test' });
  assert.equal(file.count, 2);
  assert.match(file.filename, /^crosscheck-claims-.*\.json$/);
  const other = fresh();
  const result = await importFile(other, 'pack', file.text, { now: NOW });
  assert.deepEqual(result, { kind: 'pack', sources: 2, claims: 3, relations: 1, reviews: 0 });
  const [a, b] = [await snapshot(db), await snapshot(other)];
  for (const table of ['sources', 'claims', 'relations', 'discrepancies'])
    assert.deepEqual(plain(b[table]!), plain(a[table]!), table);
  // And the export of the copy is the same file.
  assert.equal((await exportPackFile(other, { now: NOW, generator: 'test' })).text, file.text);
});

test('claim pack: a selection exports its sources, their claims and only relations inside it', async () => {
  const db = await seeded();
  const pack = parsePackText(
    (await exportPackFile(db, { sourceIds: ['alpha'], now: NOW, generator: 't' })).text,
  );
  assert.deepEqual(
    pack.sources.map((s) => s.id),
    ['alpha'],
  );
  assert.deepEqual(
    pack.claims.map((c) => c.id),
    ['alpha:0', 'alpha:43'],
  );
  assert.deepEqual(pack.relations, []);
});

test('web annotations: export, then import into an empty store gives the same claims', async () => {
  const db = await seeded();
  const file = await exportWebAnnotationsFile(db, { now: NOW });
  assert.equal(file.mediaType, 'application/ld+json');
  assert.match(file.text, /Moderator review: Inaccurate: Vienna \(Mo\)/);
  const other = fresh();
  const result = await importFile(other, 'web-annotation', file.text, { now: NOW });
  assert.equal(result.claims, 3);
  assert.deepEqual(await other.claims.orderBy('id').toArray(), await db.claims.orderBy('id').toArray());
});

test('web annotations: importing into the store they came from keeps the full texts and relations', async () => {
  const db = await seeded();
  const before = await snapshot(db);
  const file = await exportWebAnnotationsFile(db, { now: NOW });
  await importFile(db, 'web-annotation', file.text, { now: NOW });
  const after = await snapshot(db);
  for (const table of ['sources', 'claims', 'relations', 'reviews'])
    assert.deepEqual(after[table], before[table], table);
});

test('claim reviews: export the reviewed claims; a feed imports as sources, claims, reviews and audit entries', async () => {
  const db = await seeded();
  const exported = JSON.parse((await exportClaimReviewsFile(db, { now: NOW })).text) as {
    dataFeedElement: { claimReviewed: string }[];
  };
  assert.deepEqual(
    exported.dataFeedElement.map((x) => x.claimReviewed),
    ['The summit took place in Geneva on Monday.'],
  );

  const result = await importFile(db, 'claim-review', feedText, { now: NOW });
  assert.deepEqual(result, { kind: 'claim-review', sources: 2, claims: 3, relations: 0, reviews: 3 });
  assert.equal(await db.sources.count(), 4);
  const imported = await db.reviews.where('targetId').startsWith('cr-').toArray();
  assert.deepEqual(imported.map((r) => r.status).sort(), ['accurate', 'inaccurate', 'misleading']);
  const audit = await db.audit.toArray();
  assert.equal(audit.filter((a) => a.action === 'review').length, 3);
  assert.equal(audit.filter((a) => a.action === 'import').length, 1);
  // The same feed again replaces rather than duplicates.
  await importFile(db, 'claim-review', feedText, { now: NOW });
  assert.equal(await db.sources.count(), 4);
  assert.equal(await db.claims.count(), 6);
});

const bad: [string, 'pack' | 'web-annotation' | 'claim-review', () => Promise<string>, RegExp][] = [
  [
    'a pack with one bad claim',
    'pack',
    async () => packText.replace(/"start": ?43/, '"start": -1'),
    /^claims\[1\]\.start: expected a non-negative integer, got -1/,
  ],
  ['a truncated pack', 'pack', async () => packText.slice(0, 200), /^invalid JSON/],
  [
    'a feed with one bad review (after good ones)',
    'claim-review',
    async () => feedText.replace('"ratingValue": 3', '"ratingValue": "three"'),
    /^dataFeedElement\[2\]\.reviewRating\.ratingValue: expected a number/,
  ],
  [
    'annotations whose quote disagrees with the source in the base',
    'web-annotation',
    async () =>
      (await exportWebAnnotationsFile(await seeded(), { now: NOW })).text.replace(
        '"exact": "About 40 leaders attended the meeting."',
        '"exact": "About 40 leaders attended the meetinG."',
      ),
    /^first\.items\[1\]\.target\.selector: the quote does not match source "alpha" already in the base/,
  ],
  ['an unknown kind', 'nonsense' as 'pack', async () => packText, /^kind: expected one of/],
];

for (const [name, kind, make, message] of bad) {
  test(`all or nothing: ${name} leaves the store exactly unchanged and says where`, async () => {
    const db = await seeded();
    const text = await make();
    const before = await snapshot(db);
    await assert.rejects(importFile(db, kind, text, { now: NOW }), (e: unknown) => {
      assert.ok(e instanceof PackError, String(e));
      assert.match(e.message, message);
      return true;
    });
    assert.deepEqual(await snapshot(db), before);
  });
}

test('all or nothing: a failure inside the transaction rolls back what was already written', async () => {
  const db = await seeded();
  const before = await snapshot(db);
  // The reviews table refuses writes half-way, after the sources and claims were put.
  const original = db.reviews.bulkPut.bind(db.reviews);
  db.reviews.bulkPut = (() => Promise.reject(new Error('quota exceeded'))) as unknown as typeof original;
  await assert.rejects(importFile(db, 'claim-review', feedText, { now: NOW }), /quota exceeded/);
  db.reviews.bulkPut = original;
  assert.deepEqual(await snapshot(db), before);
});

test('property: an import broken anywhere either succeeds or leaves every table exactly as it was', async () => {
  const db = await seeded();
  const pristine = await snapshot(db);
  const annotations = JSON.parse((await exportWebAnnotationsFile(db, { now: NOW })).text) as unknown;
  const docs: ['pack' | 'web-annotation' | 'claim-review', unknown][] = [
    ['pack', JSON.parse(packText)],
    ['claim-review', JSON.parse(feedText)],
    ['web-annotation', annotations],
  ];
  for (const [kind, doc] of docs) {
    await fc.assert(
      fc.asyncProperty(mutated(doc), async (broken) => {
        const target = await seeded();
        const before = await snapshot(target);
        try {
          await importFile(target, kind, JSON.stringify(broken), { now: NOW });
        } catch (e) {
          assert.ok(e instanceof PackError, String(e));
          assert.match(e.message, /^\S+: \S/);
          assert.deepEqual(await snapshot(target), before);
        }
        target.close();
      }),
      { numRuns: 60 },
    );
  }
  assert.deepEqual(await snapshot(db), pristine);
});

test('claim reviews: a review of a claim the base has lands on that claim, not on a copy', async () => {
  const db = await seeded();
  await db.reviews.put({
    targetId: 'beta:0',
    targetKind: 'claim',
    status: 'disputed',
    note: 'two reports',
    reviewer: 'Ann',
    updatedAt: NOW - 500,
  });
  const file = await exportClaimReviewsFile(db, { now: NOW });
  const before = await snapshot(db);
  const result = await importFile(db, 'claim-review', file.text, { now: NOW });
  assert.deepEqual(result, { kind: 'claim-review', sources: 0, claims: 0, relations: 0, reviews: 2 });
  const after = await snapshot(db);
  for (const table of ['sources', 'claims', 'relations', 'reviews'])
    assert.deepEqual(after[table], before[table], table);
  // A fact check of a clipped article's claim reviews that claim.
  const feed = JSON.parse(feedText) as { dataFeedElement: Record<string, unknown>[] };
  const one = feed.dataFeedElement[1]!;
  one.claimReviewed = 'About 40 leaders attended the meeting.';
  (one.itemReviewed as { appearance: { url: string } }).appearance.url = 'https://alpha.example/story';
  await importFile(db, 'claim-review', JSON.stringify(one), { now: NOW });
  assert.equal((await db.reviews.get('alpha:43'))?.status, 'accurate');
  assert.equal(await db.sources.count(), 2);
});
