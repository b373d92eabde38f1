// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), both ways. Export: the base (or
// some of its sources) as an AnnotationCollection whose embedded page holds one Annotation per claim:
// its target is the source URL with a TextQuoteSelector and a TextPositionSelector, its body a
// TextualBody saying what the base holds about it (verdict, relations, review) plus a linking body per
// related claim. Import: such a collection, an AnnotationPage, an array of Annotations or one Annotation
// become sources and claims. A Web Annotation carries quotes, not whole articles, so an imported
// source's text holds only the quoted spans at their offsets (blanks between them).
import * as v from 'valibot';
import { shown } from './path-text.ts';
import { parsePack } from './claim-pack.ts';
import { PackError } from './claim-pack.ts';
import {
  asOwnError,
  checkWith,
  hashId,
  parseJsonText,
  sourceUrl,
  type ReviewRecord,
  RATINGS,
} from './claim-review.ts';
import {
  PACK_FORMAT,
  PACK_VERSION,
  type Claim,
  type ClaimPack,
  type Relation,
  type Source,
} from './types.ts';

export class WebAnnotationError extends PackError {
  override name = 'WebAnnotationError';
}

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Imported texts are rebuilt from offsets; this bounds what a hostile offset can make us allocate. */
const MAX_TEXT = 20_000_000;
const CLAIM_URN = 'urn:crosscheck:claim:';
const SOURCE_URN = 'urn:crosscheck:source:';
/** Crosscheck's own description of a target's source (title, site...), ignored by other tools. */
const SOURCE_KEY = 'crosscheck:source';

export interface AnnotationExportInput {
  sources: Source[];
  claims: Claim[];
  relations: Relation[];
  reviews?: ReviewRecord[];
}

const claimUrn = (id: string) => `${CLAIM_URN}${encodeURIComponent(id)}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(
  claim: Claim,
  related: { other: Claim; relation: Relation }[],
  sources: Map<string, Source>,
  review?: ReviewRecord,
): string {
  const corroborating = related.filter((r) => r.relation.stance === 'corroborates');
  const conflicting = related.filter((r) => r.relation.stance === 'conflicts');
  const verdict =
    corroborating.length && conflicting.length
      ? 'mixed'
      : conflicting.length
        ? 'conflicting'
        : corroborating.length
          ? 'corroborated'
          : 'no related claim in the base';
  const lines = [
    `Crosscheck: ${verdict}` +
      (related.length
        ? ` (corroborated by ${plural(corroborating.length, 'claim')}, conflicts with ${plural(conflicting.length, 'claim')}).`
        : '.'),
  ];
  for (const { other, relation } of related) {
    const title = sources.get(other.sourceId)?.title ?? other.sourceId;
    const reasons = relation.reasons.map((r) => `${r.kind}: ${r.a} vs ${r.b}`).join('; ');
    lines.push(
      `${relation.stance === 'conflicts' ? 'Conflicts with' : 'Corroborated by'} “${other.exact}” (${title})${reasons ? ` [${reasons}]` : ''}.`,
    );
  }
  if (review && review.status !== 'unreviewed')
    lines.push(
      `Moderator review: ${RATINGS[review.status].label}${review.note ? `: ${review.note}` : ''}${review.reviewer ? ` (${review.reviewer})` : ''}.`,
    );
  return lines.join('\n');
}

/** The claims of `input` as an AnnotationCollection with one embedded AnnotationPage. */
export function toWebAnnotations(input: AnnotationExportInput, options: { created: string }): object {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  const reviews = new Map(
    (input.reviews ?? []).filter((r) => r.targetKind === 'claim').map((r) => [r.targetId, r]),
  );
  const related = new Map<string, { other: Claim; relation: Relation }[]>();
  for (const relation of input.relations) {
    const a = claims.get(relation.a);
    const b = claims.get(relation.b);
    if (!a || !b) continue;
    related.set(a.id, [...(related.get(a.id) ?? []), { other: b, relation }]);
    related.set(b.id, [...(related.get(b.id) ?? []), { other: a, relation }]);
  }
  const items: object[] = [];
  for (const claim of input.claims) {
    const source = sources.get(claim.sourceId);
    if (!source) continue;
    const links = related.get(claim.id) ?? [];
    items.push({
      id: claimUrn(claim.id),
      type: 'Annotation',
      motivation: 'assessing',
      created: options.created,
      body: [
        {
          type: 'TextualBody',
          purpose: 'assessing',
          format: 'text/plain',
          value: describe(claim, links, sources, reviews.get(claim.id)),
        },
        ...links.map(({ other }) => ({
          type: 'SpecificResource',
          purpose: 'linking',
          source: claimUrn(other.id),
        })),
      ],
      target: {
        source: sourceUrl(source),
        selector: [
          { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
          { type: 'TextPositionSelector', start: claim.start, end: claim.end },
        ],
      },
      [SOURCE_KEY]: {
        id: source.id,
        title: source.title,
        ...(source.site !== undefined && { site: source.site }),
        ...(source.author !== undefined && { author: source.author }),
        ...(source.published !== undefined && { published: source.published }),
      },
    });
  }
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:crosscheck:annotations:${options.created}`,
    type: 'AnnotationCollection',
    label: 'Crosscheck claims',
    total: items.length,
    first: {
      id: `urn:crosscheck:annotations:${options.created}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}

// ---- import ----------------------------------------------------------------------------------------------

const STRING = 'expected a string';
const NON_EMPTY = 'expected a non-empty string';
const OBJ = 'expected an object';
const INT = 'expected a non-negative integer';
const str = v.string(STRING);
const nonEmpty = v.pipe(v.string(NON_EMPTY), v.minLength(1, NON_EMPTY));
const offset = v.pipe(v.number(INT), v.integer(INT), v.minValue(0, INT));

const isType = (name: string) =>
  v.union(
    [
      v.literal(name),
      v.pipe(
        v.array(v.string()),
        v.check((t) => t.includes(name)),
      ),
    ],
    `expected "${name}"`,
  );

const QuoteSchema = v.looseObject(
  { type: v.literal('TextQuoteSelector'), exact: nonEmpty, prefix: v.optional(str), suffix: v.optional(str) },
  OBJ,
);
const PositionSchema = v.looseObject(
  { type: v.literal('TextPositionSelector'), start: offset, end: offset },
  OBJ,
);
const SelectorSchema = v.looseObject({ type: nonEmpty }, OBJ);

const SourceInfoSchema = v.strictObject(
  {
    id: nonEmpty,
    title: str,
    site: v.optional(str),
    author: v.optional(str),
    published: v.optional(str),
  },
  OBJ,
);

const TargetSchema = v.looseObject(
  {
    source: nonEmpty,
    // One or many; checked one by one below, so an error names the selector (a union would not).
    selector: v.unknown(),
  },
  OBJ,
);

const AnnotationSchema = v.looseObject(
  {
    id: v.optional(nonEmpty),
    type: isType('Annotation'),
    target: v.unknown(),
    [SOURCE_KEY]: v.optional(SourceInfoSchema),
  },
  OBJ,
);

function fail(where: string, message: string): never {
  throw new WebAnnotationError(`${where}: ${message}`);
}
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The annotations of a file, with their paths for error messages. */
function collect(json: unknown): { node: unknown; at: string }[] {
  if (Array.isArray(json)) return json.map((node, i) => ({ node, at: `[${i}]` }));
  if (!isObject(json))
    return fail('(root)', `expected an annotation collection, page or annotation, got ${shown(json)}`);
  const type = JSON.stringify(json.type ?? '');
  const page = (p: unknown, at: string) => {
    if (!isObject(p)) return fail(at, `expected an AnnotationPage, got ${shown(p)}`);
    if (!Array.isArray(p.items)) return fail(`${at}.items`, 'expected an array of annotations');
    return p.items.map((node, i) => ({ node, at: `${at}.items[${i}]` }));
  };
  if (type.includes('AnnotationCollection')) {
    if (json.first === undefined) return [];
    return page(json.first, 'first');
  }
  if (type.includes('AnnotationPage'))
    return page(json, '(root)').map((x) => ({ ...x, at: x.at.replace('(root).', '') }));
  return [{ node: json, at: '(root)' }];
}

/**
 * Turns Web Annotations into a claim pack (no relations: links between claims are descriptions here,
 * not the engine's findings). Annotations need a TextQuoteSelector and a TextPositionSelector that
 * agree; quotes of one source that contradict each other are an error. Throws WebAnnotationError
 * naming the first bad record and field.
 */
export interface ImportedAnnotations {
  pack: ClaimPack;
  /** Where each claim came from in the file (`first.items[3].target.selector[0]`), for later errors. */
  paths: Record<string, string>;
}

export function fromWebAnnotations(json: unknown, options: { now: number }): ImportedAnnotations {
  type Quote = { at: string; exact: string; prefix: string; suffix: string; start: number; end: number };
  type Draft = { id: string; url: string; info?: v.InferOutput<typeof SourceInfoSchema>; quotes: Quote[] };
  const bySourceUrl = new Map<string, Draft>();
  const byId = new Map<string, Draft>();
  for (const { node, at } of collect(json)) {
    const base = at === '(root)' ? '' : at;
    const field = (key: string) => (base ? `${base}.${key}` : key);
    const anno = checkWith(AnnotationSchema, node, base, WebAnnotationError);
    if (anno.target === undefined) fail(field('target'), 'missing required field');
    const many = Array.isArray(anno.target);
    const targets: unknown[] = many ? (anno.target as unknown[]) : [anno.target];
    if (targets.length === 0) fail(field('target'), 'expected a target');
    const tAt = many ? field('target[0]') : field('target');
    const target = checkWith(TargetSchema, targets[0], tAt, WebAnnotationError);
    if (target.selector === undefined) fail(`${tAt}.selector`, 'missing required field');
    const manySelectors = Array.isArray(target.selector);
    const selAt = (i: number) => (manySelectors ? `${tAt}.selector[${i}]` : `${tAt}.selector`);
    const rawSelectors: unknown[] = manySelectors ? (target.selector as unknown[]) : [target.selector];
    if (rawSelectors.length === 0) fail(`${tAt}.selector`, 'expected a selector');
    const selectors = rawSelectors.map((x, i) => checkWith(SelectorSchema, x, selAt(i), WebAnnotationError));
    const qi = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    const pi = selectors.findIndex((s) => s.type === 'TextPositionSelector');
    if (qi < 0) fail(`${tAt}.selector`, 'expected a TextQuoteSelector');
    if (pi < 0)
      fail(`${tAt}.selector`, 'expected a TextPositionSelector (the quote alone does not say where it is)');
    const quote = checkWith(QuoteSchema, selectors[qi], selAt(qi), WebAnnotationError);
    const position = checkWith(PositionSchema, selectors[pi], selAt(pi), WebAnnotationError);
    if (position.end !== position.start + quote.exact.length)
      fail(
        `${selAt(pi)}.end`,
        `expected start + the quote's length (${position.start + quote.exact.length}), got ${position.end}`,
      );
    const prefix = quote.prefix ?? '';
    if (position.end + (quote.suffix ?? '').length > MAX_TEXT)
      fail(
        `${selAt(pi)}.end`,
        `offset ${position.end} is past the longest source Crosscheck imports (${MAX_TEXT})`,
      );
    if (prefix.length > position.start)
      fail(`${selAt(qi)}.prefix`, `is longer than the text before offset ${position.start}`);

    const info = anno[SOURCE_KEY];
    const id =
      info?.id ??
      (target.source.startsWith(SOURCE_URN)
        ? decodeURIComponentSafe(target.source.slice(SOURCE_URN.length))
        : `wa-${hashId(target.source)}`);
    if (!id) fail(`${tAt}.source`, `names no source: ${shown(target.source)}`);
    let draft = bySourceUrl.get(target.source);
    if (draft && draft.id !== id)
      fail(field(SOURCE_KEY) + '.id', `source ${shown(target.source)} is already ${shown(draft.id)}`);
    if (!draft) {
      if (byId.has(id))
        fail(field(SOURCE_KEY) + '.id', `id ${shown(id)} already names source ${shown(byId.get(id)!.url)}`);
      draft = { id, url: target.source, ...(info && { info }), quotes: [] };
      bySourceUrl.set(target.source, draft);
      byId.set(id, draft);
    }
    draft.quotes.push({
      at: selAt(qi),
      exact: quote.exact,
      prefix,
      suffix: quote.suffix ?? '',
      start: position.start,
      end: position.end,
    });
  }

  const sources: Source[] = [];
  const claims: Claim[] = [];
  const paths: Record<string, string> = {};
  for (const d of bySourceUrl.values()) {
    const length = Math.max(...d.quotes.map((q) => q.end + q.suffix.length));
    const chars: (string | undefined)[] = new Array<string | undefined>(length);
    const put = (at: string, field: string, text: string, from: number) => {
      for (let i = 0; i < text.length; i++) {
        const known = chars[from + i];
        if (known !== undefined && known !== text[i])
          fail(`${at}.${field}`, `contradicts another quote of ${shown(d.url)} at offset ${from + i}`);
        chars[from + i] = text[i];
      }
    };
    for (const q of d.quotes) {
      put(q.at, 'exact', q.exact, q.start);
      put(q.at, 'prefix', q.prefix, q.start - q.prefix.length);
      put(q.at, 'suffix', q.suffix, q.end);
    }
    // UTF-16 code units are written one by one, so filling gaps keeps every offset.
    const text = Array.from(chars, (c) => c ?? ' ').join('');
    const isUrn = d.url.startsWith('urn:');
    sources.push({
      id: d.id,
      title: d.info?.title ?? d.url,
      text,
      ...(!isUrn && { url: d.url }),
      ...(d.info?.site !== undefined && { site: d.info.site }),
      ...(d.info?.author !== undefined && { author: d.info.author }),
      ...(d.info?.published !== undefined && { published: d.info.published }),
    });
    const seen = new Map<number, Quote>();
    for (const q of [...d.quotes].sort((a, b) => a.start - b.start)) {
      const before = seen.get(q.start);
      if (before) {
        if (before.end !== q.end) fail(`${q.at}`, `two quotes of ${shown(d.url)} start at offset ${q.start}`);
        continue; // the same quote annotated twice is one claim
      }
      seen.set(q.start, q);
      paths[`${d.id}:${q.start}`] = q.at.replace(/\.selector(\[\d+\])?$/, '');
      claims.push({
        id: `${d.id}:${q.start}`,
        sourceId: d.id,
        exact: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
        start: q.start,
        end: q.end,
      });
    }
  }
  const pack: ClaimPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: new Date(options.now).toISOString(),
    generator: 'crosscheck: W3C Web Annotation import',
    sources,
    claims,
    relations: [],
    discrepancies: [],
  };
  return { pack: asOwnError(() => parsePack(pack), WebAnnotationError), paths };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** fromWebAnnotations over a file's text; invalid JSON is a WebAnnotationError too. */
export function parseWebAnnotationText(text: string, options: { now: number }): ImportedAnnotations {
  return fromWebAnnotations(parseJsonText(text, WebAnnotationError), options);
}
