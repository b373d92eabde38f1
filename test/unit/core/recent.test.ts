import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Recent } from '../../../src/core/recent.ts';

test('Recent keeps the last N values and drops the oldest', () => {
  const r = new Recent<string, number>(2);
  assert.equal(r.set('a', 1), 1);
  r.set('b', 2);
  assert.equal(r.get('a'), 1);
  r.set('c', 3);
  assert.equal(r.get('a'), undefined);
  assert.equal(r.get('b'), 2);
  assert.equal(r.get('c'), 3);
  // Keys are compared by value, as a Map would: an equal string built another way finds the entry.
  assert.equal(r.get(['c'].join('')), 3);
});
