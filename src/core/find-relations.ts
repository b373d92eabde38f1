// Relations in the base: each claim's nearest claims from other sources (through the index, so the
// cost grows with candidates per claim, not with the square of the base), kept when they corroborate
// or conflict.
import { ClaimIndex } from './claim-index.ts';
import { compare } from './compare.ts';
import type { Claim, Relation, Source } from './types.ts';

export interface RelationOptions {
  /** Candidates examined per claim (default 12). */
  candidates?: number;
  /** Least similarity for a candidate (default 0.12; compare() decides the stance). */
  minSimilarity?: number;
  /**
   * Least IDF-weighted index similarity for a stored relation (default 0.25). compare() has no corpus
   * statistics, so within one story every sentence about "security guarantees for Ukraine" looks alike
   * to it; the index knows those words are everywhere here and discounts them.
   */
  minRelationSimilarity?: number;
}

/** Contradictions about one event's where, when or how many stand on the event frame, not on overall wording. */
const FRAME_KINDS = new Set(['place', 'date', 'number']);

export function findRelations(
  claims: Claim[],
  sources: Source[],
  options: RelationOptions = {},
  index?: ClaimIndex,
): Relation[] {
  const { candidates = 12, minSimilarity = 0.12, minRelationSimilarity = 0.25 } = options;
  const ix = index ?? new ClaimIndex();
  if (!index) ix.add(claims, sources);
  const out = new Map<string, Relation>();
  for (const claim of claims) {
    const f = ix.features(claim);
    for (const hit of ix.candidates(f, {
      limit: candidates,
      minSimilarity,
      excludeSourceId: claim.sourceId,
    })) {
      const [a, b] = claim.id < hit.claim.id ? [claim, hit.claim] : [hit.claim, claim];
      const id = `${a.id}|${b.id}`;
      if (out.has(id)) continue;
      const c = compare(ix.features(a), ix.features(b));
      if (c.stance !== 'corroborates' && c.stance !== 'conflicts') continue;
      const framed = c.stance === 'conflicts' && c.reasons.some((r) => FRAME_KINDS.has(r.kind));
      if (!framed && hit.similarity < minRelationSimilarity) continue;
      out.set(id, { id, a: a.id, b: b.id, stance: c.stance, similarity: c.similarity, reasons: c.reasons });
    }
  }
  return [...out.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
}
