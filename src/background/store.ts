// Writes to the claim base. Every change that touches several tables runs in one Dexie transaction,
// so a failure half-way (an exception, a quota error, the worker being stopped) leaves the base as it was.
import type { ClaimPack } from '../core/types.ts';
import { SEED_SOURCE_IDS_KEY, type CrosscheckDB, type StoredSource } from './db.ts';

export const SEED_HASH_KEY = 'seedPackHash';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SeedResult {
  changed: boolean;
  sources: number;
  claims: number;
}

/**
 * Loads the bundled seed pack unless this exact pack is loaded already. Seed sources that the new
 * pack no longer has are removed with their claims and relations; sources the user clipped or
 * imported are never touched, and neither are reviews (a review outlives the claim it names).
 */
export async function loadSeedPack(db: CrosscheckDB, pack: ClaimPack, packText: string): Promise<SeedResult> {
  const hash = await sha256(packText);
  return db.transaction(
    'rw',
    [db.sources, db.claims, db.relations, db.discrepancies, db.meta, db.settings],
    async () => {
      if ((await db.meta.get(SEED_HASH_KEY))?.value === hash) {
        return { changed: false, sources: pack.sources.length, claims: pack.claims.length };
      }
      const incoming = new Set(pack.sources.map((s) => s.id));
      const stale = (await db.sources.where('origin').equals('seed').primaryKeys()).filter(
        (id) => !incoming.has(id),
      );
      await removeSources(db, stale);

      const existing = new Map(
        (await db.sources.bulkGet([...incoming])).filter((s): s is StoredSource => !!s).map((s) => [s.id, s]),
      );
      // A seed id the user already has as a clip stays the user's.
      const userOwned = new Set([...existing.values()].filter((s) => s.origin !== 'seed').map((s) => s.id));
      const now = Date.now();
      await db.sources.bulkPut(
        pack.sources
          .filter((s) => !userOwned.has(s.id))
          .map((s) => ({ ...s, origin: 'seed' as const, addedAt: existing.get(s.id)?.addedAt ?? now })),
      );
      const seedClaims = pack.claims.filter((c) => !userOwned.has(c.sourceId));
      // Claims of a re-seeded source are replaced as a whole: its text (and so its offsets) may have changed.
      await db.claims
        .where('sourceId')
        .anyOf([...incoming].filter((id) => !userOwned.has(id)))
        .delete();
      await db.claims.bulkPut(seedClaims);
      const claimIds = new Set((await db.claims.toCollection().primaryKeys()) as string[]);
      await db.relations.bulkPut(pack.relations.filter((r) => claimIds.has(r.a) && claimIds.has(r.b)));
      await db.discrepancies.bulkPut(pack.discrepancies.map((d) => ({ ...d, id: `${d.kind}:${d.entity}` })));
      await db.meta.put({ key: SEED_HASH_KEY, value: hash });
      await db.settings.put({ key: SEED_SOURCE_IDS_KEY, value: [...incoming] });
      return { changed: true, sources: pack.sources.length, claims: seedClaims.length };
    },
  );
}

/** Deletes sources with their claims and every relation touching those claims. Call inside a transaction. */
export async function removeSources(db: CrosscheckDB, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  const claimIds = (await db.claims.where('sourceId').anyOf(sourceIds).primaryKeys()) as string[];
  await db.relations.where('a').anyOf(claimIds).delete();
  await db.relations.where('b').anyOf(claimIds).delete();
  await db.claims.bulkDelete(claimIds);
  await db.sources.bulkDelete(sourceIds);
}

export interface ImportResult {
  sources: number;
  claims: number;
  relations: number;
}

/**
 * Adds a validated claim pack to the base, all or nothing: one transaction over every table it
 * touches, so a failure (quota, a bad record, the worker stopped) leaves the base as it was.
 * Sources keep the origin they have; new ones are marked as imported.
 */
export async function importPack(db: CrosscheckDB, pack: ClaimPack): Promise<ImportResult> {
  return db.transaction('rw', [db.sources, db.claims, db.relations, db.discrepancies], async () => {
    const ids = pack.sources.map((s) => s.id);
    const existing = new Map(
      (await db.sources.bulkGet(ids)).filter((s): s is StoredSource => !!s).map((s) => [s.id, s]),
    );
    const now = Date.now();
    // A source imported again replaces its claims: its text (and so the offsets) may have changed.
    await removeSources(db, [...existing.keys()]);
    await db.sources.bulkPut(
      pack.sources.map((s) => ({
        ...s,
        origin: existing.get(s.id)?.origin ?? ('import' as const),
        addedAt: existing.get(s.id)?.addedAt ?? now,
      })),
    );
    await db.claims.bulkPut(pack.claims);
    await db.relations.bulkPut(pack.relations);
    await db.discrepancies.bulkPut(pack.discrepancies.map((d) => ({ ...d, id: `${d.kind}:${d.entity}` })));
    return { sources: pack.sources.length, claims: pack.claims.length, relations: pack.relations.length };
  });
}
