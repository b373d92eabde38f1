// The background worker (a service worker in Chromium, an event page in Firefox). Stateless by
// design: listeners are registered at top level on every start, and everything it knows is rebuilt
// from Dexie behind one `ready` promise the first time a call needs it.
import browser from 'webextension-polyfill';
import { serve } from './router.ts';
import { claimBase, database, invalidate } from './claim-base.ts';
// Core modules are imported one by one, not through the index: the worker needs neither Readability
// nor the pack builder.
import { matchPage } from '../core/match-page.ts';
import { parsePackText } from '../core/claim-pack.ts';
import { importPack } from './store.ts';
import type { AnnotationReport, SourceInfo } from '../shared/messages.ts';
import * as settings from './site-settings.ts';
import { broadcast, notifyPages } from './broadcast.ts';
import { clipHandlers } from './clip-handlers.ts';
import { libraryHandlers } from './library-handlers.ts';
import { transferHandlers } from './transfer-handlers.ts';
import { matchSensitivity } from './library-store.ts';

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

// Per-tab annotation reports live in session storage: they must survive the worker's restarts but
// not the browser session, and they are dropped with their tab.
const tabKey = (tabId: number) => `tab:${tabId}`;

function isAnnotationReport(r: unknown): r is AnnotationReport {
  const x = r as Partial<AnnotationReport> | null;
  return (
    !!x &&
    typeof x.url === 'string' &&
    [x.matched, x.marked, x.elapsedMs, x.longestBlockMs].every(
      (n) => typeof n === 'number' && Number.isFinite(n),
    ) &&
    typeof x.counts === 'object' &&
    x.counts !== null
  );
}

serve({
  ...clipHandlers,
  ...libraryHandlers,
  ...transferHandlers,
  async ping() {
    const base = await claimBase();
    return { version: __VERSION__, sources: base.sourceCount, claims: base.claimCount };
  },
  async siteStatus({ host }) {
    return settings.siteStatus(database(), requireString(host, 'host'));
  },
  async setSiteEnabled({ host, enabled }) {
    await settings.setSiteEnabled(database(), requireString(host, 'host'), enabled === true);
    void broadcast('refresh');
    return { enabled: enabled === true };
  },
  async setPaused({ paused }) {
    await settings.setPaused(database(), paused === true);
    void broadcast('refresh');
    return { paused: paused === true };
  },
  async importPack({ packText }) {
    const pack = parsePackText(requireString(packText, 'packText'));
    const result = await importPack(database(), pack);
    invalidate();
    void broadcast('refresh');
    return result;
  },
  async reportAnnotation(report, sender) {
    if (sender.tab?.id === undefined || !isAnnotationReport(report))
      throw new Error('malformed annotation report');
    const { url, matched, marked, counts, elapsedMs, longestBlockMs } = report;
    const clean: AnnotationReport = { url, matched, marked, counts, elapsedMs, longestBlockMs };
    await browser.storage.session.set({ [tabKey(sender.tab.id)]: clean });
    // A popup open on this tab lists the new pass's highlights (after a review, a clip, a re-render).
    notifyPages({ crosscheck: 1, event: 'tab-annotated', tabId: sender.tab.id });
    return {};
  },
  async tabAnnotation({ tabId }) {
    if (typeof tabId !== 'number') throw new Error('tabId must be a number');
    const key = tabKey(tabId);
    return ((await browser.storage.session.get(key))[key] as AnnotationReport | undefined) ?? null;
  },
  async matchPage(payload) {
    const title = requireString(payload.title, 'title');
    const text = requireString(payload.text, 'text');
    requireString(payload.url, 'url');
    const [base, minSimilarity] = await Promise.all([claimBase(), matchSensitivity(database())]);
    const match = matchPage(
      base.index,
      { title, text },
      minSimilarity === undefined ? {} : { minSimilarity },
    );
    const reports = match.sentences.flatMap((s) => s.reports);
    const ids = [...new Set(reports.map((r) => r.sourceId))];
    const sources: Record<string, SourceInfo> = {};
    for (const s of await database().sources.bulkGet(ids)) {
      if (s) sources[s.id] = { title: s.title, site: s.site, published: s.published, url: s.url };
    }
    // The page sees only the reviews of the claims it is shown, without their internal fields.
    const sourceOf = new Map(reports.map((r) => [r.claimId, r.sourceId]));
    for (const r of await database().reviews.bulkGet([...sourceOf.keys()])) {
      const info = r && r.status !== 'unreviewed' ? sources[sourceOf.get(r.targetId) ?? ''] : undefined;
      if (r && info)
        (info.reviews ??= {})[r.targetId] = {
          status: r.status,
          note: r.note,
          reviewer: r.reviewer,
          updatedAt: r.updatedAt,
        };
    }
    return { ...match, sources };
  },
});

browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabKey(tabId)));

// Seed the base as soon as the extension is installed or updated, not on the first page visit.
browser.runtime.onInstalled.addListener(() => {
  claimBase().catch((e: unknown) => console.error('crosscheck: could not load the seed pack', e));
});
