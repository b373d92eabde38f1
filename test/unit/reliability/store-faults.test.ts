// Store faults: a fault injected at every write of a clip, an import (all three formats), a seed load and a
// deletion (an error after the write reached IndexedDB, a QuotaExceededError, or the transaction aborted
// the way a stopped worker's is) leaves every table exactly as it was, and the store consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CrosscheckDB } from '../../../src/background/db.ts';
import { importPack, loadSeedPack } from '../../../src/background/store.ts';
import { clipArticle } from '../../../src/background/clip-store.ts';
import { deleteSource } from '../../../src/background/library-store.ts';
import { exportWebAnnotationsFile, importFile } from '../../../src/background/transfer-store.ts';
import { parsePackText, serializePack } from '../../../src/core/claim-pack.ts';
import type { ExtractedPage } from '../../../src/shared/messages.ts';
import {
  NOW,
  assertConsistent,
  alphaReview,
  bigPack,
  dump,
  fresh,
  injectFaults,
  type FaultKind,
  type FaultPlan,
} from './store-kit.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/transfer');
const packText = readFileSync(join(FIXTURES, 'small-pack.json'), 'utf8');
const feedText = readFileSync(join(FIXTURES, 'fact-check-feed.json'), 'utf8');
const KINDS: FaultKind[] = ['error', 'quota', 'abort'];

const TEXT = [
  'The summit took place in Vienna on Monday, officials of the host government said in a statement.',
  'About 40 leaders attended the meeting, which ran two hours longer than planned because of the talks.',
  'The next round of talks will be held in March in Geneva, the foreign ministry announced on Tuesday.',
].join('\n\n');
const page = (over: Partial<ExtractedPage> = {}): ExtractedPage => ({
  pageUrl: 'https://courier.example/world/summit',
  title: 'The summit',
  text: TEXT,
  ...over,
});

/** A store with a seed, an imported pack, a clip and a review in it; the injector installed, disarmed. */
async function populated(): Promise<{ db: CrosscheckDB; plan: FaultPlan }> {
  const db = fresh();
  const plan = injectFaults(db);
  const seed = bigPack(30, 10, 'seed');
  await loadSeedPack(db, seed, serializePack(seed));
  await importPack(db, parsePackText(packText));
  await clipArticle(db, page(), NOW);
  await db.reviews.put(alphaReview());
  await assertConsistent(db);
  return { db, plan };
}

/**
 * Runs `operation` once without a fault to count its writes, then once per write and fault kind with
 * the fault at that write, each time on a fresh populated store: the operation must fail and leave every
 * table exactly as it was, and the store must stay consistent and usable. Returns the number of writes.
 */
async function faultAtEveryWrite(operation: (db: CrosscheckDB) => Promise<unknown>): Promise<number> {
  const clean = await populated();
  clean.plan.writes = 0;
  await operation(clean.db);
  const writes = clean.plan.writes;
  if (process.env.RELIABILITY_DEBUG) console.log(`writes: ${writes}`);
  await assertConsistent(clean.db);
  clean.db.close();
  assert.ok(writes > 0, 'the operation writes');
  for (const kind of KINDS) {
    for (let at = 1; at <= writes; at++) {
      const { db, plan } = await populated();
      const before = await dump(db);
      Object.assign(plan, { writes: 0, at, kind });
      await assert.rejects(operation(db), Error, `${kind} at write ${at} of ${writes}`);
      plan.at = 0;
      assert.deepEqual(await dump(db), before, `${kind} at write ${at} of ${writes}: the store changed`);
      await assertConsistent(db);
      // The store still works: the same operation now succeeds.
      await operation(db);
      await assertConsistent(db);
      db.close();
    }
  }
  return writes;
}

test('a clip that fails at any write (error, quota, aborted) leaves the store exactly as it was', async () => {
  const writes = await faultAtEveryWrite((db) =>
    clipArticle(db, page({ pageUrl: 'https://other.example/summit', title: 'Other' }), NOW),
  );
  assert.ok(writes >= 3, `a clip writes its source, claims and relations (${writes} writes)`);
});

test('a re-clip (which first removes the old claims) that fails at any write leaves the store as it was', async () => {
  const writes = await faultAtEveryWrite((db) =>
    clipArticle(db, page({ text: TEXT.replace('Vienna', 'Salzburg') }), NOW),
  );
  assert.ok(writes >= 5, `a re-clip deletes before it writes (${writes} writes)`);
});

test('an import of each format that fails at any write leaves the store exactly as it was', async () => {
  // Annotations of sources the store has (their quotes merge into them) and of new ones.
  const annotations = (await exportWebAnnotationsFile((await populated()).db, { now: NOW })).text;
  const files: ['pack' | 'web-annotation' | 'claim-review', string][] = [
    ['pack', packText],
    ['claim-review', feedText],
    ['web-annotation', annotations],
    ['web-annotation', annotations.replaceAll('alpha', 'gamma').replaceAll('beta', 'delta')],
  ];
  for (const [kind, text] of files) {
    const writes = await faultAtEveryWrite((db) => importFile(db, kind, text, { now: NOW }));
    assert.ok(writes >= 4, `${kind}: ${writes} writes`);
  }
});

test('the importPack call (a pack straight into the store) that fails at any write leaves the store as it was', async () => {
  // Replaces the alpha and beta sources already there (their claims are removed first) and adds others.
  const next = parsePackText(packText);
  const more = bigPack(20, 10, 'imp');
  const pack = {
    ...next,
    sources: [...next.sources, ...more.sources],
    claims: [...next.claims, ...more.claims],
  };
  const writes = await faultAtEveryWrite((db) => importPack(db, pack));
  assert.ok(writes >= 6, `${writes} writes`);
});

test('a seed pack update that fails at any write leaves the store exactly as it was', async () => {
  const next = bigPack(40, 10, 'seed');
  next.sources[0]!.title = 'Changed';
  await faultAtEveryWrite((db) => loadSeedPack(db, next, serializePack(next)));
});

test('deleting a source that fails at any write leaves the store exactly as it was', async () => {
  await faultAtEveryWrite((db) => deleteSource(db, 'alpha'));
});
