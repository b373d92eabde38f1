// One person named or titled differently across sources: 'Weikov' vs 'Steve Witkoff' (same role, similar
// surname), 'Senator Marco Rubio' vs 'Secretary of State Marco Rubio' (same name, incompatible roles).
import { analyze } from './analyze.ts';
import { namesIn } from './extract-claims.ts';
import type { Claim, Discrepancy, Source } from './types.ts';

interface Mention {
  name: string;
  key: string;
  role?: string;
  roleKey?: string;
  sourceId: string;
  claimId: string;
}

/** Consonant skeleton: spelling and transliteration variants keep it ('Weikov' wkf ~ 'Witkoff' wtkf). */
export function skeleton(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/ck|c|q/g, 'k')
    .replace(/v|w(?=$)/g, 'f')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
  return (s[0] ?? '') + s.slice(1).replace(/[aeiouyhw]/g, '');
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

const roleWords = (k: string) => k.split(' ');
const rolesCompatible = (a: string, b: string) =>
  roleWords(a).every((w) => roleWords(b).includes(w)) || roleWords(b).every((w) => roleWords(a).includes(w));

function similarNames(a: string, b: string): boolean {
  const sa = skeleton(a);
  const sb = skeleton(b);
  if (sa[0] !== sb[0]) return false;
  return (
    editDistance(sa, sb) <= 1 ||
    editDistance(a.toLowerCase(), b.toLowerCase()) <= Math.floor(Math.min(a.length, b.length) / 4)
  );
}

export function findDiscrepancies(claims: Claim[], sources: Source[]): Discrepancy[] {
  const names = new Map(sources.map((s) => [s.id, namesIn(s.text)]));
  const mentions: Mention[] = [];
  const loose: { text: string; key: string; sourceId: string; claimId: string }[] = [];
  for (const c of claims) {
    const n = names.get(c.sourceId);
    const f = analyze(c.exact, n ? { names: n } : {});
    for (const e of f.entities) {
      if (e.kind === 'person') {
        const m: Mention = { name: e.text, key: e.key, sourceId: c.sourceId, claimId: c.id };
        if (e.role && e.roleKey) Object.assign(m, { role: e.role, roleKey: e.roleKey });
        mentions.push(m);
      } else if (e.kind === 'other')
        loose.push({ text: e.text, key: e.key, sourceId: c.sourceId, claimId: c.id });
    }
  }
  // A bare surname ('Weikov stated…') joins the person it names.
  const personKeys = new Set(mentions.map((m) => m.key));
  for (const l of loose)
    if (personKeys.has(l.key))
      mentions.push({ name: l.text, key: l.key, sourceId: l.sourceId, claimId: l.claimId });

  // Group by key, then merge keys that look like one person: similar skeletons and a shared specific role.
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) groups.set(m.key, [...(groups.get(m.key) ?? []), m]);
  const keys = [...groups.keys()];
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const a = groups.get(keys[i] ?? '') ?? [];
      const b = groups.get(keys[j] ?? '') ?? [];
      const sa = a[0]?.name.split(' ').pop() ?? '';
      const sb = b[0]?.name.split(' ').pop() ?? '';
      if (!similarNames(sa, sb)) continue;
      const sharedRole = a.some(
        (x) => x.roleKey && b.some((y) => y.roleKey && rolesCompatible(x.roleKey ?? '', y.roleKey ?? '')),
      );
      if (sharedRole || editDistance(sa.toLowerCase(), sb.toLowerCase()) <= 1)
        parent.set(find(keys[j] ?? ''), find(keys[i] ?? ''));
    }
  const merged = new Map<string, Mention[]>();
  for (const [k, ms] of groups) merged.set(find(k), [...(merged.get(find(k)) ?? []), ...ms]);

  const out: Discrepancy[] = [];
  for (const ms of merged.values()) {
    if (new Set(ms.map((m) => m.sourceId)).size < 2) continue;
    const fullest = [...ms].sort(
      (x, y) => y.name.split(' ').length - x.name.split(' ').length || count(ms, y.name) - count(ms, x.name),
    )[0];
    const entity = fullest?.name ?? '';
    // Names: surname spellings that differ across sources.
    const byName = variantsBy(
      ms,
      (m) => m.key,
      (m) => m.name.replace(/['’]s$/, ''),
    );
    if (byName.length >= 2) out.push({ kind: 'person', entity, variants: byName });
    // Roles: titles for the same person that cannot both be right.
    const withRole = ms.filter((m) => m.roleKey);
    const roleKeys = [...new Set(withRole.map((m) => m.roleKey ?? ''))];
    const clash = roleKeys.some((a) => roleKeys.some((b) => !rolesCompatible(a, b)));
    if (clash && new Set(withRole.map((m) => m.sourceId)).size >= 2) {
      const byRole = variantsBy(
        withRole,
        (m) => m.roleKey ?? '',
        (m) => `${m.role} ${m.name}`.replace(/^U\.S\. |^US /, ''),
      );
      out.push({ kind: 'role', entity, variants: byRole });
    }
  }
  return out;
}

const count = (ms: Mention[], name: string) => ms.filter((m) => m.name === name).length;

/** One variant per (form, source): the first mention's text and claim. */
function variantsBy(
  ms: Mention[],
  form: (m: Mention) => string,
  text: (m: Mention) => string,
): Discrepancy['variants'] {
  const forms = new Set(ms.map(form));
  if (forms.size < 2) return [];
  const seen = new Set<string>();
  const out: Discrepancy['variants'] = [];
  for (const m of ms) {
    const k = `${form(m)}|${m.sourceId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ text: text(m), sourceId: m.sourceId, claimId: m.claimId });
  }
  return out;
}
