import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { DB_NAME, SCHEMA_V1, SEED_SOURCE_IDS_KEY, openDatabase } from '../../../src/background/db.ts';
import { loadSeedPack } from '../../../src/background/store.ts';
import { PACK_FORMAT, PACK_VERSION, type ClaimPack, type Source } from '../../../src/core/types.ts';

function source(id: string, text: string): Source {
  return { id, title: `Title ${id}`, text };
}

function packOf(sources: Source[]): ClaimPack {
  const claims = sources.map((s) => ({
    id: `${s.id}:0`,
    sourceId: s.id,
    exact: s.text,
    prefix: '',
    suffix: '',
    start: 0,
    end: s.text.length,
  }));
  const relations =
    claims.length >= 2
      ? [
          {
            id: `${claims[0]!.id}|${claims[1]!.id}`,
            a: claims[0]!.id,
            b: claims[1]!.id,
            stance: 'conflicts' as const,
            similarity: 0.8,
            reasons: [{ kind: 'place' as const, a: 'Alaska', b: 'Alcazar, USA' }],
          },
        ]
      : [];
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

const fresh = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

test('seed pack loads once: loading the same pack again changes nothing', async () => {
  const db = fresh();
  const pack = packOf([
    source('a', 'Talks were held in Alaska.'),
    source('b', 'Talks were held in Alcazar, USA.'),
  ]);
  const text = JSON.stringify(pack);
  assert.deepEqual(await loadSeedPack(db, pack, text), { changed: true, sources: 2, claims: 2 });
  assert.equal((await loadSeedPack(db, pack, text)).changed, false);
  assert.equal(await db.sources.count(), 2);
  assert.equal(await db.claims.count(), 2);
  assert.equal(await db.relations.count(), 1);
  assert.equal((await db.sources.get('a'))?.origin, 'seed');
});

test('a changed seed pack replaces old seeds but never the user’s clips or reviews', async () => {
  const db = fresh();
  const v1 = packOf([
    source('a', 'Talks were held in Alaska.'),
    source('b', 'Talks were held in Alcazar, USA.'),
  ]);
  await loadSeedPack(db, v1, JSON.stringify(v1));
  await db.sources.put({
    ...source('clip1', 'The envoy met the minister on Monday.'),
    origin: 'clip',
    addedAt: 1,
  });
  await db.claims.put({
    id: 'clip1:0',
    sourceId: 'clip1',
    exact: 'The envoy met the minister on Monday.',
    prefix: '',
    suffix: '',
    start: 0,
    end: 37,
  });
  await db.reviews.put({
    targetId: 'b:0',
    targetKind: 'claim',
    status: 'inaccurate',
    note: 'wrong place',
    reviewer: 'mod',
    updatedAt: 2,
  });

  const v2 = packOf([source('a', 'Talks were held in Anchorage, Alaska.')]);
  assert.equal((await loadSeedPack(db, v2, JSON.stringify(v2))).changed, true);
  assert.deepEqual((await db.sources.toArray()).map((s) => s.id).sort(), ['a', 'clip1']);
  assert.equal((await db.claims.get('a:0'))?.exact, 'Talks were held in Anchorage, Alaska.');
  assert.equal(await db.claims.get('b:0'), undefined, 'claims of a dropped seed source go with it');
  assert.equal(await db.relations.count(), 0, 'relations touching dropped claims go too');
  assert.ok(await db.claims.get('clip1:0'), 'clipped claims stay');
  assert.equal((await db.reviews.get('b:0'))?.status, 'inaccurate', 'reviews stay');
});

test('a seed id the user clipped stays the user’s', async () => {
  const db = fresh();
  await db.sources.put({ ...source('a', 'My own copy.'), origin: 'clip', addedAt: 1 });
  const pack = packOf([source('a', 'Seed copy.')]);
  await loadSeedPack(db, pack, JSON.stringify(pack));
  assert.equal((await db.sources.get('a'))?.text, 'My own copy.');
});

test('schema upgrade from version 1 keeps every record and marks where sources came from', async () => {
  const indexedDB = new IDBFactory();
  // Write a version-1 database as the first release did.
  const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
  old.version(1).stores(SCHEMA_V1);
  await old.table('sources').bulkPut([source('seed1', 'Seed text.'), source('mine', 'Clipped text.')]);
  await old.table('claims').bulkPut([
    { id: 'seed1:0', sourceId: 'seed1', exact: 'Seed text.', prefix: '', suffix: '', start: 0, end: 10 },
    { id: 'mine:0', sourceId: 'mine', exact: 'Clipped text.', prefix: '', suffix: '', start: 0, end: 13 },
  ]);
  await old.table('relations').put({
    id: 'mine:0|seed1:0',
    a: 'mine:0',
    b: 'seed1:0',
    stance: 'corroborates',
    similarity: 0.9,
    reasons: [],
  });
  await old
    .table('discrepancies')
    .put({ id: 'person:Steve Witkoff', kind: 'person', entity: 'Steve Witkoff', variants: [] });
  await old.table('settings').bulkPut([
    { key: SEED_SOURCE_IDS_KEY, value: ['seed1'] },
    { key: 'reviewer', value: 'Ana' },
  ]);
  old.close();

  const db = openDatabase({ indexedDB, IDBKeyRange });
  await db.open();
  assert.equal(db.verno, 2);
  assert.equal((await db.sources.get('seed1'))?.origin, 'seed');
  assert.equal((await db.sources.get('mine'))?.origin, 'clip');
  assert.equal(await db.claims.count(), 2);
  assert.equal(await db.relations.count(), 1);
  assert.equal(await db.discrepancies.count(), 1);
  assert.equal((await db.settings.get('reviewer'))?.value, 'Ana');
  assert.deepEqual(await db.sources.where('origin').equals('clip').primaryKeys(), ['mine']);
  assert.equal(await db.reviews.count(), 0);
});
