// The background worker (a service worker in Chromium, an event page in Firefox). Stateless by
// design: listeners are registered at top level on every start, and everything it knows is rebuilt
// from storage behind one `ready` promise the first time a call needs it.
import { serve } from './router.ts';
import { claimBase } from './claim-base.ts';
import { matchPage } from '../core/index.ts';

serve({
  async ping() {
    const base = await claimBase();
    return { version: __VERSION__, sources: base.sourceCount, claims: base.claimCount };
  },
  async matchPage(payload) {
    const { url, title, text } = payload;
    if (typeof url !== 'string' || typeof title !== 'string' || typeof text !== 'string') {
      throw new Error('url, title and text must be strings');
    }
    const base = await claimBase();
    return matchPage(base.index, { title, text });
  },
});
