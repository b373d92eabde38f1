// Per-sentence features: one tokenisation, then entities, numbers, dates, negation scope, modality and
// attribution read off the same tokens. Budget: well under 0.1 ms per sentence, since an index over 100k
// claims analyses every claim when it is rebuilt (figures in docs/engine.md).
import { findEntities, nameKey, type Entity } from './entities.ts';
import { PERSON_PARTICLES } from './gazetteer.ts';
import {
  AUXILIARIES,
  FUTURE_MARKERS,
  GENERIC_WORDS,
  HEDGES,
  NEGATING_VERBS,
  NEGATION_WORDS,
  REPORTING_VERBS,
  SCOPE_BREAKERS,
} from './lexicon.ts';
import { findQuantities, MEASURE_UNITS, type DateMention, type NumberMention } from './quantities.ts';
import { stemWord, tokenize, type Token } from './tokenize.ts';

export type { Token, Entity, NumberMention, DateMention };

export type TermKind = 'content' | 'generic' | 'report' | 'entity' | 'number' | 'date';

export interface Term {
  key: string;
  kind: TermKind;
  weight: number;
  /** Token index where the term occurs (first occurrence). */
  token: number;
  /** True when the term sits inside a negation scope (odd number of cues). */
  negated: boolean;
}

export interface Negation {
  cue: string;
  /** Character span of cue + scope. */
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface Features {
  text: string;
  tokens: Token[];
  /** Content terms keyed by canonical form: stems with synonyms merged, entity keys, numbers, dates. */
  terms: Map<string, Term>;
  /** Distinct content stems, for callers that want plain tokens. */
  stems: string[];
  entities: Entity[];
  numbers: NumberMention[];
  dates: DateMention[];
  negations: Negation[];
  modality: 'asserted' | 'hedged' | 'future';
  /** The word that set the modality ('may', 'will'). */
  modalCue?: string;
  attribution?: { speaker: string; cue: string };
  isQuestion: boolean;
}

export interface AnalyzeOptions {
  /** Lowercase squashed names known from the surrounding text, so a sentence-initial 'Zelenskyy' is a name. */
  names?: ReadonlySet<string>;
}

export const WEIGHTS: Record<TermKind, number> = {
  content: 1,
  generic: 0.35,
  report: 0.15,
  entity: 1.3,
  number: 1.2,
  date: 1,
};

const REPORTING_STEMS = new Set([...REPORTING_VERBS].map(stemWord));
const NEGATING_STEMS = new Set([...NEGATING_VERBS].map(stemWord));
const GENERIC_STEMS = new Set([...GENERIC_WORDS].map(stemWord));
const SCOPE_END = /^[,;:()\u2014\u2013"“”!?.]$/;
// Word patterns as constants: a regular expression literal inside a loop is a new object every time.
const NOMINAL_END = /ing$|ion$|ure$/;
const DETERMINER_CUE = /^(no|none|neither|nor|nobody|nothing)$/;
const VERB_END = /(ed|en)$/;
const REPORT_NOUN = /^(report|reports|statement)$/;
const BEFORE_VERB = /^(has|have|had|also|later|then|reportedly|previously)$/;
const PRONOUN_SPEAKER = /^(he|she|they|officials|reports|sources)$/;
const QUESTION_END = /\?\s*["”’)]*\s*$/;
const PREPOSITIONS = new Set(['to', 'of', 'for', 'in', 'on', 'with', 'by', 'at', 'from', 'about', 'over']);
const CUE_PARTICLES = new Set(['not yet', 'no longer', 'never again', 'not even']);
const NOT_NEGATION = new Set(['not only', 'no doubt', 'nothing but', 'not just']);

export function dateKey(d: DateMention): string {
  if (d.relative) return `@${d.relative}`;
  if (d.weekday) return `@wd${d.weekday}`;
  return `@${d.year ?? '?'}-${d.month ?? '?'}-${d.day ?? '?'}`;
}

/** A number's term key: its value, with the unit when it is a measure ("#5km", "#4.1%") not a count. */
export function numberKey(n: NumberMention): string {
  return MEASURE_UNITS.has(n.unit) ? `#${n.value}${n.unit}` : `#${n.value}`;
}

function findNegations(tokens: Token[]): { negations: Negation[]; parity: Uint8Array } {
  const negations: Negation[] = [];
  const parity = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word') continue;
    const isCue =
      NEGATION_WORDS.has(t.lower) ||
      t.lower.endsWith("n't") ||
      (NEGATING_STEMS.has(t.stem) &&
        (tokens[i + 1]?.lower === 'to' ||
          tokens[i + 1]?.lower === 'from' ||
          NOMINAL_END.test(tokens[i + 1]?.lower ?? '') ||
          tokens[i + 1]?.kind === 'word'));
    if (!isCue) continue;
    if (NOT_NEGATION.has(`${t.lower} ${tokens[i + 1]?.lower ?? ''}`)) continue;
    // The scope shown is the clause; the words whose polarity flips are only the predicate: the first
    // content word after the cue ("not [object] to a framework"), and after a determiner cue ("no flights
    // were cancelled") also a verb that follows. Flipping the whole clause made every shared object a
    // "negated" term and every topical neighbour a conflict.
    const determiner = DETERMINER_CUE.test(t.lower);
    const maxWords = t.lower === 'non' ? 1 : 8;
    let j = i + 1;
    let words = 0;
    let first = -1;
    let verb = -1;
    while (j < tokens.length && words < maxWords) {
      const u = tokens[j];
      if (!u) break;
      if (u.kind === 'punct' && SCOPE_END.test(u.text)) break;
      // "not yet finalised", "no longer on the table": the particle belongs to the cue, not the scope.
      if (j === i + 1 && CUE_PARTICLES.has(`${t.lower} ${u.lower}`)) {
        j++;
        continue;
      }
      if (u.kind === 'word' && SCOPE_BREAKERS.has(u.lower) && !(u.lower === 'or' && j === i + 2)) break;
      if (u.kind === 'word') {
        words++;
        const content = !u.stop && !u.cap && !AUXILIARIES.has(u.lower);
        const verbLike = VERB_END.test(u.lower) || AUXILIARIES.has(tokens[j - 1]?.lower ?? '');
        if (content && first < 0) first = j;
        else if (first >= 0 && verb < 0 && PREPOSITIONS.has(u.lower)) verb = -2; // "no objection to …": no verb
        if (content && verb === -1 && verbLike && first !== j) verb = j;
      }
      j++;
    }
    // "no flights were cancelled": the verb is what is denied; otherwise the first content word.
    const target = determiner && verb >= 0 ? verb : first;
    if (target >= 0) parity[target] = (parity[target] ?? 0) ^ 1;
    negations.push({
      cue: t.text,
      start: t.start,
      end: tokens[j - 1]?.end ?? t.end,
      tokenStart: i,
      tokenEnd: j,
    });
  }
  return { negations, parity };
}

function findAttribution(tokens: Token[], entities: Entity[]): Features['attribution'] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word') continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const e = entities.find((x) => x.tokenStart >= i + 2 && x.tokenStart <= i + 3);
      const w = tokens[i + 2];
      const speaker = e?.text ?? (w?.lower === 'reports' || w?.lower === 'sources' ? w.text : w?.text);
      if (speaker) return { speaker, cue: 'according to' };
    }
    if (!REPORTING_STEMS.has(t.stem) || t.canon === '' || t.cap || REPORT_NOUN.test(t.lower)) continue;
    // Subject before the verb ("Witkoff stated", "Rubio has said"), or after it ("…,” said Rubio).
    let k = i - 1;
    while (k >= 0 && BEFORE_VERB.test(tokens[k]?.lower ?? '')) k--;
    const before = entities.find((e) => e.tokenEnd - 1 === k);
    if (before) return { speaker: before.text, cue: t.text };
    const pron = tokens[k];
    if (pron && PRONOUN_SPEAKER.test(pron.lower)) return { speaker: pron.text, cue: t.text };
    const after = entities.find((e) => (e.roleTokenStart ?? e.tokenStart) === i + 1);
    if (after) return { speaker: after.text, cue: t.text };
  }
  return undefined;
}

const f_isCap = (tokens: Token[], i: number): boolean => {
  while (PERSON_PARTICLES.has(tokens[i]?.lower ?? '')) i++;
  return tokens[i]?.cap ?? false;
};

/** Adds a term, or raises the weight of the one already there. */
function addTerm(
  terms: Map<string, Term>,
  parity: Uint8Array,
  key: string,
  kind: TermKind,
  token: number,
): void {
  if (!key) return;
  const prev = terms.get(key);
  const weight = WEIGHTS[kind];
  if (!prev) terms.set(key, { key, kind, weight, token, negated: parity[token] === 1 });
  else if (weight > prev.weight) {
    prev.kind = kind;
    prev.weight = weight;
  }
}

/** Index of the first token starting at or after the character offset (-1 when none). */
function tokenAt(tokens: Token[], offset: number): number {
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.start >= offset) return k;
  return -1;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Features {
  const tokens = tokenize(text);
  const { numbers, dates, used } = findQuantities(tokens, text);
  const entities = findEntities(tokens, text, options.names);
  const { negations, parity } = findNegations(tokens);
  const terms = new Map<string, Term>();

  const inEntity = new Uint8Array(tokens.length);
  for (const e of entities) {
    for (let k = e.roleTokenStart ?? e.tokenStart; k < e.tokenEnd; k++) inEntity[k] = 1;
    addTerm(terms, parity, e.key, 'entity', e.tokenEnd - 1);
    // "Alcazar, USA" also names the country.
    if (e.parent) addTerm(terms, parity, e.parent, 'entity', e.tokenEnd - 1);
  }
  for (const n of numbers) addTerm(terms, parity, numberKey(n), 'number', tokenAt(tokens, n.start));
  for (const d of dates) addTerm(terms, parity, dateKey(d), 'date', tokenAt(tokens, d.start));

  let modality: Features['modality'] = 'asserted';
  let modalCue: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word') continue;
    if (modality !== 'hedged' && HEDGES.has(t.lower) && !(t.cap && t.lower === 'may' && i > 0)) {
      modality = 'hedged';
      modalCue = t.text;
    } else if (modality === 'asserted' && FUTURE_MARKERS.has(t.lower)) {
      modality = 'future';
      modalCue = t.text;
    }
    if (inEntity[i] || used[i] || t.stop || !t.canon || t.lower.length < 2 || NEGATION_WORDS.has(t.lower))
      continue;
    if (PERSON_PARTICLES.has(t.lower) && f_isCap(tokens, i + 1)) continue;
    const kind: TermKind =
      REPORTING_STEMS.has(t.stem) || t.canon === 'say'
        ? 'report'
        : GENERIC_STEMS.has(t.stem)
          ? 'generic'
          : 'content';
    addTerm(terms, parity, t.syn ? t.canon : nameKey(t.lower), kind, i);
  }
  const stems: string[] = [];
  for (const t of terms.values()) if (t.kind === 'content' || t.kind === 'generic') stems.push(t.key);
  const f: Features = {
    text,
    tokens,
    terms,
    stems,
    entities,
    numbers,
    dates,
    negations,
    modality,
    isQuestion: QUESTION_END.test(text),
  };
  if (modalCue) f.modalCue = modalCue;
  const attribution = findAttribution(tokens, entities);
  if (attribution) f.attribution = attribution;
  return f;
}

/** The auxiliaries and modals right before token i, for reasons that quote "could be negotiated". */
export function phraseAround(f: Features, i: number, withNegation = true): string {
  const t = f.tokens[i];
  if (!t) return '';
  let s = i;
  while (s > 0 && AUXILIARIES.has(f.tokens[s - 1]?.lower ?? '') && i - s < 3) s--;
  if (withNegation) {
    const n = f.negations.find((x) => x.tokenStart < i && i < x.tokenEnd);
    if (n) s = Math.min(s, n.tokenStart);
  }
  let e = i + 1;
  const end = f.tokens[i]?.phraseEnd ?? i + 1;
  if (end > e) e = end;
  return f.text.slice(f.tokens[s]?.start ?? t.start, f.tokens[e - 1]?.end ?? t.end);
}
