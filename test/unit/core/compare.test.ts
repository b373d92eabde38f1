import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compare, compareToArticle, evaluatePairs, type LabelledPair } from '../../../src/core/index.ts';

// Own examples of each general behaviour (not the dev pairs' wording).
const stance = (a: string, b: string) => compare(a, b).stance;
const reason = (a: string, b: string, kind: string) => compare(a, b).reasons.find((r) => r.kind === kind);
const assertConflicts = (pairs: [string, string][]) => {
  for (const [a, b] of pairs) assert.equal(compare(a, b).stance, 'conflicts', `${a} / ${b}`);
};

test('paraphrases corroborate: synonyms, number words, date orders, percent forms', () => {
  assert.equal(
    stance(
      'The coach resigned on Monday after the defeat.',
      'The coach stepped down on Monday following the defeat.',
    ),
    'corroborates',
  );
  assert.equal(
    stance(
      'The ferry company cancelled 30 crossings because of the storm.',
      'Thirty crossings were cancelled by the ferry company due to the storm.',
    ),
    'corroborates',
  );
  assert.equal(
    stance(
      'The referendum will be held on 3 October.',
      'The referendum will take place on October 3, officials said.',
    ),
    'corroborates',
  );
  assert.equal(
    stance(
      'Unemployment climbed to 6.2 percent in May.',
      'Joblessness rose 6.2% in May, unemployment figures show.',
    ),
    'corroborates',
  );
});

test('different numbers, dates and places for the same thing conflict, naming both sides', () => {
  assert.deepEqual(
    reason('The referendum will be held on 3 October.', 'The referendum will be held on 13 October.', 'date'),
    {
      kind: 'date',
      a: '3 October',
      b: '13 October',
    },
  );
  assert.deepEqual(
    reason(
      'The ferry company cancelled 30 crossings because of the storm.',
      'The ferry company cancelled 80 crossings because of the storm.',
      'number',
    ),
    {
      kind: 'number',
      a: '30 crossings',
      b: '80 crossings',
    },
  );
  const r = reason(
    'The ministers held talks with Lavrov in Geneva on Friday.',
    'Lavrov arrived for talks with the ministers in Vienna.',
    'place',
  );
  assert.deepEqual(r, { kind: 'place', a: 'Geneva', b: 'Vienna' });
  assert.equal(
    stance(
      'The strike was called twice this year, the union said.',
      'The union has called the strike five times this year.',
    ),
    'conflicts',
  );
});

test('negation of a shared predicate conflicts; the same negation on both sides corroborates', () => {
  const c = compare(
    'The finance minister said the budget is not negotiable.',
    'The finance minister said the budget could be negotiated.',
  );
  assert.equal(c.stance, 'conflicts');
  assert.deepEqual(c.reasons[0], { kind: 'negation', a: 'not negotiable', b: 'could be negotiated' });
  assert.equal(
    stance('The striker refused to apologise to the fans.', 'The striker apologised to the fans.'),
    'conflicts',
  );
  assert.equal(
    stance(
      'The council agreed not to raise parking fees next year.',
      'The council committed to not raising parking fees next year.',
    ),
    'corroborates',
  );
});

test('antonyms conflict: rise/fall, open/close, agree/refuse', () => {
  assert.deepEqual(
    reason('Bread prices rose sharply in April.', 'Bread prices fell sharply in April.', 'antonym'),
    { kind: 'antonym', a: 'rose', b: 'fell' },
  );
  assertConflicts([
    [
      'The bridge will reopen to traffic in May.',
      'The bridge will remain closed to traffic until next year.',
    ],
    ['The union agreed to the new contract on Tuesday.', 'The union rejected the new contract on Tuesday.'],
  ]);
});

test('one shared name is not a shared proposition; one shared topic word only discusses', () => {
  assert.equal(
    stance('Rubio said a peace deal is not imminent.', 'Rubio will visit Miami next month.'),
    'unrelated',
  );
  assert.equal(
    stance('The mayor of Lyon opened a new tram line.', 'Lyon won the football derby on Sunday.'),
    'unrelated',
  );
  assert.equal(
    stance(
      'The earthquake destroyed 300 homes in the valley.',
      'Volunteers collected blankets for families after the earthquake.',
    ),
    'discusses',
  );
});

test('compareToArticle: the most relevant sentences decide', () => {
  const article =
    'The city council met on Tuesday. Bread prices fell sharply in April, the bakers association said. The weather was mild.';
  assert.equal(compareToArticle('Bread prices rose sharply in April.', article).stance, 'conflicts');
  assert.equal(compareToArticle('Bread prices dropped sharply in April.', article).stance, 'corroborates');
  assert.equal(compareToArticle('The central bank raised interest rates.', article).stance, 'unrelated');
});

test('dev pairs: accuracy at least 0.9 overall and every class represented', () => {
  const pairs = readFileSync(join(import.meta.dirname, '../../../../shared/eval/dev-pairs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LabelledPair);
  const e = evaluatePairs(pairs);
  assert.ok(e.accuracy >= 0.9, `accuracy ${e.accuracy} errors ${JSON.stringify(e.errors)}`);
  assert.ok((e.perClass.conflicts?.accuracy ?? 0) >= 0.9);
  assert.ok((e.perClass.corroborates?.accuracy ?? 0) >= 0.85);
});

test('evaluatePairs counts a wrong prediction against its class', () => {
  const e = evaluatePairs([
    {
      a: 'Bread prices rose sharply in April.',
      b: 'Bread prices fell sharply in April.',
      label: 'corroborates',
    },
    {
      a: 'Bread prices rose sharply in April.',
      b: 'Bread prices climbed sharply in April.',
      label: 'corroborates',
    },
  ]);
  assert.equal(e.accuracy, 0.5);
  assert.equal(e.confusion.corroborates?.conflicts, 1);
  assert.equal(e.errors.length, 1);
});

test('an antonym about a different subject is no conflict; about the same subject it is', () => {
  const a = 'The council has agreed to build a new school in the harbour district.';
  const far = 'The council wants residents to give up the harbour car park, which the mayor rejects.';
  assert.notEqual(compare(a, far).stance, 'conflicts');
  const near = 'The council has refused to build a new school in the harbour district.';
  assert.equal(compare(a, near).stance, 'conflicts');
});

test('both sides negated alike by "without" do not conflict', () => {
  const c = compare(
    'The club will sign the striker without a formal medical examination.',
    'The club will sign the striker without a medical examination.',
  );
  assert.notEqual(c.stance, 'conflicts');
  assert.ok(!c.reasons.some((r) => r.kind === 'negation'));
});

test('a different place conflicts only when it belongs to the same event or the rest matches', () => {
  // The places hang on different predicates with different people (a visit in Paris, talks in Berlin).
  const c = compare(
    'Ministers will join the mayor at the town hall in Paris on Friday.',
    'After talks with the police chief on 3 March in Berlin, the mayor and ministers shared their plans.',
  );
  assert.ok(!c.reasons.some((r) => r.kind === 'place'), JSON.stringify(c));
  // The same event placed elsewhere still conflicts.
  const d = compare(
    'The mayor met the union leaders in Paris.',
    'The mayor met the union leaders in Berlin.',
  );
  assert.equal(d.stance, 'conflicts');
  assert.deepEqual(d.reasons[0], { kind: 'place', a: 'Paris', b: 'Berlin' });
  // A place both sides name ("Anchorage, Alaska" and "Alaska") is common ground, not the difference.
  const e = compare(
    'The mayor met the union leaders in Anchorage, Alaska.',
    'The mayor met the union leaders in Alaska.',
  );
  assert.notEqual(e.stance, 'conflicts', JSON.stringify(e));
});

test('a noun after "without" is not a denied predicate: no negation conflict with a topical neighbour', () => {
  const c = compare(
    'The league says membership of the club is open to discussion.',
    'Sponsors offered the club a stadium loan and a shirt deal without membership.',
  );
  assert.ok(!c.reasons.some((r) => r.kind === 'negation'), JSON.stringify(c));
  // A denied predicate still conflicts.
  const d = compare(
    'The club said the transfer fee is negotiable.',
    'The club said the transfer fee is not negotiable.',
  );
  assert.equal(d.stance, 'conflicts');
});

test('a date or place conflicts only when it is the shared event’s, not another action’s', () => {
  // Friday is when the talks are; Tuesday is when he welcomed the plan, before the meeting.
  const c = compare(
    'Macron will travel to Berlin for talks with Scholz on Friday.',
    'Macron on Tuesday welcomed the proposal, days before his meeting with Scholz.',
  );
  assert.ok(!c.reasons.some((r) => r.kind === 'date'), JSON.stringify(c));
  // The talks themselves moved to another day conflict.
  assert.deepEqual(
    reason(
      'Macron will travel to Berlin for talks with Scholz on Friday.',
      'Macron will hold talks with Scholz in Berlin on Tuesday.',
      'date',
    ),
    { kind: 'date', a: 'Friday', b: 'Tuesday' },
  );
  // Two different meetings, one shared word ("meeting" ~ "summit") and nobody shared beside the place.
  const d = compare(
    'The meeting in Geneva comes amid efforts to avoid a repeat of the collapse of talks with Macron.',
    'The prime minister recently joined Macron in Rome for talks with Meloni.',
  );
  assert.ok(!d.reasons.some((r) => r.kind === 'place'), JSON.stringify(d));
});

test('news antonyms conflict: welcomed/criticised, lawful/unlawful, useful/pointless, upheld/overturned', () => {
  assertConflicts([
    [
      'The union welcomed the new pay offer from the council.',
      'The union criticised the new pay offer from the council.',
    ],
    [
      'The court ruled the ban on street parties was lawful.',
      'The court ruled the ban on street parties was unlawful.',
    ],
    ['The minister called the summit very useful.', 'The minister called the summit pointless.'],
    [
      'The appeal court upheld the fine against the bank.',
      'The appeal court overturned the fine against the bank.',
    ],
  ]);
});

test('a shared figure counts toward corroboration; a figure of another kind does not', () => {
  // Few content words in common, but the same rate and month.
  assert.equal(
    stance('Unemployment fell to 3.8 percent in July.', 'The jobless rate dropped to 3.8% in July.'),
    'corroborates',
  );
  // Same topic, no figure of the claim's kind: it discusses, it does not corroborate "four times".
  assert.notEqual(
    stance(
      'Coastguards have launched the harbour lifeboat four times since March.',
      'The harbour lifeboat mirrors the coastguard policy, where one crew member stays ashore.',
    ),
    'corroborates',
  );
});

test('own pairs (test/fixtures/eval/own-pairs.jsonl, written without the engine): accuracy at least 0.7', () => {
  const pairs = readFileSync(join(import.meta.dirname, '../../fixtures/eval/own-pairs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LabelledPair);
  const e = evaluatePairs(pairs);
  assert.ok(e.accuracy >= 0.7, `accuracy ${e.accuracy}`);
});

test('a different person in the same office conflicts only when the rest says the same', () => {
  assert.equal(
    reason(
      'French Finance Minister Claire Dubois said the budget will be cut in May.',
      'French Finance Minister Paul Martin said the budget will be cut in May.',
      'person',
    )?.kind,
    'person',
  );
  // Two statements by the office's holder(s): a misspelt name is a discrepancy, not a disputed claim.
  assert.equal(
    reason(
      'French Finance Minister Claire Dubois said the budget will be cut in May, the first cut in a decade.',
      'French Finance Minister Dubua announced that the ministry is exploring options to fund the budget.',
      'person',
    ),
    undefined,
  );
});

test('a city and the state or city around it are one place; two cities are not', () => {
  assert.notEqual(
    stance('Trump met Putin in Anchorage on Friday.', 'Trump met Putin in Alaska on Friday.'),
    'conflicts',
  );
  assert.notEqual(stance('The leaders met in the Kremlin.', 'The leaders met in Moscow.'), 'conflicts');
  assert.deepEqual(
    reason('The quake struck near Osaka on Monday.', 'The quake struck near Sapporo on Monday.', 'place'),
    { kind: 'place', a: 'Osaka', b: 'Sapporo' },
  );
});

test('"willing to" and "rejects" are opposite; "extend" and "offer" one predicate', () => {
  assert.equal(
    stance(
      'The union is willing to accept the revised pension plan, its leader said.',
      'The union leader said it rejects the revised pension plan.',
    ),
    'conflicts',
  );
  assert.equal(
    stance(
      'The bank said it was ready to extend the loan to the city.',
      'The bank said it would not offer the city a loan.',
    ),
    'conflicts',
  );
});

test('more news opposites conflict: profit/loss, passed/failed, survived/died, unchanged/rose, stayed on/resigned', () => {
  assertConflicts([
    [
      'The brewer made a profit of 12 million pounds last year.',
      'The brewer made a loss of 12 million pounds last year.',
    ],
    [
      'The housing bill passed the assembly on Thursday.',
      'The housing bill failed in the assembly on Thursday.',
    ],
    ['The climber survived the fall on the north face.', 'The climber died in the fall on the north face.'],
    ['Mortgage rates remained unchanged in April.', 'Mortgage rates rose in April.'],
    ['The manager will stay on after the relegation.', 'The manager resigned after the relegation.'],
    ['The festival will go ahead on Saturday.', 'The festival on Saturday has been called off.'],
    [
      'Investigators said the warehouse fire was deliberate.',
      'Investigators said the warehouse fire was an accident.',
    ],
    ['Ticket sales doubled this season.', 'Ticket sales halved this season.'],
    ['The reserve bank kept its main rate on hold.', 'The reserve bank cut its main rate by half a point.'],
    ['The governor vetoed the rent bill.', 'The governor signed the rent bill into law.'],
  ]);
  // Two sides of one sale are not opposites.
  assert.notEqual(
    stance(
      'The club has new season tickets for sale at the stadium.',
      'Fans can purchase new season tickets at the stadium.',
    ),
    'conflicts',
  );
});
