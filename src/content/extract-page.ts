// The article of this page for clipping: Readability runs on a clone of the document, because it
// rewrites what it is given and the live page must stay as it is (with our highlights in it).
import { extractArticle } from '../core/extract-article.ts';
import type { ExtractedPage } from '../shared/messages.ts';
import { CARD_TAG } from './page-text.ts';

export function extractPage(doc: Document, pageUrl: string): ExtractedPage {
  const clone = doc.cloneNode(true) as Document;
  // Our own nodes are not the article: drop the card; marks only wrap text, so they can stay.
  for (const card of clone.querySelectorAll(CARD_TAG.toLowerCase())) card.remove();
  const article = extractArticle(clone, pageUrl);
  const page: ExtractedPage = { pageUrl, title: article.title || doc.title, text: article.text };
  if (article.url && article.url !== pageUrl) page.canonicalUrl = article.url;
  if (article.site) page.site = article.site;
  if (article.author) page.author = article.author;
  if (article.published) page.published = article.published;
  return page;
}
