/**
 * Outlines the part of the panel a tour step points at (`.tour-highlight`), also when the
 * panel mounts later (a lazily loaded panel, a model still building), and scrolls it into
 * view once (again only if the panel replaced the element it scrolled to). The outline goes when the step changes or the tour closes.
 */
import { useEffect } from 'react';

const CLASS = 'tour-highlight';
/** How long after a step starts its outlined element is kept in view as the panel fills in (ms). */
const SETTLE_MS = 15_000;
/** How much of the outlined element must show (px). */
const MIN_VISIBLE_PX = 40;

export function useTourHighlight(selector: string | null, root: () => HTMLElement | null): void {
  useEffect(() => {
    const area = root();
    if (!selector || !area) return;
    // The element scrolled to; scrolled to again when the panel replaces it (a re-render).
    let scrolledTo: Element | null = null;
    const started = performance.now();
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
    /**
     * While the step's panel is still filling in (SETTLE_MS), content that appears above the
     * outlined element can push it out of the free part of the window: scroll to it again.
     */
    const keepInView = () => {
      if (!scrolledTo?.isConnected || performance.now() - started > SETTLE_MS) return;
      const box = scrolledTo.getBoundingClientRect();
      const card = document.querySelector('.tour-card')?.getBoundingClientRect();
      const bottom = card && card.top > window.innerHeight / 2 ? card.top : window.innerHeight;
      if (box.top > bottom - MIN_VISIBLE_PX || box.bottom < MIN_VISIBLE_PX)
        scrolledTo.scrollIntoView({ block: 'nearest' });
    };
    mark();
    const observer = new MutationObserver(() => {
      mark();
      keepInView();
    });
    observer.observe(area, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const element of marked) element.classList.remove(CLASS);
    };
  }, [selector, root]);
}
