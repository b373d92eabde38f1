// Export and import of the claim base in three formats: the claim pack, W3C Web Annotations and
// schema.org ClaimReview. Files are parsed and validated in full before anything is written, and every
// import then runs in one Dexie transaction over all the tables it touches, so a bad file (or a failure
// half-way) leaves the base exactly as it was.
import type { Claim, ClaimPack, Discrepancy, Relation, Source } from '../core/types.ts';
import { PACK_FORMAT, PACK_VERSION } from '../core/types.ts';
import { PackError, parsePackText, serializePack } from '../core/claim-pack.ts';
import { WebAnnotationError, parseWebAnnotationText, toWebAnnotations } from '../core/web-annotation.ts';
import { parseClaimReviewText, toClaimReviews, type ReviewRecord } from '../core/claim-review.ts';
import type { CrosscheckDB, Review, StoredSource } from './db.ts';
import { importPack } from './store.ts';
import type { ExportedFile, TransferImportResult, TransferKind } from '../shared/calls-transfer.ts';

/** A stored source as the formats know it: without where it came from or when it was added. */
export function plainSource(s: StoredSource | Source): Source {
  const { id, title, text, url, site, author, published } = s;
  return {
    id,
    title,
    text,
    ...(url !== undefined && { url }),
    ...(site !== undefined && { site }),
    ...(author !== undefined && { author }),
    ...(published !== undefined && { published }),
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPosition = (a: Claim, b: Claim) =>
  a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.start - b.start;

export interface BaseContents {
  sources: Source[];
  claims: Claim[];
  relations: Relation[];
  discrepancies: Discrepancy[];
}

/**
 * The part of the base that a selection of sources makes: their claims, the relations between two
 * selected claims, and the discrepancies still naming two selected sources. Without a selection, all.
 */
export function selectContents(all: BaseContents, sourceIds?: readonly string[]): BaseContents {
  const wanted = sourceIds ? new Set(sourceIds) : undefined;
  const sources = all.sources.filter((s) => !wanted || wanted.has(s.id)).map(plainSource);
  const kept = new Set(sources.map((s) => s.id));
  const claims = all.claims.filter((c) => kept.has(c.sourceId));
  const claimIds = new Set(claims.map((c) => c.id));
  const relations = all.relations.filter((r) => claimIds.has(r.a) && claimIds.has(r.b));
  const discrepancies = all.discrepancies
    .map((d) => ({
      kind: d.kind,
      entity: d.entity,
      variants: d.variants
        .filter((x) => kept.has(x.sourceId))
        .map((x) =>
          x.claimId !== undefined && !claimIds.has(x.claimId) ? { text: x.text, sourceId: x.sourceId } : x,
        ),
    }))
    .filter((d) => d.variants.length >= 2);
  return {
    sources: sources.sort(byId),
    claims: claims.sort(byPosition),
    relations: relations.sort(byId),
    discrepancies: discrepancies.sort((a, b) => (`${a.kind}:${a.entity}` < `${b.kind}:${b.entity}` ? -1 : 1)),
  };
}

async function readContents(db: CrosscheckDB, sourceIds?: readonly string[]): Promise<BaseContents> {
  return db.transaction('r', [db.sources, db.claims, db.relations, db.discrepancies], async () => {
    const [sources, claims, relations, discrepancies] = await Promise.all([
      sourceIds
        ? (await db.sources.bulkGet([...sourceIds])).filter((s): s is StoredSource => !!s)
        : db.sources.toArray(),
      sourceIds
        ? db.claims
            .where('sourceId')
            .anyOf([...sourceIds])
            .toArray()
        : db.claims.toArray(),
      db.relations.toArray(),
      db.discrepancies.toArray(),
    ]);
    return selectContents({ sources, claims, relations, discrepancies }, sourceIds);
  });
}

const stamp = (now: number) => new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');

export async function exportPackFile(
  db: CrosscheckDB,
  options: { sourceIds?: readonly string[]; now: number; generator: string },
): Promise<ExportedFile> {
  const contents = await readContents(db, options.sourceIds);
  const pack: ClaimPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: new Date(options.now).toISOString(),
    generator: options.generator,
    ...contents,
  };
  return {
    text: serializePack(pack),
    filename: `crosscheck-claims-${stamp(options.now)}.json`,
    mediaType: 'application/json',
    count: pack.sources.length,
  };
}

export async function exportWebAnnotationsFile(
  db: CrosscheckDB,
  options: { sourceIds?: readonly string[]; now: number },
): Promise<ExportedFile> {
  const contents = await readContents(db, options.sourceIds);
  const reviews = await db.reviews.toArray();
  const collection = toWebAnnotations(
    { ...contents, reviews },
    { created: new Date(options.now).toISOString() },
  );
  return {
    text: `${JSON.stringify(collection, null, 2)}\n`,
    filename: `crosscheck-annotations-${stamp(options.now)}.jsonld`,
    mediaType: 'application/ld+json',
    count: contents.claims.length,
  };
}

export async function exportClaimReviewsFile(
  db: CrosscheckDB,
  options: { now: number },
): Promise<ExportedFile> {
  const reviews = (await db.reviews.toArray()).filter(
    (r) => r.targetKind === 'claim' && r.status !== 'unreviewed',
  );
  const claims = (await db.claims.bulkGet(reviews.map((r) => r.targetId))).filter((c): c is Claim => !!c);
  const sources = (await db.sources.bulkGet([...new Set(claims.map((c) => c.sourceId))]))
    .filter((s): s is StoredSource => !!s)
    .map(plainSource);
  const feed = toClaimReviews(
    { sources, claims, reviews },
    { modified: new Date(options.now).toISOString() },
  );
  return {
    text: `${JSON.stringify(feed, null, 2)}\n`,
    filename: `crosscheck-claim-reviews-${stamp(options.now)}.jsonld`,
    mediaType: 'application/ld+json',
    count: (feed as { dataFeedElement: unknown[] }).dataFeedElement.length,
  };
}

export const TRANSFER_KINDS: readonly TransferKind[] = ['pack', 'web-annotation', 'claim-review'];

/**
 * Imports a file of the given kind, all or nothing. Claim packs and ClaimReview feeds add their sources,
 * replacing a source of the same id (its text may have changed); Web Annotations, which carry only
 * quotes, add their claims to a source already in the base when every quote matches its text, and
 * never replace it. ClaimReview ratings become reviews, each with an audit entry.
 */
export async function importFile(
  db: CrosscheckDB,
  kind: TransferKind,
  text: string,
  options: { now: number },
): Promise<TransferImportResult> {
  if (!TRANSFER_KINDS.includes(kind))
    throw new PackError(`kind: expected one of ${TRANSFER_KINDS.join(', ')}`);
  if (typeof text !== 'string') throw new PackError('text: expected the text of the file');
  // Parsing (and so every validation error) comes before the transaction opens.
  let pack: ClaimPack;
  let reviews: ReviewRecord[] = [];
  let paths: Record<string, string> | undefined;
  if (kind === 'pack') pack = parsePackText(text);
  else if (kind === 'claim-review') ({ pack, reviews } = parseClaimReviewText(text, options));
  else ({ pack, paths } = parseWebAnnotationText(text, options));

  return db.transaction(
    'rw',
    [db.sources, db.claims, db.relations, db.discrepancies, db.reviews, db.audit],
    async () => {
      let added = pack;
      if (paths) added = await mergeQuotes(db, pack, paths);
      if (kind === 'claim-review') ({ pack: added, reviews } = await attachToKnownClaims(db, pack, reviews));
      const result = await importPack(db, added);
      if (paths) result.claims = pack.claims.length;
      if (reviews.length) {
        await db.reviews.bulkPut(reviews as Review[]);
        await db.audit.bulkAdd(
          reviews.map((r) => ({
            at: options.now,
            action: 'review',
            targetId: r.targetId,
            detail: `${r.status} (imported from ClaimReview${r.reviewer ? `, by ${r.reviewer}` : ''})${r.note ? `: ${r.note}` : ''}`,
          })),
        );
      }
      const summary = { kind, ...result, reviews: reviews.length };
      await db.audit.add({
        at: options.now,
        action: 'import',
        targetId: kind,
        detail: `${summary.sources} sources, ${summary.claims} claims, ${summary.relations} relations, ${summary.reviews} reviews`,
      });
      return summary;
    },
  );
}

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

/**
 * A reviewed claim the base already has (a source with the appearance's URL, a claim with the same
 * text) takes the review itself, instead of a copy of the claim in a new source: fact checks of
 * articles the user clipped land on those articles, and re-importing an exported feed adds nothing.
 * Runs inside importFile's transaction.
 */
async function attachToKnownClaims(
  db: CrosscheckDB,
  pack: ClaimPack,
  reviews: ReviewRecord[],
): Promise<{ pack: ClaimPack; reviews: ReviewRecord[] }> {
  const known = new Map<string, string>(); // imported claim id → claim id in the base
  for (const source of pack.sources) {
    const urn = /^urn:crosscheck:source:(.+)$/.exec(source.url ?? '');
    const matches = urn
      ? [await db.sources.get(decodeURIComponent(urn[1]!))].filter((s): s is StoredSource => !!s)
      : await db.sources
          .where('url')
          .equals(source.url ?? '')
          .toArray();
    const candidates = matches.filter((s) => s.id !== source.id);
    if (candidates.length === 0) continue;
    const claims = await db.claims
      .where('sourceId')
      .anyOf(candidates.map((s) => s.id))
      .toArray();
    const byText = new Map(claims.map((c) => [squash(c.exact), c.id]));
    for (const c of pack.claims) {
      const id = c.sourceId === source.id ? byText.get(squash(c.exact)) : undefined;
      if (id) known.set(c.id, id);
    }
  }
  if (known.size === 0) return { pack, reviews };
  const claims = pack.claims.filter((c) => !known.has(c.id));
  const kept = new Set(claims.map((c) => c.sourceId));
  return {
    pack: { ...pack, sources: pack.sources.filter((s) => kept.has(s.id)), claims },
    reviews: reviews.map((r) => ({ ...r, targetId: known.get(r.targetId) ?? r.targetId })),
  };
}

/**
 * Web Annotations rebuild only the quoted parts of a source. For a source the base already has, its
 * full text stays: the quotes must match it, and their claims are added to it. Returns the pack of what
 * is left to import as new sources. Runs inside importFile's transaction.
 */
async function mergeQuotes(
  db: CrosscheckDB,
  pack: ClaimPack,
  paths: Record<string, string>,
): Promise<ClaimPack> {
  const existing = new Map(
    (await db.sources.bulkGet(pack.sources.map((s) => s.id)))
      .filter((s): s is StoredSource => !!s)
      .map((s) => [s.id, s]),
  );
  if (existing.size === 0) return pack;
  const merged: Claim[] = [];
  // WebAnnotationError, not PackError: a Web Annotation import fails with its own error type wherever the
  // problem is found (the reliability fuzz tests hold every importer to that).
  for (const c of pack.claims) {
    const source = existing.get(c.sourceId);
    if (!source) continue;
    const at = paths[c.id] ?? c.id;
    const t = source.text;
    if (t.slice(c.start, c.end) !== c.exact)
      throw new WebAnnotationError(
        `${at}.selector: the quote does not match source "${source.id}" already in the base at ${c.start}..${c.end}`,
      );
    if (t.slice(c.start - c.prefix.length, c.start) !== c.prefix || c.prefix.length > c.start)
      throw new WebAnnotationError(
        `${at}.selector: prefix does not match source "${source.id}" already in the base`,
      );
    if (t.slice(c.end, c.end + c.suffix.length) !== c.suffix)
      throw new WebAnnotationError(
        `${at}.selector: suffix does not match source "${source.id}" already in the base`,
      );
    merged.push(c);
  }
  await db.claims.bulkPut(merged);
  return {
    ...pack,
    sources: pack.sources.filter((s) => !existing.has(s.id)),
    claims: pack.claims.filter((c) => !existing.has(c.sourceId)),
  };
}
