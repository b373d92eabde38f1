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

/**
 * How close a report must be to be listed, by stance. A page sentence is highlighted for what the base
 * says about it: a corroboration needs the same proposition, and a claim that only 'discusses' the topic
 * is shown alone only when it is very close. Conflicts are already gated in compare() (the differing slot
 * must be aligned), so they keep the general floor.
 */
/**
 * Index candidates below this share of the best candidate's index similarity are not compared. At 0.3
 * the extra compares cost time and their reports crowded the true claim out of the top 5 on the
 * synthetic page; at 0.5 a long report that places the same event elsewhere ('talks with Putin on
 * August 15th in Alcazar, USA, … shared insights …' against 'met Putin in Alaska on August 15') was cut
 * before compare() could find the conflict. Conflicts are exempt from RELATIVE_BAR for the same reason.
 */
export const CANDIDATE_BAR = 0.35;

/** Reports below this share of the sentence's best similarity are left out. */
export const RELATIVE_BAR = 0.5;

export const REPORT_BARS = { conflicts: 0, corroborates: 0.35, discusses: 0.45 } as const;

/**
 * The reports a sentence lists: when any report takes a stance (corroborates or conflicts), the claims
 * that merely discuss the topic are left out, so three weak neighbours cannot turn two strong
 * corroborations into 'discussed'.
 */
export function keepReports(reports: Report[], maxReports = 5): Report[] {
  const barred = reports.filter((r) => r.stance !== 'unrelated' && r.similarity >= REPORT_BARS[r.stance]);
  const stanceTaking = barred.filter((r) => r.stance !== 'discusses');
  const pool = stanceTaking.length ? stanceTaking : barred;
  // A claim far weaker than the sentence's best match is about something else: "NATO membership is
  // not negotiable" (0.84) decides, "issues are discussed in the ongoing negotiations" (0.36) doesn't.
  const best = Math.max(0, ...pool.map((r) => r.similarity));
  // A conflict is exempt: compare() only calls one when the differing slot (place, date, number…) hangs
  // on the same event, so a long report naming a different place is a real disagreement even when the
  // rest of its sentence makes it less similar than the best corroboration.
  const kept = pool.filter((r) => r.stance === 'conflicts' || r.similarity >= best * RELATIVE_BAR);
  kept.sort((a, b) => STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] || b.similarity - a.similarity);
  return kept.slice(0, maxReports);
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
    const hits = index.candidates(f, {
      limit: candidates,
      minSimilarity: minSimilarity * 0.6,
      ...(excludeSourceId === undefined ? {} : { excludeSourceId }),
    });
    // compare() is the costly step; a candidate the index scores far below the best one would be left
    // out by keepReports' relative bar anyway (the frame candidates are kept: they are there for a
    // differing place or date, which the index cannot see).
    let best = 0;
    for (const h of hits) best = Math.max(best, h.similarity);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!;
      if (i < candidates && hit.similarity < best * CANDIDATE_BAR) continue;
      // compare() would give this similarity (rounded to 3 decimals): below the floor its report is
      // dropped whatever the stance, so it is not worth computing.
      if (hit.plainSimilarity < minSimilarity - 0.001) continue;
      const c = compare(f, index.features(hit.claim, hit.doc));
      if (c.stance === 'unrelated' || c.similarity < minSimilarity) continue;
      reports.push({
        claimId: hit.claim.id,
        sourceId: hit.claim.sourceId,
        sourceTitle: '', // looked up below for the reports kept only
        text: hit.claim.exact,
        stance: c.stance,
        similarity: c.similarity,
        reasons: c.reasons,
      });
    }
    const kept = keepReports(reports, maxReports);
    if (!kept.length) continue;
    for (const r of kept) r.sourceTitle = index.source(r.sourceId)?.title ?? r.sourceId;
    sentences.push({ text: s.text, start: s.start, end: s.end, verdict: verdictOf(kept), reports: kept });
  }
  return { title: page.title, sentences };
}
