// Dexie queries behind the dashboard: browsing sources and claims, the moderators' queue, reviews with
// their audit log, the claim map and the dashboard's settings. Reads use the schema's indexes; every
// write that touches several tables runs in one transaction with its audit entry.
import type { Claim, Relation } from '../core/types.ts';
import { verdictOf } from '../core/match-page.ts';
import type {
  AuditView,
  ClaimDetail,
  ClaimRow,
  ClaimVerdict,
  ConflictRow,
  LibrarySettings,
  MapCluster,
  MapStance,
  ReviewStatusName,
  ReviewView,
  SourceRow,
} from '../shared/calls-library.ts';
import { REVIEW_STATUSES } from '../shared/calls-library.ts';
import type { CrosscheckDB, Review, StoredSource } from './db.ts';
import { disabledSites } from './site-settings.ts';
import { removeSources } from './store.ts';

export const MIN_SIMILARITY_KEY = 'minSimilarity';
export const HIGH_CONTRAST_KEY = 'highContrast';
export const REVIEWER_KEY = 'reviewerName';

const rowOf = (s: StoredSource, claims: number): SourceRow => ({
  id: s.id,
  title: s.title,
  site: s.site,
  published: s.published,
  url: s.url,
  origin: s.origin,
  claims,
});

async function claimCounts(db: CrosscheckDB, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const key of (await db.claims.where('sourceId').anyOf(ids).keys()) as string[])
    counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export async function listSources(db: CrosscheckDB, query = ''): Promise<SourceRow[]> {
  const q = query.trim().toLowerCase();
  const sources = (await db.sources.orderBy('addedAt').toArray()).filter(
    (s) => !q || [s.title, s.site, s.url].some((f) => f?.toLowerCase().includes(q)),
  );
  const counts = await claimCounts(
    db,
    sources.map((s) => s.id),
  );
  return sources.map((s) => rowOf(s, counts.get(s.id) ?? 0));
}

async function reviewsOf(db: CrosscheckDB, ids: string[]): Promise<Map<string, ReviewView>> {
  const map = new Map<string, ReviewView>();
  for (const r of await db.reviews.bulkGet(ids)) if (r) map.set(r.targetId, r);
  return map;
}

async function relationsOf(db: CrosscheckDB, claimIds: string[]): Promise<Relation[]> {
  const [asA, asB] = await Promise.all([
    db.relations.where('a').anyOf(claimIds).toArray(),
    db.relations.where('b').anyOf(claimIds).toArray(),
  ]);
  return [...new Map([...asA, ...asB].map((r) => [r.id, r])).values()];
}

const verdictFrom = (relations: Relation[]): ClaimVerdict =>
  relations.length ? verdictOf(relations) : 'unmatched';

/** Claims with verdicts and reviews; relations are looked up for exactly these claims. */
async function claimRows(db: CrosscheckDB, claims: Claim[]): Promise<ClaimDetail[]> {
  const ids = claims.map((c) => c.id);
  const relations = await relationsOf(db, ids);
  const others = new Map(
    (await db.claims.bulkGet([...new Set(relations.flatMap((r) => [r.a, r.b]))]))
      .filter((c): c is Claim => !!c)
      .map((c) => [c.id, c]),
  );
  const sourceIds = [...new Set([...claims, ...others.values()].map((c) => c.sourceId))];
  const titles = new Map(
    (await db.sources.bulkGet(sourceIds)).filter((s) => !!s).map((s) => [s!.id, s!.title]),
  );
  const reviews = await reviewsOf(db, [...ids, ...relations.map((r) => r.id)]);
  return claims.map((c) => {
    const mine = relations.filter((r) => r.a === c.id || r.b === c.id);
    return {
      id: c.id,
      sourceId: c.sourceId,
      sourceTitle: titles.get(c.sourceId) ?? c.sourceId,
      exact: c.exact,
      start: c.start,
      end: c.end,
      verdict: verdictFrom(mine),
      review: reviews.get(c.id),
      relations: mine.map((r) => {
        const other = others.get(r.a === c.id ? r.b : r.a);
        return {
          id: r.id,
          stance: r.stance,
          similarity: r.similarity,
          reasons: r.reasons,
          other: {
            claimId: other?.id ?? '',
            exact: other?.exact ?? '',
            sourceId: other?.sourceId ?? '',
            sourceTitle: titles.get(other?.sourceId ?? '') ?? '',
          },
          review: reviews.get(r.id),
        };
      }),
    };
  });
}

export async function getSource(db: CrosscheckDB, id: string) {
  const source = await db.sources.get(id);
  if (!source) return null;
  const claims = (await db.claims.where('sourceId').equals(id).toArray()).sort((a, b) => a.start - b.start);
  return {
    source: { ...rowOf(source, claims.length), text: source.text },
    claims: await claimRows(db, claims),
  };
}

export async function audit(db: CrosscheckDB, action: string, targetId: string, detail: string) {
  await db.audit.add({ at: Date.now(), action, targetId, detail });
}

export async function deleteSource(db: CrosscheckDB, id: string) {
  return db.transaction('rw', [db.sources, db.claims, db.relations, db.audit], async () => {
    const source = await db.sources.get(id);
    if (!source) throw new Error(`no source ${id}`);
    const claimIds = (await db.claims.where('sourceId').equals(id).primaryKeys()) as string[];
    const relations = (await relationsOf(db, claimIds)).length;
    await removeSources(db, [id]);
    await audit(
      db,
      'delete-source',
      id,
      `${source.title}: ${claimIds.length} claims, ${relations} relations`,
    );
    return { claims: claimIds.length, relations };
  });
}

export async function listClaims(
  db: CrosscheckDB,
  filter: { verdict?: ClaimVerdict; sourceId?: string; status?: ReviewStatusName },
): Promise<ClaimRow[]> {
  let claims: Claim[];
  if (filter.status && filter.status !== 'unreviewed') {
    const ids = (await db.reviews.where('status').equals(filter.status).toArray())
      .filter((r) => r.targetKind === 'claim')
      .map((r) => r.targetId);
    claims = (await db.claims.bulkGet(ids)).filter((c): c is Claim => !!c);
    if (filter.sourceId) claims = claims.filter((c) => c.sourceId === filter.sourceId);
  } else {
    claims = filter.sourceId
      ? await db.claims.where('sourceId').equals(filter.sourceId).toArray()
      : await db.claims.toArray();
  }
  let rows = await claimRows(db, claims);
  if (filter.status === 'unreviewed')
    rows = rows.filter((r) => (r.review?.status ?? 'unreviewed') === 'unreviewed');
  if (filter.verdict) rows = rows.filter((r) => r.verdict === filter.verdict);
  return rows.map(({ relations: _drop, ...row }) => row);
}

export async function listConflicts(
  db: CrosscheckDB,
  filter: { stance?: 'conflicts' | 'corroborates'; status?: ReviewStatusName },
): Promise<ConflictRow[]> {
  const relations = await db.relations
    .where('stance')
    .equals(filter.stance ?? 'conflicts')
    .toArray();
  const claims = new Map(
    (await db.claims.bulkGet([...new Set(relations.flatMap((r) => [r.a, r.b]))]))
      .filter((c): c is Claim => !!c)
      .map((c) => [c.id, c]),
  );
  const titles = new Map((await db.sources.toArray()).map((s) => [s.id, s.title]));
  const reviews = await reviewsOf(
    db,
    relations.map((r) => r.id),
  );
  const side = (id: string) => {
    const c = claims.get(id);
    return {
      claimId: id,
      exact: c?.exact ?? '',
      sourceId: c?.sourceId ?? '',
      sourceTitle: titles.get(c?.sourceId ?? '') ?? '',
    };
  };
  return relations
    .map((r) => ({
      id: r.id,
      stance: r.stance,
      similarity: r.similarity,
      reasons: r.reasons,
      a: side(r.a),
      b: side(r.b),
      review: reviews.get(r.id),
    }))
    .filter((r) => !filter.status || (r.review?.status ?? 'unreviewed') === filter.status)
    .sort((x, y) => y.similarity - x.similarity);
}

export async function reviewerName(db: CrosscheckDB): Promise<string> {
  const value = (await db.settings.get(REVIEWER_KEY))?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : 'Anonymous';
}

export async function setReview(
  db: CrosscheckDB,
  input: { targetId: string; targetKind: 'claim' | 'relation'; status: ReviewStatusName; note: string },
  now = Date.now(),
): Promise<ReviewView> {
  if (!(REVIEW_STATUSES as readonly string[]).includes(input.status))
    throw new Error('unknown review status');
  if (input.targetKind !== 'claim' && input.targetKind !== 'relation') throw new Error('unknown target kind');
  if (typeof input.targetId !== 'string' || typeof input.note !== 'string')
    throw new Error('malformed review');
  return db.transaction('rw', [db.reviews, db.audit, db.settings, db.claims, db.relations], async () => {
    const table = input.targetKind === 'claim' ? db.claims : db.relations;
    if (!(await table.get(input.targetId))) throw new Error(`no ${input.targetKind} ${input.targetId}`);
    const before = await db.reviews.get(input.targetId);
    const review: Review = {
      targetId: input.targetId,
      targetKind: input.targetKind,
      status: input.status,
      note: input.note.trim().slice(0, 2000),
      reviewer: await reviewerName(db),
      updatedAt: now,
    };
    await db.reviews.put(review);
    await db.audit.add({
      at: now,
      action: `review-${input.targetKind}`,
      targetId: input.targetId,
      detail: `${before?.status ?? 'unreviewed'} → ${review.status} by ${review.reviewer}${review.note ? `: ${review.note}` : ''}`,
    });
    return review;
  });
}

export async function listAudit(db: CrosscheckDB, limit = 200): Promise<AuditView[]> {
  return (await db.audit.orderBy('seq').reverse().limit(limit).toArray()) as AuditView[];
}

/**
 * Propositions for the claim map. Connected components of the relations graph merge almost everything
 * in a dense base (the seeds make one component), so propositions are stars instead: the most
 * connected claim not yet placed, with its direct neighbours. Each source stands toward that anchor
 * claim by its direct relation (corroborates or conflicts), or only discusses it when its claims relate
 * to a neighbour of the anchor but not to the anchor itself.
 */
export async function claimMap(db: CrosscheckDB) {
  const [relations, sources] = await Promise.all([
    db.relations.toArray(),
    db.sources.orderBy('addedAt').toArray(),
  ]);
  const edges = new Map<string, Relation[]>();
  for (const r of relations) for (const id of [r.a, r.b]) edges.set(id, [...(edges.get(id) ?? []), r]);
  const claims = new Map(
    (await db.claims.bulkGet([...edges.keys()])).filter((c): c is Claim => !!c).map((c) => [c.id, c]),
  );
  const other = (r: Relation, id: string) => (r.a === id ? r.b : r.a);
  const order = [...edges.keys()].sort(
    (x, y) => edges.get(y)!.length - edges.get(x)!.length || x.localeCompare(y),
  );
  const placed = new Set<string>();
  const clusters: MapCluster[] = [];
  for (const anchorId of order) {
    const anchor = claims.get(anchorId);
    if (placed.has(anchorId) || !anchor) continue;
    const direct = edges.get(anchorId)!;
    placed.add(anchorId);
    const stances: Record<string, MapStance> = { [anchor.sourceId]: 'states' };
    const set = (id: string, stance: MapStance) => {
      const sourceId = claims.get(id)?.sourceId;
      if (!sourceId) return;
      const now = stances[sourceId];
      // states > conflicts > corroborates > discusses: the strongest stance a source takes shows.
      const rank = { states: 3, conflicts: 2, corroborates: 1, discusses: 0 };
      if (!now || rank[stance] > rank[now]) stances[sourceId] = stance;
    };
    for (const r of direct) {
      const n = other(r, anchorId);
      placed.add(n);
      set(n, r.stance);
    }
    for (const r of direct)
      for (const r2 of edges.get(other(r, anchorId)) ?? []) {
        const m = other(r2, other(r, anchorId));
        if (m !== anchorId) set(m, 'discusses');
      }
    if (Object.keys(stances).length < 2) continue;
    clusters.push({
      anchor: { claimId: anchorId, exact: anchor.exact, sourceId: anchor.sourceId },
      size: direct.length + 1,
      sources: stances,
    });
  }
  return { sources: sources.map((s) => ({ id: s.id, title: s.title })), clusters };
}

export async function matchSensitivity(db: CrosscheckDB): Promise<number | undefined> {
  const value = (await db.settings.get(MIN_SIMILARITY_KEY))?.value;
  return typeof value === 'number' && value > 0 && value < 1 ? value : undefined;
}

export async function librarySettings(db: CrosscheckDB): Promise<LibrarySettings> {
  return {
    disabledSites: await disabledSites(db),
    minSimilarity: await matchSensitivity(db),
    highContrast: (await db.settings.get(HIGH_CONTRAST_KEY))?.value === true,
    reviewer: ((await db.settings.get(REVIEWER_KEY))?.value as string) ?? '',
  };
}

export async function setLibrarySettings(
  db: CrosscheckDB,
  change: { minSimilarity?: number | null; highContrast?: boolean; reviewer?: string },
): Promise<LibrarySettings> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    if (change.minSimilarity === null) await db.settings.delete(MIN_SIMILARITY_KEY);
    else if (change.minSimilarity !== undefined) {
      if (typeof change.minSimilarity !== 'number' || !(change.minSimilarity > 0 && change.minSimilarity < 1))
        throw new Error('minSimilarity must be between 0 and 1');
      await db.settings.put({ key: MIN_SIMILARITY_KEY, value: change.minSimilarity });
    }
    if (change.highContrast !== undefined)
      await db.settings.put({ key: HIGH_CONTRAST_KEY, value: change.highContrast === true });
    if (change.reviewer !== undefined) {
      if (typeof change.reviewer !== 'string') throw new Error('reviewer must be a string');
      await db.settings.put({ key: REVIEWER_KEY, value: change.reviewer.trim().slice(0, 100) });
    }
    await audit(db, 'settings', '', JSON.stringify(change));
  });
  return librarySettings(db);
}
