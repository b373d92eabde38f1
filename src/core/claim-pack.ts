// The claim pack on disk: a versioned schema, strict validation on load, and one stable serialization.
// Data is code (house style 7): every load goes through parsePack, whose errors name the first bad record
// and field, so a hand-edited or truncated pack fails loudly instead of misplacing highlights.
// The format is documented in docs/claim-pack.md; change both together.
import * as v from 'valibot';
import { pathText, shown } from './path-text.ts';
import {
  PACK_FORMAT,
  PACK_VERSION,
  type Claim,
  type ClaimPack,
  type Discrepancy,
  type Reason,
  type ReasonKind,
  type Relation,
  type Source,
} from './types.ts';

export class PackError extends Error {
  override name = 'PackError';
}

export const REASON_KINDS = [
  'number', 'quantity', 'date', 'place', 'person', 'organization', 'role', 'negation', 'antonym',
  'modality', 'attribution', 'refutation',
] as const satisfies readonly ReasonKind[]; // prettier-ignore
// Fails to compile when ReasonKind gains a kind this list (and so the schema) doesn't know.
const _allReasonKinds: readonly (typeof REASON_KINDS)[number][] = [] as ReasonKind[];

const DISCREPANCY_KINDS = ['person', 'role', 'place', 'organization'] as const;

// ---- schema ----------------------------------------------------------------------------------------------

const STRING = 'expected a string';
const NON_EMPTY = 'expected a non-empty string';
const NON_NEGATIVE_INTEGER = 'expected a non-negative integer';
const UNIT = 'expected a number from 0 to 1';

const str = v.string(STRING);
const nonEmpty = v.pipe(v.string(NON_EMPTY), v.minLength(1, NON_EMPTY));
const offset = v.pipe(
  v.number(NON_NEGATIVE_INTEGER),
  v.integer(NON_NEGATIVE_INTEGER),
  v.minValue(0, NON_NEGATIVE_INTEGER),
);
const unit = v.pipe(v.number(UNIT), v.minValue(0, UNIT), v.maxValue(1, UNIT));
const obj = 'expected an object';
const arr = 'expected an array';

const ReasonSchema = v.strictObject(
  { kind: v.picklist(REASON_KINDS, `expected one of ${REASON_KINDS.join(', ')}`), a: str, b: str },
  obj,
);

const SourceSchema = v.strictObject(
  {
    id: nonEmpty,
    title: str,
    text: str,
    url: v.optional(str),
    site: v.optional(str),
    author: v.optional(str),
    published: v.optional(str),
  },
  obj,
);

const ClaimSchema = v.strictObject(
  { id: nonEmpty, sourceId: nonEmpty, exact: nonEmpty, prefix: str, suffix: str, start: offset, end: offset },
  obj,
);

const RelationSchema = v.strictObject(
  {
    id: nonEmpty,
    a: nonEmpty,
    b: nonEmpty,
    stance: v.picklist(['corroborates', 'conflicts'], 'expected "corroborates" or "conflicts"'),
    similarity: unit,
    reasons: v.array(ReasonSchema, arr),
  },
  obj,
);

const VariantSchema = v.strictObject(
  { text: nonEmpty, sourceId: nonEmpty, claimId: v.optional(nonEmpty) },
  obj,
);

const DiscrepancySchema = v.strictObject(
  {
    kind: v.picklist(DISCREPANCY_KINDS, `expected one of ${DISCREPANCY_KINDS.join(', ')}`),
    entity: nonEmpty,
    variants: v.pipe(v.array(VariantSchema, arr), v.minLength(2, 'expected at least two variants')),
  },
  obj,
);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const ClaimPackSchema = v.strictObject(
  {
    format: v.literal(PACK_FORMAT, `expected "${PACK_FORMAT}"`),
    version: v.literal(PACK_VERSION, `expected ${PACK_VERSION}`),
    created: v.pipe(
      v.string('expected an ISO 8601 date-time'),
      v.regex(ISO_DATE_TIME, 'expected an ISO 8601 date-time'),
    ),
    generator: nonEmpty,
    sources: v.array(SourceSchema, arr),
    claims: v.array(ClaimSchema, arr),
    relations: v.array(RelationSchema, arr),
    discrepancies: v.array(DiscrepancySchema, arr),
  },
  'expected a JSON object',
);

// ---- parse -----------------------------------------------------------------------------------------------

function fail(where: string, message: string): never {
  throw new PackError(`${where}: ${message}`);
}

/**
 * Validates untrusted JSON as a claim pack: the schema (unknown keys rejected), the version, and the
 * cross-references (ids unique, claims anchored exactly in their source text, relation endpoints present).
 * Throws PackError naming the first bad record and field, e.g. `claims[12].start: expected a non-negative
 * integer, got -1`.
 */
export function parsePack(json: unknown): ClaimPack {
  // Valibot's object schemas accept arrays, so the root gets its own check.
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail('(root)', `expected a JSON object, got ${shown(json)}`);
  // Another file, or a newer pack, gets a message that says what it is rather than a literal mismatch.
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== undefined && format !== PACK_FORMAT)
    fail('format', `expected "${PACK_FORMAT}", got ${shown(format)} (not a Crosscheck claim pack)`);
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_VERSION)
    fail(
      'version',
      `pack version ${version} is newer than this Crosscheck reads (${PACK_VERSION}); update Crosscheck`,
    );
  const result = v.safeParse(ClaimPackSchema, json, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const where = pathText(issue.path);
    if (issue.type === 'strict_object' && issue.expected === 'never') fail(where, 'unknown field');
    if (issue.type === 'strict_object') fail(where, 'missing required field');
    fail(where, `${issue.message}, got ${shown(issue.input)}`);
  }
  const pack: ClaimPack = result.output;
  checkReferences(pack);
  return pack;
}

function checkReferences(pack: ClaimPack): void {
  const sources = new Map<string, Source>();
  pack.sources.forEach((s, i) => {
    if (sources.has(s.id)) fail(`sources[${i}].id`, `duplicate id ${shown(s.id)}`);
    sources.set(s.id, s);
  });

  const claims = new Map<string, Claim>();
  pack.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    if (claims.has(c.id)) fail(`${at}.id`, `duplicate id ${shown(c.id)}`);
    claims.set(c.id, c);
    const source = sources.get(c.sourceId);
    if (!source) fail(`${at}.sourceId`, `no source with id ${shown(c.sourceId)}`);
    if (c.id !== `${c.sourceId}:${c.start}`)
      fail(`${at}.id`, `expected "${c.sourceId}:${c.start}", got ${shown(c.id)}`);
    if (c.end <= c.start) fail(`${at}.end`, `expected an offset after start (${c.start}), got ${c.end}`);
    if (c.end > source.text.length)
      fail(
        `${at}.end`,
        `offset ${c.end} is past the end of source ${shown(source.id)} (${source.text.length})`,
      );
    const exact = source.text.slice(c.start, c.end);
    if (c.exact !== exact)
      fail(`${at}.exact`, `does not match the source text at ${c.start}..${c.end}: ${shown(exact)}`);
    if (c.prefix !== source.text.slice(c.start - c.prefix.length, c.start) || c.prefix.length > c.start)
      fail(`${at}.prefix`, `does not match the source text before offset ${c.start}`);
    if (c.suffix !== source.text.slice(c.end, c.end + c.suffix.length))
      fail(`${at}.suffix`, `does not match the source text after offset ${c.end}`);
  });

  const relations = new Set<string>();
  pack.relations.forEach((r, i) => {
    const at = `relations[${i}]`;
    if (relations.has(r.id)) fail(`${at}.id`, `duplicate id ${shown(r.id)}`);
    relations.add(r.id);
    const a = claims.get(r.a);
    if (!a) fail(`${at}.a`, `no claim with id ${shown(r.a)}`);
    const b = claims.get(r.b);
    if (!b) fail(`${at}.b`, `no claim with id ${shown(r.b)}`);
    if (!(r.a < r.b)) fail(`${at}.b`, `expected a claim id after a (${shown(r.a)}), got ${shown(r.b)}`);
    if (a.sourceId === b.sourceId)
      fail(`${at}.b`, `relates two claims of the same source ${shown(a.sourceId)}`);
    if (r.id !== `${r.a}|${r.b}`) fail(`${at}.id`, `expected "${r.a}|${r.b}", got ${shown(r.id)}`);
  });

  pack.discrepancies.forEach((d, i) => {
    d.variants.forEach((variant, j) => {
      const at = `discrepancies[${i}].variants[${j}]`;
      if (!sources.has(variant.sourceId))
        fail(`${at}.sourceId`, `no source with id ${shown(variant.sourceId)}`);
      if (variant.claimId === undefined) return;
      const claim = claims.get(variant.claimId);
      if (!claim) fail(`${at}.claimId`, `no claim with id ${shown(variant.claimId)}`);
      if (claim.sourceId !== variant.sourceId)
        fail(`${at}.claimId`, `claim ${shown(claim.id)} belongs to source ${shown(claim.sourceId)}`);
    });
  });
}

/**
 * A JSON.parse error as one line: V8 quotes the text around the error verbatim, so a file's newlines (or
 * NULs) would otherwise break the one-line error contract of importers and the CLI.
 */
export function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${message.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

/** Parses pack text (JSON) and validates it; JSON syntax errors are PackErrors too. */
export function parsePackText(text: string): ClaimPack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackError(jsonErrorMessage(error));
  }
  return parsePack(json);
}

// ---- serialize -------------------------------------------------------------------------------------------

// Key order is fixed here rather than inherited from whatever built the objects, so the same pack
// serializes to the same bytes (the bundled seed pack diffs cleanly).
const reason = (r: Reason): Reason => ({ kind: r.kind, a: r.a, b: r.b });
const source = (s: Source): Source => ({
  id: s.id,
  title: s.title,
  ...(s.url !== undefined && { url: s.url }),
  ...(s.site !== undefined && { site: s.site }),
  ...(s.author !== undefined && { author: s.author }),
  ...(s.published !== undefined && { published: s.published }),
  text: s.text,
});
const claim = (c: Claim): Claim => ({
  id: c.id,
  sourceId: c.sourceId,
  start: c.start,
  end: c.end,
  exact: c.exact,
  prefix: c.prefix,
  suffix: c.suffix,
});
const relation = (r: Relation): Relation => ({
  id: r.id,
  a: r.a,
  b: r.b,
  stance: r.stance,
  similarity: r.similarity,
  reasons: r.reasons.map(reason),
});
const discrepancy = (d: Discrepancy): Discrepancy => ({
  kind: d.kind,
  entity: d.entity,
  variants: d.variants.map((x) => ({
    text: x.text,
    sourceId: x.sourceId,
    ...(x.claimId !== undefined && { claimId: x.claimId }),
  })),
});

/**
 * The pack as JSON text: fixed key order, one record per line (readable diffs without the bulk of full
 * indentation), trailing newline.
 */
export function serializePack(pack: ClaimPack): string {
  const list = <T>(items: T[], f: (x: T) => unknown): string =>
    items.length ? `[\n${items.map((x) => `    ${JSON.stringify(f(x))}`).join(',\n')}\n  ]` : '[]';
  const lines = [
    `  "format": ${JSON.stringify(pack.format)}`,
    `  "version": ${JSON.stringify(pack.version)}`,
    `  "created": ${JSON.stringify(pack.created)}`,
    `  "generator": ${JSON.stringify(pack.generator)}`,
    `  "sources": ${list(pack.sources, source)}`,
    `  "claims": ${list(pack.claims, claim)}`,
    `  "relations": ${list(pack.relations, relation)}`,
    `  "discrepancies": ${list(pack.discrepancies, discrepancy)}`,
  ];
  return `{\n${lines.join(',\n')}\n}\n`;
}
