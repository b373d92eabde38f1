// Content script: runs at document_idle on http(s) pages.
//
//   siteStatus? ─▶ page-text (article root → text + segments) ─▶ background matchPage
//        ─▶ highlighter (mark.js, in idle slices) ─▶ card on click / Enter
//   dom-watcher ─▶ new subtrees annotated the same way; navigation → start over
//
// It sends the background only the article text it found, and keeps the reports it got back for
// the cards. Everything is torn down through one AbortController (refresh, disable).
import browser from 'webextension-polyfill';
import { callBackground } from '../shared/rpc.ts';
import type { ContentEvent, ContentReplies, PageClaim, SourceInfo } from '../shared/messages.ts';
import type { SentenceMatch, Verdict } from '../core/types.ts';
import { collectSegments, findArticleRoot, isSkippedTree, segmentAt, type PageText } from './page-text.ts';
import { clearHighlights, highlightSentence, MARK_CLASS } from './highlighter.ts';
import { ReportCard, type CardData } from './card.ts';
import { idle, watchDom } from './dom-watcher.ts';
import { extractPage } from './extract-page.ts';
import { styleShadowRoot, unstyleShadowRoot } from './shadow-styles.ts';

const SLICE_MS = 8;
const MIN_NEW_TEXT = 40;
/**
 * The most page text one pass reads and sends (characters; the longest news articles are a fifth of
 * this). A 5 MB page gets its first half megabyte annotated instead of a frozen tab and a background
 * busy for seconds (whole, it held Chromium's main thread ~0.3-0.5 s and the background ~2 s); it
 * also keeps requests far under MAX_CONTENT_REQUEST_BYTES.
 */
const MAX_PAGE_TEXT = 500_000;
/**
 * The manifest runs this script in every frame (all_frames) so same-origin and srcdoc iframes get
 * their articles annotated. Frames other than the top one only annotate: the tab's report, the
 * popup's claim list and clipping belong to the top page, and frames without text do nothing.
 */
const isTopFrame = window === window.top;

let controller: AbortController | undefined;
let nextId = 0;
const cards = new Map<string, CardData>();
/** The dashboard's high-contrast colours setting, read with the site status on each start. */
let highContrast = false;
/** Open shadow roots we highlighted in: clearing the document's marks does not reach into them. */
const shadowRoots = new Set<ShadowRoot>();
/** The current pass's card, so the popup can open it on a highlight ('show'). */
let currentCard: ReportCard | undefined;

/** What this page's annotation did so far, reported to the background after each pass. */
interface Tally {
  started: number;
  matched: number;
  marked: number;
  counts: Record<Verdict, number>;
  longestBlockMs: number;
}
// The script runs at document idle: the first pass is timed from here, later passes from their start.
const scriptStart = performance.now();
let passes = 0;
let tally: Tally = newTally(scriptStart);

function newTally(started: number): Tally {
  return {
    started,
    matched: 0,
    marked: 0,
    counts: { corroborated: 0, conflicting: 0, mixed: 0, discussed: 0 },
    longestBlockMs: 0,
  };
}

/** Runs a synchronous piece of work and keeps the longest time the main thread was held. */
function timed<T>(work: () => T): T {
  const t0 = performance.now();
  try {
    return work();
  } finally {
    tally.longestBlockMs = Math.max(tally.longestBlockMs, performance.now() - t0);
  }
}

function reportTally(): void {
  const { started, ...rest } = tally;
  if (!isTopFrame) return;
  void callBackground('reportAnnotation', {
    url: location.href,
    ...rest,
    elapsedMs: performance.now() - started,
  }).catch(() => undefined);
}

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function annotateText(page: PageText, signal: AbortSignal): Promise<void> {
  if (page.text.length < 40) return;
  const reply = await callBackground('matchPage', {
    url: location.href,
    title: document.title,
    text: page.text,
  });
  if (signal.aborted) return;
  tally.matched += reply.sentences.length;
  await highlightAll(page, reply.sentences, reply.sources, signal);
  if (!signal.aborted) reportTally();
}

/** Marks sentences in slices of a few ms so a long page never blocks the main thread for long. */
async function highlightAll(
  page: PageText,
  sentences: SentenceMatch[],
  sources: Record<string, SourceInfo>,
  signal: AbortSignal,
) {
  let sliceStart = performance.now();
  for (const sentence of sentences) {
    if (signal.aborted) return;
    const segment = segmentAt(page, sentence.start);
    if (!segment || !segment.element.isConnected) continue;
    const id = `cc${nextId++}`;
    const highlight = highlightSentence(segment.element, sentence.text, id, sentence.verdict, highContrast);
    if (highlight.elements.length) {
      const rootNode = segment.element.getRootNode();
      if (rootNode instanceof ShadowRoot && !shadowRoots.has(rootNode)) {
        shadowRoots.add(rootNode);
        styleShadowRoot(rootNode);
      }
      cards.set(id, {
        verdict: sentence.verdict,
        sentence: sentence.text,
        reports: sentence.reports,
        sources,
      });
      tally.marked++;
      tally.counts[sentence.verdict]++;
    }
    tally.longestBlockMs = Math.max(tally.longestBlockMs, performance.now() - sliceStart);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}

/** The highlight an event happened on; composedPath()[0] sees into open shadow roots, e.target doesn't. */
function markOf(e: Event): HTMLElement | undefined {
  const target = e.composedPath()[0] ?? e.target;
  return target instanceof Element
    ? ((target.closest(`mark.${MARK_CLASS}`) as HTMLElement | null) ?? undefined)
    : undefined;
}

function openCardFor(mark: HTMLElement, card: ReportCard): void {
  const id = mark.dataset.crosscheckId;
  const data = id ? cards.get(id) : undefined;
  if (!data || !id) return;
  const first = document.querySelector<HTMLElement>(
    `mark.${MARK_CLASS}[data-crosscheck-id="${CSS.escape(id)}"][data-crosscheck-first]`,
  );
  card.open(first ?? mark, data);
}

async function start(): Promise<void> {
  controller?.abort();
  const ctrl = new AbortController();
  controller = ctrl;
  const { signal } = ctrl;
  tally = newTally(passes++ === 0 ? scriptStart : performance.now());
  signal.addEventListener('abort', () => {
    cards.clear();
    clearHighlights(document.body ?? document.documentElement);
    for (const shadow of shadowRoots) {
      for (const child of shadow.children) clearHighlights(child);
      unstyleShadowRoot(shadow);
    }
    shadowRoots.clear();
  });

  let root = timed(() => findArticleRoot(document));
  // An ad or widget frame with no text of its own costs this look, and an observer that looks again
  // when something is added: a frame its page fills in later is then annotated like any other.
  if (!isTopFrame && timed(() => collectSegments(root, 0, MIN_NEW_TEXT)).text.length < MIN_NEW_TEXT) {
    const restart = () => void start().catch(report);
    watchDom(
      document.documentElement,
      {
        added() {
          const now = timed(() => collectSegments(findArticleRoot(document), 0, MIN_NEW_TEXT));
          if (now.text.length >= MIN_NEW_TEXT) restart();
        },
        navigated: restart,
      },
      signal,
    );
    return;
  }

  const status = await callBackground('siteStatus', { host: location.hostname });
  highContrast = status.highContrast;
  if (!status.enabled || signal.aborted) return;

  const card = new ReportCard(document, signal);
  currentCard = card;
  document.addEventListener(
    'click',
    (e) => {
      const mark = markOf(e);
      if (mark) openCardFor(mark, card);
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (e) => {
      const mark = e.key === 'Enter' ? markOf(e) : undefined;
      if (mark) {
        e.preventDefault();
        openCardFor(mark, card);
      }
    },
    { signal },
  );

  const watchShadowRoot = watchDom(
    document.body ?? document.documentElement,
    {
      added(elements) {
        if (!root.isConnected) root = findArticleRoot(document);
        for (const el of elements) {
          if (isSkippedTree(el, document.body) || el.closest(`.${MARK_CLASS}`)) continue;
          const page = timed(() => collectSegments(el, 0, MAX_PAGE_TEXT));
          page.shadowRoots.forEach(watchShadowRoot);
          if (page.text.length >= MIN_NEW_TEXT) void annotateText(page, signal).catch(report);
        }
      },
      navigated() {
        void start().catch(report);
      },
    },
    signal,
  );
  const page = timed(() => collectSegments(root, 0, MAX_PAGE_TEXT));
  // The document's observer does not see inside shadow trees: each open one read is watched as well.
  page.shadowRoots.forEach(watchShadowRoot);
  await annotateText(page, signal);
}

function report(e: unknown): void {
  console.debug('crosscheck:', e instanceof Error ? e.message : e);
}

/** The popup's list: every highlighted sentence with its reports, in page order. */
function pageClaims(): ContentReplies['claims'] {
  const claims: PageClaim[] = [];
  const sources: Record<string, SourceInfo> = {};
  for (const mark of document.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}[data-crosscheck-first]`)) {
    const id = mark.dataset.crosscheckId;
    const data = id ? cards.get(id) : undefined;
    if (!id || !data) continue;
    claims.push({ id, verdict: data.verdict, sentence: data.sentence, reports: data.reports });
    for (const r of data.reports) {
      const source = data.sources[r.sourceId];
      if (source) sources[r.sourceId] = source;
    }
  }
  return { url: location.href, claims, sources };
}

/** Scrolls to a highlight and opens its card (the popup's 'show'). */
function show(id: unknown): ContentReplies['show'] {
  const mark =
    typeof id === 'string'
      ? document.querySelector<HTMLElement>(
          `mark.${MARK_CLASS}[data-crosscheck-id="${CSS.escape(id)}"][data-crosscheck-first]`,
        )
      : null;
  if (!mark || !currentCard) return { shown: false };
  mark.scrollIntoView({ block: 'center' });
  openCardFor(mark, currentCard);
  return { shown: true };
}

// Events from this extension's background and popup (see ContentEvent). Only they can message a
// content script; the sender check keeps it that way should that ever change.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const m = message as Partial<ContentEvent> | null;
  if (m?.crosscheck !== 1) return undefined;
  switch (m.event) {
    case 'refresh':
      idle(() => void start().catch(report));
      return undefined;
    case 'disable':
      controller?.abort();
      return undefined;
    case 'claims':
      return isTopFrame ? Promise.resolve(pageClaims()) : undefined;
    case 'show':
      return isTopFrame ? Promise.resolve(show((m as { id?: unknown }).id)) : undefined;
    case 'extract':
      if (!isTopFrame) return undefined;
      // Rejections reach the background as a failed sendMessage, with their message.
      return Promise.resolve().then(() => extractPage(document, location.href));
    default:
      return undefined;
  }
});

void start().catch(report);
