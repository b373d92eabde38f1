// Tokens with offsets, normalised forms, stems and synonym labels. Everything downstream (entities,
// numbers, negation, similarity) works on this one token array, so the text is scanned once.
import { stemmer } from 'stemmer';
import { IRREGULAR, STOP_WORDS, SYNONYMS } from './lexicon.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lowercase, straight apostrophes, possessive 's removed. */
  lower: string;
  /** Porter stem of the base form ('rose' → 'rise'). */
  stem: string;
  /** Synonym label ('climbed' → 'rise'), or the stem. Empty for the inner words of a matched phrase. */
  canon: string;
  /** True when canon comes from the synonym table (so it is a label, not a raw stem). */
  syn: boolean;
  /** Index one past the last token of the synonym phrase starting here (i + 1 for single words). */
  phraseEnd: number;
  kind: 'word' | 'number' | 'punct';
  cap: boolean;
  stop: boolean;
}

// Global so tokenize() can walk it with exec() and lastIndex: matchAll() clones the expression and
// builds an iterator on every call.
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*(?:\/\d+)?(?:st|nd|rd|th)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|[%$€£]|[^\s\p{L}\p{M}\d]/gu;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Whether the UTF-16 unit c (the string `unit`) is a letter: ASCII by code, the rest by the Unicode class. */
const isLetter = (c: number, unit: string): boolean =>
  c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(unit);
const isUpper = (c: number, unit: string): boolean => (c < 128 ? c >= 65 && c <= 90 : UPPER.test(unit));

const stemCache = new Map<string, string>();
/**
 * British spellings in their American form before stemming, so "finalised" meets "finalized" and
 * "favour" meets "favor": -ise/-isation → -ize/-ization, -our → -or, -tre → -ter, and the -ence nouns
 * spelt -ense in American English. Applied to every word alike, so a word with no other spelling is
 * merely renamed on both sides.
 */
const BRITISH_ENCE = new Map([
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
]);
function americanSpelling(w: string): string {
  if (w.length < 5) return w;
  const ence = BRITISH_ENCE.get(w);
  if (ence) return ence;
  const ise = /^([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)$/.exec(w);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  const our = /^([a-z]{3,})our(s|ed|ing|able|ite|ites)?$/.exec(w);
  if (our) return `${our[1]}or${our[2] ?? ''}`;
  const tre = /^([a-z]{2,})tre(s)?$/.exec(w);
  if (tre) return `${tre[1]}ter${tre[2] ?? ''}`;
  return w;
}

export function stemWord(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemmer(IRREGULAR.get(lower) ?? americanSpelling(lower));
    if (stemCache.size < 200_000) stemCache.set(lower, s);
  }
  return s;
}

/** Synonym phrases keyed by their stems ('step down' → 'step down' stems → 'resign'). */
const PHRASES = new Map<string, string>();
let maxPhrase = 1;
/** Stems that can start a synonym phrase: most tokens skip the phrase lookup entirely. */
const STARTS = new Set<string>();
for (const group of SYNONYMS) {
  const label = group[0] ?? '';
  for (const entry of group) {
    const parts = entry.toLowerCase().split(/[\s-]+/);
    const key = parts.map(stemWord).join(' ');
    STARTS.add(stemWord(parts[0] ?? ''));
    if (!PHRASES.has(key)) PHRASES.set(key, label);
    maxPhrase = Math.max(maxPhrase, parts.length);
  }
}

export function canonOf(stem: string): string {
  return PHRASES.get(stem) ?? stem;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const start = m.index;
    // Classified by the first UTF-16 unit, as a one-character test of t[0] would.
    const first = t[0] ?? '';
    const c = t.charCodeAt(0);
    const kind: Token['kind'] = c >= 48 && c <= 57 ? 'number' : isLetter(c, first) ? 'word' : 'punct';
    let lower = t.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    if (kind === 'word' && lower.length > 3 && lower.endsWith("'s")) lower = lower.slice(0, -2);
    else if (kind === 'word' && lower.endsWith("s'")) lower = lower.slice(0, -1);
    const stem = kind === 'word' ? stemWord(lower) : lower;
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      lower,
      stem,
      canon: stem,
      syn: false,
      phraseEnd: tokens.length + 1,
      kind,
      cap: kind === 'word' && isUpper(c, first),
      stop: kind === 'word' && (STOP_WORDS.has(lower) || lower.endsWith("n't")),
    });
  }
  labelPhrases(tokens);
  return tokens;
}

/** Greedy longest match of synonym phrases; hyphens inside a phrase are skipped ('three-way'). */
function labelPhrases(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || !STARTS.has(t.stem)) continue;
    // The candidate phrases' keys, shortest first: the stems of the next words joined by spaces.
    const idx: number[] = [i];
    const keys: string[] = [t.stem];
    for (let j = i + 1; j < tokens.length && idx.length < maxPhrase; j++) {
      const u = tokens[j];
      if (!u) break;
      if (u.kind === 'punct' && u.text === '-') continue;
      if (u.kind !== 'word') break;
      keys.push(`${keys[keys.length - 1]!} ${u.stem}`);
      idx.push(j);
    }
    for (let n = idx.length; n >= 1; n--) {
      const label = PHRASES.get(keys[n - 1]!);
      if (label === undefined) continue;
      t.canon = label;
      t.syn = true;
      // "on hold", "on purpose": the phrase is a content word even when its first word is a stop word.
      if (n > 1) t.stop = false;
      const last = idx[n - 1] ?? i;
      t.phraseEnd = last + 1;
      for (let k = i + 1; k <= last; k++) {
        const u = tokens[k];
        if (u) u.canon = '';
      }
      i = last;
      break;
    }
  }
}
