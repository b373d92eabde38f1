import { useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import { type ConflictRow, type ReviewStatusName } from '../shared/calls-library.ts';
import { ReviewForm } from './review-form.tsx';
import { ReviewStatusFilter } from './review-status-filter.tsx';
import { useCall } from './use-call.ts';

/** Pairs of reports the machine found disagreeing (or agreeing), with reasons: the moderators' queue. */
export function ConflictsView() {
  const [stance, setStance] = useState<'conflicts' | 'corroborates'>('conflicts');
  const [status, setStatus] = useState<ReviewStatusName | ''>('unreviewed');
  const filter = { stance, status: status || undefined };
  const { data, error, reload } = useCall('listConflicts', filter, JSON.stringify(filter));
  const confirm = async (r: ConflictRow) => {
    await callBackground('setReview', {
      targetId: r.id,
      targetKind: 'relation',
      status: 'accurate',
      note: r.review?.note ?? '',
    });
    reload();
  };
  return (
    <div>
      <h2>Conflicts</h2>
      <p class="muted">
        Relations are machine suggestions until a moderator confirms them (review “Accurate”) or rejects them.
      </p>
      <div class="crosscheck-filters" role="group" aria-label="Filters">
        <label>
          Relation{' '}
          <select
            value={stance}
            onChange={(e) => setStance(e.currentTarget.value as 'conflicts' | 'corroborates')}
          >
            <option value="conflicts">Conflicts</option>
            <option value="corroborates">Corroborations</option>
          </select>
        </label>
        <ReviewStatusFilter value={status} onChange={setStatus} />
      </div>
      {error && <p role="alert">{error}</p>}
      {data && (
        <p class="muted" role="status">
          {data.length} pair{data.length === 1 ? '' : 's'}
        </p>
      )}
      <ul class="crosscheck-list" data-testid="conflicts">
        {data?.map((r) => (
          <li class={`crosscheck-item crosscheck-pair crosscheck-${r.stance}`} data-relation-id={r.id}>
            <div class="crosscheck-pair-sides">
              {[r.a, r.b].map((side) => (
                <figure>
                  <figcaption>{side.sourceTitle}</figcaption>
                  <blockquote>{side.exact}</blockquote>
                </figure>
              ))}
            </div>
            <p>
              <strong>
                {r.review?.status === 'accurate'
                  ? 'Confirmed'
                  : r.review && r.review.status !== 'unreviewed'
                    ? 'Reviewed'
                    : 'Suggested'}
                :
              </strong>{' '}
              {r.stance} ({Math.round(r.similarity * 100)}% similar)
              {r.reasons.map((x) => (
                <span class="crosscheck-reason">
                  {' '}
                  · <strong>{x.kind}</strong>: {x.a} ↔ {x.b}
                </span>
              ))}
            </p>
            {r.review?.status !== 'accurate' && (
              <button type="button" onClick={() => void confirm(r)} data-confirm-relation>
                Confirm {r.stance}
              </button>
            )}
            <ReviewForm
              key={`${r.id}:${r.review?.updatedAt ?? 0}`}
              targetId={r.id}
              targetKind="relation"
              review={r.review}
              onSaved={reload}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
