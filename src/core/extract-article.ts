// The one module that imports @mozilla/readability (house style: wrap libraries you may replace).
// It takes the document as a parameter because core has no DOM globals: the content script passes a
// clone of the live document (Readability mutates what it is given), Node passes a linkedom document.
import { Readability } from '@mozilla/readability';
import type { Article } from './types.ts';

/** An article pulled out of a page: everything an Article has except its id, which the caller decides. */
export type ExtractedArticle = Omit<Article, 'id'> & {
  /** The page's description or Readability's excerpt, when there is one. */
  excerpt?: string;
  lang?: string;
};

export class ExtractError extends Error {
  override name = 'ExtractError';
}

// Numeric node types, because the `Node` global (Node.ELEMENT_NODE) is not available to core.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Elements whose boundaries are paragraph breaks in the text we hand to the sentence splitter.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]); // prettier-ignore
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

/** The minimal node shape we walk; both browser DOM and linkedom nodes satisfy it. */
interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
}

/**
 * Text of a subtree with one blank line between blocks and inline whitespace collapsed. Readability's own
 * `textContent` keeps the HTML's indentation and loses paragraph boundaries, which the sentence splitter needs.
 */
export function blockText(root: WalkNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: WalkNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function meta(doc: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const value = (el?.getAttribute('href') ?? el?.getAttribute('content') ?? '').trim();
    if (value) return value;
  }
  return undefined;
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined; // relative href with no base, or garbage: no canonical URL beats a wrong one
  }
}

/** ISO 8601 when the page's date parses, otherwise undefined (a free-form date is not worth keeping). */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/**
 * Extracts the main article of a page with Readability, keeping title, site name, author, published time and
 * canonical URL. `doc` is consumed (Readability rewrites it): pass a clone of a live document.
 * `url` is where the page came from; relative canonical links resolve against it.
 * Throws ExtractError when the page has no article text.
 */
export function extractArticle(doc: Document, url?: string): ExtractedArticle {
  // Metadata first: Readability strips <head> elements it has used.
  const canonical =
    absolute(meta(doc, ['link[rel~="canonical"]']), url) ??
    absolute(meta(doc, ['meta[property="og:url"]', 'meta[name="og:url"]']), url);
  const metaPublished = meta(doc, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
  ]);
  const timeEl = doc.querySelector('time[datetime]');
  const timePublished = timeEl?.getAttribute('datetime') ?? undefined;

  const parsed = new Readability<WalkNode>(doc, {
    serializer: (node) => node as unknown as WalkNode,
  }).parse();
  const text = parsed?.content ? blockText(parsed.content) : '';
  if (!text) throw new ExtractError('no article text found in the page');

  const article: ExtractedArticle = {
    title: clean(parsed?.title) ?? clean(doc.title) ?? '',
    text,
  };
  const finalUrl = canonical ?? absolute(url, undefined);
  if (finalUrl) article.url = finalUrl;
  const site = clean(parsed?.siteName);
  if (site) article.site = site;
  const author = clean(parsed?.byline);
  if (author) article.author = author;
  const published = isoDate(parsed?.publishedTime ?? metaPublished ?? timePublished);
  if (published) article.published = published;
  const excerpt = clean(parsed?.excerpt);
  if (excerpt) article.excerpt = excerpt;
  const lang = clean(parsed?.lang);
  if (lang) article.lang = lang;
  return article;
}

/**
 * A stable, readable id for a page that has no file name: host and path, e.g.
 * `www.example.com/news/story` → `www.example.com_news_story`.
 */
export function articleIdFromUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'page';
  }
  const id = `${u.hostname}${u.pathname}`
    .replace(/\/+$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_');
  return id.slice(0, 120) || 'page';
}
