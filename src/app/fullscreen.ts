/** Full screen through the Fullscreen API, where the page is allowed it (not in a plain iframe). */

/** Enters full screen, or leaves it; does nothing where full screen is not allowed. */
export function toggleFullscreen(doc: Document = document): void {
  if (!doc.fullscreenEnabled) return;
  const request = doc.fullscreenElement
    ? doc.exitFullscreen()
    : doc.documentElement.requestFullscreen();
  // A refusal (no user activation, a permissions policy) leaves the page as it is.
  void request?.catch(() => undefined);
}
