// Sentence splitting with offsets. A regex split breaks on "U.S. Secretary", "Sen. Rubio" or "4.1", so
// this scans for terminators and decides each one from the word before it and the word after it.
import type { Sentence } from './types.ts';

/** Abbreviations that end with a full stop but rarely end a sentence (compared lowercase, no dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt maj capt sgt adm cmdr st jr sr rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc corp ltd co bros dept univ assn est approx vs etc no nos vol fig al ave blvd rd mt ft pp cf'
  ).split(' '),
);

/** Words that start a new sentence after a dotted abbreviation ("in the U.S. The talks…"). */
const SENTENCE_STARTERS = new Set(
  (
    'the a an this that these those it its he she they we i you there here but and however meanwhile ' +
    'in on at after before while when if as his her their our some many most no not so then also yet ' +
    'still what who why how where'
  ).split(' '),
);

const CLOSERS = '"”’\')]»」』）】〕〉》';
const OPENERS = '"“‘\'([«「『（【〔〈《';
/** Chinese and Japanese full stops and marks: they end a sentence with no space after them. */
const CJK_TERMINATORS = '。！？｡';
/** Terminators followed by a space: Latin ones, the Arabic question mark ؟ and the Urdu full stop ۔. */
const TERMINATORS = '.!?…؟۔';
/** Han, kana and hangul: after a terminator they open a new sentence even with no space between. */
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isBoundaryAfterDot(text: string, dotIndex: number, nextWord: string): boolean {
  // The word (with inner dots) that the full stop ends.
  let s = dotIndex;
  while (s > 0 && /[\p{L}\d.]/u.test(text[s - 1] ?? '')) s--;
  const word = text.slice(s, dotIndex);
  if (/^\d+$/.test(word) && /^\d/.test(nextWord)) return false; // "No. 5"-style numbering
  const bare = word.toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. R. R. Tolkien"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // Dotted abbreviation ("U.S", "D.C"): a boundary only if a typical sentence opener follows.
    return SENTENCE_STARTERS.has(nextWord.toLowerCase());
  }
  return true;
}

/**
 * Splits text into sentences; each sentence is trimmed and `text.slice(start, end) === sentence.text`.
 * Line breaks always end a sentence, so headings and list items stand alone.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
  };

  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (CJK_TERMINATORS.includes(ch)) {
      let j = i + 1;
      while (j < text.length && CJK_TERMINATORS.includes(text[j] ?? '')) j++;
      while (j < text.length && CLOSERS.includes(text[j] ?? '')) j++;
      push(start, j);
      start = i = j;
      continue;
    }
    const isEllipsis = ch === '…' || (ch === '.' && text.startsWith('...', i));
    if (TERMINATORS.includes(ch)) {
      let j = i + (ch === '.' && isEllipsis ? 3 : 1);
      while (j < text.length && /[.!?؟]/.test(text[j] ?? '')) j++;
      while (j < text.length && CLOSERS.includes(text[j] ?? '')) j++;
      // Chinese or Japanese right after an English sentence: "… since 1949.官员们说…".
      let o = j;
      while (o < text.length && OPENERS.includes(text[o] ?? '')) o++;
      if (CJK_LETTER.test(text[o] ?? '') && /[\p{L}\d]/u.test(text[i - 1] ?? '')) {
        push(start, j);
        start = i = j;
        continue;
      }
      // A terminator must be followed by whitespace (not "4.1" or "example.com").
      if (j < text.length && !/[ \t]/.test(text[j] ?? '')) {
        i = j;
        continue;
      }
      let k = j;
      while (k < text.length && /[ \t]/.test(text[k] ?? '')) k++;
      if (k >= text.length || text[k] === '\n') {
        i = k;
        continue; // the line break or the end of text closes the sentence
      }
      let w = k;
      while (w < text.length && OPENERS.includes(text[w] ?? '')) w++;
      const nextWord = /^[\p{L}\d]+/u.exec(text.slice(w, w + 40))?.[0] ?? '';
      const next = text[w] ?? '';
      // Lowercase after a full stop means an unknown abbreviation, not a new sentence. Scripts
      // without case (Arabic, Hebrew, CJK: \p{Lo}) can't say, so their letters open one.
      const startsNew = /[\p{Lu}\p{Lt}\p{Lo}\d]/u.test(next) || (w > k && /\p{L}/u.test(next));
      let boundary = startsNew;
      if (boundary && ch === '.' && !isEllipsis) boundary = isBoundaryAfterDot(text, i, nextWord);
      if (boundary) {
        push(start, j);
        start = k;
      }
      i = k;
      continue;
    }
    i++;
  }
  push(start, text.length);
  return out;
}
