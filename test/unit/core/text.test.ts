import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText, splitSentences } from '../../../src/core/index.ts';
import { rawSeed } from './seeds.ts';

test('cleanText drops navigation, sidebars, FAQ, tables, calls to action and reference markers', () => {
  const raw = [
    'Skip to content',
    'Table of Contents',
    'Mayor Quits Over Audit',
    'The mayor of Springfield resigned on Thursday [[1]] after an audit[2].',
    'Did You Know? Springfield has had eleven mayors.',
    'Pro Tip: read the audit yourself.',
    '| Date | Event |',
    '|---|---|',
    'Frequently Asked Questions',
    '- Who is the mayor? Nobody right now.',
    '- When is the election? In May.',
    'Share your thoughts in the comments below and subscribe for updates.',
    'Also Read: Another story entirely',
    'Categories: Politics',
    'Published by',
    'Jane Doe',
    'Mayor Quits Over Audit',
    'Read also:',
    'Latest',
  ].join('\n');
  const out = cleanText(raw);
  assert.equal(out, 'Mayor Quits Over Audit\nThe mayor of Springfield resigned on Thursday after an audit.');
});

test('cleanText repairs missing spaces but leaves decimals, thousands and abbreviations', () => {
  assert.equal(cleanText('The treaty,signed in 1949,is old.'), 'The treaty, signed in 1949, is old.');
  assert.equal(cleanText('It joined NATO,a big step.It grew.'), 'It joined NATO, a big step. It grew.');
  assert.equal(
    cleanText('Prices rose 4.1 percent as 2,000 U.S. firms paid $3.50 each.'),
    'Prices rose 4.1 percent as 2,000 U.S. firms paid $3.50 each.',
  );
});

test('cleanText on seed 001 removes its FAQ block, table and call to comment', () => {
  const out = cleanText(rawSeed('001'));
  assert.ok(!out.includes('Frequently Asked Questions'));
  assert.ok(!out.includes('| Date |'));
  assert.ok(!out.includes('subscribe'));
  assert.ok(!out.includes('Did You Know'));
  assert.ok(out.includes('signed in 1949, is a cornerstone'));
  assert.ok(!out.includes('[[1]]'));
});

test('cleanText on seeds 000 and 004 drops repeated headlines and bylines', () => {
  const a = cleanText(rawSeed('000'));
  assert.equal(a.split('Upcoming Security Measures before Washington Summit Announced').length, 2);
  assert.ok(!a.includes('Skip to content') && !a.includes('Read also'));
  const b = cleanText(rawSeed('004'));
  assert.ok(!b.includes('Published by') && !b.includes('Prakriti Parul') && !b.includes('Categories'));
  assert.ok(!b.includes('Also Read'));
});

test('splitSentences keeps abbreviations, initials, decimals and quotes inside sentences', () => {
  const text =
    'Sen. Rubio met Gen. Smith on Jan. 5 in the U.S. Capitol. J. R. R. Tolkien wrote it. Prices rose 4.1 percent. “We will win.” Dr. Jones said so... Then? Yes! She lives in the U.S. The end.';
  const got = splitSentences(text).map((s) => s.text);
  assert.deepEqual(got, [
    'Sen. Rubio met Gen. Smith on Jan. 5 in the U.S. Capitol.',
    'J. R. R. Tolkien wrote it.',
    'Prices rose 4.1 percent.',
    '“We will win.”',
    'Dr. Jones said so...',
    'Then?',
    'Yes!',
    'She lives in the U.S.',
    'The end.',
  ]);
});

test('splitSentences: line breaks end sentences and offsets slice back to the text', () => {
  const text =
    'A Heading Without Stop\n  The Mr. Smith case went on. It ended…  Another one follows.\n\nLast line';
  const out = splitSentences(text);
  assert.deepEqual(
    out.map((s) => s.text),
    [
      'A Heading Without Stop',
      'The Mr. Smith case went on.',
      'It ended…',
      'Another one follows.',
      'Last line',
    ],
  );
  for (const s of out) assert.equal(text.slice(s.start, s.end), s.text);
});

test('splitSentences ends Chinese and Japanese sentences at 。！？ with no space after them', () => {
  const text =
    '代表团周日晚上抵达华盛顿。会谈会成功吗？分析人士表示，下周将是关键！「这是第一次。」他说。代表団は到着した｡会談は続く。';
  const out = splitSentences(text);
  assert.deepEqual(
    out.map((s) => s.text),
    [
      '代表团周日晚上抵达华盛顿。',
      '会谈会成功吗？',
      '分析人士表示，下周将是关键！',
      '「这是第一次。」',
      '他说。',
      '代表団は到着した｡',
      '会談は続く。',
    ],
  );
  for (const s of out) assert.equal(text.slice(s.start, s.end), s.text);
});

test('splitSentences finds an English sentence inline in CJK text, with or without spaces', () => {
  const text =
    '官员说。NATO allies have invoked the clause four times since 1949.官员们说会谈将继续。Prices rose 4.1 percent. 3.5億円だった。It was the first time.「这是第一次。」';
  assert.deepEqual(
    splitSentences(text).map((s) => s.text),
    [
      '官员说。',
      'NATO allies have invoked the clause four times since 1949.',
      '官员们说会谈将继续。',
      'Prices rose 4.1 percent.',
      '3.5億円だった。',
      'It was the first time.',
      '「这是第一次。」',
    ],
  );
});

test('splitSentences ends Arabic and Hebrew sentences at . ؟ ۔ and keeps their combining marks', () => {
  const text =
    'هل ستنجح المحادثات؟ يقول المحللون إن الأسبوع سيكون حاسماً۔ قال المسؤولون إن الاجتماع كان مثمراً. NATO allies met in 1949. وَقَالُوا إِنَّ العَمَلَ سَيَسْتَمِرُّ. המשלחת נחתה ביום ראשון. השיחות יימשכו מחר.';
  const out = splitSentences(text);
  assert.deepEqual(
    out.map((s) => s.text),
    [
      'هل ستنجح المحادثات؟',
      'يقول المحللون إن الأسبوع سيكون حاسماً۔',
      'قال المسؤولون إن الاجتماع كان مثمراً.',
      'NATO allies met in 1949.',
      'وَقَالُوا إِنَّ العَمَلَ سَيَسْتَمِرُّ.',
      'המשלחת נחתה ביום ראשון.',
      'השיחות יימשכו מחר.',
    ],
  );
  for (const s of out) {
    assert.equal(text.slice(s.start, s.end), s.text);
    // No sentence starts with a combining mark torn from the letter before it.
    assert.doesNotMatch(s.text, /^\p{M}/u);
  }
});
