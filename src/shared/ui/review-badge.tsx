// A moderator's review as a small badge: status, and on hover/focus the reviewer, time and note.
// Shared by the dashboard and the popup (the popup can pass SourceInfo.reviews[claimId]).
export const REVIEW_LABELS: Record<string, string> = {
  unreviewed: 'Unreviewed',
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  misleading: 'Misleading',
  disputed: 'Disputed',
  'needs-context': 'Needs context',
};

export interface ReviewBadgeProps {
  review?: { status: string; note: string; reviewer: string; updatedAt: number } | undefined;
  /** Show 'Unreviewed' when there is no review (the dashboard does; the popup may not). */
  showUnreviewed?: boolean;
}

export function ReviewBadge({ review, showUnreviewed = false }: ReviewBadgeProps) {
  const status = review?.status ?? 'unreviewed';
  if (status === 'unreviewed' && !showUnreviewed) return null;
  const when = review ? new Date(review.updatedAt).toLocaleString() : '';
  const detail = review && status !== 'unreviewed' ? `by ${review.reviewer}, ${when}` : '';
  return (
    <span class={`crosscheck-review crosscheck-review-${status}`} data-review-status={status}>
      <span class="crosscheck-review-status">{REVIEW_LABELS[status] ?? status}</span>
      {detail && <span class="crosscheck-review-meta"> {detail}</span>}
      {review?.note && <span class="crosscheck-review-note"> — {review.note}</span>}
    </span>
  );
}
