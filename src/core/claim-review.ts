// schema.org ClaimReview JSON-LD, both ways. Export: each reviewed claim as a ClaimReview (the claim's
// text reviewed, where it appeared, the moderator's rating). Import: fact-checkers' feeds (one
// ClaimReview, an array, a DataFeed or an ItemList of them) become sources (one per appearance URL),
// claims (the text reviewed) and reviews (the rating). Validation is strict on every field read, and an
// error names the record and field (`dataFeedElement[3].reviewRating.ratingValue: ...`); other
// schema.org properties are allowed, as the vocabulary is open.
import * as v from 'valibot';
import { pathText, shown } from './path-text.ts';
import { PackError, jsonErrorMessage, parsePack } from './claim-pack.ts';
import {
  PACK_FORMAT,
  PACK_VERSION,
  REVIEW_STATUSES,
  type Claim,
  type ClaimPack,
  type Review,
  type ReviewStatus,
  type Source,
} from './types.ts';

export class ClaimReviewError extends PackError {
  override name = 'ClaimReviewError';
}

export { REVIEW_STATUSES };
export type ReviewStatusName = ReviewStatus;
export type ReviewRecord = Review;

/** Rating scale of exported reviews: 1 (inaccurate) to 5 (accurate); alternateName carries the status. */
export const RATINGS: Record<Exclude<ReviewStatusName, 'unreviewed'>, { value: number; label: string }> = {
  inaccurate: { value: 1, label: 'Inaccurate' },
  misleading: { value: 2, label: 'Misleading' },
  disputed: { value: 3, label: 'Disputed' },
  'needs-context': { value: 4, label: 'Needs context' },
  accurate: { value: 5, label: 'Accurate' },
};
const BEST = 5;
const WORST = 1;

// ---- shared helpers (web-annotation.ts uses them too) --------------------------------------------------

/** Runs a valibot schema; the first issue becomes an error of class E naming `where` plus the issue's path. */
export function checkWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  where: string,
  E: new (message: string) => Error,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0] as v.BaseIssue<unknown>;
  const at = pathText(issue.path, where);
  if (issue.type === 'strict_object' && issue.expected === 'never') throw new E(`${at}: unknown field`);
  if (issue.input === undefined && issue.kind === 'schema') throw new E(`${at}: missing required field`);
  throw new E(`${at}: ${issue.message}, got ${shown(issue.input)}`);
}

export function parseJsonText(text: string, E: new (message: string) => Error): unknown {
  if (typeof text !== 'string') throw new E('(root): expected the text of a JSON file');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new E(jsonErrorMessage(error));
  }
}

/** Re-throws a PackError from a final consistency check as the converter's own error class. */
export function asOwnError<T>(f: () => T, E: new (message: string) => Error): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof PackError && !(error instanceof E)) throw new E((error as Error).message);
    throw error;
  }
}

/** 32-bit FNV-1a, hex: short stable ids for URLs. */
export function hashId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const CONTEXT = 32;

/** Claims that span whole paragraphs of a text built from them, anchored like extracted claims. */
function anchor(sourceId: string, text: string, start: number, end: number): Claim {
  return {
    id: `${sourceId}:${start}`,
    sourceId,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

// ---- export ----------------------------------------------------------------------------------------------

export interface ReviewExportInput {
  sources: Source[];
  claims: Claim[];
  reviews: ReviewRecord[];
}

/** The source's URL, or a URN naming it when it has none (annotation targets and appearances need one). */
export const sourceUrl = (s: Source): string => s.url ?? `urn:crosscheck:source:${encodeURIComponent(s.id)}`;

/**
 * Every claim review with a verdict (not 'unreviewed') whose claim is in `input.claims`, as a schema.org
 * DataFeed of ClaimReviews. Relation reviews have no ClaimReview counterpart and are left out.
 */
export function toClaimReviews(input: ReviewExportInput, options: { modified: string }): object {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  const elements: object[] = [];
  const reviews = [...input.reviews].sort((a, b) =>
    a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0,
  );
  for (const review of reviews) {
    if (review.targetKind !== 'claim' || review.status === 'unreviewed') continue;
    const claim = claims.get(review.targetId);
    const source = claim && sources.get(claim.sourceId);
    if (!claim || !source) continue;
    const rating = RATINGS[review.status];
    elements.push({
      '@type': 'ClaimReview',
      datePublished: new Date(review.updatedAt).toISOString(),
      claimReviewed: claim.exact,
      ...(review.reviewer && { author: { '@type': 'Person', name: review.reviewer } }),
      reviewRating: {
        '@type': 'Rating',
        ratingValue: rating.value,
        bestRating: BEST,
        worstRating: WORST,
        alternateName: rating.label,
      },
      ...(review.note && { reviewBody: review.note }),
      itemReviewed: {
        '@type': 'Claim',
        ...(source.published && { datePublished: source.published }),
        appearance: {
          '@type': 'CreativeWork',
          url: sourceUrl(source),
          headline: source.title,
          ...(source.author && { author: { '@type': 'Person', name: source.author } }),
          ...(source.published && { datePublished: source.published }),
        },
      },
    });
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dateModified: options.modified,
    dataFeedElement: elements,
  };
}

// ---- import ----------------------------------------------------------------------------------------------

const STRING = 'expected a string';
const NON_EMPTY = 'expected a non-empty string';
const str = v.string(STRING);
const nonEmpty = v.pipe(v.string(NON_EMPTY), v.trim(), v.minLength(1, NON_EMPTY));
const OBJ = 'expected an object';
const DATE = 'expected an ISO 8601 date';
const date = v.pipe(
  v.string(DATE),
  v.check((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), DATE),
);
const NUMBER = 'expected a number (or a numeric string)';
const numeric = v.pipe(
  v.union([v.number(NUMBER), v.pipe(v.string(NUMBER), v.trim(), v.minLength(1, NUMBER))], NUMBER),
  v.transform((x) => Number(x)),
  v.check((n) => Number.isFinite(n), NUMBER),
);

const NamedSchema = v.union(
  [v.pipe(v.string(), v.trim()), v.looseObject({ name: v.optional(str) })],
  'expected a name or an object with a name',
);
/** schema.org lets most properties repeat; a single value and an array of them are both accepted. */
const oneOrMany = <S extends v.GenericSchema>(schema: S, message: string) =>
  v.union([schema, v.array(schema, message)], message);

const AppearanceSchema = v.union(
  [
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    v.looseObject({
      url: nonEmpty,
      headline: v.optional(str),
      name: v.optional(str),
      datePublished: v.optional(date),
      author: v.optional(oneOrMany(NamedSchema, 'expected a name or an object with a name')),
    }),
  ],
  'expected a URL or a CreativeWork with a url',
);

const RatingSchema = v.pipe(
  v.looseObject(
    {
      ratingValue: v.optional(numeric),
      bestRating: v.optional(numeric),
      worstRating: v.optional(numeric),
      alternateName: v.optional(nonEmpty),
    },
    OBJ,
  ),
  v.check(
    (r) => r.ratingValue !== undefined || r.alternateName !== undefined,
    'expected a rating with ratingValue or alternateName',
  ),
  v.check(
    (r) => r.bestRating === undefined || r.worstRating === undefined || r.bestRating !== r.worstRating,
    'expected bestRating and worstRating to differ',
  ),
);

const ClaimReviewSchema = v.looseObject(
  {
    claimReviewed: nonEmpty,
    reviewRating: RatingSchema,
    url: v.optional(nonEmpty),
    datePublished: v.optional(date),
    reviewBody: v.optional(str),
    author: v.optional(oneOrMany(NamedSchema, 'expected a name or an object with a name')),
    itemReviewed: v.optional(
      v.looseObject(
        {
          appearance: v.optional(oneOrMany(AppearanceSchema, 'expected a CreativeWork or a list of them')),
          firstAppearance: v.optional(AppearanceSchema),
          datePublished: v.optional(date),
          author: v.optional(oneOrMany(NamedSchema, 'expected a name or an object with a name')),
          name: v.optional(str),
        },
        OBJ,
      ),
    ),
  },
  OBJ,
);
type ClaimReviewNode = v.InferOutput<typeof ClaimReviewSchema>;
type Appearance = v.InferOutput<typeof AppearanceSchema>;

function fail(where: string, message: string): never {
  throw new ClaimReviewError(`${where}: ${message}`);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'] ?? node.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** Finds the ClaimReviews of a feed, each with its path for error messages. */
function collect(json: unknown): { node: unknown; at: string }[] {
  const found: { node: unknown; at: string }[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (depth > 4) fail(at, 'expected a ClaimReview (nested too deeply)');
    if (Array.isArray(node)) {
      node.forEach((x, i) => visit(x, `${at}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(node)) fail(at || '(root)', `expected a ClaimReview object, got ${shown(node)}`);
    const types = typesOf(node);
    const field = (key: string) => (at ? `${at}.${key}` : key);
    if (types.includes('ClaimReview')) found.push({ node, at: at || '(root)' });
    else if (types.includes('DataFeed')) {
      if (!Array.isArray(node.dataFeedElement)) fail(field('dataFeedElement'), 'expected an array');
      visit(node.dataFeedElement, field('dataFeedElement'), depth + 1);
    } else if (types.includes('ItemList')) {
      if (!Array.isArray(node.itemListElement)) fail(field('itemListElement'), 'expected an array');
      visit(node.itemListElement, field('itemListElement'), depth + 1);
    } else if (types.includes('DataFeedItem') || types.includes('ListItem')) {
      if (node.item === undefined) fail(field('item'), 'missing required field');
      visit(node.item, field('item'), depth + 1);
    } else if (types.length === 0 && Array.isArray(node['@graph'])) {
      visit(node['@graph'], field('@graph'), depth + 1);
    } else
      fail(
        field('@type'),
        `expected ClaimReview, DataFeed, DataFeedItem, ItemList or ListItem, got ${shown(node['@type'] ?? node.type)}`,
      );
  };
  visit(json, '', 0);
  return found;
}

const nameOf = (x: unknown): string | undefined => {
  const first = Array.isArray(x) ? x[0] : x;
  if (typeof first === 'string') return first.trim() || undefined;
  if (isObject(first) && typeof first.name === 'string') return first.name.trim() || undefined;
  return undefined;
};
const appearanceUrl = (a: Appearance): string => (typeof a === 'string' ? a : a.url);

export function statusOf(rating: {
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  alternateName?: string;
}): Exclude<ReviewStatusName, 'unreviewed'> {
  const name = rating.alternateName
    ?.toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (name) {
    for (const [status, r] of Object.entries(RATINGS))
      if (r.label.toLowerCase() === name) return status as never;
    if (
      /misleading|mostly false|half true|partly (true|false)|distort|exaggerat|cherry|mixture|mixed/.test(
        name,
      )
    )
      return 'misleading';
    if (/context/.test(name)) return 'needs-context';
    if (/disputed|unproven|unverified|unsupported|contested|no evidence|unsubstantiated|unclear/.test(name))
      return 'disputed';
    if (/false|inaccurate|incorrect|fake|pants on fire|wrong|fabricat|hoax|scam|not true/.test(name))
      return 'inaccurate';
    if (/true|accurate|correct|verified|confirmed/.test(name)) return 'accurate';
  }
  if (rating.ratingValue !== undefined) {
    const best = rating.bestRating ?? BEST;
    const worst = rating.worstRating ?? WORST;
    const r = (rating.ratingValue - worst) / (best - worst);
    if (r >= 0.75) return 'accurate';
    if (r <= 0.25) return 'inaccurate';
    return 'misleading';
  }
  return 'disputed';
}

export interface ImportedReviews {
  pack: ClaimPack;
  reviews: ReviewRecord[];
}

/**
 * Turns a ClaimReview feed into a claim pack and reviews. Each appearance URL (or, without one, the
 * fact check's own url) becomes a source whose text is its reviewed claims, one paragraph each; the
 * same claim text reviewed twice on one source is one claim whose last review wins. Throws
 * ClaimReviewError naming the first bad record and field.
 */
export function fromClaimReviews(json: unknown, options: { now: number }): ImportedReviews {
  const found = collect(json);
  if (found.length === 0) fail('(root)', 'no ClaimReview found');
  type Draft = { url: string; title: string; author?: string; published?: string; texts: string[] };
  const drafts = new Map<string, Draft>();
  const pending: { url: string; text: string; review: Omit<ReviewRecord, 'targetId'> }[] = [];
  for (const { node, at } of found) {
    const cr: ClaimReviewNode = checkWith(
      ClaimReviewSchema,
      node,
      at === '(root)' ? '' : at,
      ClaimReviewError,
    );
    const field = (key: string) => (at === '(root)' ? key : `${at}.${key}`);
    const item = cr.itemReviewed;
    const appearances =
      item?.appearance === undefined
        ? []
        : Array.isArray(item.appearance)
          ? item.appearance
          : [item.appearance];
    const appearance = appearances[0] ?? item?.firstAppearance;
    const url = appearance ? appearanceUrl(appearance) : cr.url;
    if (!url)
      fail(
        field('itemReviewed.appearance'),
        'missing: expected the URL where the claim appeared (or the review url)',
      );
    let draft = drafts.get(url);
    if (!draft) {
      const work = typeof appearance === 'object' ? appearance : undefined;
      const title = work?.headline?.trim() || work?.name?.trim() || item?.name?.trim() || url;
      const author = nameOf(work?.author) ?? nameOf(item?.author);
      const published = item?.datePublished ?? work?.datePublished;
      draft = { url, title, ...(author && { author }), ...(published && { published }), texts: [] };
      drafts.set(url, draft);
    }
    const text = cr.claimReviewed.replace(/\s+/g, ' ');
    if (!draft.texts.includes(text)) draft.texts.push(text);
    const rating = cr.reviewRating;
    const status = statusOf(rating);
    const reviewer = nameOf(cr.author) ?? '';
    // A foreign scale's own words are kept in the note: 'Mostly false' mapped to misleading says more.
    const ownLabel = RATINGS[status].label === rating.alternateName;
    const notes = [
      !ownLabel &&
        rating.alternateName &&
        `Rated "${rating.alternateName}"${reviewer ? ` by ${reviewer}` : ''}.`,
      cr.reviewBody?.trim(),
      !ownLabel && cr.url && cr.url !== url && cr.url,
    ].filter((x): x is string => !!x);
    pending.push({
      url,
      text,
      review: {
        targetKind: 'claim',
        status,
        note: notes.join(' '),
        reviewer,
        updatedAt: cr.datePublished ? Date.parse(cr.datePublished) : options.now,
      },
    });
  }

  const sources: Source[] = [];
  const claims: Claim[] = [];
  const claimIds = new Map<string, string>(); // `${url}\n${text}` → claim id
  for (const d of drafts.values()) {
    const id = `cr-${hashId(d.url)}`;
    const text = d.texts.join('\n\n');
    let site: string | undefined;
    if (/^https?:/i.test(d.url)) {
      try {
        site = new URL(d.url).hostname.replace(/^www\./, '');
      } catch {
        site = undefined;
      }
    }
    sources.push({
      id,
      title: d.title,
      text,
      url: d.url,
      ...(site && { site }),
      ...(d.author && { author: d.author }),
      ...(d.published && { published: d.published }),
    });
    let start = 0;
    for (const t of d.texts) {
      const claim = anchor(id, text, start, start + t.length);
      claims.push(claim);
      claimIds.set(`${d.url}\n${t}`, claim.id);
      start += t.length + 2;
    }
  }
  const reviews = new Map<string, ReviewRecord>();
  for (const p of pending) {
    const targetId = claimIds.get(`${p.url}\n${p.text}`)!;
    reviews.set(targetId, { targetId, ...p.review });
  }
  const pack: ClaimPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: new Date(options.now).toISOString(),
    generator: 'crosscheck: schema.org ClaimReview import',
    sources,
    claims,
    relations: [],
    discrepancies: [],
  };
  return { pack: asOwnError(() => parsePack(pack), ClaimReviewError), reviews: [...reviews.values()] };
}

/** fromClaimReviews over a file's text; invalid JSON is a ClaimReviewError too. */
export function parseClaimReviewText(text: string, options: { now: number }): ImportedReviews {
  return fromClaimReviews(parseJsonText(text, ClaimReviewError), options);
}
