// A small RFC 4180 CSV reader for the public benchmark files (Emergent, FNC-1): comma-separated, fields
// optionally in double quotes, a quote inside a quoted field doubled, and quoted fields that span lines
// (FNC-1 article bodies do). Pure: text in, rows out; the CLI adds the file name to errors.

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    message: string,
    /** 1-based line of the file where the problem starts. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** One record: its fields and the file line it starts on (for error messages). */
export interface CsvRow {
  fields: string[];
  line: number;
}

/**
 * Splits CSV text into records. Accepts \n and \r\n line ends and a leading byte-order mark; skips blank
 * lines between records. A quote in the middle of an unquoted field is kept as text (lenient, as Python's
 * csv module is); a quoted field left open at the end of the text, or text right after a closing quote,
 * is an error.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  const n = s.length;
  while (i < n) {
    // Skip blank lines between records.
    if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] === '\n')) {
      i += s[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        const open = line;
        i++;
        // The field is gathered as slices between quotes and joined once: adding it up a character at a
        // time left each article body a rope of thousands of pieces, which every later string operation
        // first had to flatten (0.35 ms per FNC-1 body, more than scoring it; docs/benchmarks.md).
        const parts: string[] = [];
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) throw new CsvError('unterminated quoted field', open);
          for (let k = s.indexOf('\n', i); k >= 0 && k < q; k = s.indexOf('\n', k + 1)) line++;
          parts.push(s.slice(i, q));
          if (s[q + 1] === '"') {
            parts.push('"');
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        field = parts.join('');
        if (i < n && s[i] !== ',' && s[i] !== '\n' && !(s[i] === '\r' && s[i + 1] === '\n'))
          throw new CsvError(`unexpected ${JSON.stringify(s[i])} after a closing quote`, line);
      } else {
        let j = i;
        while (j < n && s[j] !== ',' && s[j] !== '\n' && !(s[j] === '\r' && s[j + 1] === '\n')) j++;
        field = s.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i < n && s[i] === ',') {
        i++;
        continue;
      }
      // End of record: a line end or the end of the text.
      if (i < n) {
        i += s[i] === '\r' ? 2 : 1;
        line++;
      }
      break;
    }
    rows.push({ fields, line: start });
  }
  return rows;
}

/** A record keyed by the header's column names, with the line it starts on. */
export interface CsvRecord {
  values: Record<string, string>;
  line: number;
}

/**
 * Parses CSV with a header row and checks that the named columns are there and that every record has as
 * many fields as the header. Extra columns are kept; an unnamed column (Emergent's index) is named ''.
 */
export function parseCsvRecords(text: string, required: readonly string[]): CsvRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvError('no header row', 1);
  const names = header.fields.map((f) => f.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length) throw new CsvError(`missing column ${missing.map((m) => `"${m}"`).join(', ')}`, 1);
  return rows.map(({ fields, line }) => {
    if (fields.length !== names.length)
      throw new CsvError(`expected ${names.length} fields, got ${fields.length}`, line);
    return { values: Object.fromEntries(names.map((name, k) => [name, fields[k]!])), line };
  });
}
