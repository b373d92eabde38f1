import type { ClaimVerdict } from '../shared/calls-library.ts';

export const VERDICT_LABELS: Record<ClaimVerdict, string> = {
  corroborated: 'Corroborated',
  conflicting: 'Conflicting',
  mixed: 'Mixed',
  discussed: 'Discussed',
  unmatched: 'No other report',
};

export const formatDate = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
};
