import { useState } from 'preact/hooks';
import { type ClaimVerdict, type ReviewStatusName } from '../shared/calls-library.ts';
import { ReviewForm } from './review-form.tsx';
import { ReviewStatusFilter } from './review-status-filter.tsx';
import { useCall } from './use-call.ts';
import { VERDICT_LABELS } from './verdict-label.ts';

/** Every claim, filtered by verdict, source and review status, each with its review form. */
export function ClaimsView() {
  const [verdict, setVerdict] = useState<ClaimVerdict | ''>('');
  const [sourceId, setSourceId] = useState('');
  const [status, setStatus] = useState<ReviewStatusName | ''>('');
  const sources = useCall('listSources', {}, '');
  const filter = {
    verdict: verdict || undefined,
    sourceId: sourceId || undefined,
    status: status || undefined,
  };
  const { data, error, reload } = useCall('listClaims', filter, JSON.stringify(filter));
  return (
    <div>
      <h2>Claims</h2>
      <div class="crosscheck-filters" role="group" aria-label="Filters">
        <label>
          Verdict{' '}
          <select
            value={verdict}
            onChange={(e) => setVerdict(e.currentTarget.value as ClaimVerdict | '')}
            data-filter="verdict"
          >
            <option value="">All</option>
            {Object.entries(VERDICT_LABELS).map(([v, label]) => (
              <option value={v}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          Source{' '}
          <select value={sourceId} onChange={(e) => setSourceId(e.currentTarget.value)} data-filter="source">
            <option value="">All</option>
            {sources.data?.map((s) => (
              <option value={s.id}>{s.title}</option>
            ))}
          </select>
        </label>
        <ReviewStatusFilter value={status} onChange={setStatus} />
      </div>
      {error && <p role="alert">{error}</p>}
      {data && (
        <p class="muted" role="status">
          {data.length} claim{data.length === 1 ? '' : 's'}
        </p>
      )}
      <ul class="crosscheck-list" data-testid="claims">
        {data?.map((c) => (
          <li class={`crosscheck-item crosscheck-${c.verdict}`} data-claim-id={c.id}>
            <div class="muted">
              <span class="crosscheck-verdict">{VERDICT_LABELS[c.verdict]}</span> · {c.sourceTitle}
            </div>
            <blockquote>{c.exact}</blockquote>
            <ReviewForm
              key={`${c.id}:${c.review?.updatedAt ?? 0}`}
              targetId={c.id}
              targetKind="claim"
              review={c.review}
              onSaved={reload}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
