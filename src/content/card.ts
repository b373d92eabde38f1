// The report card: opens on a highlight, lists the reports that corroborate or conflict with the
// sentence, with the reasons. It lives in a closed shadow root, so page CSS can't break it and page
// scripts can't read it; every string goes in as text, never as HTML.
import type { Reason, Report, Verdict } from '../core/types.ts';
import type { SourceInfo } from '../shared/messages.ts';
import { CARD_TAG } from './page-text.ts';

export interface CardData {
  verdict: Verdict;
  sentence: string;
  reports: Report[];
  sources: Record<string, SourceInfo>;
}

const VERDICT_LABEL: Record<Verdict, string> = {
  corroborated: 'Corroborated by other reports',
  conflicting: 'Contradicted by other reports',
  mixed: 'Other reports disagree with each other',
  discussed: 'Discussed by other reports',
};

const REVIEW_LABEL: Record<string, string> = {
  accurate: 'accurate',
  inaccurate: 'inaccurate',
  misleading: 'misleading',
  disputed: 'disputed',
  'needs-context': 'needs context',
};

const GROUPS: { stance: Report['stance']; title: string }[] = [
  { stance: 'conflicts', title: 'Conflicting' },
  { stance: 'corroborates', title: 'Corroborating' },
  { stance: 'discusses', title: 'Discussing' },
];

const STYLE = `
:host { all: initial; }
.card { box-sizing: border-box; width: min(420px, calc(100vw - 24px)); max-height: min(480px, 70vh); overflow: auto;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; background: #fff;
  border: 1px solid #d1d9e0; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18); padding: 12px 14px; }
header { display: flex; align-items: start; gap: 8px; margin-bottom: 6px; }
h2 { font-size: 14px; margin: 0; flex: 1; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #59636e; margin: 12px 0 4px; }
button.close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: #59636e; border-radius: 4px; }
button.close:focus-visible { outline: 2px solid #0969da; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid #eaeef2; padding: 8px 0; }
.source { font-weight: 600; }
.meta { color: #59636e; font-size: 12px; }
blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #d1d9e0; }
li.conflicts blockquote { border-left-color: #cf222e; }
li.corroborates blockquote { border-left-color: #1a7f37; }
strong.diff { background: #fff1b3; font-weight: 600; }
.reasons { margin: 4px 0 0; padding: 0; color: #1f2328; font-size: 13px; }
.reasons span.kind { font-weight: 600; }
.review { margin: 6px 0 0; font-size: 12px; }
.review .status { display: inline-block; font-weight: 600; padding: 0 6px; border-radius: 999px; border: 1px solid currentColor; }
.review.accurate .status { color: #1a7f37; }
.review.inaccurate .status, .review.misleading .status { color: #cf222e; }
.review.disputed .status, .review.needs-context .status { color: #9a6700; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #3d444d; }
  h3, .meta, button.close { color: #9198a1; }
  li { border-top-color: #30363d; }
  strong.diff { background: #5a4a00; color: #fff; }
  .reasons { color: #e6edf3; }
  .review.accurate .status { color: #3fb950; }
  .review.inaccurate .status, .review.misleading .status { color: #f85149; }
  .review.disputed .status, .review.needs-context .status { color: #d29922; }
}`;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The report sentence with the words a reason names emphasized, built from text nodes only. */
function emphasized(doc: Document, text: string, reasons: Reason[]): DocumentFragment {
  const spans: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const r of reasons) {
    const needle = r.b.trim().toLowerCase();
    const at = needle ? lower.indexOf(needle) : -1;
    if (at >= 0) spans.push([at, at + needle.length]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const fragment = doc.createDocumentFragment();
  let pos = 0;
  for (const [start, end] of spans) {
    if (start < pos) continue;
    fragment.append(text.slice(pos, start), el(doc, 'strong', 'diff', text.slice(start, end)));
    pos = end;
  }
  fragment.append(text.slice(pos));
  return fragment;
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export class ReportCard {
  readonly host: HTMLElement;
  readonly #shadow: ShadowRoot;
  #anchor: HTMLElement | undefined;
  readonly #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.isOpen) {
      e.stopPropagation();
      this.close();
    }
  };
  readonly #onPointer = (e: Event) => {
    if (
      this.isOpen &&
      !e.composedPath().includes(this.host) &&
      !e.composedPath().includes(this.#anchor as EventTarget)
    )
      this.close();
  };

  constructor(
    private readonly doc: Document,
    signal: AbortSignal,
  ) {
    this.host = doc.createElement(CARD_TAG.toLowerCase());
    this.host.style.setProperty('position', 'absolute', 'important');
    this.host.style.setProperty('z-index', '2147483647', 'important');
    this.host.style.setProperty('display', 'none', 'important');
    this.#shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.#shadow.append(style);
    doc.addEventListener('keydown', this.#onKey, { capture: true, signal });
    doc.addEventListener('pointerdown', this.#onPointer, { capture: true, signal });
    signal.addEventListener('abort', () => this.host.remove());
  }

  get isOpen(): boolean {
    return this.host.isConnected && this.host.style.getPropertyValue('display') !== 'none';
  }

  open(anchor: HTMLElement, data: CardData): void {
    this.#anchor = anchor;
    const doc = this.doc;
    this.#shadow.querySelector('.card')?.remove();
    const card = el(doc, 'section', 'card');
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Crosscheck reports');
    card.tabIndex = -1;
    const header = el(doc, 'header');
    const close = el(doc, 'button', 'close', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.close());
    header.append(el(doc, 'h2', undefined, VERDICT_LABEL[data.verdict]), close);
    card.append(header);
    for (const group of GROUPS) {
      const reports = data.reports.filter((r) => r.stance === group.stance);
      if (!reports.length) continue;
      card.append(el(doc, 'h3', undefined, `${group.title} (${reports.length})`));
      const list = el(doc, 'ul');
      for (const r of reports) list.append(this.#item(r, data.sources[r.sourceId]));
      card.append(list);
    }
    this.#shadow.append(card);
    (doc.body ?? doc.documentElement).append(this.host);
    this.host.style.setProperty('display', 'block', 'important');
    this.#place(anchor);
    card.focus();
  }

  #item(r: Report, source: SourceInfo | undefined): HTMLLIElement {
    const doc = this.doc;
    const li = el(doc, 'li', r.stance);
    li.append(el(doc, 'div', 'source', source?.title ?? r.sourceTitle));
    const meta = [source?.site, formatDate(source?.published)].filter(Boolean).join(' · ');
    if (meta) li.append(el(doc, 'div', 'meta', meta));
    const quote = el(doc, 'blockquote');
    quote.append(emphasized(doc, r.text, r.reasons));
    li.append(quote);
    if (r.reasons.length) {
      const reasons = el(doc, 'ul', 'reasons');
      for (const reason of r.reasons) {
        const item = el(doc, 'li');
        item.style.border = 'none';
        item.style.padding = '0';
        item.append(el(doc, 'span', 'kind', `${reason.kind}: `), `${reason.a} ↔ ${reason.b}`);
        reasons.append(item);
      }
      li.append(reasons);
    }
    const review = source?.reviews?.[r.claimId];
    if (review) {
      const box = el(doc, 'div', `review ${review.status}`);
      box.append(
        'Moderator: ',
        el(doc, 'span', 'status', REVIEW_LABEL[review.status] ?? review.status),
        ` by ${review.reviewer}, ${formatDate(new Date(review.updatedAt).toISOString())}`,
      );
      if (review.note) box.append(el(doc, 'div', 'note', review.note));
      li.append(box);
    }
    return li;
  }

  #place(anchor: HTMLElement): void {
    const rect = anchor.getBoundingClientRect();
    const view = this.doc.defaultView!;
    const width = Math.min(420, view.innerWidth - 24);
    const left = Math.max(12, Math.min(rect.left, view.innerWidth - width - 12)) + view.scrollX;
    this.host.style.setProperty('left', `${left}px`, 'important');
    this.host.style.setProperty('top', `${rect.bottom + view.scrollY + 6}px`, 'important');
  }

  close(): void {
    this.host.style.setProperty('display', 'none', 'important');
    this.#anchor?.focus({ preventScroll: true });
    this.#anchor = undefined;
  }
}
