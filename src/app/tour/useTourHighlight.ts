/**
 * Outlines the part of the panel a tour step points at (`.tour-highlight`), also when the
 * panel mounts later (a lazily loaded panel, a model still building), and scrolls it into
 * view once (again only if the panel replaced the element it scrolled to). The outline goes when the step changes or the tour closes.
 */
import { useEffect } from 'react';

const CLASS = 'tour-highlight';

export function useTourHighlight(selector: string | null, root: () => HTMLElement | null): void {
  useEffect(() => {
    const area = root();
    if (!selector || !area) return;
    // The element scrolled to; scrolled to again when the panel replaces it (a re-render).
    let scrolledTo: Element | null = null;
    const marked = new Set<Element>();
    const mark = () => {
      let found: NodeListOf<Element>;
      try {
        found = area.querySelectorAll(selector);
      } catch {
        return; // a selector this browser does not support
      }
      for (const element of found) {
        if (marked.has(element)) continue;
        element.classList.add(CLASS);
        marked.add(element);
        if (!scrolledTo?.isConnected) {
          scrolledTo = element;
          const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
          element.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
        }
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(area, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const element of marked) element.classList.remove(CLASS);
    };
  }, [selector, root]);
}
