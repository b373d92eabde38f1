// The 'Review' filter of the claims and conflicts views: all, or one review status.
import { REVIEW_STATUSES, type ReviewStatusName } from '../shared/calls-library.ts';
import { REVIEW_LABELS } from '../shared/ui/review-badge.tsx';

export function ReviewStatusFilter({
  value,
  onChange,
}: {
  value: ReviewStatusName | '';
  onChange(status: ReviewStatusName | ''): void;
}) {
  return (
    <label>
      Review{' '}
      <select
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as ReviewStatusName | '')}
        data-filter="status"
      >
        <option value="">All</option>
        {REVIEW_STATUSES.map((s) => (
          <option value={s}>{REVIEW_LABELS[s]}</option>
        ))}
      </select>
    </label>
  );
}
