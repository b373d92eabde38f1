import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluatePairs,
  fncPairScore,
  fncScore,
  scoreLabels,
  type FncLabel,
} from '../../../src/core/index.ts';

const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);

describe('scoreLabels', () => {
  // gold→predicted: a→a, a→a, a→b, b→b, b→a, c→a (worked by hand below).
  const items = [
    ['a', 'a'],
    ['a', 'a'],
    ['a', 'b'],
    ['b', 'b'],
    ['b', 'a'],
    ['c', 'a'],
  ].map(([gold, predicted]) => ({ gold: gold!, predicted: predicted! }));
  const r = scoreLabels(items, ['a', 'b', 'c']);

  it('counts the confusion matrix with every class as row and column', () => {
    assert.deepEqual(r.confusion, {
      a: { a: 2, b: 1, c: 0 },
      b: { a: 1, b: 1, c: 0 },
      c: { a: 1, b: 0, c: 0 },
    });
    assert.equal(r.total, 6);
    close(r.accuracy, 3 / 6);
  });

  it('gives per-class precision, recall and F1', () => {
    // a: 2 right of 4 predicted, of 3 gold → P 1/2, R 2/3, F1 = 2·(1/2)(2/3)/(1/2+2/3) = 4/7.
    const { support, predicted, correct } = r.perClass.a!;
    assert.deepEqual({ support, predicted, correct }, { support: 3, predicted: 4, correct: 2 });
    close(r.perClass.a!.precision, 1 / 2);
    close(r.perClass.a!.recall, 2 / 3);
    close(r.perClass.a!.f1, 4 / 7);
    close(r.perClass.b!.precision, 1 / 2);
    close(r.perClass.b!.recall, 1 / 2);
    close(r.perClass.b!.f1, 1 / 2);
  });

  it('a class never predicted scores 0 and pulls macro-F1 down', () => {
    assert.deepEqual(r.perClass.c, { support: 1, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
    close(r.macroF1, (4 / 7 + 1 / 2 + 0) / 3);
  });

  it('is perfect on perfect predictions and refuses labels outside the classes', () => {
    const perfect = scoreLabels(
      items.map((i) => ({ gold: i.gold, predicted: i.gold })),
      ['a', 'b', 'c'],
    );
    assert.equal(perfect.accuracy, 1);
    assert.equal(perfect.macroF1, 1);
    assert.throws(() => scoreLabels([{ gold: 'a', predicted: 'z' }], ['a', 'b']), /outside a\/b: z/);
    assert.throws(() => scoreLabels([{ gold: 'z', predicted: 'a' }], ['a', 'b']), /outside a\/b: z/);
    assert.deepEqual(scoreLabels([], ['a']).accuracy, 0);
  });
});

describe('fncScore (fnc-1/SCORING.md)', () => {
  it('scores one pair: 0.25 for related/unrelated right, 0.75 more for the exact related label', () => {
    assert.equal(fncPairScore('agree', 'agree'), 1);
    assert.equal(fncPairScore('disagree', 'discuss'), 0.25);
    assert.equal(fncPairScore('discuss', 'unrelated'), 0);
    assert.equal(fncPairScore('unrelated', 'unrelated'), 0.25);
    assert.equal(fncPairScore('unrelated', 'agree'), 0);
  });

  it('sums to score, max, null and relative score', () => {
    const items = (
      [
        ['agree', 'agree'], // 1
        ['agree', 'discuss'], // 0.25
        ['agree', 'unrelated'], // 0
        ['unrelated', 'unrelated'], // 0.25
        ['unrelated', 'disagree'], // 0
        ['disagree', 'disagree'], // 1
      ] as [FncLabel, FncLabel][]
    ).map(([gold, predicted]) => ({ gold, predicted }));
    const s = fncScore(items);
    assert.equal(s.score, 2.5);
    assert.equal(s.max, 4.5); // 4 related × 1 + 2 unrelated × 0.25
    assert.equal(s.null, 0.5);
    close(s.relative, 2.5 / 4.5);
    assert.equal(fncScore([]).relative, 0);
  });
});

describe('evaluatePairs (unchanged for eval dev)', () => {
  it('still reports accuracy, per-class recall and errors', () => {
    const a = 'Russia agreed to the proposal on Friday.';
    const r = evaluatePairs([{ id: 'same', a, b: a, label: 'corroborates' }]);
    assert.equal(r.accuracy, 1);
    assert.deepEqual(r.perClass.corroborates, { total: 1, correct: 1, accuracy: 1 });
    assert.deepEqual(r.errors, []);
  });
});
