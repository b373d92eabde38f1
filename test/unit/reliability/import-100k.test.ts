// An import of 100,000 claims is all or nothing: a failure at its very last write (the audit entry,
// after every source, claim and relation was written) leaves the store exactly as it was, and a clean
// import lands whole. fake-indexeddb is slow at this size (about 10 s per import on this machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPack } from '../../../src/background/store.ts';
import { importFile } from '../../../src/background/transfer-store.ts';
import { parsePackText, serializePack } from '../../../src/core/claim-pack.ts';
import { NOW, assertConsistent, bigPack, dump, fresh, injectFaults } from './store-kit.ts';

const CLAIMS = 100_000;
// 1,000 sources of 100 claims, a relation from every tenth claim to the next source's (9,990).
const pack = bigPack(CLAIMS, 100, 'big', 10);
const text = serializePack(pack);
const small = readFileSync(join(import.meta.dirname, '../../fixtures/transfer/small-pack.json'), 'utf8');

async function store() {
  const db = fresh();
  const plan = injectFaults(db);
  await importPack(db, parsePackText(small));
  return { db, plan };
}

test('100,000 claims: a failure at the very last write leaves nothing written', async () => {
  // One kind only: each run writes 100k claims first. Quota errors at every write are in store-faults.
  for (const kind of ['error'] as const) {
    const { db, plan } = await store();
    const before = await dump(db);
    Object.assign(plan, { writes: 0, kind, table: 'audit' });
    await assert.rejects(importFile(db, 'pack', text, { now: NOW }));
    assert.ok(plan.writes >= 5, `the failure came after the bulk writes (${plan.writes} writes)`);
    assert.deepEqual(await dump(db), before, `${kind}: the store changed`);
    await assertConsistent(db);
    db.close();
  }
});

test('100,000 claims: a clean import lands whole', async () => {
  const { db } = await store();
  const result = await importFile(db, 'pack', text, { now: NOW });
  assert.deepEqual(result, {
    kind: 'pack',
    sources: 1000,
    claims: CLAIMS,
    relations: pack.relations.length,
    reviews: 0,
  });
  assert.equal(await db.claims.count(), CLAIMS + 3);
  assert.equal(await db.relations.count(), pack.relations.length + 1);
  const ids = new Set((await db.claims.toCollection().primaryKeys()) as string[]);
  for (const c of pack.claims) assert.ok(ids.has(c.id), c.id);
  for (const i of [0, 4_242, CLAIMS - 1])
    assert.deepEqual(await db.claims.get(pack.claims[i]!.id), pack.claims[i]);
  await assertConsistent(db);
  db.close();
});
