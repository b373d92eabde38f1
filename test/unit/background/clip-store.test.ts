import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type CrosscheckDB } from '../../../src/background/db.ts';
import { loadSeedPack } from '../../../src/background/store.ts';
import { clipArticle } from '../../../src/background/clip-store.ts';
import { makeSeedPack } from '../../../build/seed-pack.ts';
import type { ExtractedPage } from '../../../src/shared/messages.ts';

const fresh = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

const seeds = makeSeedPack(join(import.meta.dirname, '../../../seeds'));

async function seeded(): Promise<CrosscheckDB> {
  const db = fresh();
  await loadSeedPack(db, JSON.parse(seeds.text), seeds.text);
  return db;
}

const TEXT = [
  'Ukrainian President Volodymyr Zelensky will meet President Donald Trump at the White House on Monday, days after Trump met Vladimir Putin in Alaska.',
  'US envoy Steve Witkoff said Russia had agreed to pass legislation committing it not to seize more Ukrainian territory, which he called a significant concession.',
  "Zelensky's delegation of forty-two officials landed at Andrews Air Force Base on Sunday evening aboard a chartered flight from Rzeszow.",
  'The Kyiv city council approved a budget of 1.8 billion hryvnias for rebuilding the Podil bridge on Friday.',
].join('\n\n');

const page = (over: Partial<ExtractedPage> = {}): ExtractedPage => ({
  pageUrl: 'https://courier.example/world/story?utm=1',
  canonicalUrl: 'https://courier.example/world/story',
  title: 'Zelensky flies to Washington',
  site: 'The Harbor Courier',
  text: TEXT,
  ...over,
});

test('a clip adds its source, claims and relations to other sources only', async () => {
  const db = await seeded();
  const before = { sources: await db.sources.count(), claims: await db.claims.count() };
  const relationsBefore = await db.relations.count();
  const summary = await clipArticle(db, page(), 1000);
  assert.equal(summary.sourceId, 'courier.example_world_story');
  assert.equal(summary.updated, false);
  assert.equal(summary.claims, 4);
  assert.ok(summary.corroborate >= 1, 'the Witkoff sentence corroborates the seeds');
  assert.equal(await db.sources.count(), before.sources + 1);
  assert.equal(await db.claims.count(), before.claims + 4);
  const source = await db.sources.get(summary.sourceId);
  assert.equal(source?.origin, 'clip');
  assert.equal(source?.canonicalUrl, 'https://courier.example/world/story');
  assert.equal(source?.site, 'The Harbor Courier');
  assert.equal(source?.addedAt, 1000);
  const added = (await db.relations.toArray()).slice();
  assert.ok(added.length > relationsBefore);
  const prefix = `${summary.sourceId}:`;
  const mine = added.filter((r) => r.a.startsWith(prefix) || r.b.startsWith(prefix));
  assert.equal(added.length - relationsBefore, mine.length, 'every new relation involves the clip');
  for (const r of mine)
    assert.ok(!(r.a.startsWith(prefix) && r.b.startsWith(prefix)), 'never clip to itself');
});

test('clipping the same URL or canonical URL again updates instead of duplicating', async () => {
  const db = await seeded();
  const first = await clipArticle(db, page(), 1000);
  const counts = async () => ({
    sources: await db.sources.count(),
    claims: await db.claims.count(),
    relations: await db.relations.count(),
  });
  const after = await counts();
  // Same canonical URL from another address, with an edited text.
  const edited = TEXT.replace('forty-two', 'forty-three');
  const second = await clipArticle(
    db,
    page({ pageUrl: 'https://courier.example/amp/story', text: edited }),
    2000,
  );
  assert.equal(second.sourceId, first.sourceId);
  assert.equal(second.updated, true);
  assert.deepEqual(await counts(), after);
  const source = await db.sources.get(first.sourceId);
  assert.equal(source?.addedAt, 1000, 'keeps when it first entered the base');
  assert.match(source?.text ?? '', /forty-three/);
  // A page with no canonical URL, clipped twice by its address.
  const plain = page({ pageUrl: 'https://other.example/a', canonicalUrl: undefined, title: 'Other' });
  delete plain.canonicalUrl;
  const p1 = await clipArticle(db, plain);
  const p2 = await clipArticle(db, plain);
  assert.equal(p2.sourceId, p1.sourceId);
  assert.equal(p2.updated, true);
  assert.equal(await db.sources.count(), after.sources + 1);
});

test('a clip never takes over a seed source with the same id, and an empty article is refused', async () => {
  const db = fresh();
  await db.sources.put({
    id: 'courier.example_world_story',
    title: 'Seed',
    text: 'x',
    origin: 'seed',
    addedAt: 1,
  });
  const summary = await clipArticle(db, page());
  assert.equal(summary.sourceId, 'courier.example_world_story_2');
  assert.equal((await db.sources.get('courier.example_world_story'))?.title, 'Seed');
  await assert.rejects(clipArticle(db, page({ text: '  ' })), /no article text/);
});

test('a failed write leaves the base as it was', async () => {
  const db = await seeded();
  const before = await db.claims.count();
  const bad = page();
  const put = db.relations.bulkPut.bind(db.relations);
  db.relations.bulkPut = (() => Promise.reject(new Error('quota'))) as unknown as typeof db.relations.bulkPut;
  await assert.rejects(clipArticle(db, bad), /quota/);
  db.relations.bulkPut = put;
  assert.equal(await db.claims.count(), before);
  assert.equal(await db.sources.where('origin').equals('clip').count(), 0);
});

test('two clips of the same new URL at once leave exactly one source', async () => {
  const db = await seeded();
  const before = { sources: await db.sources.count(), claims: await db.claims.count() };
  // The same article by its address and by its canonical URL, and a third clip with an edited text,
  // all started before any has written: each must find the others' source, never add a second one.
  const amp = page({ pageUrl: 'https://courier.example/amp/story' });
  const edited = page({ text: TEXT.replace('forty-two', 'forty-three') });
  const results = await Promise.all([clipArticle(db, page()), clipArticle(db, amp), clipArticle(db, edited)]);
  assert.equal(new Set(results.map((r) => r.sourceId)).size, 1, JSON.stringify(results));
  assert.equal(results.filter((r) => !r.updated).length, 1, 'one clip adds, the others update');
  const clips = await db.sources.where('origin').equals('clip').toArray();
  assert.equal(clips.length, 1);
  assert.equal(await db.sources.count(), before.sources + 1);
  assert.equal(await db.claims.count(), before.claims + 4, 'one copy of the claims');
  // No relation points at a claim that is not in the base.
  const ids = new Set((await db.claims.toArray()).map((c) => c.id));
  for (const r of await db.relations.toArray()) assert.ok(ids.has(r.a) && ids.has(r.b), r.id);
});
