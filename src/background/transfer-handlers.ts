// Handlers for the calls in shared/calls-transfer.ts.
import type { Handlers } from './router.ts';
import type { TransferCalls } from '../shared/calls-transfer.ts';

export const transferHandlers: Pick<Handlers, keyof TransferCalls> = {};
