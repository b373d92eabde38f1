// Handlers for the calls in shared/calls-library.ts.
import type { Handlers } from './router.ts';
import type { LibraryCalls } from '../shared/calls-library.ts';

export const libraryHandlers: Pick<Handlers, keyof LibraryCalls> = {};
