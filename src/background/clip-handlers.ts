// Handlers for the calls in shared/calls-clip.ts.
import type { Handlers } from './router.ts';
import type { ClipCalls } from '../shared/calls-clip.ts';

export const clipHandlers: Pick<Handlers, keyof ClipCalls> = {};
