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
const RELATIVE_UNITS = new Set(['week', 'month', 'year', 'weekend', 'decade', 'century']);
const RELATIVE_SINGLE = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);

/** "Aug." takes its full stop; "June." at the end of a sentence does not. */
const isAbbrev = (t: Token | undefined) => !!t && t.lower.length <= 4 && !/^(june|july|may)$/.test(t.lower);
const isYear = (v: number, t: Token) => /^\d{4}$/.test(t.text) && v >= 1800 && v <= 2100;
const dayOf = (t: Token | undefined): number | undefined => {
  if (!t || t.kind !== 'number') return undefined;
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(t.text);
  const d = m ? Number(m[1]) : NaN;
  return d >= 1 && d <= 31 ? d : undefined;
};
const monthOf = (t: Token | undefined, allowMay: boolean): number | undefined => {
  if (!t || t.kind !== 'word' || !t.cap) return undefined;
  if (t.lower === 'may' && !allowMay) return undefined;
  return MONTHS.get(t.lower);
};

export interface Quantities {
  numbers: NumberMention[];
  dates: DateMention[];
  /** Token indices used by a number or date (not content words). */
  used: Set<number>;
}

export function findQuantities(tokens: Token[], text: string): Quantities {
  const numbers: NumberMention[] = [];
  const dates: DateMention[] = [];
  const used = new Set<number>();
  const mark = (a: number, b: number) => {
    for (let k = a; k < b; k++) used.add(k);
  };
  const span = (a: number, b: number) => {
    const s = tokens[a]?.start ?? 0;
    const e = tokens[b - 1]?.end ?? s;
    return { text: text.slice(s, e), start: s, end: e };
  };
  const next = (i: number) => {
    let j = i + 1;
    while (tokens[j]?.text === '-') j++;
    return j;
  };

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i];
    if (!t) continue;

    // Dates: "August 15th, 2025", "Aug. 15", "15 August", "February 2022", "Monday", "next year".
    const dotAfter = (k: number) => isAbbrev(tokens[k]) && tokens[k + 1]?.text === '.';
    const month = monthOf(t, dayOf(tokens[next(dotAfter(i) ? i + 1 : i)]) !== undefined);
    if (month !== undefined) {
      let j = dotAfter(i) ? i + 2 : i + 1;
      const d: DateMention = { ...span(i, i + 1), month };
      const day = dayOf(tokens[j]);
      if (day !== undefined) {
        d.day = day;
        j++;
        if (tokens[j]?.text === ',' && tokens[j + 1] && /^\d{4}$/.test(tokens[j + 1]?.text ?? '')) j++;
      }
      const y = tokens[j];
      if (y && /^\d{4}$/.test(y.text)) {
        d.year = Number(y.text);
        j++;
      }
      if (
        d.day === undefined &&
        d.year === undefined &&
        t.lower.length <= 4 &&
        !/^(june|july)$/.test(t.lower)
      )
        continue;
      Object.assign(d, span(i, j));
      dates.push(d);
      mark(i, j);
      i = j - 1;
      continue;
    }
    const day = dayOf(t);
    if (day !== undefined) {
      const j = tokens[i + 1]?.lower === 'of' ? i + 2 : i + 1;
      const m = monthOf(tokens[j], true);
      if (m !== undefined) {
        let k = dotAfter(j) ? j + 2 : j + 1;
        const d: DateMention = { ...span(i, k), day, month: m };
        if (/^\d{4}$/.test(tokens[k]?.text ?? '')) {
          d.year = Number(tokens[k]?.text);
          k++;
        }
        Object.assign(d, span(i, k));
        dates.push(d);
        mark(i, k);
        i = k - 1;
        continue;
      }
    }
    if (t.kind === 'word' && WEEKDAYS.get(t.lower) !== undefined && t.cap) {
      dates.push({ ...span(i, i + 1), weekday: WEEKDAYS.get(t.lower) });
      mark(i, i + 1);
      continue;
    }
    if (t.kind === 'word' && RELATIVE_SINGLE.has(t.lower)) {
      dates.push({ ...span(i, i + 1), relative: t.lower });
      mark(i, i + 1);
      continue;
    }
    if (t.kind === 'word' && /^(next|last|this|coming|past)$/.test(t.lower)) {
      const u = tokens[i + 1];
      if (u && RELATIVE_UNITS.has(u.lower)) {
        dates.push({
          ...span(i, i + 2),
          relative: `${t.lower === 'coming' ? 'next' : t.lower === 'past' ? 'last' : t.lower} ${u.lower}`,
        });
        mark(i, i + 2);
        i++;
        continue;
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
        dates.push({ ...span(i, i + 1), year: value });
        mark(i, i + 1);
        continue;
      }
    }
    // "Article 5", "Flight 370": a label, not a quantity.
    if (t.kind === 'number' && prev && prev.kind === 'word' && prev.cap && !prev.stop && i > 1) {
      mark(i, end);
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
      unit = u.canon || u.stem; // the counted noun stays a content word too
      nounEnd = j + 1;
    }
    if (prev?.text === '$' || prev?.text === '€' || prev?.text === '£') unit = prev.text;
    let start = i;
    let bound: NumberMention['bound'];
    for (const [phrase, b] of BOUNDS) {
      const parts = phrase.split(' ');
      const k = i - parts.length;
      if (k >= 0 && parts.every((p, x) => tokens[k + x]?.lower === p)) {
        bound = b;
        start = k;
        break;
      }
    }
    if (prev?.lower === 'only' || prev?.lower === 'just' || prev?.lower === 'exactly') start = i - 1;
    const mention: NumberMention = {
      ...span(start, Math.max(end, nounEnd)),
      value: Math.round(value * 1e6) / 1e6,
      unit,
    };
    if (bound) mention.bound = bound;
    numbers.push(mention);
    mark(i, unit === '%' || unit === 'times' ? end : n.end);
    i = (unit === '%' || unit === 'times' ? end : n.end) - 1;
  }
  return { numbers, dates, used };
}
