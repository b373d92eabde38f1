// Handlers for the calls in shared/calls-library.ts. Writes that change what pages show drop the
// cached index (deletions) and tell open tabs to re-annotate.
import type { Handlers } from './router.ts';
import type { LibraryCalls } from '../shared/calls-library.ts';
import { claimBase, database, invalidate } from './claim-base.ts';
import { broadcast, notifyPages } from './broadcast.ts';
import * as library from './library-store.ts';

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

/** The base, seeded: a fresh install's first dashboard visit must not see an empty store. */
async function db() {
  await claimBase();
  return database();
}

export const libraryHandlers: Pick<Handlers, keyof LibraryCalls> = {
  listSources: async ({ query }) => library.listSources(await db(), typeof query === 'string' ? query : ''),
  getSource: async ({ id }) => library.getSource(await db(), requireString(id, 'id')),
  async deleteSource({ id }) {
    const result = await library.deleteSource(await db(), requireString(id, 'id'));
    invalidate();
    void broadcast('refresh');
    return result;
  },
  listClaims: async (filter) => library.listClaims(await db(), filter),
  listConflicts: async (filter) => library.listConflicts(await db(), filter),
  async setReview(input) {
    const review = await library.setReview(await db(), input);
    // Cards show claim reviews; open pages fetch them again.
    if (review.targetKind === 'claim') void broadcast('refresh');
    else notifyPages({ crosscheck: 1, event: 'base-changed' }); // other dashboard tabs' queues
    return review;
  },
  listAudit: async ({ limit }) => library.listAudit(await db(), typeof limit === 'number' ? limit : 200),
  claimMap: async () => library.claimMap(await db()),
  getLibrarySettings: async () => library.librarySettings(await db()),
  async setLibrarySettings(change) {
    const settings = await library.setLibrarySettings(await db(), change);
    if (change.minSimilarity !== undefined || change.highContrast !== undefined) void broadcast('refresh');
    return settings;
  },
};
