// Clipped articles into the base. The engine work (claims, relations) runs before the transaction;
// the writes (source, claims, relations, and the removal of a previous clip's claims) run in one, so
// a failure leaves the base as it was. A clip of a URL or canonical URL already in the base reuses
// that source's id and replaces its claims and relations instead of adding a second copy.
import { articleIdFromUrl } from '../core/extract-article.ts';
import { extractClaims, prepareArticle } from '../core/extract-claims.ts';
import { findRelations } from '../core/find-relations.ts';
import { ClaimIndex } from '../core/claim-index.ts';
import type { Article, Claim, Relation } from '../core/types.ts';
import type { ExtractedPage } from '../shared/messages.ts';
import type { ClipSummary } from '../shared/calls-clip.ts';
import { removeSources } from './store.ts';
import type { CrosscheckDB, StoredSource } from './db.ts';

/** The source already in the base for this page: same page URL or canonical URL, either way round. */
export async function findClippedSource(
  db: CrosscheckDB,
  page: ExtractedPage,
): Promise<StoredSource | undefined> {
  const urls = [...new Set([page.canonicalUrl, page.pageUrl].filter((u): u is string => !!u))];
  if (!urls.length) return undefined;
  const hits = [
    ...(await db.sources.where('url').anyOf(urls).toArray()),
    ...(await db.sources.where('canonicalUrl').anyOf(urls).toArray()),
  ];
  // A seed or imported source with the same URL stays as it is; the clip becomes a source of its own.
  return hits.find((s) => s.origin === 'clip');
}

async function newSourceId(db: CrosscheckDB, page: ExtractedPage): Promise<string> {
  const base = articleIdFromUrl(page.canonicalUrl ?? page.pageUrl);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!(await db.sources.get(id))) return id;
  }
}

/** Relations between the new claims and claims of other sources (never between two claims of the base). */
function relate(claims: Claim[], source: Article, others: StoredSource[], otherClaims: Claim[]): Relation[] {
  const index = new ClaimIndex();
  index.add(otherClaims, others);
  index.add(claims, [source]);
  return findRelations(claims, [...others, source], {}, index);
}

function summarize(source: Article, claims: Claim[], relations: Relation[], updated: boolean): ClipSummary {
  const ids = new Set(claims.map((c) => c.id));
  const withStance = (stance: Relation['stance']) => {
    const hit = new Set<string>();
    for (const r of relations) {
      if (r.stance !== stance) continue;
      if (ids.has(r.a)) hit.add(r.a);
      if (ids.has(r.b)) hit.add(r.b);
    }
    return hit.size;
  };
  return {
    sourceId: source.id,
    title: source.title,
    claims: claims.length,
    corroborate: withStance('corroborates'),
    conflicts: withStance('conflicts'),
    updated,
  };
}

/** Another clip of the same page (or one taking the same id) committed while this one was working. */
class ClipRaced extends Error {}

/**
 * Puts a clipped page's article, claims and relations into the base; see the file comment. Two clips
 * of the same page at once (two tabs, the shortcut pressed twice) must end as one source: the lookup
 * is checked again inside the write transaction, and a clip that lost the race starts over, now
 * finding the winner's source to update.
 */
export async function clipArticle(
  db: CrosscheckDB,
  page: ExtractedPage,
  now = Date.now(),
): Promise<ClipSummary> {
  if (!page.text.trim()) throw new Error('the page has no article text');
  for (let attempt = 1; ; attempt++) {
    try {
      return await clipOnce(db, page, now);
    } catch (e) {
      if (!(e instanceof ClipRaced) || attempt >= 5) throw e;
    }
  }
}

async function clipOnce(db: CrosscheckDB, page: ExtractedPage, now: number): Promise<ClipSummary> {
  const previous = await findClippedSource(db, page);
  const id = previous?.id ?? (await newSourceId(db, page));
  const article = prepareArticle({
    id,
    title: page.title || page.canonicalUrl || page.pageUrl,
    text: page.text,
    url: page.canonicalUrl ?? page.pageUrl,
    ...(page.site ? { site: page.site } : {}),
    ...(page.author ? { author: page.author } : {}),
    ...(page.published ? { published: page.published } : {}),
  });
  const claims = extractClaims(article);
  const [allSources, allClaims] = await Promise.all([db.sources.toArray(), db.claims.toArray()]);
  const others = allSources.filter((s) => s.id !== id);
  const relations = relate(
    claims,
    article,
    others,
    allClaims.filter((c) => c.sourceId !== id),
  );
  const stored: StoredSource = {
    ...article,
    origin: 'clip',
    addedAt: previous?.addedAt ?? now,
    ...(page.canonicalUrl ? { canonicalUrl: page.canonicalUrl } : {}),
  };
  await db.transaction('rw', [db.sources, db.claims, db.relations], async () => {
    // IndexedDB runs read-write transactions on the same stores one at a time, so this check and the
    // writes below see no other clip in between.
    const current = await findClippedSource(db, page);
    if (current?.id !== previous?.id || (!previous && (await db.sources.get(id))))
      throw new ClipRaced('raced');
    if (previous) await removeSources(db, [id]);
    await db.sources.put(stored);
    await db.claims.bulkPut(claims);
    await db.relations.bulkPut(relations);
  });
  return summarize(article, claims, relations, !!previous);
}
