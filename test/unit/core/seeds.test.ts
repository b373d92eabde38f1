import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDiscrepancies, findRelations } from '../../../src/core/index.ts';
import type { Claim, Relation } from '../../../src/core/types.ts';
import { loadSeeds } from './seeds.ts';

const { sources, claims } = loadSeeds();
const relations = findRelations(claims, sources);
const byId = new Map(claims.map((c) => [c.id, c]));

/** Relations between a claim of `srcA` matching `a` and a claim of `srcB` matching `b`. */
function find(srcA: string, a: RegExp, srcB: string, b: RegExp): Relation[] {
  const is = (c: Claim | undefined, src: string, re: RegExp) =>
    !!c && c.sourceId.startsWith(src) && re.test(c.exact);
  return relations.filter((r) => {
    const x = byId.get(r.a);
    const y = byId.get(r.b);
    return (is(x, srcA, a) && is(y, srcB, b)) || (is(y, srcA, a) && is(x, srcB, b));
  });
}

test('seed claims: every source yields claims, offsets point into the cleaned text', () => {
  for (const s of sources) {
    const own = claims.filter((c) => c.sourceId === s.id);
    assert.ok(own.length >= 10, `${s.id}: ${own.length} claims`);
    for (const c of own) assert.equal(s.text.slice(c.start, c.end), c.exact);
  }
});

test('seeds: the talks placed in Alaska (002, 003, 004) conflict with "Alcazar, USA" (001)', () => {
  for (const src of ['002', '003', '004']) {
    const rs = find('001', /Alcazar, USA/, src, /Alaska/);
    const r = rs.find((x) => x.stance === 'conflicts');
    assert.ok(r, `no conflict with ${src}`);
    const place = r.reasons.find((x) => x.kind === 'place');
    assert.ok(place, JSON.stringify(r.reasons));
    assert.ok([place.a, place.b].includes('Alcazar, USA'));
    assert.ok([place.a, place.b].some((t) => t.startsWith('Alaska')));
  }
});

test("seeds: Witkoff's 'first time Russia agreed' in 001 and 004 corroborate", () => {
  const rs = find('001', /first time/, '004', /first time/);
  assert.equal(rs[0]?.stance, 'corroborates');
});

test('seeds: the legislation on not seizing more territory in 001 and 003 corroborates', () => {
  const rs = find('001', /legislation/, '003', /legislation/);
  assert.equal(rs[0]?.stance, 'corroborates');
});

test("seeds: Russia's territorial demands in 000 and 002 corroborate", () => {
  const rs = find('000', /Russia is demanding/, '002', /Russia has demanded/);
  assert.equal(rs[0]?.stance, 'corroborates');
});

test('seeds: relations only join different sources, ids are ordered pairs', () => {
  assert.ok(relations.length > 0);
  for (const r of relations) {
    assert.ok(r.a < r.b);
    assert.equal(r.id, `${r.a}|${r.b}`);
    assert.notEqual(byId.get(r.a)?.sourceId, byId.get(r.b)?.sourceId);
  }
});

test("seeds: discrepancies find 'weikov' vs 'Steve Witkoff' and Senator vs Secretary of State Rubio", () => {
  const d = findDiscrepancies(claims, sources);
  const witkoff = d.find((x) => x.kind === 'person' && x.variants.some((v) => /weikov/i.test(v.text)));
  assert.ok(witkoff, JSON.stringify(d));
  assert.equal(witkoff.entity, 'Steve Witkoff');
  assert.ok(witkoff.variants.some((v) => v.sourceId.startsWith('001')));
  assert.ok(witkoff.variants.some((v) => v.text === 'Steve Witkoff'));
  const rubio = d.find((x) => x.kind === 'role' && x.entity === 'Marco Rubio');
  assert.ok(rubio);
  assert.ok(rubio.variants.some((v) => v.text === 'Senator Marco Rubio' && v.sourceId.startsWith('003')));
  assert.ok(rubio.variants.some((v) => v.text.startsWith('Secretary of State')));
});
