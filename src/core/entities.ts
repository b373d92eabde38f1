// Named entities from capitalised sequences, a role-title pass and the gazetteer. Good enough for news
// claims: the kinds matter only where they change a decision (places conflict, roles attach to people).
import {
  ALIASES,
  COUNTRIES,
  DEMONYMS,
  GENERIC_ROLES,
  ORGANIZATIONS,
  ORG_WORDS,
  PERSON_PARTICLES,
  ROLE_TITLES,
  placeKey,
} from './gazetteer.ts';
import { REPORTING_VERBS } from './lexicon.ts';
import { stemWord, type Token } from './tokenize.ts';
import { MONTHS } from './quantities.ts';

export interface Entity {
  text: string;
  /** Comparison key: a place or organisation key, or a person's squashed surname. */
  key: string;
  kind: 'person' | 'place' | 'organization' | 'other';
  start: number;
  end: number;
  /** First and one-past-last token index. */
  tokenStart: number;
  tokenEnd: number;
  /** Role title as written ('U.S. Special Envoy'), and its key without nationality ('special envoy'). */
  role?: string;
  roleKey?: string;
  /** Token index where the role title (with its qualifiers) starts, for a person with a role. */
  roleTokenStart?: number;
  /** Place or organisation keys qualifying the role ('usa' for 'U.S. President'): whose office it is. */
  roleScope?: string;
  /** For "Alcazar, USA": the enclosing place key. */
  parent?: string;
  /** Introduced by in/at/to/near/from: where something happened. */
  locative?: boolean;
  /** A country named through its adjective ('Russian'). */
  demonym?: boolean;
}

/** Collapses doubled letters and a final y, so transliteration variants share a key ('Zelenskyy' ~ 'Zelensky'). */
export function squash(s: string): string {
  return s.replace(/(.)\1+/g, '$1').replace(/y$/, 'i');
}

const nameKeys = new Map<string, string>();
/** The key a name or a plain word is compared by: squashed, then stemmed ('Zelenskyy' ~ 'Zelensky'). */
export function nameKey(lower: string): string {
  // Cached like stemWord: analyze() asks for every content word of every sentence, and the squash
  // regexes cost more than the lookup.
  let key = nameKeys.get(lower);
  if (key === undefined) {
    key = stemWord(squash(lower));
    if (nameKeys.size < 200_000) nameKeys.set(lower, key);
  }
  return key;
}

const TITLE_SEQS = ROLE_TITLES.map((t) => t.split(/[\s-]+/)).sort((a, b) => b.length - a.length);
const REPORTING_STEMS = new Set([...REPORTING_VERBS].map(stemWord));
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside']);
const MOTION = /^(travel|fly|flew|go|went|come|came|head|arriv|return|accompan|visit|trip|journey)/;

/** "in Alaska", "at the Kremlin"; "to Alaska" only after a verb of motion ("accompanied Trump to Alaska"). */
function isLocative(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower ?? '';
  const k = prev === 'the' ? i - 2 : i - 1;
  const p = tokens[k]?.lower ?? '';
  if (LOCATIVE.has(p)) return true;
  if (p !== 'to') return false;
  for (let m = k - 1; m >= Math.max(0, k - 3); m--) if (MOTION.test(tokens[m]?.lower ?? '')) return true;
  return false;
}

/** Titles by first word, so each token is checked against a handful of titles instead of all of them. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const seq of TITLE_SEQS) {
  const first = (seq[0] ?? '').replace(/\.$/, '');
  TITLES_BY_FIRST.set(first, [...(TITLES_BY_FIRST.get(first) ?? []), seq]);
}

function matchTitle(tokens: Token[], i: number): number {
  const t0 = tokens[i];
  if (!t0 || t0.kind !== 'word') return i;
  const seqs = TITLES_BY_FIRST.get(t0.lower);
  if (!seqs) return i;
  for (const seq of seqs) {
    let j = i;
    let ok = true;
    for (const w of seq) {
      while (tokens[j]?.text === '-') j++;
      const t = tokens[j];
      if (!t || (t.lower !== w && `${t.lower}.` !== w)) {
        ok = false;
        break;
      }
      j++;
      if (w.endsWith('.') && tokens[j]?.text === '.') j++;
    }
    if (ok) return j;
  }
  return i;
}

const WEEKDAY_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const isNameWord = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'word' &&
  t.cap &&
  !t.stop &&
  MONTHS.get(t.lower) === undefined &&
  !WEEKDAY_NAMES.has(t.lower);

/** "von der" inside "Ursula von der Leyen": particles count when a name follows them. */
function isParticle(tokens: Token[], j: number): boolean {
  let k = j;
  while (PERSON_PARTICLES.has(tokens[k]?.lower ?? '')) k++;
  return k > j && isNameWord(tokens[k]);
}

/** The text and offsets of tokens a…b. */
function spanOf(
  tokens: Token[],
  text: string,
  a: number,
  b: number,
): { text: string; start: number; end: number; tokenStart: number; tokenEnd: number } {
  const s = tokens[a]?.start ?? 0;
  const e = tokens[b - 1]?.end ?? s;
  return { text: text.slice(s, e), start: s, end: e, tokenStart: a, tokenEnd: b };
}

/** Whether token k ends in a possessive 's ("Russia's"): a name run stops after it. */
const POSSESSIVE = /['’]s$/i;
const possessive = (tokens: Token[], k: number): boolean => POSSESSIVE.test(tokens[k]?.text ?? '');

/** Whether some entity already covers token i. */
function covered(out: Entity[], i: number): boolean {
  for (const e of out) if (i >= e.tokenStart && i < e.tokenEnd) return true;
  return false;
}

const byStart = (a: Entity, b: Entity): number => a.start - b.start;

export function findEntities(tokens: Token[], text: string, names?: ReadonlySet<string>): Entity[] {
  const out: Entity[] = [];
  const taken = new Uint8Array(tokens.length);
  let firstWord = -1;
  for (let k = 0; k < tokens.length; k++)
    if (tokens[k]!.kind === 'word') {
      firstWord = k;
      break;
    }

  // 1. Role titles followed by a name: "U.S. Secretary of State Marco Rubio", "Special Envoy weikov".
  for (let i = 0; i < tokens.length; i++) {
    const te = matchTitle(tokens, i);
    if (te === i) continue;
    const titleCap = tokens[i]?.cap ?? false;
    let j = te;
    while (isNameWord(tokens[j]) || (j > te && isParticle(tokens, j))) j++;
    if (j === te && titleCap) {
      // A capitalised title before a lowercase surname ("Special Envoy weikov"): a name typed carelessly.
      const u = tokens[te];
      if (u && u.kind === 'word' && !u.stop && !REPORTING_STEMS.has(u.stem) && u.lower.length > 3) j = te + 1;
    }
    if (j === te) continue;
    // Qualifiers before the title: "U.S.", "German", "EU Commission", "NATO".
    let q = i;
    while (q > 0 && i - q < 3) {
      const p = tokens[q - 1];
      if (!p || p.kind !== 'word' || !p.cap || p.stop || taken[q - 1]) break;
      const known =
        DEMONYMS.get(p.lower) || placeKey(p.lower) || ORGANIZATIONS.has(ALIASES.get(p.lower) ?? p.lower);
      if (q - 1 === firstWord && !known) break;
      q--;
    }
    // A nationality or organisation qualifier is also a mention of that place or body.
    const scope: string[] = [];
    for (let k = q; k < i; k++) {
      const p = tokens[k];
      if (!p) continue;
      const pk = DEMONYMS.get(p.lower) ?? placeKey(p.lower);
      const ok = ALIASES.get(p.lower) ?? p.lower;
      if (pk) out.push({ ...spanOf(tokens, text, k, k + 1), key: pk, kind: 'place', demonym: true });
      else if (ORGANIZATIONS.has(ok))
        out.push({ ...spanOf(tokens, text, k, k + 1), key: ok, kind: 'organization' });
      scope.push(pk ?? ok);
    }
    taken.fill(1, q, te);
    const roleTokens = tokens.slice(i, te).map((t) => t.lower.replace(/\.$/, ''));
    const surname = tokens[j - 1]?.lower ?? '';
    const e: Entity = {
      ...spanOf(tokens, text, te, j),
      key: nameKey(surname),
      kind: 'person',
      roleTokenStart: q,
      roleScope: scope.join(' '),
      role: text.slice(tokens[q]?.start ?? 0, tokens[te - 1]?.end ?? 0),
      roleKey: roleTokens.join(' '),
    };
    if (GENERIC_ROLES.has(e.roleKey ?? '') || GENERIC_ROLES.has(`${e.roleKey}.`)) delete e.roleKey;
    out.push(e);
    taken.fill(1, te, j);
    i = j - 1;
  }

  // 2. Capitalised sequences ("North Atlantic Treaty Organization", "Alcazar, USA", "Ursula von der Leyen").
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isNameWord(tokens[i])) continue;
    let j = i + 1;
    while (
      j < tokens.length &&
      !taken[j] &&
      !possessive(tokens, j - 1) &&
      (isNameWord(tokens[j]) ||
        isParticle(tokens, j) ||
        (tokens[j]?.lower === 'of' && isNameWord(tokens[j + 1])))
    )
      j++;
    const lowers = tokens.slice(i, j).map((t) => t.lower);
    const whole = lowers.join(' ');
    const t0 = tokens[i];
    if (!t0) continue;
    // A lone capitalised first word is usually just the start of the sentence.
    if (i === firstWord && j === i + 1) {
      const known =
        placeKey(whole) ||
        ORGANIZATIONS.has(ALIASES.get(whole) ?? whole) ||
        DEMONYMS.get(whole) ||
        names?.has(nameKey(whole));
      const nextReporting = REPORTING_STEMS.has(tokens[j]?.stem ?? '') && !whole.endsWith('s');
      if (!known && !nextReporting) continue;
    }
    // Split at a role title inside the run is handled above; split "Weikov and U.S." naturally at "and".
    const ent = classify(tokens, i, j, lowers, whole);
    let kind = ent.kind;
    const locative = kind === 'place' && !ent.demonym && isLocative(tokens, i);
    let parent: string | undefined;
    let lateLocative = false;
    // "Alcazar, USA": a place with its country after a comma.
    const c = tokens[j + 1];
    if (tokens[j]?.text === ',' && c && isNameWord(c) && kind !== 'person') {
      const ck = placeKey(c.lower);
      if (ck && COUNTRIES.has(ck) && (kind === 'other' || kind === 'place') && ck !== ent.key) {
        kind = 'place';
        parent = ck;
        lateLocative = !locative && isLocative(tokens, i);
        j += 2;
      }
    }
    // Built field by field rather than spread from the span and the classification (the slow path of
    // object spread was most of findEntities), with the fields in the order the spread gave them.
    const e = spanOf(tokens, text, i, j) as Entity;
    e.key = ent.key;
    e.kind = kind;
    if (ent.demonym !== undefined) e.demonym = ent.demonym;
    if (locative) e.locative = true;
    if (parent !== undefined) e.parent = parent;
    if (lateLocative) e.locative = true;
    out.push(e);
    i = j - 1;
  }

  // 3. Demonyms ('Russian forces', 'Ukrainian territory') refer to their country.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || !t.cap) continue;
    const country = DEMONYMS.get(t.lower);
    if (country && !covered(out, i))
      out.push({ ...spanOf(tokens, text, i, i + 1), key: country, kind: 'place', demonym: true });
  }
  return out.sort(byStart);
}

function classify(
  tokens: Token[],
  i: number,
  j: number,
  lowers: string[],
  whole: string,
): Omit<Entity, 'text' | 'start' | 'end' | 'tokenStart' | 'tokenEnd'> & Partial<Entity> {
  // One word has no spaces to remove: the second lookup would repeat the first.
  const alias = ALIASES.get(whole) ?? (j - i > 1 ? ALIASES.get(whole.replace(/\s+/g, '')) : undefined);
  const pk = placeKey(whole);
  if (pk) return { key: pk, kind: 'place' };
  const dk = DEMONYMS.get(whole);
  if (dk) return { key: dk, kind: 'place', demonym: true };
  const orgKey = alias ?? whole;
  if (ORGANIZATIONS.has(orgKey)) return { key: orgKey, kind: 'organization' };
  if (lowers.some((w) => ORG_WORDS.has(w))) {
    // Acronym of the capitalised words, so "North Atlantic Treaty Organization" meets "NATO".
    const caps = tokens.slice(i, j).filter((t) => t.cap);
    const acronym = caps.map((t) => t.lower[0]).join('');
    const key =
      caps.length >= 3 && (ORGANIZATIONS.has(acronym) || ALIASES.get(acronym))
        ? (ALIASES.get(acronym) ?? acronym)
        : whole;
    return { key, kind: 'organization' };
  }
  if (j - i === 1 && /^\p{Lu}{2,6}$/u.test(tokens[i]?.text ?? ''))
    return { key: whole, kind: 'organization' };
  const last = lowers[lowers.length - 1] ?? whole;
  if (j - i >= 2 && j - i <= 4) return { key: nameKey(last), kind: 'person' };
  return { key: j - i === 1 ? nameKey(whole) : whole, kind: 'other' };
}
