// Handlers for the calls in shared/calls-transfer.ts.
import type { Handlers } from './router.ts';
import type { TransferCalls } from '../shared/calls-transfer.ts';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const transferHandlers: Pick<Handlers, keyof TransferCalls> = {
  exportPack: notYet,
  exportWebAnnotations: notYet,
  exportClaimReviews: notYet,
  importFile: notYet,
};
