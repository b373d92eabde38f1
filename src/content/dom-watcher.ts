// Watches the page for content that arrives later (infinite scroll, client-side navigation, a web
// component re-rendering its open shadow root) and hands it over in batches. The observer callback only queues records; the work happens in idle
// time, never while the tab is hidden, and ignores the extension's own nodes so our highlights
// don't feed back into more work. A rate limit keeps a page that mutates forever from costing more
// than a few batches a second, and one that keeps mutating as fast as it may (an animation rebuilding
// nodes every frame, a ticker) waits longer and longer between batches, up to a couple of seconds.
import { CARD_TAG } from './page-text.ts';
import { MARK_CLASS } from './highlighter.ts';
import { STYLE_ATTR } from './shadow-styles.ts';

export interface DomWatcherHandlers {
  /** New element subtrees, outermost only, already connected. */
  added(elements: Element[]): void;
  /** location.href changed (history API navigation). */
  navigated(): void;
}

const MIN_BATCH_INTERVAL_MS = 300;
const MAX_BATCH_INTERVAL_MS = 2000;

function isOwn(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return false;
  return (
    el.tagName === CARD_TAG ||
    (el.tagName === 'MARK' && el.classList.contains(MARK_CLASS)) ||
    (el.tagName === 'STYLE' && el.hasAttribute(STYLE_ATTR))
  );
}

export const idle = (fn: () => void, timeout = 1000): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 50);
};

/** Adds a root to watch: an open shadow root, whose changes the document's observer does not see. */
export type WatchMore = (root: ShadowRoot) => void;

export function watchDom(target: Node, handlers: DomWatcherHandlers, signal: AbortSignal): WatchMore {
  let queue: Node[] = [];
  let scheduled = false;
  let lastUrl = location.href;
  let lastRun = 0;
  let interval = MIN_BATCH_INTERVAL_MS;

  const run = () => {
    scheduled = false;
    if (signal.aborted) return;
    if (document.hidden) {
      document.addEventListener('visibilitychange', schedule, { once: true, signal });
      return;
    }
    const now = performance.now();
    const wait = lastRun + interval - now;
    if (wait > 0) {
      scheduled = true;
      setTimeout(() => idle(run), wait);
      return;
    }
    // Another batch hard on the heels of the last one: back off; after a quiet spell, start afresh.
    interval =
      now - lastRun < 2 * interval ? Math.min(2 * interval, MAX_BATCH_INTERVAL_MS) : MIN_BATCH_INTERVAL_MS;
    lastRun = now;
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      queue = [];
      handlers.navigated();
      return;
    }
    const nodes = queue;
    queue = [];
    const elements = nodes.filter(
      (n): n is Element => n.nodeType === Node.ELEMENT_NODE && n.isConnected && !isOwn(n),
    );
    // Outermost only: a subtree added together with its children is one piece of new content.
    const outer = elements.filter((e) => !elements.some((other) => other !== e && other.contains(e)));
    if (outer.length) handlers.added(outer);
  };

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    idle(run);
  }

  const observer = new MutationObserver((records) => {
    let relevant = location.href !== lastUrl;
    for (const r of records) {
      if (isOwn(r.target)) continue;
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE && !isOwn(n)) {
          queue.push(n);
          relevant = true;
        }
      }
    }
    if (relevant) schedule();
  });
  observer.observe(target, { childList: true, subtree: true });
  window.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
  const watched = new WeakSet<ShadowRoot>();
  return (root) => {
    if (signal.aborted || watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };
}
