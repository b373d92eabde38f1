// Article → claims. The stored source keeps the cleaned text, and claim offsets point into it, so a
// claim can be re-anchored from the pack alone (TextQuoteSelector exact/prefix/suffix + positions).
import { analyze } from './analyze.ts';
import { isCheckWorthy } from './check-worthy.ts';
import { cleanText } from './clean-text.ts';
import { nameKey } from './entities.ts';
import { splitSentences } from './split-sentences.ts';
import type { Article, Claim } from './types.ts';

const CONTEXT = 32;

/** The article with its text cleaned of boilerplate; call once before extractClaims and store the result. */
export function prepareArticle(article: Article): Article {
  return { ...article, text: cleanText(article.text) };
}

/**
 * Names written capitalised in the middle of sentences anywhere in the text. A sentence that starts
 * with one of them ("Zelenskyy will…") then still gets it as a name.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}’'-]+/gu))
    names.add(nameKey(m[0].toLowerCase().replace(/['’]s$/, '')));
  return names;
}

/** Check-worthy sentences of a prepared article (see prepareArticle). */
export function extractClaims(article: Article): Claim[] {
  const text = article.text;
  const names = namesIn(text);
  const claims: Claim[] = [];
  for (const s of splitSentences(text)) {
    if (!isCheckWorthy(s.text, analyze(s.text, { names }))) continue;
    claims.push({
      id: `${article.id}:${s.start}`,
      sourceId: article.id,
      exact: s.text,
      prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
      suffix: text.slice(s.end, s.end + CONTEXT),
      start: s.start,
      end: s.end,
    });
  }
  return claims;
}
