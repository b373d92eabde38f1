import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildPack,
  readArticle,
  PACK_FORMAT,
  PACK_VERSION,
  PackError,
  parsePack,
  parsePackText,
  serializePack,
  type Claim,
  type ClaimPack,
  type Source,
} from '../../../src/core/index.ts';

/** A claim anchored on the first occurrence of `exact` in the source, with 8 characters of context. */
function claimOf(source: Source, exact: string): Claim {
  const start = source.text.indexOf(exact);
  assert.ok(start >= 0, `fixture: ${exact} not in ${source.id}`);
  const end = start + exact.length;
  return {
    id: `${source.id}:${start}`,
    sourceId: source.id,
    exact,
    prefix: source.text.slice(Math.max(0, start - 8), start),
    suffix: source.text.slice(end, end + 8),
    start,
    end,
  };
}

function fixture(): ClaimPack {
  const s1: Source = {
    id: 'a',
    title: 'Summit in Alaska',
    url: 'https://example.com/a',
    site: 'Example',
    author: 'A. Writer',
    published: '2025-08-16',
    text: 'Putin met Trump in Alaska on Friday. Russia agreed to talks.',
  };
  const s2: Source = {
    id: 'b',
    title: 'Summit',
    text: 'The summit was held in Alcazar, USA. It lasted three hours.',
  };
  const c1 = claimOf(s1, 'Putin met Trump in Alaska on Friday.');
  const c2 = claimOf(s1, 'Russia agreed to talks.');
  const c3 = claimOf(s2, 'The summit was held in Alcazar, USA.');
  const [a, b] = [c1.id, c3.id].sort() as [string, string];
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2025-08-20T10:00:00.000Z',
    generator: 'crosscheck 0.1.0',
    sources: [s1, s2],
    claims: [c1, c2, c3],
    relations: [
      {
        id: `${a}|${b}`,
        a,
        b,
        stance: 'conflicts',
        similarity: 0.62,
        reasons: [{ kind: 'place', a: 'Alaska', b: 'Alcazar, USA' }],
      },
    ],
    discrepancies: [
      {
        kind: 'place',
        entity: 'Alaska',
        variants: [
          { text: 'Alaska', sourceId: 'a', claimId: c1.id },
          { text: 'Alcazar, USA', sourceId: 'b' },
        ],
      },
    ],
  };
}

/** The message parsePack throws for `pack` after `mutate`. */
function errorOf(mutate: (pack: Record<string, unknown> & ClaimPack) => void): string {
  const pack = structuredClone(fixture()) as Record<string, unknown> & ClaimPack;
  mutate(pack);
  try {
    parsePack(pack);
  } catch (error) {
    assert.ok(error instanceof PackError, `expected a PackError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('parsePack accepted an invalid pack');
}

describe('parsePack', () => {
  it('accepts a valid pack and returns it unchanged', () => {
    assert.deepEqual(parsePack(structuredClone(fixture())), fixture());
  });

  it('names the record and field of a bad offset', () => {
    assert.equal(
      errorOf((p) => (p.claims[1]!.start = -1)),
      'claims[1].start: expected a non-negative integer, got -1',
    );
    assert.equal(
      errorOf((p) => ((p.claims[2] as unknown as { end: string }).end = '9')),
      'claims[2].end: expected a non-negative integer, got "9"',
    );
    assert.equal(
      errorOf((p) => (p.claims[0]!.end = 1.5)),
      'claims[0].end: expected a non-negative integer, got 1.5',
    );
  });

  it('rejects unknown and missing fields', () => {
    assert.equal(
      errorOf((p) => ((p.sources[1] as unknown as Record<string, unknown>).lang = 'en')),
      'sources[1].lang: unknown field',
    );
    assert.equal(
      errorOf((p) => (p.extra = 1)),
      'extra: unknown field',
    );
    assert.equal(
      errorOf((p) => delete (p.claims[0] as Partial<Claim>).exact),
      'claims[0].exact: missing required field',
    );
    assert.equal(
      errorOf((p) => delete (p as Partial<ClaimPack>).relations),
      'relations: missing required field',
    );
  });

  it('checks that every claim is anchored exactly in its source text', () => {
    assert.match(
      errorOf((p) => (p.claims[1]!.exact = 'Russia refused talks.')),
      /^claims\[1\]\.exact: does not match the source text at \d+\.\.\d+: "Russia agreed to talks\."$/,
    );
    assert.match(
      errorOf((p) => (p.claims[0]!.prefix = 'x')),
      /^claims\[0\]\.prefix: /,
    );
    assert.match(
      errorOf((p) => (p.claims[0]!.suffix = 'nope')),
      /^claims\[0\]\.suffix: /,
    );
    assert.match(
      errorOf((p) => (p.claims[2]!.end = 10_000)),
      /^claims\[2\]\.end: offset 10000 is past the end/,
    );
    assert.match(
      errorOf((p) => (p.claims[2]!.end = p.claims[2]!.start)),
      /^claims\[2\]\.end: expected an offset after/,
    );
  });

  it('checks ids and references', () => {
    assert.equal(
      errorOf((p) => (p.sources[1]!.id = 'a')),
      'sources[1].id: duplicate id "a"',
    );
    assert.equal(
      errorOf((p) => (p.claims[2]!.sourceId = 'zzz')),
      'claims[2].sourceId: no source with id "zzz"',
    );
    assert.match(
      errorOf((p) => (p.claims[1]!.id = 'a:999')),
      /^claims\[1\]\.id: expected "a:\d+", got "a:999"$/,
    );
    assert.match(
      errorOf((p) => (p.claims.push(structuredClone(p.claims[0]!)), p)),
      /^claims\[3\]\.id: duplicate id/,
    );
    assert.match(
      errorOf((p) => (p.relations[0]!.a = 'a:7777')),
      /^relations\[0\]\.a: no claim with id "a:7777"$/,
    );
    assert.match(
      errorOf((p) => {
        const r = p.relations[0]!;
        [r.a, r.b] = [r.b, r.a];
        r.id = `${r.a}|${r.b}`;
      }),
      /^relations\[0\]\.b: expected a claim id after a/,
    );
    assert.match(
      errorOf((p) => (p.relations[0]!.id = 'x')),
      /^relations\[0\]\.id: expected ".+\|.+", got "x"$/,
    );
    assert.equal(
      errorOf((p) => (p.discrepancies[0]!.variants[1]!.sourceId = 'nowhere')),
      'discrepancies[0].variants[1].sourceId: no source with id "nowhere"',
    );
    assert.match(
      errorOf((p) => (p.discrepancies[0]!.variants[0]!.sourceId = 'b')),
      /^discrepancies\[0\]\.variants\[0\]\.claimId: claim "a:0" belongs to source "a"$/,
    );
  });

  it('rejects relations within one source and out-of-range values', () => {
    assert.match(
      errorOf((p) => {
        const [x, y] = [p.claims[0]!.id, p.claims[1]!.id].sort() as [string, string];
        Object.assign(p.relations[0]!, { a: x, b: y, id: `${x}|${y}` });
      }),
      /^relations\[0\]\.b: relates two claims of the same source "a"$/,
    );
    assert.equal(
      errorOf((p) => (p.relations[0]!.similarity = 1.2)),
      'relations[0].similarity: expected a number from 0 to 1, got 1.2',
    );
    assert.match(
      errorOf((p) => ((p.relations[0]!.reasons[0] as { kind: string }).kind = 'vibes')),
      /^relations\[0\]\.reasons\[0\]\.kind: expected one of number, .*, got "vibes"$/,
    );
    assert.match(
      errorOf((p) => ((p.relations[0] as { stance: string }).stance = 'discusses')),
      /^relations\[0\]\.stance: /,
    );
  });

  it('explains format and version problems', () => {
    assert.match(
      errorOf((p) => ((p as { format: string }).format = 'other')),
      /^format: .*not a Crosscheck claim pack/,
    );
    assert.match(
      errorOf((p) => ((p as { version: number }).version = PACK_VERSION + 1)),
      /update Crosscheck/,
    );
    assert.match(
      errorOf((p) => ((p as { version: number }).version = 0)),
      /^version: expected 1, got 0$/,
    );
    assert.match(
      errorOf((p) => (p.created = 'yesterday')),
      /^created: expected an ISO 8601 date-time/,
    );
    assert.throws(() => parsePack([]), /^PackError: \(root\): expected a JSON object, got \[\]$/);
    assert.throws(() => parsePack(null), PackError);
    assert.throws(() => parsePackText('{"format":'), /^PackError: invalid JSON/);
  });
});

describe('serializePack', () => {
  it('writes the example of docs/claim-pack.md, which is this fixture, byte for byte', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/claim-pack.md'), 'utf8');
    const example = /```json\n([\s\S]*?\n)```/.exec(doc)?.[1];
    assert.ok(example, 'docs/claim-pack.md has a json example');
    assert.deepEqual(parsePackText(example), fixture());
    assert.equal(serializePack(fixture()), example);
  });

  it('round-trips through parsePack', () => {
    const text = serializePack(fixture());
    assert.deepEqual(parsePackText(text), fixture());
    assert.equal(serializePack(parsePackText(text)), text);
  });

  it('writes the same bytes whatever the key order of the input', () => {
    const reversed = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(reversed)
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.entries(x)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : x;
    assert.equal(serializePack(reversed(fixture()) as ClaimPack), serializePack(fixture()));
  });

  it('puts one record per line and ends with a newline', () => {
    const text = serializePack(fixture());
    assert.ok(text.endsWith('}\n'));
    assert.equal(text.split('\n').filter((l) => l.startsWith('    {"id":"a:')).length, 2 + 1); // 1 source, 2 claims
  });

  it('round-trips arbitrary texts and claim spans (property)', () => {
    const arbitrarySource = fc.record({
      text: fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
      title: fc.string(),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(arbitrarySource, { minLength: 1, maxLength: 4 }), (raw) => {
        const sources: Source[] = raw.map((r, i) => ({ id: `s${i}`, title: r.title, text: r.text }));
        const claims = new Map<string, Claim>();
        raw.forEach((r, i) => {
          for (const [x, y] of r.spans) {
            const start = x % r.text.length;
            const end = start + 1 + (y % (r.text.length - start));
            const id = `s${i}:${start}`;
            claims.set(id, {
              id,
              sourceId: `s${i}`,
              exact: r.text.slice(start, end),
              prefix: r.text.slice(Math.max(0, start - 3), start),
              suffix: r.text.slice(end, end + 3),
              start,
              end,
            });
          }
        });
        const pack: ClaimPack = {
          ...fixture(),
          sources,
          claims: [...claims.values()],
          relations: [],
          discrepancies: [],
        };
        assert.deepEqual(parsePackText(serializePack(pack)), pack);
      }),
    );
  });
});

describe('buildPack', () => {
  const seeds = join(import.meta.dirname, '../../../seeds');
  const articles = readdirSync(seeds)
    .sort()
    .map((f) => readArticle(f, readFileSync(join(seeds, f), 'utf8')));

  it('builds a valid pack from the seeds that round-trips byte for byte', () => {
    const progress: [number, number][] = [];
    const pack = buildPack(articles, {
      created: '2025-08-20T10:00:00.000Z',
      generator: 'test',
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.deepEqual(
      progress,
      [1, 2, 3, 4, 5].map((i) => [i, 5]),
    );
    assert.equal(pack.created, '2025-08-20T10:00:00.000Z');
    assert.equal(pack.generator, 'test');
    assert.deepEqual(
      pack.sources.map((s) => s.id),
      articles.map((a) => a.id),
    );
    assert.ok(pack.claims.length > 20 && pack.relations.length > 0);
    const text = serializePack(pack);
    assert.deepEqual(parsePackText(text), pack);
    assert.equal(serializePack(parsePackText(text)), text);
    // Same input, same bytes: the bundled seed pack only changes when the engine does.
    assert.equal(serializePack(buildPack(articles, { created: pack.created, generator: 'test' })), text);
  });

  it('refuses two articles with one id', () => {
    assert.throws(
      () => buildPack([articles[0]!, { ...articles[1]!, id: articles[0]!.id }]),
      new PackError(`articles[1].id: duplicate id "${articles[0]!.id}" (also articles[0])`),
    );
  });
});
