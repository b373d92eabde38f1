// The toolbar popup: what Crosscheck did on the current tab, the per-site switch and the global pause.
// Test seam: popup.html?tab=<tabId> shows that tab instead of the active one, so tests can open the
// popup as an ordinary page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { callBackground } from '../shared/rpc.ts';
import type { AnnotationReport, Response } from '../shared/messages.ts';
import { describeClip } from '../shared/calls-clip.ts';
import { onPageEvent } from '../shared/ui/base-changes.ts';
import { loadTabClaims, PageClaims, type TabClaims } from './page-claims.tsx';

async function currentTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

function Popup() {
  const [base, setBase] = useState<Response<'ping'> | undefined>();
  const [report, setReport] = useState<AnnotationReport | null | undefined>();
  const [status, setStatus] = useState<Response<'siteStatus'> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tabId, setTabId] = useState<number | undefined>();
  const [claims, setClaims] = useState<TabClaims | undefined>();
  const [clip, setClip] = useState<{ busy: boolean; message?: string }>({ busy: false });
  const host = hostOf(report?.url);

  const load = (id: number | undefined) => {
    const fail = (e: Error) => setError(e.message);
    callBackground('ping', {}).then(setBase, fail);
    if (id === undefined) return setReport(null);
    callBackground('tabAnnotation', { tabId: id }).then(setReport, fail);
    void loadTabClaims(id).then(setClaims);
  };
  useEffect(() => {
    currentTabId().then(
      (id) => {
        setTabId(id);
        load(id);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  // The tab's highlights are read from its content script once; follow its later passes (a review or
  // a clip makes every tab annotate again, and the popup may open before that pass has finished).
  useEffect(
    () =>
      onPageEvent((e) => {
        if (e.event === 'tab-annotated' && e.tabId === tabId) load(tabId);
        else if (e.event === 'base-changed') callBackground('ping', {}).then(setBase, () => undefined);
      }),
    [tabId],
  );

  const clipPage = async () => {
    if (tabId === undefined) return;
    setClip({ busy: true, message: 'Clipping…' });
    try {
      const summary = await callBackground('clipTab', { tabId });
      setClip({ busy: false, message: describeClip(summary) });
      callBackground('ping', {}).then(setBase, () => undefined);
    } catch (e) {
      setClip({ busy: false, message: `Could not clip: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  useEffect(() => {
    callBackground('siteStatus', { host: host ?? '' }).then(setStatus, (e: Error) => setError(e.message));
  }, [host]);

  const toggleSite = async (enabled: boolean) => {
    if (!host) return;
    await callBackground('setSiteEnabled', { host, enabled });
    setStatus(await callBackground('siteStatus', { host }));
  };
  const togglePause = async (paused: boolean) => {
    await callBackground('setPaused', { paused });
    setStatus(await callBackground('siteStatus', { host: host ?? '' }));
  };

  return (
    <main>
      <h1>Crosscheck</h1>
      {error && <p role="alert">{error}</p>}
      <section aria-label="This page">
        {report === undefined ? null : report === null ? (
          <p class="muted">Nothing annotated on this tab.</p>
        ) : (
          <p data-testid="page-counts">
            {report.marked} claim{report.marked === 1 ? '' : 's'} on this page: {report.counts.corroborated}{' '}
            corroborated, {report.counts.conflicting} conflicting, {report.counts.mixed} mixed,{' '}
            {report.counts.discussed} discussed.
          </p>
        )}
      </section>
      {tabId !== undefined && (
        <section aria-label="Clip" class="crosscheck-clip">
          <button type="button" onClick={() => void clipPage()} disabled={clip.busy} data-testid="clip">
            Clip this article
          </button>
          <p role="status" aria-live="polite" data-testid="clip-status">
            {clip.message ?? ''}
          </p>
        </section>
      )}
      {status && (
        <section aria-label="Settings" class="switches">
          {host && (
            <label>
              <input
                type="checkbox"
                checked={status.siteEnabled}
                onChange={(e) => void toggleSite(e.currentTarget.checked)}
              />{' '}
              Annotate pages on {host}
            </label>
          )}
          <label>
            <input
              type="checkbox"
              checked={status.paused}
              onChange={(e) => void togglePause(e.currentTarget.checked)}
            />{' '}
            Pause Crosscheck everywhere
          </label>
        </section>
      )}
      {base && (
        <p class="muted" data-testid="base-size">
          {base.claims} claims from {base.sources} sources in your base.
        </p>
      )}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open the dashboard
      </button>
      {tabId !== undefined && claims && (
        <section aria-label="Claims on this page" class="crosscheck-page-claims">
          <PageClaims tabId={tabId} data={claims} />
        </section>
      )}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
