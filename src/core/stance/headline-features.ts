// Features of a (claim, report) sentence pair for the headline stance model (Emergent-style: how does
// this headline stand toward the claim?). The report's own wording carries most of the signal —
// hedges ("reportedly", "claims", "?") for observing, refutations ("denies", "hoax", "not") for
// against — so the model reads the report's words plus the rule engine's verdict and overlap. Cheap by
// design: compare() runs this on every candidate of a page (a few dozen sparse inputs).
import type { Comparison } from '../types.ts';
import { HEDGE_WORDS, REFUTE_WORDS, STOP_WORDS, words } from './words.ts';

export const HEADLINE_DENSE = 18;
export const headlineInputs = (v: number): number => v + HEADLINE_DENSE;

const STANCES = ['corroborates', 'conflicts', 'discusses', 'unrelated'] as const;
const CONFLICT_KINDS = new Set(['number', 'date', 'place', 'person', 'negation', 'antonym']);
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor']);
const negator = (w: string) => NEGATORS.has(w) || w.endsWith("n't") || w.endsWith('n’t');

export interface HeadlineInput {
  idx: number[];
  val: number[];
  /** The report's first refuting word, for the reason the user sees when the model says 'conflicts'. */
  refute?: string;
}

export function headlineInputsOf(
  index: ReadonlyMap<string, number>,
  a: string,
  b: string,
  rules: Pick<Comparison, 'stance' | 'similarity' | 'reasons'>,
): HeadlineInput {
  const wa = words(a);
  const wb = words(b);
  const idx: number[] = [];
  const val: number[] = [];
  for (const w of new Set(wb)) {
    const i = index.get(w);
    if (i !== undefined) {
      idx.push(i);
      val.push(1);
    }
  }
  const ca = new Set(wa.filter((w) => !STOP_WORDS.has(w)));
  const cb = new Set(wb.filter((w) => !STOP_WORDS.has(w)));
  let shared = 0;
  for (const w of cb) if (ca.has(w)) shared++;
  const refuteB = wb.find((w) => REFUTE_WORDS.has(w) && !wa.includes(w));
  const negB = wb.filter(negator).length;
  const negA = wa.filter(negator).length;
  const dense = [
    ...STANCES.map((s) => (rules.stance === s ? 1 : 0)),
    rules.similarity,
    rules.reasons.some((r) => CONFLICT_KINDS.has(r.kind)) && rules.stance === 'conflicts' ? 1 : 0,
    refuteB ? 1 : 0,
    wb.some((w) => HEDGE_WORDS.has(w)) ? 1 : 0,
    b.includes('?') ? 1 : 0,
    wa.some((w) => REFUTE_WORDS.has(w)) ? 1 : 0,
    wa.some((w) => HEDGE_WORDS.has(w)) ? 1 : 0,
    negB > negA ? 1 : 0,
    negA > negB ? 1 : 0,
    ca.size ? shared / ca.size : 0,
    cb.size ? shared / cb.size : 0,
    Math.min(wb.length, 30) / 30,
    /^[“"']|[”"']$/.test(b.trim()) || /:\s*[“"']/.test(b) ? 1 : 0,
    1,
  ];
  const base = index.size;
  dense.forEach((v, k) => {
    if (v) {
      idx.push(base + k);
      val.push(v);
    }
  });
  return { idx, val, ...(refuteB ? { refute: refuteB } : {}) };
}
