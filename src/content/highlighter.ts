// The only module that knows mark.js. Marks one matched sentence inside one block element, across
// inline elements (links, <em>), and tags every piece with the verdict and the sentence's id: the
// contract for tests and user styles is [data-crosscheck-verdict] and [data-crosscheck-id].
import Mark from 'mark.js';
import type { Verdict } from '../core/types.ts';

export const MARK_CLASS = 'crosscheck-mark';

export interface Highlight {
  id: string;
  verdict: Verdict;
  elements: HTMLElement[];
}

/** Highlights the first occurrence of `sentence` in `block`; returns the mark elements (empty if not found). */
export function highlightSentence(
  block: Element,
  sentence: string,
  id: string,
  verdict: Verdict,
  highContrast = false,
): Highlight {
  const elements: HTMLElement[] = [];
  // Only the first occurrence: a sentence repeated in one block is one claim, one highlight. mark.js
  // calls `filter` per text node of a match (across elements), so count the marked characters and
  // refuse nodes once the first match is complete.
  let wanted = -1;
  let marked = 0;
  new Mark(block as HTMLElement).mark(sentence, {
    element: 'mark',
    className: MARK_CLASS,
    acrossElements: true,
    separateWordSearch: false,
    diacritics: false,
    caseSensitive: true,
    ignoreJoiners: false,
    exclude: [`.${MARK_CLASS}`, 'crosscheck-card'],
    filter: (_node: Text, match: string) => {
      if (wanted < 0) wanted = match.length;
      return marked < wanted;
    },
    each: (el: Element) => {
      const mark = el as HTMLElement;
      marked += mark.textContent?.length ?? 0;
      mark.dataset.crosscheckVerdict = verdict;
      mark.dataset.crosscheckId = id;
      if (highContrast) mark.dataset.crosscheckContrast = '';
      elements.push(mark);
    },
  });
  const first = elements[0];
  if (first) {
    first.dataset.crosscheckFirst = '';
    first.tabIndex = 0;
    first.setAttribute('role', 'button');
    first.setAttribute('aria-label', `Crosscheck: ${verdict} claim; press Enter for reports`);
  }
  return { id, verdict, elements };
}

/** Removes our marks under root, restoring the original text nodes. */
export function clearHighlights(root: Element): void {
  new Mark(root as HTMLElement).unmark({ element: 'mark', className: MARK_CLASS });
}
