// Numbers and dates, normalised so that "forty" = "40", "4.1 percent" = "4.1%", "only once" = "1 times",
// "12 June" = "June 12". Reasons quote the original text, comparisons use the values.
import { readNumber } from './number-words.ts';
import type { Token } from './tokenize.ts';

export interface NumberMention {
  text: string;
  start: number;
  end: number;
  value: number;
  /** '%', 'times', '$', or the stem of the counted noun ('flight'); '' when unknown. */
  unit: string;
  /** 'min' for "at least", 'max' for "up to", 'approx' for "about"; exact otherwise. */
  bound?: 'min' | 'max' | 'approx';
}

export interface DateMention {
  text: string;
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** 'next year', 'last week', 'today'… normalised lowercase. */
  relative?: string;
}

const BOUNDS: [string, NumberMention['bound']][] = [
  ['at least', 'min'],
  ['more than', 'min'],
  ['over', 'min'],
  ['above', 'min'],
  ['at most', 'max'],
  ['up to', 'max'],
  ['less than', 'max'],
  ['fewer than', 'max'],
  ['under', 'max'],
  ['about', 'approx'],
  ['around', 'approx'],
  ['nearly', 'approx'],
  ['almost', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['some', 'approx'],
];

export const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    january: 1,
    jan: 1,
    february: 2,
    feb: 2,
    march: 3,
    mar: 3,
    april: 4,
    apr: 4,
    may: 5,
    june: 6,
    jun: 6,
    july: 7,
    jul: 7,
    august: 8,
    aug: 8,
    september: 9,
    sep: 9,
    sept: 9,
    october: 10,
    oct: 10,
    november: 11,
    nov: 11,
    december: 12,
    dec: 12,
  }),
);
const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6,
    sunday: 7,
  }),
);
/** Units of measure and currency words, each under one name: "five kilometres" is "5 km". */
const MEASURES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['km', 'km kms kilometre kilometres kilometer kilometers'],
      ['mi', 'mi mile miles'],
      ['m', 'metre metres meter meters'],
      ['cm', 'cm centimetre centimetres centimeter centimeters'],
      ['kg', 'kg kgs kilogram kilograms kilo kilos'],
      ['t', 'tonne tonnes ton tons'],
      ['l', 'litre litres liter liters'],
      ['h', 'hour hours hr hrs'],
      ['min', 'minute minutes mins'],
      ['$', 'dollar dollars usd'],
      ['€', 'euro euros eur'],
      ['£', 'pound pounds gbp sterling'],
      ['¥', 'yen'],
      ['°', 'degree degrees'],
    ] as const
  ).flatMap(([unit, names]) => names.split(' ').map((n) => [n, unit] as [string, string])),
);
/** Units whose value names a measure, not a count of things: "40 flights" and "40 people" share 40. */
export const MEASURE_UNITS: ReadonlySet<string> = new Set([
  ...MEASURES.values(),
  '%',
  'times',
  '$',
  '€',
  '£',
]);

const RELATIVE_UNITS = new Set(['week', 'month', 'year', 'weekend', 'decade', 'century']);
const RELATIVE_SINGLE = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);

/** BOUNDS split into words once, not for every number read. */
const BOUND_WORDS: [string[], NumberMention['bound']][] = BOUNDS.map(([phrase, b]) => [phrase.split(' '), b]);
const RELATIVE_WORDS = new Set(['next', 'last', 'this', 'coming', 'past']);

/** Four ASCII digits, as /^\d{4}$/. */
const isFourDigits = (s: string): boolean => {
  if (s.length !== 4) return false;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
};
/** "Aug." takes its full stop; "June." at the end of a sentence does not. */
const isAbbrev = (t: Token | undefined) =>
  !!t && t.lower.length <= 4 && t.lower !== 'june' && t.lower !== 'july' && t.lower !== 'may';
const isYear = (v: number, t: Token) => isFourDigits(t.text) && v >= 1800 && v <= 2100;
const ORDINAL_ENDS = new Set(['', 'st', 'nd', 'rd', 'th']);
/** A day of the month: one or two digits, optionally an ordinal ending (/^(\d{1,2})(?:st|nd|rd|th)?$/), 1–31. */
const dayOf = (t: Token | undefined): number | undefined => {
  if (!t || t.kind !== 'number') return undefined;
  const s = t.text;
  let n = 0;
  let k = 0;
  for (; k < s.length && k < 3; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) break;
    n = n * 10 + c - 48;
  }
  if (k === 0 || k > 2 || !ORDINAL_ENDS.has(s.slice(k))) return undefined;
  return n >= 1 && n <= 31 ? n : undefined;
};
const monthOf = (t: Token | undefined, allowMay: boolean): number | undefined => {
  if (!t || t.kind !== 'word' || !t.cap) return undefined;
  if (t.lower === 'may' && !allowMay) return undefined;
  return MONTHS.get(t.lower);
};
/** Whether token k is an abbreviation followed by its full stop ("Aug."). */
const dotAfter = (tokens: Token[], k: number): boolean => tokens[k + 1]?.text === '.' && isAbbrev(tokens[k]);
/** The next token after i that is not a hyphen. */
const next = (tokens: Token[], i: number): number => {
  let j = i + 1;
  while (tokens[j]?.text === '-') j++;
  return j;
};
const spanStart = (tokens: Token[], a: number): number => tokens[a]?.start ?? 0;
const spanEnd = (tokens: Token[], a: number, b: number): number => tokens[b - 1]?.end ?? spanStart(tokens, a);
/** A date mention over tokens a…b, its fields set by the caller in the order they always had. */
function dateSpan(tokens: Token[], text: string, a: number, b: number): DateMention {
  const start = spanStart(tokens, a);
  const end = spanEnd(tokens, a, b);
  return { text: text.slice(start, end), start, end };
}

export interface Quantities {
  numbers: NumberMention[];
  dates: DateMention[];
  /** Per token index, 1 when a number or date uses the token (not a content word). */
  used: Uint8Array;
}

export function findQuantities(tokens: Token[], text: string): Quantities {
  const numbers: NumberMention[] = [];
  const dates: DateMention[] = [];
  const used = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i];
    if (!t) continue;

    // Dates: "August 15th, 2025", "Aug. 15", "15 August", "February 2022", "Monday", "next year".
    // "May" is a month only before a day.
    let month: number | undefined;
    if (t.kind === 'word' && t.cap) {
      month = MONTHS.get(t.lower);
      if (month !== undefined && t.lower === 'may')
        month = monthOf(t, dayOf(tokens[next(tokens, dotAfter(tokens, i) ? i + 1 : i)]) !== undefined);
    }
    if (month !== undefined) {
      let j = dotAfter(tokens, i) ? i + 2 : i + 1;
      const day = dayOf(tokens[j]);
      if (day !== undefined) {
        j++;
        if (tokens[j]?.text === ',' && tokens[j + 1] && isFourDigits(tokens[j + 1]?.text ?? '')) j++;
      }
      const y = tokens[j];
      const year = y && isFourDigits(y.text) ? Number(y.text) : undefined;
      if (year !== undefined) j++;
      if (
        day === undefined &&
        year === undefined &&
        t.lower.length <= 4 &&
        t.lower !== 'june' &&
        t.lower !== 'july'
      )
        continue;
      const d = dateSpan(tokens, text, i, j);
      d.month = month;
      if (day !== undefined) d.day = day;
      if (year !== undefined) d.year = year;
      dates.push(d);
      used.fill(1, i, j);
      i = j - 1;
      continue;
    }
    const day = dayOf(t);
    if (day !== undefined) {
      const j = tokens[i + 1]?.lower === 'of' ? i + 2 : i + 1;
      const m = monthOf(tokens[j], true);
      if (m !== undefined) {
        let k = dotAfter(tokens, j) ? j + 2 : j + 1;
        const year = isFourDigits(tokens[k]?.text ?? '') ? Number(tokens[k]?.text) : undefined;
        if (year !== undefined) k++;
        const d = dateSpan(tokens, text, i, k);
        d.day = day;
        d.month = m;
        if (year !== undefined) d.year = year;
        dates.push(d);
        used.fill(1, i, k);
        i = k - 1;
        continue;
      }
    }
    if (t.kind === 'word') {
      const weekday = t.cap ? WEEKDAYS.get(t.lower) : undefined;
      if (weekday !== undefined) {
        const d = dateSpan(tokens, text, i, i + 1);
        d.weekday = weekday;
        dates.push(d);
        used[i] = 1;
        continue;
      }
      if (RELATIVE_SINGLE.has(t.lower)) {
        const d = dateSpan(tokens, text, i, i + 1);
        d.relative = t.lower;
        dates.push(d);
        used[i] = 1;
        continue;
      }
      if (RELATIVE_WORDS.has(t.lower)) {
        const u = tokens[i + 1];
        if (u && RELATIVE_UNITS.has(u.lower)) {
          const d = dateSpan(tokens, text, i, i + 2);
          d.relative = `${t.lower === 'coming' ? 'next' : t.lower === 'past' ? 'last' : t.lower} ${u.lower}`;
          dates.push(d);
          used[i] = 1;
          used[i + 1] = 1;
          i++;
          continue;
        }
      }
    }

    // Numbers.
    const n = readNumber(tokens, i);
    if (!n) continue;
    const { value } = n;
    let { end } = n;
    const prev = tokens[i - 1];
    if (t.kind === 'number' && isYear(value, t) && end === i + 1) {
      const after = tokens[i + 1];
      if (!after || after.kind !== 'word' || after.stop || after.cap) {
        const d = dateSpan(tokens, text, i, i + 1);
        d.year = value;
        dates.push(d);
        used[i] = 1;
        continue;
      }
    }
    // "Article 5", "Flight 370": a label, not a quantity.
    if (t.kind === 'number' && prev && prev.kind === 'word' && prev.cap && !prev.stop && i > 1) {
      used.fill(1, i, end);
      i = end - 1;
      continue;
    }
    let unit = '';
    let nounEnd = 0;
    let j = end;
    while (tokens[j]?.text === '-') j++;
    const u = tokens[j];
    if (u && (u.text === '%' || u.lower === 'percent' || u.lower === 'pc')) {
      unit = '%';
      end = j + 1;
    } else if (u && u.lower === 'per' && tokens[j + 1]?.lower === 'cent') {
      unit = '%';
      end = j + 2;
    } else if (n.multiple) {
      unit = 'times';
    } else if (u && u.kind === 'word' && (u.lower === 'times' || u.lower === 'time')) {
      unit = 'times';
      end = j + 1;
    } else if (u && u.kind === 'word' && !u.stop) {
      unit = MEASURES.get(u.lower) ?? (u.canon || u.stem); // the counted noun stays a content word too
      nounEnd = j + 1;
    }
    if (prev?.text === '$' || prev?.text === '€' || prev?.text === '£') unit = prev.text;
    let start = i;
    let bound: NumberMention['bound'];
    for (const [words, b] of BOUND_WORDS) {
      const k = i - words.length;
      if (k < 0) continue;
      let x = 0;
      while (x < words.length && tokens[k + x]?.lower === words[x]) x++;
      if (x === words.length) {
        bound = b;
        start = k;
        break;
      }
    }
    if (prev?.lower === 'only' || prev?.lower === 'just' || prev?.lower === 'exactly') start = i - 1;
    const last = Math.max(end, nounEnd);
    const from = spanStart(tokens, start);
    const to = spanEnd(tokens, start, last);
    const mention: NumberMention = {
      text: text.slice(from, to),
      start: from,
      end: to,
      value: Math.round(value * 1e6) / 1e6,
      unit,
    };
    if (bound) mention.bound = bound;
    numbers.push(mention);
    const usedEnd = unit === '%' || unit === 'times' ? end : n.end;
    used.fill(1, i, usedEnd);
    i = usedEnd - 1;
  }
  return { numbers, dates, used };
}
