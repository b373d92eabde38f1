import { useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import { REVIEW_STATUSES, type ReviewStatusName, type ReviewView } from '../shared/calls-library.ts';
import { REVIEW_LABELS, ReviewBadge } from '../shared/ui/review-badge.tsx';

/** The review of one claim or relation: its current state and a form to change it. */
export function ReviewForm(props: {
  targetId: string;
  targetKind: 'claim' | 'relation';
  review?: ReviewView | undefined;
  onSaved(review: ReviewView): void;
}) {
  const [status, setStatus] = useState<ReviewStatusName>(props.review?.status ?? 'unreviewed');
  const [note, setNote] = useState(props.review?.note ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const id = `review-${props.targetId.replace(/[^\w-]/g, '_')}`;
  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      props.onSaved(
        await callBackground('setReview', {
          targetId: props.targetId,
          targetKind: props.targetKind,
          status,
          note,
        }),
      );
      setError(undefined);
    } catch (x) {
      setError((x as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="crosscheck-review-form" onSubmit={save} data-review-form={props.targetId}>
      <ReviewBadge review={props.review} showUnreviewed />
      <label for={`${id}-status`}>Review</label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as ReviewStatusName)}
      >
        {REVIEW_STATUSES.map((s) => (
          <option value={s}>{REVIEW_LABELS[s]}</option>
        ))}
      </select>
      <label for={`${id}-note`}>Note</label>
      <input id={`${id}-note`} type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" disabled={saving}>
        Save review
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
