// Articles in, whatever the file format: plain text (the seeds), JSON and HTML. Pure: the caller reads the
// file and, for HTML, supplies the DOM parser (linkedom in Node, DOMParser in a page), so core stays DOM-free.
import * as v from 'valibot';
import { pathText, shown } from './path-text.ts';
import { extractArticle } from './extract-article.ts';
import type { Article } from './types.ts';

export class ArticleError extends Error {
  override name = 'ArticleError';
}

export interface ReadArticleOptions {
  /** Parses HTML into a document Readability can read. Required for .html/.htm files. */
  parseHtml?: (html: string) => Document;
}

export const ARTICLE_EXTENSIONS = ['.txt', '.json', '.html', '.htm'] as const;

/** `dir/001_2ae1e6f0d892d274.txt` → `001_2ae1e6f0d892d274`. */
export function articleIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Reads one article file. `fileName` decides the format (by extension) and the id (the name without
 * extension). Throws ArticleError with a message that names the problem.
 */
export function readArticle(fileName: string, content: string, options: ReadArticleOptions = {}): Article {
  const id = articleIdFromFileName(fileName);
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ArticleError('empty file');
  switch (extensionOf(fileName)) {
    case '.txt':
      return readTextArticle(id, text);
    case '.json':
      return readJsonArticle(id, text);
    case '.html':
    case '.htm':
      return readHtmlArticle(id, text, options);
    default:
      throw new ArticleError(`unsupported file type (expected ${ARTICLE_EXTENSIONS.join(', ')})`);
  }
}

// ---- plain text ----------------------------------------------------------------------------------------

// Site chrome that scraped news text carries above its headline.
const PREAMBLE =
  /^(skip to (main )?content|table of contents|contents|menu|home|search|sign in|log in|subscribe|advertisement|breaking news|categor(y|ies)\s*:.*|tags?\s*:.*|filed under\s*:.*|share( this)?( article)?|listen( to this article)?|\d+ min(ute)? read)$/i;

const MAX_HEADLINE_CHARS = 200;
const MAX_HEADLINE_WORDS = 30;
/** How many non-empty lines we look through for a headline before falling back. */
const HEADLINE_WINDOW = 4;

/** A headline is a short line that doesn't read like a sentence of body text. */
export function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  if (t.length < 8 || t.length > MAX_HEADLINE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_HEADLINE_WORDS) return false;
  if (!/\p{L}/u.test(t) || !/^[\p{Lu}\p{N}"'“‘(]/u.test(t)) return false;
  // Body sentences end in a full stop; headlines don't (but may end in ? or ! or a quote).
  return !/[.:;,]$/.test(t) || /\b(U\.S|D\.C|U\.K|Jr|Sr|Inc|Co)\.$/.test(t);
}

// Tokens that end in a full stop without ending a sentence ('U.S. President', 'Sen. Rubio', 'Jan. 5').
const ABBREVIATION =
  /(?:^|[\s(“"])(?:(?:\p{L}\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$/u;

/** A short title for text with no headline line: its first sentence, cut at a word boundary. */
function titleFromBody(text: string): string {
  const first = text.trim().split('\n')[0]!.trim();
  let sentence = first;
  for (const m of first.matchAll(/[.!?](?=\s|$)/g)) {
    const head = first.slice(0, m.index + 1);
    if (!ABBREVIATION.test(head)) {
      sentence = head;
      break;
    }
  }
  if (sentence.length <= 100) return sentence.replace(/\.$/, '');
  const cut = sentence.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : 100).replace(/[\s,;:]+$/, '')}…`;
}

function readTextArticle(id: string, content: string): Article {
  const text = content.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADLINE_WINDOW; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (PREAMBLE.test(line)) continue;
    seen++;
    if (looksLikeHeadline(line)) {
      // The body starts after the headline; the preamble and headline are not article text.
      const body = lines
        .slice(i + 1)
        .join('\n')
        .replace(/^\s*\n/, '');
      return { id, title: line.replace(/\s+/g, ' '), text: body.trim() ? body : text };
    }
  }
  return { id, title: titleFromBody(text), text };
}

// ---- JSON ------------------------------------------------------------------------------------------------

const nonEmpty = v.pipe(
  v.string('expected a string'),
  v.check((s) => s.trim().length > 0, 'expected a non-empty string'),
);
const optionalString = v.optional(v.string('expected a string'));

const JsonArticleSchema = v.object(
  {
    id: v.optional(nonEmpty),
    title: nonEmpty,
    text: nonEmpty,
    url: v.optional(v.pipe(v.string('expected a string'), v.url('expected a URL'))),
    site: optionalString,
    author: optionalString,
    published: optionalString,
  },
  'expected a JSON object',
);

function readJsonArticle(id: string, content: string): Article {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ArticleError(`invalid JSON: ${(error as Error).message}`);
  }
  // Valibot's object schema accepts arrays, so the root gets its own check.
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ArticleError(`(root): expected a JSON object with title and text, got ${shown(json)}`);
  const result = v.safeParse(JsonArticleSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const field = pathText(issue.path);
    if (issue.input === undefined) throw new ArticleError(`${field}: missing required field`);
    throw new ArticleError(`${field}: ${issue.message}, got ${shown(issue.input)}`);
  }
  const a = result.output;
  const article: Article = { id: a.id ?? id, title: a.title.trim(), text: a.text };
  if (a.url) article.url = a.url;
  if (a.site) article.site = a.site;
  if (a.author) article.author = a.author;
  if (a.published) article.published = a.published;
  return article;
}

// ---- HTML ------------------------------------------------------------------------------------------------

function readHtmlArticle(id: string, content: string, options: ReadArticleOptions): Article {
  if (!options.parseHtml) throw new ArticleError('HTML articles need an HTML parser (options.parseHtml)');
  let extracted;
  try {
    extracted = extractArticle(options.parseHtml(content));
  } catch (error) {
    throw new ArticleError((error as Error).message);
  }
  const { excerpt: _excerpt, lang: _lang, ...rest } = extracted;
  return { id, ...rest, title: rest.title || id };
}
