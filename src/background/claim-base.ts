// The in-memory matching index over the claim base. It is a cache of what Dexie holds: built once
// per worker start behind one promise, after the bundled seed pack is loaded (idempotently), so a
// worker woken by a message answers as soon as it is built. Writers call invalidate().
import browser from 'webextension-polyfill';
import { ClaimIndex } from '../core/claim-index.ts';
import { parsePack } from '../core/claim-pack.ts';
import { openDatabase, type CrosscheckDB } from './db.ts';
import { loadSeedPack } from './store.ts';

export interface ClaimBase {
  index: ClaimIndex;
  sourceCount: number;
  claimCount: number;
}

let db: CrosscheckDB | undefined;
let ready: Promise<ClaimBase> | undefined;

export function database(): CrosscheckDB {
  db ??= openDatabase();
  return db;
}

export function claimBase(): Promise<ClaimBase> {
  ready ??= build().catch((e: unknown) => {
    ready = undefined; // the next call tries again instead of caching the failure
    throw e;
  });
  return ready;
}

/** Drops the cached index; the next call rebuilds it from Dexie. */
export function invalidate(): void {
  ready = undefined;
}

async function seed(store: CrosscheckDB): Promise<void> {
  const response = await fetch(browser.runtime.getURL('seed-pack.json'));
  const text = await response.text();
  await loadSeedPack(store, parsePack(JSON.parse(text)), text);
}

async function build(): Promise<ClaimBase> {
  const store = database();
  await seed(store);
  const [sources, claims] = await Promise.all([store.sources.toArray(), store.claims.toArray()]);
  const index = new ClaimIndex();
  index.add(claims, sources);
  return { index, sourceCount: sources.length, claimCount: claims.length };
}
