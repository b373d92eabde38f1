// The Dexie schema: the claim base's source of truth. Only the background opens it; extension pages
// and content scripts reach it through messages.
//
// Versions are kept forever (Dexie upgrades a user's database step by step):
//   1  sources, claims, relations, discrepancies, settings: the first claim base.
//   2  sources get `origin` ('seed' | 'clip' | 'import') so a new seed pack can replace seed
//      sources without touching what the user added; reviews and an audit log for moderators;
//      `meta` remembers which seed pack is loaded.
import { Dexie, type EntityTable } from 'dexie';
import type { Claim, Discrepancy, Relation, Review, Source } from '../core/types.ts';

export type SourceOrigin = 'seed' | 'clip' | 'import';

export interface StoredSource extends Source {
  origin: SourceOrigin;
  /** ms since epoch when it entered the base. */
  addedAt: number;
  /** Canonical URL when the page declared one, used to recognise a re-clip of the same article. */
  canonicalUrl?: string;
}

export interface StoredDiscrepancy extends Discrepancy {
  /** `${kind}:${entity}` */
  id: string;
}

export type { Review, ReviewStatus } from '../core/types.ts';

export interface AuditEntry {
  seq?: number;
  at: number;
  action: string;
  targetId: string;
  detail: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export interface Meta {
  key: string;
  value: string;
}

export const DB_NAME = 'crosscheck';

export type CrosscheckDB = Dexie & {
  sources: EntityTable<StoredSource, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  relations: EntityTable<Relation, 'id'>;
  discrepancies: EntityTable<StoredDiscrepancy, 'id'>;
  reviews: EntityTable<Review, 'targetId'>;
  audit: EntityTable<AuditEntry, 'seq'>;
  settings: EntityTable<Setting, 'key'>;
  meta: EntityTable<Meta, 'key'>;
};

/** The schema of version 1, kept for upgrades (and for the upgrade test, which writes v1 data). */
export const SCHEMA_V1 = {
  sources: 'id, site, published',
  claims: 'id, sourceId',
  relations: 'id, a, b',
  discrepancies: 'id, kind',
  settings: 'key',
};

export const SEED_SOURCE_IDS_KEY = 'seedSourceIds';

export function openDatabase(options?: {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}): CrosscheckDB {
  const db = new Dexie(DB_NAME, options) as CrosscheckDB;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores({
      sources: 'id, site, published, origin, addedAt, url, canonicalUrl',
      claims: 'id, sourceId',
      relations: 'id, a, b, stance',
      discrepancies: 'id, kind',
      reviews: 'targetId, status, targetKind, updatedAt',
      audit: '++seq, at, targetId',
      settings: 'key',
      meta: 'key',
    })
    .upgrade(async (tx) => {
      // v1 did not record where a source came from. Seed sources were listed in settings by the v1
      // seeding code; everything else the user added by clipping.
      const seedIds = new Set(
        ((await tx.table('settings').get(SEED_SOURCE_IDS_KEY))?.value as string[] | undefined) ?? [],
      );
      const now = Date.now();
      await tx
        .table('sources')
        .toCollection()
        .modify((s: StoredSource) => {
          s.origin = seedIds.has(s.id) ? 'seed' : 'clip';
          s.addedAt ??= now;
        });
    });
  return db;
}
