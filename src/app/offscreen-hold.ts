/**
 * Inside a frame (course notes, a slide deck), holds the page (state/page-hold.ts) while the
 * frame is scrolled completely out of the reader's view, so a page of notes with six
 * embedded panels trains only the ones in sight. An IntersectionObserver on the frame's root
 * element measures against the top-level viewport, across origins. Top-level pages are never
 * held: their document is always in their own viewport.
 */
import { usePageHold } from '../state/page-hold';

/** Starts watching (a no-op outside a frame or without IntersectionObserver); returns the stop. */
export function holdWhileOffscreen(win: Window): () => void {
  if (win.parent === win || typeof IntersectionObserver !== 'function') return () => {};
  const { setHold } = usePageHold.getState();
  const observer = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    if (last) setHold('offscreen', !last.isIntersecting);
  });
  observer.observe(win.document.documentElement);
  return () => {
    observer.disconnect();
    setHold('offscreen', false);
  };
}
