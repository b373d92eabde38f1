import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, isCheckWorthy, extractClaims, prepareArticle } from '../../../src/core/index.ts';

const nums = (s: string) => analyze(s).numbers.map((n) => [n.value, n.unit]);

test('numbers: words, fractions, mixed forms, percentages and multiples are normalised', () => {
  assert.deepEqual(nums('It took three and a half hours.'), [[3.5, 'h']]);
  assert.deepEqual(nums('About a quarter of voters agreed.')[0]?.[0], 0.25);
  assert.deepEqual(nums('Sixty-two houses burned.'), [[62, 'hous']]);
  assert.deepEqual(nums('The 3 1/2-year war goes on.'), [[3.5, 'year']]);
  assert.deepEqual(nums('Unemployment hit 4.1 percent.'), [[4.1, '%']]);
  assert.deepEqual(nums('Unemployment hit 4.1%.'), [[4.1, '%']]);
  assert.deepEqual(nums('Forty trains stopped.'), [[40, 'train']]);
  assert.deepEqual(nums('The clause was used only once.'), [[1, 'times']]);
  assert.deepEqual(nums('It happened twice, then four times more.'), [
    [2, 'times'],
    [4, 'times'],
  ]);
  assert.deepEqual(nums('They paid 2,000 workers.'), [[2000, 'worker']]);
});

test('numbers: years become dates and labels like "Article 5" are not quantities', () => {
  const f = analyze('Under Article 5 of the treaty signed in 1949, members help.');
  assert.deepEqual(f.numbers, []);
  assert.deepEqual(
    f.dates.map((d) => d.year),
    [1949],
  );
});

test('dates: day-month orders, abbreviations, ordinals, month-year, weekdays and relative dates', () => {
  const d = (s: string) => analyze(s).dates.map((x) => [x.year, x.month, x.day, x.weekday, x.relative]);
  assert.deepEqual(d('The vote is on August 15th.'), [[undefined, 8, 15, undefined, undefined]]);
  assert.deepEqual(d('The vote is on 15 August.'), [[undefined, 8, 15, undefined, undefined]]);
  assert.deepEqual(d('The vote is on Aug. 15.'), [[undefined, 8, 15, undefined, undefined]]);
  assert.deepEqual(d('It began in February 2022.'), [[2022, 2, undefined, undefined, undefined]]);
  assert.deepEqual(d('They meet on Monday and again next year.'), [
    [undefined, undefined, undefined, 1, undefined],
    [undefined, undefined, undefined, undefined, 'next year'],
  ]);
  assert.deepEqual(d('Officials may resign.'), []);
});

test('entities: roles attach to people, places are typed, demonyms map to countries', () => {
  const f = analyze(
    'Talks with Lavrov in Geneva, said U.S. Secretary of State Marco Rubio and German Chancellor Friedrich Merz.',
  );
  const rubio = f.entities.find((e) => e.key === 'rubio');
  assert.equal(rubio?.kind, 'person');
  assert.equal(rubio?.roleKey, 'secretary of state');
  assert.equal(rubio?.roleScope, 'usa');
  assert.equal(f.entities.find((e) => e.key === 'merz')?.roleKey, 'chancellor');
  const geneva = f.entities.find((e) => e.key === 'geneva');
  assert.equal(geneva?.kind, 'place');
  assert.equal(geneva?.locative, true);
  assert.ok(f.entities.some((e) => e.key === 'germany'));
  const g = analyze('The summit took place in Portvale, Canada on Friday.');
  const p = g.entities.find((e) => e.kind === 'place' && e.parent === 'canada');
  assert.equal(p?.text, 'Portvale, Canada');
});

test('entities: a capitalised title before a lowercase name still names a person', () => {
  const f = analyze('Special Envoy karlov announced the deal today.');
  const e = f.entities.find((x) => x.kind === 'person');
  assert.equal(e?.text, 'karlov');
  assert.equal(e?.roleKey, 'special envoy');
});

test('negation: cue and the predicate it negates; double cues cancel', () => {
  const neg = (s: string, key: string) => analyze(s).terms.get(key)?.negated;
  assert.equal(neg('The border is not negotiable.', 'negoti'), true);
  assert.equal(neg('The border could be negotiated.', 'negoti'), false);
  assert.equal(neg('The coach refused to resign.', 'resign'), true);
  assert.equal(neg('No trains were cancelled by the company.', 'cancel'), true);
  assert.equal(neg('The plan never worked.', 'work'), true);
  assert.equal(neg('They left without paying.', 'pai'), true);
});

test('modality and attribution', () => {
  assert.equal(analyze('The bank may cut rates.').modality, 'hedged');
  assert.equal(analyze('The bank will cut rates.').modality, 'future');
  assert.equal(analyze('The bank cut rates.').modality, 'asserted');
  assert.equal(analyze('The bank is considering a cut.').modality, 'hedged');
  assert.equal(analyze('Lagarde stated that rates will fall.').attribution?.speaker, 'Lagarde');
  assert.equal(analyze('Rates will fall, according to Reuters.').attribution?.speaker, 'Reuters');
  assert.equal(
    analyze('“Rates will fall,” said Governor Andrew Bailey.').attribution?.speaker,
    'Andrew Bailey',
  );
});

test('synonyms share a term: stepped down ~ resigned, climbed ~ rose, forty ~ 40', () => {
  const keys = (s: string) => [...analyze(s).terms.keys()];
  assert.ok(keys('The coach stepped down.').includes('resign'));
  assert.ok(keys('The coach resigned.').includes('resign'));
  assert.ok(keys('Fares climbed sharply.').includes('rise'));
  assert.ok(keys('Fares rose sharply.').includes('rise'));
});

test('isCheckWorthy: assertions with names or numbers yes; questions, headings, calls to action no', () => {
  assert.equal(isCheckWorthy('The Senate approved the budget of 2 billion dollars on Tuesday.'), true);
  assert.equal(isCheckWorthy('Did the Senate approve the budget on Tuesday?'), false);
  assert.equal(isCheckWorthy('Senate Budget Fight Heads Into Final Week'), false);
  assert.equal(isCheckWorthy('Subscribe to our newsletter for the latest Senate news today.'), false);
  assert.equal(isCheckWorthy('It was a long and tiring day for everyone involved.'), false);
});

test('extractClaims: ids and offsets point into the cleaned text with context', () => {
  const a = prepareArticle({
    id: 'x',
    title: 't',
    text: 'Skip to content\nBudget Fight\nThe Senate approved the budget of 2 billion dollars on Tuesday. Share your thoughts in the comments.',
  });
  const claims = extractClaims(a);
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(a.text.slice(c.start, c.end), c.exact);
  assert.equal(c.id, `x:${c.start}`);
  assert.equal(c.prefix, 'Budget Fight\n');
  assert.ok(c.suffix.length <= 32);
});

test('tokens: letters outside ASCII are words (capitalised by their own case), digits numbers, the rest punctuation', () => {
  const t = analyze('Ängström’s team met Ülker in Zürich — ΩMEGA won 3 of 4 «votes».').tokens;
  const kinds = (text: string) => t.filter((x) => x.text === text).map((x) => [x.kind, x.cap, x.lower]);
  assert.deepEqual(kinds('Ängström’s'), [['word', true, 'ängström']]);
  assert.deepEqual(kinds('Ülker'), [['word', true, 'ülker']]);
  assert.deepEqual(kinds('ΩMEGA'), [['word', true, 'ωmega']]);
  assert.deepEqual(kinds('team'), [['word', false, 'team']]);
  assert.deepEqual(kinds('3'), [['number', false, '3']]);
  assert.deepEqual(kinds('—'), [['punct', false, '—']]);
  assert.deepEqual(kinds('«'), [['punct', false, '«']]);
  assert.ok(analyze('Ängström’s team met Ülker in Zürich.').entities.some((e) => e.text === 'Ülker'));
});

test('units are named one way, scales written onto digits and after fractions are read', () => {
  assert.deepEqual(nums('The race was cut to five kilometres.'), [[5, 'km']]);
  assert.deepEqual(nums('The race was cut to 5 km.'), [[5, 'km']]);
  assert.deepEqual(nums('The grant is worth 40 million dollars.'), [[40e6, '$']]);
  assert.deepEqual(nums('The grant is worth $40m.'), [[40e6, '$']]);
  assert.deepEqual(nums('Some three and a half thousand people marched.'), [[3500, 'peopl']]);
  // A count's noun is not part of its key: "3,500 people" and "3,500 marchers" state the same figure.
  const key = (s: string) => [...analyze(s).terms.values()].find((t) => t.kind === 'number')?.key;
  assert.equal(key('About 3,500 people marched.'), key('Some 3,500 protesters marched.'));
  assert.notEqual(key('The race was 5 km long.'), key('The race lasted 5 hours.'));
});

test('British and American spellings meet: finalised/finalized, defence/defense, centre/center', () => {
  const stems = (s: string) => analyze(s).stems.join(' ');
  assert.equal(stems('The plan was finalised.'), stems('The plan was finalized.'));
  assert.equal(stems('The defence ministry spoke.'), stems('The defense ministry spoke.'));
  assert.equal(stems('The city centre flooded.'), stems('The city center flooded.'));
  assert.equal(stems('Voters favour the plan.'), stems('Voters favor the plan.'));
});

test('"not yet" and "no longer" negate the predicate that follows', () => {
  const negated = (s: string) => [...analyze(s).terms.values()].filter((t) => t.negated).map((t) => t.key);
  assert.deepEqual(negated('The budget is not yet approved.'), negated('The budget is not approved.'));
  assert.ok(negated('The offer is no longer on the table.').length > 0);
});
