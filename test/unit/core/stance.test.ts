// The learned stance models: the shipped weights load and stay small, training is reproducible from a
// seed, the features read what they should, and the learned layer only acts where it is meant to.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pack } from '../../../build/train/pack.ts';
import { buildDataset, predictRow, train } from '../../../build/train/mlp-train.ts';
import { compare, compareByRules, compareToArticle } from '../../../src/core/index.ts';
import {
  bodyView,
  pairInputs,
  vocabulary,
  ARTICLE_DENSE,
} from '../../../src/core/stance/article-features.ts';
import { articleProbabilities } from '../../../src/core/stance/article-model.ts';
import { headlineInputsOf, HEADLINE_DENSE } from '../../../src/core/stance/headline-features.ts';
import { Mlp } from '../../../src/core/stance/mlp.ts';
import { words } from '../../../src/core/stance/words.ts';

const STANCE_DIR = join(import.meta.dirname, '../../../src/core/stance');

test('shipped weights: under 2 MB a file, 5 MB in all, and they load', () => {
  const files = readdirSync(STANCE_DIR).filter((f) => f.endsWith('-weights.ts'));
  assert.deepEqual(files.sort(), ['article-weights.ts', 'headline-weights.ts']);
  let total = 0;
  for (const f of files) {
    const size = statSync(join(STANCE_DIR, f)).size;
    assert.ok(size < 2e6, `${f} is ${size} bytes`);
    total += size;
  }
  assert.ok(total < 5e6);
  const p = articleProbabilities('Bread prices fell', 'Bread prices fell sharply in April.');
  assert.equal(p.length, 4);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-4);
});

function tinyData() {
  // Two classes told apart by input 0 against input 1, with noise on inputs 2..5.
  const rows = Array.from({ length: 60 }, (_, i) => ({
    idx: [i % 2, 2 + (i % 4)],
    val: [1, (i % 7) / 7],
    y: i % 2,
  }));
  return buildDataset(rows);
}
const tinyOptions = {
  inputs: 6,
  hidden: 4,
  classes: 2,
  epochs: 5,
  batch: 8,
  lr: 0.05,
  l2: 1e-4,
  dropout: 0.2,
};

test('training: the same seed gives the same weights, another seed others', () => {
  const d = tinyData();
  const a = train(d, { ...tinyOptions, seed: 3 });
  const b = train(d, { ...tinyOptions, seed: 3 });
  const c = train(d, { ...tinyOptions, seed: 4 });
  assert.deepEqual(pack(a), pack(b));
  assert.notDeepEqual(pack(a), pack(c));
  // It learned the task.
  assert.ok(predictRow(a, d, 0)[0]! > 0.5 && predictRow(a, d, 1)[1]! > 0.5);
});

test('quantised weights predict what the float weights do', () => {
  const d = tinyData();
  for (const hidden of [0, 4]) {
    // Barely trained, so the probabilities sit mid-range where a coarse quantisation would show.
    const w = train(d, { ...tinyOptions, hidden, epochs: 1, lr: 0.02, seed: 5 });
    const m = new Mlp(pack(w));
    for (let r = 0; r < 6; r++) {
      const idx = d.idx.subarray(d.ptr[r]!, d.ptr[r + 1]!);
      const val = d.val.subarray(d.ptr[r]!, d.ptr[r + 1]!);
      const q = m.predict(idx, val);
      const f = predictRow(w, d, r);
      for (let c = 0; c < 2; c++) assert.ok(Math.abs(q[c]! - f[c]!) < 0.01, `row ${r} hidden ${hidden}`);
    }
  }
});

test('words: lower case, negations kept whole', () => {
  assert.deepEqual(words("Police DIDN'T confirm the 2015 report"), [
    'police',
    "didn't",
    'confirm',
    'the',
    '2015',
    'report',
  ]);
});

test('headline features: the refuting word, hedges and the question mark', () => {
  const index = new Map([['hoax', 0]]);
  const rules = { stance: 'discusses' as const, similarity: 0.4, reasons: [] };
  const x = headlineInputsOf(
    index,
    'A shark swam in the flooded street',
    'Flooded street shark is a hoax',
    rules,
  );
  assert.equal(x.refute, 'hoax');
  assert.ok(x.idx.includes(0)); // the word itself
  const dense = (i: number) => x.val[x.idx.indexOf(index.size + i)] ?? 0;
  assert.equal(dense(6), 1); // refuting word in b
  assert.equal(dense(8), 0); // no question mark
  const y = headlineInputsOf(index, 'A shark swam in the street', 'Did a shark swim in the street?', rules);
  assert.equal(y.refute, undefined);
  assert.equal(y.val[y.idx.indexOf(index.size + 8)], 1);
  assert.equal(Math.max(...x.idx), index.size + HEADLINE_DENSE - 1); // the constant input is last
});

test('article features: coverage, missing numbers, refuting words near the claim', () => {
  const vocab = vocabulary(['bread', 'prices', 'fell'], [1, 1, 1]);
  const body = bodyView(
    vocab,
    'Bread prices fell in April. Officials denied that prices fell at all. The weather was mild.',
  );
  const x = pairInputs(vocab, 'Bread prices fell 20 percent', body);
  const base = 3;
  const dense = (i: number) => x.val[x.idx.indexOf(base + i)] ?? 0;
  assert.ok(Math.abs(dense(1) - 3 / 5) < 1e-9); // bread, prices, fell of bread, prices, fell, 20, percent
  assert.equal(dense(14), 1); // its number is nowhere in the body
  assert.ok(dense(8) > 0); // "denied" in a sentence close to the headline
  assert.ok(x.idx.every((i) => i < base + ARTICLE_DENSE));
  // Bigrams of content words: "bread prices" and "prices fell" are in the body; stop words in between
  // do not part two content words ("prices of bread"), and a reversed pair is not a bigram.
  assert.equal(dense(4), 2 / 4); // bread prices, prices fell of bread–prices–fell–20–percent's 4 pairs
  const reversed = pairInputs(vocab, 'Fell prices bread', body);
  assert.equal(reversed.val[reversed.idx.indexOf(base + 4)] ?? 0, 0);
  const across = pairInputs(vocab, 'Mild weather', bodyView(vocab, 'It was mild, the weather.'));
  assert.equal(across.val[across.idx.indexOf(base + 4)], 1);
});

test('compare(): page sentences get the rules; the model only speaks when the topic is known to be shared', () => {
  const pairs = [
    [
      'Russia has agreed to enact legislation',
      'Russia said it would not enact the legislation, officials say',
    ],
    ['A shark swam down a flooded highway in Houston', 'Viral photo of shark on Houston highway is a hoax'],
    ['The storm killed at least 12 people.', 'The town mayor thanked volunteers after the storm.'],
  ] as const;
  for (const [a, b] of pairs) assert.deepEqual(compare(a, b), compareByRules(a, b));
  const hoax = compare(pairs[1][0], pairs[1][1], { sameTopic: true });
  assert.equal(hoax.stance, 'conflicts');
  assert.deepEqual(hoax.reasons[0], {
    kind: 'refutation',
    a: pairs[1][0],
    b: 'shark on Houston highway is a hoax',
  });
  assert.equal(
    compare('Apple will sell 19 million watches', 'Apple will sell 19 million watches', { sameTopic: true })
      .stance,
    'corroborates',
  );
});

// Time per pair (cold body and cached body) is measured by `npm run bench:stance`
// (test/bench/stance.ts, docs/benchmarks.md), not asserted here.
test('compareToArticle: the cached body gives the same answers as a fresh one', () => {
  const body =
    'Bread prices fell sharply in April, the bakers association said. '.repeat(20) +
    'The city council met on Tuesday to discuss the budget and the new library. '.repeat(20);
  const claims = Array.from({ length: 20 }, (_, i) => `Bread prices rose ${i} percent in April in the city`);
  const first = claims.map((c) => compareToArticle(c, body));
  // Four other bodies push this one out of the cache (it keeps the last four), so it is analysed again.
  for (let k = 0; k < 4; k++) compareToArticle(claims[0]!, `${body} Other text ${k}.`);
  assert.deepEqual(
    claims.map((c) => compareToArticle(c, body)),
    first,
  );
  assert.deepEqual(
    claims.map((c) => compareToArticle(c, body)),
    first,
  );
});
