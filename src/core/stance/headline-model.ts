// The learned layer of compare(): a linear softmax over the report's words, cue words and the rule
// engine's verdict (headline-features.ts), trained on the Emergent train split (build/train.ts). The
// rules stay authoritative for what they can show — a differing number, date, place, person, a negated
// predicate, an antonym — and the model decides the stance where the rules only measured overlap.
import type { Comparison, Stance } from '../types.ts';
import { headlineInputsOf } from './headline-features.ts';
import { HEADLINE_WEIGHTS } from './headline-weights.ts';
import { Mlp } from './mlp.ts';

export const HEADLINE_CLASSES = ['for', 'against', 'observing'] as const;
const STANCE_OF: Record<(typeof HEADLINE_CLASSES)[number], Stance> = {
  for: 'corroborates',
  against: 'conflicts',
  observing: 'discusses',
};

let loaded: { model: Mlp; index: Map<string, number> } | undefined;
function model() {
  loaded ??= {
    model: new Mlp(HEADLINE_WEIGHTS.model),
    index: new Map(HEADLINE_WEIGHTS.vocab.split(' ').map((w, i) => [w, i])),
  };
  return loaded;
}

/** Class probabilities (for, against, observing) of report b toward claim a, given the rules' verdict. */
export function headlineProbabilities(a: string, b: string, rules: Comparison): Float32Array {
  const { model: m, index } = model();
  const x = headlineInputsOf(index, a, b, rules);
  return m.predict(x.idx, x.val);
}

/**
 * The rules' comparison, with the stance the model gives when the rules found no concrete conflict.
 * `sameTopic`: the caller knows b is about a (Emergent's premise: every article headline was collected
 * for its claim), so a pair the rules call unrelated for lack of shared words is still given a stance.
 */
export function learnedStance(a: string, b: string, rules: Comparison, sameTopic = false): Comparison {
  // Off for page sentences: trained on headlines, the model read "not"/"rejects" inside body sentences
  // as refutations and "reportedly" as mere observing, and took the dev pairs from 29/30 to 26/30
  // (docs/quality.md); the extension keeps the rules' verdicts until it has sentence-level training data.
  if (!sameTopic) return rules;
  if (rules.stance === 'conflicts') return rules;
  const { model: m, index } = model();
  const x = headlineInputsOf(index, a, b, rules);
  const p = m.predict(x.idx, x.val);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  const stance = STANCE_OF[HEADLINE_CLASSES[best]!];
  if (stance === rules.stance) return rules;
  if (stance === 'conflicts') {
    // The user sees why: the refuting word the report uses. Without one the model's 'against' is only
    // a lean, which is not enough to flag a page sentence.
    if (!x.refute) return { ...rules, stance: 'discusses' };
    // The refuting word with a few words either side, cut at word boundaries.
    const ws = b.split(/\s+/);
    const at = ws.findIndex((w) => w.toLowerCase().replace(/[^a-z0-9'’]/g, '') === x.refute);
    const phrase = at < 0 ? x.refute : ws.slice(Math.max(0, at - 6), at + 4).join(' ');
    return { ...rules, stance, reasons: [{ kind: 'refutation', a, b: phrase }, ...rules.reasons] };
  }
  // Reasons that explained a corroboration (a shared number written differently) stay; a role difference
  // stays with any stance.
  return {
    ...rules,
    stance,
    reasons: stance === 'corroborates' ? rules.reasons : rules.reasons.filter((r) => r.kind === 'role'),
  };
}
