// Boilerplate removal for news text. Pages and scraped articles carry navigation, sidebars, FAQ blocks
// and calls to action around the story; left in, they become "claims" and false matches. The rules are
// line-based because that boilerplate almost always sits on its own line or paragraph.

/** Lines that are navigation or chrome whatever follows them. */
const DROP_LINE =
  /^(?:skip to (?:main )?content|table of contents|contents|read (?:also|more)|also read|see also|related(?: articles| stories| coverage)?|latest(?: news| stories)?|advertisement|share(?: this(?: article| story)?)?|categories|category|tags?|filed under|published by|posted by|written by|by|more from|recommended|trending|most read|sign up|newsletter)\s*[:\-–—|]?\s*(?:$)/i;

/** Lines that are sidebars or labels: the whole line goes, including the text after the label. */
const DROP_PREFIX =
  /^(?:did you know\?|pro tip:|tip:|editor'?s note:|also read:|read also:|read more:|see also:|related:|categories:|category:|tags:|filed under:|published by\b|posted by\b|written by\b|image:|photo:|credit:|source:|advertisement\b)/i;

/** Calls to comment, share or subscribe. */
const CALL_TO_ACTION =
  /\b(?:share your (?:thoughts|views|opinion)|in the comments|leave a comment|let us know (?:what|in)|(?:don[’']t forget to |please )?subscribe (?:to|for|now)|sign up (?:for|to) (?:our|the)|follow us on|click here|we value your (?:viewpoint|opinion|feedback))\b/i;

const FAQ_HEADING = /^(?:frequently asked questions|faqs?|questions and answers|q\s*&\s*a)\s*:?$/i;
const LIST_MARKER = /^(?:[-*•]\s+|\d{1,2}[.)]\s+)/;
const TABLE_ROW = /^\|.*\|$/;
const REFERENCE_LINE = /^\[\d+\]\s*\S.{0,60}$/;

/** Missing space after a comma or full stop between words ("1949,is", "NATO,a", "progress.He"). */
function repairSpacing(line: string): string {
  return (
    line
      // A comma glued to a following letter; digits after a comma stay ("2,000").
      .replace(/([\p{L}\d)”"’])(,)(\p{L})/gu, '$1$2 $3')
      // A full stop after a lowercase word and before a capitalised word; leaves "4.1", "U.S.", "e.g.", "example.com".
      .replace(/(\p{Ll}{2,}[”"’)]?)\.(\p{Lu}\p{Ll})/gu, '$1. $2')
  );
}

function normalizeForRepeat(line: string): string {
  return line
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}

/** A short line without final punctuation: a headline, label or byline rather than prose. */
function isHeadingLike(line: string): boolean {
  return line.length < 140 && !/[.!?:”"]$/.test(line);
}

/**
 * Returns the article text without boilerplate, one paragraph per line (blank lines between blocks
 * collapsed to one). Claim offsets are taken from this text, so it must be deterministic.
 */
export function cleanText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const out: string[] = [];
  const seenShort = new Set<string>();
  let inFaq = false;
  let skipNextName = false;

  for (const rawLine of lines) {
    let line = rawLine.trim();
    if (!line) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      // A blank line ends an FAQ block only when the block is a list; FAQ items are usually contiguous.
      continue;
    }
    if (inFaq) {
      // Q/A lines: list items, questions, or "Q:"/"A:" prefixed. The first prose line ends the block.
      if (LIST_MARKER.test(line) || /^[QA][:.]\s/.test(line) || /^[^.!]{3,200}\?/.test(line)) continue;
      inFaq = false;
    }
    if (FAQ_HEADING.test(line)) {
      inFaq = true;
      continue;
    }
    if (skipNextName) {
      skipNextName = false;
      // "Published by" followed by the author's name on the next line.
      if (line.split(/\s+/).length <= 4 && !/[.!?]$/.test(line)) {
        seenShort.add(normalizeForRepeat(line));
        continue;
      }
    }
    if (/^(?:published|posted|written)\s+by\s*$/i.test(line)) {
      skipNextName = true;
      continue;
    }
    if (DROP_LINE.test(line) || DROP_PREFIX.test(line) || TABLE_ROW.test(line) || REFERENCE_LINE.test(line)) {
      if (/^published by\s+\S/i.test(line))
        seenShort.add(normalizeForRepeat(line.replace(/^published by\s+/i, '')));
      continue;
    }
    if (CALL_TO_ACTION.test(line)) {
      // Keep the story's sentences when a call to action shares their paragraph.
      line = line
        .split(/(?<=[.!?])\s+/)
        .filter((s) => !CALL_TO_ACTION.test(s))
        .join(' ');
      if (!line) continue;
    }

    // "Latest" glued to or separated from the real text by punctuation is a section label.
    line = line.replace(/^latest\s*[:|–—-]\s*|^Latest(?=\p{Lu})/u, '');
    line = line.replace(LIST_MARKER, '');
    // Reference markers: [[1]], [1], [12]; with the space before them.
    line = line.replace(/\s*\[\[\d+\]\]|\s*\[\d{1,3}\](?!\()/g, '');
    line = repairSpacing(line).trim();
    if (!line) continue;

    if (isHeadingLike(line)) {
      // Headlines and bylines repeated further down the page (site chrome, share widgets).
      const key = normalizeForRepeat(line);
      if (seenShort.has(key)) continue;
      seenShort.add(key);
    }
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
