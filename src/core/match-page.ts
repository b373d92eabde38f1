// A page against the base: sentences → candidate claims from the index → compare() on each candidate.
// Offsets refer to page.text exactly as given (the content script maps them back onto the DOM), so the
// page text is split, not cleaned.
import { analyze } from './analyze.ts';
import { isCheckWorthy } from './check-worthy.ts';
import type { ClaimIndex } from './claim-index.ts';
import { compare } from './compare.ts';
import { namesIn } from './extract-claims.ts';
import { splitSentences } from './split-sentences.ts';
import type { PageMatch, Report, SentenceMatch, Verdict } from './types.ts';

export interface MatchOptions {
  /** Reports below this similarity are dropped (default 0.25). */
  minSimilarity?: number;
  /** Candidates compared per sentence (default 8). */
  candidates?: number;
  /** Most reports kept per sentence (default 5). */
  maxReports?: number;
  /** The page is this source: don't report it against itself. */
  excludeSourceId?: string;
}

export function verdictOf(reports: Pick<Report, 'stance'>[]): Verdict {
  const corroborates = reports.some((r) => r.stance === 'corroborates');
  const conflicts = reports.some((r) => r.stance === 'conflicts');
  if (corroborates && conflicts) return 'mixed';
  if (reports.length && reports.every((r) => r.stance === 'corroborates')) return 'corroborated';
  if (reports.length && reports.every((r) => r.stance === 'conflicts')) return 'conflicting';
  return 'discussed';
}

const STANCE_ORDER = { conflicts: 0, corroborates: 1, discusses: 2, unrelated: 3 };

export function matchPage(
  index: ClaimIndex,
  page: { title: string; text: string },
  options: MatchOptions = {},
): PageMatch {
  const { minSimilarity = 0.25, candidates = 8, maxReports = 5, excludeSourceId } = options;
  const names = namesIn(page.text);
  const sentences: SentenceMatch[] = [];
  for (const s of splitSentences(page.text)) {
    const f = analyze(s.text, { names });
    if (!isCheckWorthy(s.text, f)) continue;
    const reports: Report[] = [];
    const search = excludeSourceId === undefined ? {} : { excludeSourceId };
    for (const hit of index.candidates(f, {
      limit: candidates,
      minSimilarity: minSimilarity * 0.6,
      ...search,
    })) {
      const c = compare(f, index.features(hit.claim));
      if (c.stance === 'unrelated' || c.similarity < minSimilarity) continue;
      reports.push({
        claimId: hit.claim.id,
        sourceId: hit.claim.sourceId,
        sourceTitle: index.source(hit.claim.sourceId)?.title ?? hit.claim.sourceId,
        text: hit.claim.exact,
        stance: c.stance,
        similarity: c.similarity,
        reasons: c.reasons,
      });
    }
    if (!reports.length) continue;
    reports.sort((a, b) => STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] || b.similarity - a.similarity);
    const kept = reports.slice(0, maxReports);
    sentences.push({ text: s.text, start: s.start, end: s.end, verdict: verdictOf(kept), reports: kept });
  }
  return { title: page.title, sentences };
}
