// Handlers for the calls in shared/calls-transfer.ts. Imports change the base, so the matching index
// is dropped and open tabs re-annotate.
import type { Handlers } from './router.ts';
import type { TransferCalls } from '../shared/calls-transfer.ts';
import { claimBase, database, invalidate } from './claim-base.ts';
import { broadcast } from './broadcast.ts';
import {
  exportClaimReviewsFile,
  exportPackFile,
  exportWebAnnotationsFile,
  importFile,
} from './transfer-store.ts';

function sourceIdsOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string'))
    throw new Error('sourceIds must be an array of strings');
  return value;
}

export const transferHandlers: Pick<Handlers, keyof TransferCalls> = {
  async exportPack({ sourceIds }) {
    await claimBase(); // the seed pack is loaded before the first export
    return exportPackFile(database(), {
      sourceIds: sourceIdsOf(sourceIds),
      now: Date.now(),
      generator: `crosscheck ${__VERSION__}`,
    });
  },
  async exportWebAnnotations({ sourceIds }) {
    await claimBase();
    return exportWebAnnotationsFile(database(), { sourceIds: sourceIdsOf(sourceIds), now: Date.now() });
  },
  async exportClaimReviews() {
    await claimBase();
    return exportClaimReviewsFile(database(), { now: Date.now() });
  },
  async importFile({ kind, text }) {
    if (typeof text !== 'string') throw new Error('text must be a string');
    // The seed is loaded first, so a later seeding pass cannot race the import.
    await claimBase();
    const result = await importFile(database(), kind, text, { now: Date.now() });
    invalidate();
    void broadcast('refresh');
    return result;
  },
};
