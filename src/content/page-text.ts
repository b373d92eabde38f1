// Finds the article on a page and turns it into one plain string for the engine, remembering which
// block element each stretch of text came from so matches can be highlighted in place.
//
//   document ─ findArticleRoot ─▶ root ─ collectSegments ─▶ [{element, start, end}] + text
//
// Navigation, asides, comments, footers, ads, forms and our own nodes are skipped. Segments are the
// text of one block element (p, li, h2, …) with whitespace collapsed; blocks are separated by a blank
// line so no sentence spans two of them.

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'IFRAME',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'FIGURE',
  'CODE',
  'PRE',
]);
const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alert',
]);
// Class or id words of page furniture; matched as whole words so 'header-image' in an article is kept
// only when it has text of its own (a credit line is not a claim anyway).
const SKIP_NAMES =
  /(^|[\s_-])(comments?|share|sharing|social|promo|advert|ads?|sponsor(ed)?|related|newsletter|subscribe|sidebar|footer|nav|navbar|menu|cookie|banner|breadcrumbs?|byline|outbrain|taboola|recirc|paywall|modal|popup)($|[\s_-])/i;
const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'TD',
  'TH',
  'DD',
  'DT',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'BODY',
  'TABLE',
  'UL',
  'OL',
  'DL',
]);
/** The report card's host element (see card.ts). */
export const CARD_TAG = 'CROSSCHECK-CARD';

export interface Segment {
  element: Element;
  start: number;
  end: number;
}

export interface PageText {
  root: Element;
  text: string;
  segments: Segment[];
  /** The open shadow roots the text was read from (their later changes are watched too). */
  shadowRoots: ShadowRoot[];
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  // Our card is not article text; our marks are (they wrap the page's own words), so they stay.
  if (el.tagName === CARD_TAG) return true;
  const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return names.length > 1 && SKIP_NAMES.test(names);
}

/**
 * Past this much paragraph text a candidate is rich enough: counting on would only cost time on
 * huge pages (reading textContent copies the text), not change which block is the article.
 */
const ENOUGH_TEXT = 50_000;

function textLength(el: Element): number {
  let n = 0;
  for (const p of el.querySelectorAll('p')) {
    n += p.textContent?.length ?? 0;
    if (n >= ENOUGH_TEXT) break;
  }
  return n;
}

/** The element holding the article: the richest <article>, an articleBody, <main>, or the block with most paragraph text. */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const candidates = [
    ...doc.querySelectorAll('article, [itemprop="articleBody"], [role="article"]'),
    ...doc.querySelectorAll('main, [role="main"]'),
  ].filter((el) => !isSkippedTree(el, body));
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of candidates) {
    const n = textLength(el);
    if (n > bestLength) [best, bestLength] = [el, n];
  }
  if (best && bestLength > 200) return best;
  // No semantic container: take the parent of the most paragraph text, as Readability's scoring does.
  const scores = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || isSkippedTree(parent, body)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let top: Element = body;
  let topScore = 0;
  for (const [el, score] of scores) if (score > topScore) [top, topScore] = [el, score];
  return topScore > 200 ? top : body;
}

export function isSkippedTree(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

function blockOf(node: Node, root: Element): Element {
  let top: Element = root;
  for (let e = node.parentElement; e && e !== root; e = e.parentElement) {
    if (BLOCK_TAGS.has(e.tagName.toUpperCase())) return e;
    top = e;
  }
  // Text directly under a shadow root's inline elements: the outermost of them, inside that tree
  // (highlighting searches under the block, and a search from the host would not enter the shadow root).
  return top !== root && top.getRootNode() instanceof ShadowRoot ? top : root;
}

/**
 * The readable text nodes under root in document order, entering open shadow roots (a widget's or a
 * web component's text is the page's text too; closed ones are private to the page, like our card).
 */
function* readableText(root: Node, shadows: ShadowRoot[]): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) yield node as Text;
    else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        shadows.push(shadow);
        yield* readableText(shadow, shadows);
      }
    }
  }
}

/**
 * Collects the readable text under root, block by block, stopping at the block that reaches
 * `maxChars`: on a huge page only the first part is read (and annotated), so one pass stays short.
 */
export function collectSegments(root: Element, startOffset = 0, maxChars = Infinity): PageText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let offset = startOffset;
  let current: { element: Element; text: string } | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.text.replace(/\s+/g, ' ').trim();
    if (text) {
      if (parts.length) {
        parts.push('\n\n');
        offset += 2;
      }
      parts.push(text);
      segments.push({ element: current.element, start: offset, end: offset + text.length });
      offset += text.length;
    }
    current = undefined;
  };
  for (const node of readableText(root, shadowRoots)) {
    const block = blockOf(node, root);
    if (current && current.element !== block) {
      flush();
      if (offset - startOffset >= maxChars) return { root, text: parts.join(''), segments, shadowRoots };
    }
    current ??= { element: block, text: '' };
    current.text += node.nodeValue ?? '';
  }
  flush();
  return { root, text: parts.join(''), segments, shadowRoots };
}

/** The segment holding a character offset of PageText.text. */
export function segmentAt(page: PageText, offset: number): Segment | undefined {
  let lo = 0;
  let hi = page.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = page.segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
