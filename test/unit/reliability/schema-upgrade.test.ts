// The schema upgrade keeps every record, tested from a saved database of the previous version:
// test/fixtures/reliability/v1-database.json (made by make-v1-database.ts next to it) is written into a
// fresh IndexedDB exactly as saved (version, stores, indexes, keys, records), then opened by the current
// code, which upgrades it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DB_NAME, SCHEMA_V1, SEED_SOURCE_IDS_KEY, openDatabase } from '../../../src/background/db.ts';
import type { DatabaseDump } from '../../fixtures/reliability/make-v1-database.ts';
import { assertConsistent } from './store-kit.ts';

const saved = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/reliability/v1-database.json'), 'utf8'),
) as DatabaseDump;

/** Writes a saved database into `indexedDB` as it was: same version, stores, indexes and records. */
async function restore(indexedDB: IDBFactory, dump: DatabaseDump): Promise<void> {
  const open = indexedDB.open(dump.name, dump.version);
  open.onupgradeneeded = () => {
    for (const s of dump.stores) {
      const store = open.result.createObjectStore(s.name, {
        keyPath: s.keyPath,
        autoIncrement: s.autoIncrement,
      });
      for (const i of s.indexes)
        store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(
    dump.stores.map((s) => s.name),
    'readwrite',
  );
  for (const s of dump.stores) {
    const store = tx.objectStore(s.name);
    for (const r of s.records) store.put(r.value, s.keyPath === null ? r.key : undefined);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const records = (name: string) => saved.stores.find((s) => s.name === name)!.records.map((r) => r.value);

test('the fixture is a version-1 database with data in every table', () => {
  assert.equal(saved.name, DB_NAME);
  assert.equal(saved.version, 10, 'Dexie version 1');
  assert.deepEqual(saved.stores.map((s) => s.name).sort(), Object.keys(SCHEMA_V1).sort());
  for (const s of saved.stores) assert.ok(s.records.length > 0, `${s.name} has records`);
  for (const source of records('sources')) assert.equal((source as { origin?: unknown }).origin, undefined);
});

test('a saved v1 database opened by the current code keeps every record, and sources learn their origin', async () => {
  const indexedDB = new IDBFactory();
  await restore(indexedDB, saved);
  const db = openDatabase({ indexedDB, IDBKeyRange });
  await db.open();
  assert.equal(db.verno, 2);

  const seedIds = new Set(
    (records('settings') as { key: string; value: string[] }[]).find((s) => s.key === SEED_SOURCE_IDS_KEY)!
      .value,
  );
  const sources = await db.sources.toArray();
  assert.equal(sources.length, records('sources').length);
  for (const old of records('sources') as { id: string }[]) {
    const now = await db.sources.get(old.id);
    assert.ok(now, `source ${old.id} kept`);
    const { origin, addedAt, ...rest } = now;
    assert.deepEqual(rest, old, `source ${old.id} unchanged`);
    assert.equal(origin, seedIds.has(old.id) ? 'seed' : 'clip', `source ${old.id} origin`);
    assert.equal(typeof addedAt, 'number');
  }
  assert.ok(sources.some((s) => s.origin === 'clip') && sources.some((s) => s.origin === 'seed'));
  // Every other table: exactly the saved records.
  for (const name of ['claims', 'relations', 'discrepancies', 'settings'] as const) {
    const rows = await db.table(name).toArray();
    const byKey = (x: unknown) =>
      JSON.stringify((x as { id?: string; key?: string }).id ?? (x as { key: string }).key);
    assert.deepEqual(rows.map(byKey).sort(), records(name).map(byKey).sort(), `${name}: the same keys`);
    for (const old of records(name)) {
      const key = (old as { id?: string; key?: string }).id ?? (old as { key: string }).key;
      assert.deepEqual(await db.table(name).get(key), old, `${name} ${key}`);
    }
  }
  // The new tables exist, empty; the indexes the new code queries work.
  for (const name of ['reviews', 'audit', 'meta'] as const) assert.equal(await db.table(name).count(), 0);
  assert.equal(await db.sources.where('origin').equals('seed').count(), seedIds.size);
  assert.equal(await db.sources.where('url').equals('https://courier.example/world/story').count(), 1);
  await assertConsistent(db);
  db.close();
});
