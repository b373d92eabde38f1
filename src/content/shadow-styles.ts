// The highlight styles the manifest injects apply to the document only: a page's open shadow root
// is a separate style scope, so marks inside it would show unstyled (no colour, no underline style,
// no verdict symbol). One <style> with the same sheet goes into each shadow root we highlight in.
import HIGHLIGHT_CSS from '../../extension/css/highlights.css';

export const STYLE_ATTR = 'data-crosscheck-style';

/** Gives an open shadow root the highlight styles once. */
export function styleShadowRoot(root: ShadowRoot): void {
  if (root.querySelector(`style[${STYLE_ATTR}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(STYLE_ATTR, '');
  style.textContent = HIGHLIGHT_CSS;
  root.append(style);
}

/** Takes the styles out again when the highlights are cleared. */
export function unstyleShadowRoot(root: ShadowRoot): void {
  root.querySelector(`style[${STYLE_ATTR}]`)?.remove();
}
