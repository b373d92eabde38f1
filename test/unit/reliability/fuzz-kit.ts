// fast-check arbitraries for the importer fuzz tests: valid documents of each format, and ways to break
// them (one field removed, retyped, made huge, a prototype-pollution key added, the text truncated or
// garbled, a wrong version, a duplicate id, a dangling reference).
import fc from 'fast-check';
import {
  PACK_FORMAT,
  PACK_VERSION,
  type Claim,
  type ClaimPack,
  type Relation,
} from '../../../src/core/types.ts';

type Json = unknown;
type Path = (string | number)[];

/** Every path (keys and indexes) to a value inside `doc`, the root included. */
export function pathsOf(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (typeof doc === 'object' && doc !== null)
    for (const [k, x] of Object.entries(doc)) pathsOf(x, [...prefix, k], out);
  return out;
}

/** A copy of `doc` with the value at `path` changed by `edit` (the parent container is passed). */
function editAt(
  doc: Json,
  path: Path,
  edit: (parent: Record<string | number, Json>, key: string | number) => void,
): Json {
  if (path.length === 0) {
    const box: Record<string, Json> = { root: structuredClone(doc) };
    edit(box, 'root');
    return box.root;
  }
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  edit(parent, path.at(-1)!);
  return copy;
}

/** Sets an own, enumerable property even for `__proto__` (what JSON.parse makes of such a key). */
function setOwn(target: object, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const HUGE = 'x'.repeat(2_000_000);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A value of some other type than the one it replaces, or an odd one of the same type. */
const retyped = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<Json>(
    null,
    '',
    ' ',
    -1,
    1.5,
    0,
    'x',
    [],
    {},
    true,
    1e308,
    -0,
    '2026-13-45',
    '\u0000',
    '\ud800',
  ),
);

/** The document broken in one place: a value removed, retyped or made huge, an odd or pollution key added. */
export function mutatedDoc(doc: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(doc);
  return fc.oneof(
    // Removed (a field dropped, an array item deleted).
    fc.constantFrom(...paths.filter((p) => p.length > 0)).map((path) =>
      editAt(doc, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      }),
    ),
    // Retyped.
    fc.tuple(fc.constantFrom(...paths), retyped).map(([path, value]) =>
      editAt(doc, path, (parent, key) => {
        parent[key] = value;
      }),
    ),
    // A huge string in place of any value.
    fc.constantFrom(...paths).map((path) =>
      editAt(doc, path, (parent, key) => {
        parent[key] = HUGE;
      }),
    ),
    // A key of any characters (control, U+2028, quotes, dots, very long) added to any object: errors name
    // it on one line.
    fc
      .tuple(
        fc.constantFrom(...paths.filter((p) => isObject(getAt(doc, p)))),
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
          fc.constantFrom('a\nb', 'x\u2028y', 'a.b', '[0]', '"', '\\', ' ', 'k'.repeat(5000)),
        ),
        retyped,
      )
      .map(([path, key, value]) =>
        editAt(doc, path, (parent, k) => {
          setOwn(parent[k] as object, key, value);
        }),
      ),
    // A pollution key added to any object.
    fc
      .tuple(
        fc.constantFrom(...paths.filter((p) => isObject(getAt(doc, p)))),
        fc.constantFrom(...POLLUTION_KEYS),
        fc.constantFrom<Json>({ polluted: true }, { prototype: { polluted: true } }, 'polluted', null),
      )
      .map(([path, key, value]) =>
        editAt(doc, path, (parent, k) => {
          setOwn(parent[k] as object, key, value);
        }),
      ),
  );
}

function getAt(doc: Json, path: Path): Json {
  let node = doc;
  for (const key of path) node = (node as Record<string | number, Json>)[key];
  return node;
}
const isObject = (x: Json): x is Record<string, Json> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The file's text broken: cut short, a character replaced or inserted, bytes that are not text. */
export function brokenText(text: string): fc.Arbitrary<string> {
  const body = text.trimEnd();
  return fc.oneof(
    fc.nat({ max: body.length - 1 }).map((n) => body.slice(0, n)),
    fc
      .tuple(fc.nat({ max: body.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
      .map(([n, s]) => body.slice(0, n) + s + body.slice(n + 1)),
    fc
      .tuple(
        fc.nat({ max: body.length }),
        fc.constantFrom('\u0000', '\ufeff', '\n', '}', ']', ',', '"', '\\'),
      )
      .map(([n, s]) => body.slice(0, n) + s + body.slice(n)),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );
}

/** Random JSON of any shape, as text (mostly not a document of any format). */
export const randomJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((x) => JSON.stringify(x)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'null', '[]', '{}', '""', '0', '[{}]', '[[[[[]]]]]', '{"@type":"ClaimReview"}'),
);

// ---- valid documents -------------------------------------------------------------------------------------

const sourceId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 160 });

/** A valid claim pack: random texts, claims anchored at random offsets, relations across sources. */
export const validPack: fc.Arbitrary<ClaimPack> = fc
  .tuple(
    fc.uniqueArray(fc.record({ id: sourceId, title: fc.string({ maxLength: 30 }), text }), {
      selector: (s) => s.id,
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), {
      maxLength: 8,
    }),
    fc.boolean(),
  )
  .map(([sources, picks, links, withUrl]) => {
    const claims = new Map<string, Claim>();
    for (const [s, a, b, p, q] of picks) {
      const source = sources[s % sources.length]!;
      const t = source.text;
      const start = a % t.length;
      const end = start + 1 + (b % (t.length - start));
      const id = `${source.id}:${start}`;
      if (claims.has(id)) continue;
      claims.set(id, {
        id,
        sourceId: source.id,
        exact: t.slice(start, end),
        prefix: t.slice(start - Math.min(start, p % 40), start),
        suffix: t.slice(end, end + (q % 40)),
        start,
        end,
      });
    }
    const list = [...claims.values()];
    const relations = new Map<string, Relation>();
    for (const [i, j, conflicts, similarity] of links) {
      if (list.length < 2) break;
      const [x, y] = [list[i % list.length]!, list[j % list.length]!];
      if (x.sourceId === y.sourceId) continue;
      const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
      relations.set(`${a}|${b}`, {
        id: `${a}|${b}`,
        a,
        b,
        stance: conflicts ? 'conflicts' : 'corroborates',
        similarity,
        reasons: conflicts ? [{ kind: 'place', a: 'Geneva', b: 'Vienna' }] : [],
      });
    }
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      created: '2026-01-01T00:00:00Z',
      generator: 'fuzz',
      sources: sources.map((s) => ({ ...s, ...(withUrl && { url: `https://${s.id}.example/story` }) })),
      claims: list,
      relations: [...relations.values()],
      discrepancies: [],
    } satisfies ClaimPack;
  });

const rating = fc.oneof(
  fc.record({
    ratingValue: fc.integer({ min: 1, max: 5 }),
    bestRating: fc.constant(5),
    worstRating: fc.constant(1),
  }),
  fc.record({
    alternateName: fc.constantFrom('False', 'Mostly true', 'Misleading', 'Pants on Fire', 'Unproven'),
  }),
);

/** A valid ClaimReview feed: a DataFeed, an ItemList or a bare array of ClaimReviews. */
export const validFeed: fc.Arbitrary<Json> = fc
  .tuple(
    fc.array(
      fc.record({
        claimReviewed: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        reviewRating: rating,
        url: fc.constantFrom('https://a.example/x', 'https://b.example/y', 'urn:x:1'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom('feed', 'list', 'array'),
  )
  .map(([items, shape]) => {
    const reviews = items.map((x) => ({
      '@type': 'ClaimReview',
      claimReviewed: x.claimReviewed,
      reviewRating: { '@type': 'Rating', ...x.reviewRating },
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: x.url } },
    }));
    if (shape === 'array') return reviews;
    if (shape === 'list')
      return { '@type': 'ItemList', itemListElement: reviews.map((item) => ({ '@type': 'ListItem', item })) };
    return { '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: reviews };
  });
