// Content script: runs at document_idle on http(s) pages.
//
//   page-text ──(article text)──▶ background matchPage ──(matched sentences)──▶ highlighter
//
// It sends the background only the article text it found and highlights what comes back.
import { callBackground } from '../shared/rpc.ts';
import { collectSegments, findArticleRoot, segmentAt } from './page-text.ts';
import { highlightSentence } from './highlighter.ts';

async function annotate(): Promise<void> {
  const root = findArticleRoot(document);
  const page = collectSegments(root);
  if (page.text.length < 40) return;
  const match = await callBackground('matchPage', { url: location.href, title: document.title, text: page.text });
  for (const sentence of match.sentences) {
    const segment = segmentAt(page, sentence.start);
    if (!segment) continue;
    highlightSentence(segment.element, sentence.text, `s${sentence.start}`, sentence.verdict);
  }
}

annotate().catch((e: unknown) => console.debug('crosscheck:', e));
