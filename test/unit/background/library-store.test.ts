import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase } from '../../../src/background/db.ts';
import { importPack } from '../../../src/background/store.ts';
import * as library from '../../../src/background/library-store.ts';
import { PACK_FORMAT, PACK_VERSION, type ClaimPack, type Relation } from '../../../src/core/types.ts';

const fresh = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

/** Three sources of one claim each: b corroborates a, c conflicts with a. */
function pack(): ClaimPack {
  const texts = {
    a: 'Talks were held in Alaska.',
    b: 'The talks took place in Alaska.',
    c: 'Talks were held in Moscow.',
  };
  const sources = Object.entries(texts).map(([id, text]) => ({
    id,
    title: `Title ${id}`,
    text,
    site: `${id}.example`,
  }));
  const claims = sources.map((s) => ({
    id: `${s.id}:0`,
    sourceId: s.id,
    exact: s.text,
    prefix: '',
    suffix: '',
    start: 0,
    end: s.text.length,
  }));
  const relations: Relation[] = [
    { id: 'a:0|b:0', a: 'a:0', b: 'b:0', stance: 'corroborates', similarity: 0.8, reasons: [] },
    {
      id: 'a:0|c:0',
      a: 'a:0',
      b: 'c:0',
      stance: 'conflicts',
      similarity: 0.7,
      reasons: [{ kind: 'place', a: 'Alaska', b: 'Moscow' }],
    },
  ];
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2025-08-18T00:00:00Z',
    generator: 'test',
    sources,
    claims,
    relations,
    discrepancies: [],
  };
}

async function seeded() {
  const db = fresh();
  await importPack(db, pack());
  return db;
}

test('sources list with claim counts and a search over title, site and URL', async () => {
  const db = await seeded();
  const all = await library.listSources(db);
  assert.deepEqual(
    all.map((s) => [s.id, s.claims]),
    [
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ],
  );
  assert.deepEqual(
    (await library.listSources(db, 'C.EXAMPLE')).map((s) => s.id),
    ['c'],
  );
  assert.deepEqual(await library.listSources(db, 'nothing like it'), []);
});

test('a source opens with its claims, their verdicts and relations', async () => {
  const db = await seeded();
  const opened = await library.getSource(db, 'a');
  assert.ok(opened);
  assert.equal(opened.source.text, 'Talks were held in Alaska.');
  const [claim] = opened.claims;
  assert.equal(claim?.verdict, 'mixed');
  assert.deepEqual(claim?.relations.map((r) => [r.stance, r.other.sourceTitle]).sort(), [
    ['conflicts', 'Title c'],
    ['corroborates', 'Title b'],
  ]);
  assert.equal((await library.getSource(db, 'b'))?.claims[0]?.verdict, 'corroborated');
  assert.equal(await library.getSource(db, 'nope'), null);
});

test('claims filter by verdict, source and review status', async () => {
  const db = await seeded();
  assert.deepEqual(
    (await library.listClaims(db, { verdict: 'conflicting' })).map((c) => c.id),
    ['c:0'],
  );
  assert.deepEqual(
    (await library.listClaims(db, { sourceId: 'b' })).map((c) => c.id),
    ['b:0'],
  );
  await library.setReview(db, { targetId: 'b:0', targetKind: 'claim', status: 'accurate', note: '' });
  assert.deepEqual(
    (await library.listClaims(db, { status: 'accurate' })).map((c) => c.id),
    ['b:0'],
  );
  assert.deepEqual((await library.listClaims(db, { status: 'unreviewed' })).map((c) => c.id).sort(), [
    'a:0',
    'c:0',
  ]);
  assert.deepEqual(await library.listClaims(db, { status: 'accurate', sourceId: 'a' }), []);
});

test('the conflicts queue lists disagreeing pairs with reasons and their reviews', async () => {
  const db = await seeded();
  const [pair, ...rest] = await library.listConflicts(db, {});
  assert.equal(rest.length, 0);
  assert.equal(pair?.id, 'a:0|c:0');
  assert.deepEqual([pair?.a.sourceTitle, pair?.b.sourceTitle], ['Title a', 'Title c']);
  assert.deepEqual(pair?.reasons, [{ kind: 'place', a: 'Alaska', b: 'Moscow' }]);
  await library.setReview(db, {
    targetId: 'a:0|c:0',
    targetKind: 'relation',
    status: 'accurate',
    note: 'checked',
  });
  assert.equal((await library.listConflicts(db, {}))[0]?.review?.status, 'accurate');
  assert.deepEqual(await library.listConflicts(db, { status: 'unreviewed' }), []);
  assert.equal((await library.listConflicts(db, { stance: 'corroborates' }))[0]?.id, 'a:0|b:0');
});

test('a review carries the reviewer from settings and the time, and goes into the audit log', async () => {
  const db = await seeded();
  await library.setLibrarySettings(db, { reviewer: '  Ada  ' });
  const review = await library.setReview(
    db,
    { targetId: 'c:0', targetKind: 'claim', status: 'misleading', note: 'wrong city' },
    1000,
  );
  assert.deepEqual(review, {
    targetId: 'c:0',
    targetKind: 'claim',
    status: 'misleading',
    note: 'wrong city',
    reviewer: 'Ada',
    updatedAt: 1000,
  });
  await library.setReview(db, { targetId: 'c:0', targetKind: 'claim', status: 'disputed', note: '' }, 2000);
  const [latest, first] = (await library.listAudit(db)).filter((e) => e.action === 'review-claim');
  assert.equal(first?.detail, 'unreviewed → misleading by Ada: wrong city');
  assert.equal(latest?.detail, 'misleading → disputed by Ada');
  assert.equal((await db.reviews.get('c:0'))?.status, 'disputed');
});

test('a review of an unknown target or with an unknown status changes nothing', async () => {
  const db = await seeded();
  await assert.rejects(
    library.setReview(db, { targetId: 'x:0', targetKind: 'claim', status: 'accurate', note: '' }),
  );
  await assert.rejects(
    library.setReview(db, { targetId: 'a:0', targetKind: 'claim', status: 'great' as 'accurate', note: '' }),
  );
  assert.equal(await db.reviews.count(), 0);
  assert.equal(await db.audit.count(), 0);
});

test('deleting a source removes its claims and relations in one logged change', async () => {
  const db = await seeded();
  assert.deepEqual(await library.deleteSource(db, 'a'), { claims: 1, relations: 2 });
  assert.deepEqual(
    (await library.listSources(db)).map((s) => s.id),
    ['b', 'c'],
  );
  assert.equal(await db.relations.count(), 0);
  assert.equal(await db.claims.count(), 2);
  assert.equal((await library.listAudit(db))[0]?.action, 'delete-source');
  await assert.rejects(library.deleteSource(db, 'a'));
});

test('the claim map: each source stands toward the proposition', async () => {
  const db = await seeded();
  const map = await library.claimMap(db);
  assert.deepEqual(
    map.sources.map((s) => s.id),
    ['a', 'b', 'c'],
  );
  assert.equal(map.clusters.length, 1);
  assert.deepEqual(map.clusters[0]?.sources, { a: 'states', b: 'corroborates', c: 'conflicts' });
});

test('a source related only through a neighbour discusses the proposition', async () => {
  const db = await seeded();
  await importPack(db, {
    ...pack(),
    sources: [{ id: 'd', title: 'Title d', text: 'Moscow hosted the talks.' }],
    claims: [
      {
        id: 'd:0',
        sourceId: 'd',
        exact: 'Moscow hosted the talks.',
        prefix: '',
        suffix: '',
        start: 0,
        end: 24,
      },
    ],
    relations: [{ id: 'c:0|d:0', a: 'c:0', b: 'd:0', stance: 'corroborates', similarity: 0.6, reasons: [] }],
  });
  const [main] = (await library.claimMap(db)).clusters;
  assert.deepEqual(main?.sources, { a: 'states', b: 'corroborates', c: 'conflicts', d: 'discusses' });
});

test('settings: match sensitivity defaults to the engine, is validated and can be reset', async () => {
  const db = await seeded();
  assert.equal(await library.matchSensitivity(db), undefined);
  assert.equal((await library.setLibrarySettings(db, { minSimilarity: 0.4 })).minSimilarity, 0.4);
  assert.equal(await library.matchSensitivity(db), 0.4);
  await assert.rejects(library.setLibrarySettings(db, { minSimilarity: 3 }));
  assert.equal(await library.matchSensitivity(db), 0.4);
  assert.equal((await library.setLibrarySettings(db, { minSimilarity: null })).minSimilarity, undefined);
  assert.equal((await library.setLibrarySettings(db, { highContrast: true })).highContrast, true);
});
