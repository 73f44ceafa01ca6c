import { onCleanup, onMount } from 'solid-js';

/**
 * Moves keyboard and screen-reader focus to the page's h1 once it is drawn (after a navigation the
 * reader starts at the new page's title, not at the link that was pressed). Pages call it once; a
 * heading drawn later (after its data loads) is focused when it appears, within a few seconds.
 */
export function focusHeading(): void {
  onMount(() => {
    const root = document.querySelector('main') ?? document.body;
    const tryFocus = () => {
      const h1 = root.querySelector('h1');
      if (!h1) return false;
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      const active = document.activeElement;
      // The layout already put focus at the start of the page (after a link in the phone menu).
      if (active === root) return true;
      // Never pull focus out of a control the user is already in.
      if (active && active !== document.body && root.contains(active) && active !== h1 && active.matches('input, select, textarea')) return true;
      h1.focus({ preventScroll: true });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => tryFocus() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 5000);
    onCleanup(() => {
      observer.disconnect();
      clearTimeout(timer);
    });
  });
}
