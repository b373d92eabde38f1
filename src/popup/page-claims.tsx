// The popup's list of the page's highlighted claims, each with its corroborating and conflicting
// reports and their reasons. Choosing a claim asks the tab's content script to scroll to it and open
// its card. The list comes from the content script, which holds the reports it got for its highlights.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Report, Verdict } from '../core/types.ts';
import type { ContentEvent, ContentReplies, SourceInfo } from '../shared/messages.ts';
import { ReviewBadge } from '../shared/ui/review-badge.tsx';

export type TabClaims = ContentReplies['claims'];

const VERDICT: Record<Verdict, string> = {
  corroborated: 'Corroborated',
  conflicting: 'Conflicting',
  mixed: 'Mixed',
  discussed: 'Discussed',
};

const GROUPS: { stance: Report['stance']; title: string }[] = [
  { stance: 'corroborates', title: 'Corroborating' },
  { stance: 'conflicts', title: 'Conflicting' },
];

/** Asks the tab's content script for its highlighted claims; undefined when no content script answers. */
export async function loadTabClaims(tabId: number): Promise<TabClaims | undefined> {
  const ask: ContentEvent = { crosscheck: 1, event: 'claims' };
  try {
    const reply = (await browser.tabs.sendMessage(tabId, ask)) as TabClaims | undefined;
    return reply && Array.isArray(reply.claims) ? reply : undefined;
  } catch {
    return undefined; // not a web page, or the content script is not there (yet)
  }
}

function ReportItem({ report, source }: { report: Report; source: SourceInfo | undefined }) {
  return (
    <li class={`crosscheck-report crosscheck-${report.stance}`}>
      <span class="crosscheck-source">{source?.title ?? report.sourceTitle}</span>
      {source?.site && <span class="muted"> · {source.site}</span>}
      <blockquote>{report.text}</blockquote>
      <ReviewBadge review={source?.reviews?.[report.claimId]} />
      {report.reasons.length > 0 && (
        <ul class="crosscheck-reasons" aria-label="Reasons">
          {report.reasons.map((r, i) => (
            <li key={i}>
              {r.kind}: {r.a} ↔ {r.b}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function PageClaims({ tabId, data }: { tabId: number; data: TabClaims }) {
  const [failed, setFailed] = useState<string | undefined>();
  const show = async (id: string) => {
    const ask: ContentEvent = { crosscheck: 1, event: 'show', id };
    try {
      const reply = (await browser.tabs.sendMessage(tabId, ask)) as ContentReplies['show'] | undefined;
      setFailed(reply?.shown ? undefined : 'That highlight is no longer on the page.');
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };
  if (!data.claims.length) return <p class="muted">No highlighted claims on this page.</p>;
  return (
    <>
      {failed && <p role="alert">{failed}</p>}
      <ol class="crosscheck-claims" aria-label="Claims on this page" data-testid="page-claims">
        {data.claims.map((claim) => (
          <li key={claim.id} class={`crosscheck-claim crosscheck-${claim.verdict}`} data-claim-id={claim.id}>
            <button
              type="button"
              class="crosscheck-claim-show"
              aria-label={`${VERDICT[claim.verdict]}: ${claim.sentence}. Show on the page`}
              onClick={() => void show(claim.id)}
            >
              <span class="crosscheck-verdict">{VERDICT[claim.verdict]}</span> {claim.sentence}
            </button>
            {GROUPS.map((group) => {
              const reports = claim.reports.filter((r) => r.stance === group.stance);
              if (!reports.length) return null;
              return (
                <section key={group.stance} aria-label={`${group.title} reports`}>
                  <h3>
                    {group.title} ({reports.length})
                  </h3>
                  <ul>
                    {reports.map((r) => (
                      <ReportItem key={r.claimId} report={r} source={data.sources[r.sourceId]} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </li>
        ))}
      </ol>
    </>
  );
}
