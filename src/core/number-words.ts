// Numbers written as words or digits ('sixty-two', 'three and a half', '3 1/2', 'once'), read off tokens.
import type { Token } from './tokenize.ts';

export const SMALL: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    dozen: 12,
  }),
);
export const SCALES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    hundred: 100,
    thousand: 1e3,
    million: 1e6,
    billion: 1e9,
    trillion: 1e12,
  }),
);
/** Scales written onto digits in headlines and figures: "2.5m", "3bn", "40k". */
const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map(
  Object.entries({ k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 }),
);
export const FRACTIONS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    half: 0.5,
    quarter: 0.25,
    quarters: 0.25,
    third: 1 / 3,
    thirds: 1 / 3,
  }),
);
export const MULTIPLES: ReadonlyMap<string, number> = new Map(
  Object.entries({ once: 1, twice: 2, thrice: 3 }),
);
export function parseDigits(text: string): number {
  if (text.includes('/')) {
    const [n, d] = text.split('/').map(Number);
    return (n ?? NaN) / (d ?? NaN);
  }
  return Number(text.replace(/(st|nd|rd|th)$/, '').replace(/,/g, ''));
}

/** Reads a number starting at token i: digits, words, fractions and mixed forms ("3 1/2", "three and a half"). */
export function readNumber(
  tokens: Token[],
  i: number,
): { value: number; end: number; multiple?: boolean } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'number') {
    if (/(st|nd|rd|th)$/.test(t.text)) return undefined; // ordinals are not counts
    let value = parseDigits(t.text);
    let end = i + 1;
    const f = tokens[end];
    if (f?.kind === 'number' && f.text.includes('/') && !t.text.includes('/')) {
      value += parseDigits(f.text);
      end++;
    }
    const s = tokens[end];
    if (s && SCALES.get(s.lower) !== undefined) {
      value *= SCALES.get(s.lower) ?? 1;
      end++;
    } else if (s && s.start === tokens[end - 1]!.end && SCALE_SUFFIXES.get(s.lower) !== undefined) {
      // "2.5m", "3bn", "40k": a scale written onto the digits.
      value *= SCALE_SUFFIXES.get(s.lower) ?? 1;
      end++;
    }
    return Number.isFinite(value) ? { value, end } : undefined;
  }
  if (t.kind !== 'word') return undefined;
  if (MULTIPLES.get(t.lower) !== undefined)
    return { value: MULTIPLES.get(t.lower) ?? 0, end: i + 1, multiple: true };
  // "a quarter", "a half", "a dozen", "a hundred"
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  if ((t.lower === 'a' || t.lower === 'an') && tokens[i + 1]) {
    const w = tokens[i + 1]?.lower ?? '';
    if (FRACTIONS.get(w) !== undefined && w !== 'third') return { value: FRACTIONS.get(w) ?? 0, end: i + 2 };
    if (w === 'dozen' || SCALES.get(w) !== undefined) {
      current = 1;
      j = i + 1;
    } else return undefined;
  }
  for (; j < tokens.length; j++) {
    const w = tokens[j];
    if (!w) break;
    if (w.text === '-' && any) continue;
    const v = SMALL.get(w.lower);
    if (v !== undefined && w.lower !== 'dozen') {
      current += v;
      any = true;
      continue;
    }
    if (w.lower === 'dozen' || (SCALES.get(w.lower) !== undefined && (any || current))) {
      const scale = w.lower === 'dozen' ? 12 : (SCALES.get(w.lower) ?? 1);
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      any = true;
      continue;
    }
    // "three and a half", "three quarters"
    if (
      any &&
      w.lower === 'and' &&
      tokens[j + 1]?.lower === 'a' &&
      FRACTIONS.get(tokens[j + 2]?.lower ?? '') !== undefined
    ) {
      current += FRACTIONS.get(tokens[j + 2]?.lower ?? '') ?? 0;
      j += 3;
      // "three and a half thousand"
      const scale = SCALES.get(tokens[j]?.lower ?? '');
      if (scale !== undefined && scale >= 1000) {
        current *= scale;
        j++;
      }
      break;
    }
    if (any && FRACTIONS.get(w.lower) !== undefined && current > 0 && current < 10) {
      current *= FRACTIONS.get(w.lower) ?? 1;
      j++;
      break;
    }
    break;
  }
  if (!any) return undefined;
  return { value: total + current, end: j };
}
