// Test kit for the store-fault tests: a fresh fake-indexeddb store, full dumps of every table, the
// store's invariants, and a Dexie DBCore middleware that injects a fault into the Nth write of a
// transaction (a thrown error, a quota error, or the transaction aborted the way a stopped worker's is).
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { openDatabase, type CrosscheckDB } from '../../../src/background/db.ts';
import { PACK_FORMAT, PACK_VERSION, type ClaimPack } from '../../../src/core/types.ts';

export const NOW = Date.parse('2026-03-01T00:00:00Z');

export const fresh = (): CrosscheckDB => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A moderator's review of claim alpha:0 (of test/fixtures/transfer/small-pack.json), a second old. */
export const alphaReview = () =>
  ({
    targetId: 'alpha:0',
    targetKind: 'claim',
    status: 'inaccurate',
    note: 'Vienna',
    reviewer: 'Mo',
    updatedAt: NOW - 1000,
  }) as const;

export const TABLES = [
  'sources',
  'claims',
  'relations',
  'discrepancies',
  'reviews',
  'audit',
  'settings',
  'meta',
] as const;

/** Every row of every table, in primary-key order: what "the store is exactly as it was" compares. */
export async function dump(db: CrosscheckDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLES) out[name] = await db.table(name).toArray();
  return out;
}

/**
 * The store's consistency rules, checked after every fault: every claim has its source and is anchored
 * in that source's text, every relation joins two claims that exist, every source says where it came
 * from. (Reviews may outlive their claim by design, see store.ts, so they are not checked.)
 */
export async function assertConsistent(db: CrosscheckDB): Promise<void> {
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const claims = new Set<string>();
  for (const s of sources.values()) {
    assert.ok(['seed', 'clip', 'import'].includes(s.origin), `source ${s.id}: origin ${String(s.origin)}`);
    assert.equal(typeof s.addedAt, 'number', `source ${s.id}: addedAt`);
  }
  for (const c of await db.claims.toArray()) {
    const source = sources.get(c.sourceId);
    assert.ok(source, `claim ${c.id} has no source ${c.sourceId}`);
    assert.equal(source.text.slice(c.start, c.end), c.exact, `claim ${c.id} is not anchored in its source`);
    claims.add(c.id);
  }
  for (const r of await db.relations.toArray()) {
    assert.ok(claims.has(r.a), `relation ${r.id} points at a missing claim ${r.a}`);
    assert.ok(claims.has(r.b), `relation ${r.id} points at a missing claim ${r.b}`);
  }
}

export type FaultKind = 'error' | 'quota' | 'abort';

export interface FaultPlan {
  /** The 1-based write (DBCore mutate call, across all tables) that fails; 0 disables the fault. */
  at: number;
  /** Instead of `at`: the first write to this table fails (e.g. 'audit', an import's last write). */
  table?: string;
  kind: FaultKind;
  /** Counts writes, also when no fault fires: the number of writes an operation makes. */
  writes: number;
}

export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

/**
 * Installs the fault injector on a store that has not been opened yet (Dexie middlewares must be
 * registered before open). The returned plan can be changed between operations.
 *  - error: the write rejects with an Error after it reached IndexedDB (half-way through the transaction);
 *  - quota: the write throws a DOMException named QuotaExceededError, as a browser does when full;
 *  - abort: the IndexedDB transaction is aborted under Dexie's feet, as when the worker is stopped.
 */
export function injectFaults(db: CrosscheckDB): FaultPlan {
  const plan: FaultPlan = { at: 0, kind: 'error', writes: 0 };
  db.use({
    stack: 'dbcore',
    name: 'reliability-fault-injector',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              plan.writes++;
              const due =
                plan.table !== undefined ? plan.table === name : plan.at !== 0 && plan.writes === plan.at;
              if (!due) return table.mutate(req);
              plan.table = undefined;
              if (plan.kind === 'quota')
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              if (plan.kind === 'abort') {
                const result = await table.mutate(req);
                (req.trans as unknown as IDBTransaction).abort();
                void result;
                throw new InjectedFault(`transaction aborted at write ${plan.writes} (${name})`);
              }
              await table.mutate(req);
              throw new InjectedFault(`write ${plan.writes} (${name}) failed`);
            },
          };
        },
      };
    },
  });
  return plan;
}

/**
 * A valid pack of `claimCount` claims over claimCount/perSource sources, with a relation from every
 * `relationEvery`th claim to the same claim of the next source. Built directly, not through the engine.
 */
export function bigPack(claimCount: number, perSource = 100, prefix = 'big', relationEvery = 1): ClaimPack {
  const sources: ClaimPack['sources'] = [];
  const claims: ClaimPack['claims'] = [];
  const relations: ClaimPack['relations'] = [];
  const sourceCount = Math.ceil(claimCount / perSource);
  for (let s = 0; s < sourceCount; s++) {
    const id = `${prefix}${String(s).padStart(6, '0')}`;
    const n = Math.min(perSource, claimCount - s * perSource);
    const sentences = Array.from({ length: n }, (_, i) => `Sentence ${i} of ${id} says ${(s * 7 + i) % 97}.`);
    const text = sentences.join(' ');
    sources.push({ id, title: `Title ${id}`, text });
    let start = 0;
    for (const sentence of sentences) {
      const end = start + sentence.length;
      claims.push({
        id: `${id}:${start}`,
        sourceId: id,
        exact: sentence,
        prefix: '',
        suffix: '',
        start,
        end,
      });
      start = end + 1;
    }
  }
  for (let i = 0; i + perSource < claims.length; i += relationEvery) {
    const [a, b] = [claims[i]!.id, claims[i + perSource]!.id].sort();
    relations.push({ id: `${a}|${b}`, a: a!, b: b!, stance: 'corroborates', similarity: 0.9, reasons: [] });
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2026-01-01T00:00:00Z',
    generator: 'reliability test',
    sources,
    claims,
    relations,
    discrepancies: [],
  };
}
