// How importers name a place in a file and a value in their one-line errors ("claims[3].start: expected a
// non-negative integer, got -1"). Keys and values come from untrusted files, so both are escaped and
// shortened here: a key holding a newline, U+2028 or ten thousand characters must not break the one line.

type PathItem = { key: unknown };

/** Keys that read plainly after a dot; anything else is written as a quoted ["…"] step. */
const PLAIN_KEY = /^[^\s.[\]"'\\\p{C}\p{Z}]{1,40}$/u;
const MAX_KEY = 40;

/** JSON.stringify, plus escapes for the separators and invisibles it leaves raw (U+2028, U+2029, BOM…). */
function escaped(json: string): string {
  return json.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function keyStep(key: unknown, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  const name = String(key);
  if (PLAIN_KEY.test(name)) return first ? name : `.${name}`;
  const quoted = escaped(JSON.stringify(name.length > MAX_KEY ? `${name.slice(0, MAX_KEY)}…` : name));
  return `[${quoted}]`;
}

/** `base` followed by a valibot issue path: `first.items[0].author`, `source["autho\r"]`, or (root). */
export function pathText(path: readonly PathItem[] | undefined, base = ''): string {
  let out = base;
  for (const { key } of path ?? []) out += keyStep(key, out === '');
  return out || '(root)';
}

/** A value as short JSON on one line: `"Geneva"`, `-1`, `{"a":1,...`, or `nothing`. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  json = escaped(json ?? String(typeof value));
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
