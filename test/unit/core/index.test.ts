import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimIndex, keepReports, matchPage, verdictOf } from '../../../src/core/index.ts';
import type { Claim, Report } from '../../../src/core/types.ts';

const claim = (sourceId: string, start: number, exact: string): Claim => ({
  id: `${sourceId}:${start}`,
  sourceId,
  exact,
  prefix: '',
  suffix: '',
  start,
  end: start + exact.length,
});

const BASE = [
  claim('a', 0, 'The ferry company cancelled 30 crossings on Friday because of the storm.'),
  claim('a', 100, 'Bread prices rose sharply in April, the bakers association said.'),
  claim('b', 0, 'The bridge over the Tamar will reopen to traffic in May.'),
  claim('b', 90, 'Mayor Jane Holt said the stadium plan is not affordable.'),
  claim('c', 0, 'The ferry company cancelled 80 crossings on Friday because of the storm.'),
];
const SOURCES = ['a', 'b', 'c'].map((id) => ({ id, title: `Source ${id}`, text: '' }));

function index(): ClaimIndex {
  const ix = new ClaimIndex();
  ix.add(BASE, SOURCES);
  return ix;
}

test('search ranks the claim about the same proposition first, not claims sharing one word', () => {
  const hits = index().search('Bread prices climbed sharply in April.');
  assert.equal(hits[0]?.claim.id, 'a:100');
  assert.ok(hits.every((h) => h.similarity >= 0.15));
  // Sharing only a name can make a search candidate, but never a report.
  assert.deepEqual(
    matchPage(index(), { title: '', text: 'Mayor Jane Holt visited a primary school in Leeds.' }).sentences,
    [],
  );
});

test('search: limit, excludeSourceId and removeSource', () => {
  const ix = index();
  assert.equal(
    ix.search('The ferry company cancelled crossings because of the storm.', { limit: 1 }).length,
    1,
  );
  const ids = ix
    .search('The ferry company cancelled crossings because of the storm.', { excludeSourceId: 'a' })
    .map((h) => h.claim.id);
  assert.deepEqual(ids, ['c:0']);
  ix.removeSource('c');
  assert.equal(ix.size, 4);
  assert.ok(
    !ix
      .search('The ferry company cancelled crossings because of the storm.')
      .some((h) => h.claim.sourceId === 'c'),
  );
  assert.equal(ix.source('c'), undefined);
});

test('verdictOf combines report stances', () => {
  assert.equal(verdictOf([{ stance: 'corroborates' }, { stance: 'corroborates' }]), 'corroborated');
  assert.equal(verdictOf([{ stance: 'conflicts' }]), 'conflicting');
  assert.equal(verdictOf([{ stance: 'conflicts' }, { stance: 'corroborates' }]), 'mixed');
  assert.equal(verdictOf([{ stance: 'discusses' }, { stance: 'corroborates' }]), 'discussed');
});

test('matchPage lists only matched sentences with offsets into the page text and reasons', () => {
  const text =
    'Ferry Chaos\nThe ferry company cancelled 30 crossings on Friday because of the storm. Our reporter enjoyed the sunshine in the park today. Bread prices fell sharply in April.';
  const m = matchPage(index(), { title: 'Page', text });
  assert.equal(m.title, 'Page');
  assert.equal(m.sentences.length, 2);
  const [ferry, bread] = m.sentences;
  assert.ok(ferry && bread);
  assert.equal(text.slice(ferry.start, ferry.end), ferry.text);
  assert.equal(ferry.verdict, 'mixed');
  const conflict = ferry.reports.find((r) => r.stance === 'conflicts');
  assert.equal(conflict?.sourceId, 'c');
  assert.equal(conflict?.sourceTitle, 'Source c');
  assert.deepEqual(conflict?.reasons[0], { kind: 'number', a: '30 crossings', b: '80 crossings' });
  assert.equal(bread.verdict, 'conflicting');
  assert.equal(bread.reports[0]?.reasons[0]?.kind, 'antonym');
});

test('matchPage with excludeSourceId does not report a source against itself', () => {
  const text = 'The ferry company cancelled 30 crossings on Friday because of the storm.';
  const m = matchPage(index(), { title: '', text }, { excludeSourceId: 'a' });
  assert.deepEqual(
    m.sentences[0]?.reports.map((r) => r.sourceId),
    ['c'],
  );
});

// How fast search is at 1k-100k claims is measured by `npm run bench` (docs/benchmarks.md), not here.
test('search finds the one claim about a project among 20,000 similar ones', () => {
  const ix = new ClaimIndex();
  const claims: Claim[] = [];
  for (let i = 0; i < 20000; i++)
    claims.push(
      claim(
        `s${i % 200}`,
        i,
        `Official number ${i} reported that project z${i}q in region r${i % 97}y was delayed by ${i % 50} weeks.`,
      ),
    );
  ix.add(claims);
  for (let i = 0; i < 100; i++) {
    const n = i * 13;
    assert.equal(
      ix.search(`Project z${n}q in region r${n % 97}y was delayed.`)[0]?.claim.id,
      `s${n % 200}:${n}`,
    );
  }
  assert.equal(ix.search('Project z1300q in region r39y was delayed.')[0]?.claim.id, 's100:1300');
});

test('keepReports: stance-taking reports are not diluted by weak "discusses" ones', () => {
  const r = (stance: Report['stance'], similarity: number): Report => ({
    claimId: `${stance}${similarity}`,
    sourceId: 's',
    sourceTitle: 'S',
    text: '',
    stance,
    similarity,
    reasons: [],
  });
  const kept = keepReports([
    r('corroborates', 0.78),
    r('discusses', 0.41),
    r('corroborates', 0.73),
    r('discusses', 0.4),
    r('discusses', 0.39),
  ]);
  assert.deepEqual(
    kept.map((x) => x.stance),
    ['corroborates', 'corroborates'],
  );
  assert.equal(verdictOf(kept), 'corroborated');
  // Discusses alone is listed only when close; a far weaker stance-taking report is about something else.
  assert.deepEqual(keepReports([r('discusses', 0.3)]), []);
  assert.equal(keepReports([r('discusses', 0.5)]).length, 1);
  assert.deepEqual(
    keepReports([r('conflicts', 0.84), r('corroborates', 0.36)]).map((x) => x.stance),
    ['conflicts'],
  );
});

test('search finds a claim whose terms are all common in the base, among many partial matches', () => {
  const words = ['ferry', 'harbour', 'strike', 'cancelled', 'crossings'];
  const filler: Claim[] = [];
  for (let i = 0; i < 1200; i++) {
    // Two or three of the five words in each filler claim, never all five.
    const some = words.filter((_, k) => (i + k) % 5 < 2 + (i % 2));
    filler.push(claim('f', i * 100, `The ${some.join(' ')} report number ${i} mentions ${some[0]}.`));
  }
  const target = claim('t', 0, 'The harbour strike cancelled ferry crossings.');
  const ix = new ClaimIndex();
  ix.add(
    [...filler, target],
    [
      { id: 'f', title: 'F', text: '' },
      { id: 't', title: 'T', text: '' },
    ],
  );
  const hits = ix.search('Ferry crossings were cancelled by a strike at the harbour.', { limit: 5 });
  assert.equal(hits[0]?.claim.id, target.id);
  // Removing the source removes it from results.
  ix.removeSource('t');
  assert.ok(
    !ix
      .search('Ferry crossings were cancelled by a strike at the harbour.')
      .some((h) => h.claim.id === target.id),
  );
});

test('features: a hit finds its claim features by slot, the same as by claim, also after the cache is emptied', () => {
  const claims: Claim[] = [];
  for (let i = 0; i < 4200; i++)
    claims.push(claim(`s${i % 50}`, i, `Depot ${i} in Tamar reopened on ${(i % 27) + 1} May.`));
  const ix = new ClaimIndex();
  ix.add(claims);
  // More claims than the cache holds: it is emptied on the way, and refilled.
  for (const c of claims) assert.equal(ix.features(c).text, c.exact);
  const hits = ix.candidates(ix.features(claims[7]!), { limit: 3 });
  assert.equal(hits[0]?.claim.id, claims[7]!.id);
  for (const h of hits) assert.equal(ix.features(h.claim, h.doc), ix.features(h.claim));
  // A slot that holds another claim is not trusted.
  const [a, b] = hits;
  assert.ok(a && b);
  assert.equal(ix.features(a.claim, b.doc).text, a.claim.exact);
});

test('candidates: the frame search adds only claims the plain search did not return', () => {
  const ix = new ClaimIndex();
  ix.add([
    claim('a', 0, 'Trump met Putin in Alaska on August 15 to discuss a ceasefire.'),
    claim('b', 0, 'Trump met Putin in Alcazar on August 15, officials said.'),
    claim('c', 0, 'Putin met Trump in Helsinki in July 2018.'),
    claim('d', 0, 'The ceasefire talks in Geneva stalled on Monday.'),
  ]);
  const hits = ix.candidates(ix.features(claim('p', 0, 'Trump met Putin in Anchorage on August 15.')), {
    limit: 8,
    minSimilarity: 0.05,
  });
  const ids = hits.map((h) => h.claim.id);
  assert.ok(ids.includes('a:0') && ids.includes('b:0'));
  assert.equal(new Set(ids).size, ids.length);
});
