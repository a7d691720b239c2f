/**
 * Lazy parts of the page (panels, the tour card) that can be loaded again after a failure.
 * React.lazy keeps a failed import forever, and Vite's preload helper never requests a
 * stylesheet again once it failed; so a chunk fetched while offline would break its panel
 * until a reload. Here a failed load becomes a `ChunkLoadError` (its boundary shows a notice
 * with "Try again" and retries by itself on the `online` event), `forgetFailedChunks()` lets
 * the next render import afresh, and `restoreFailedStyles()` re-adds the stylesheets that
 * failed to load. A failure is kept until then (React renders a failed component more than
 * once; importing again on each render would loop).
 */
import { use, type ComponentType } from 'react';

class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

export const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ChunkLoadError';

/** Stylesheet URLs whose preload failed (from Vite's `vite:preloadError` events). */
const failedStyles = new Set<string>();

/** Records the stylesheets Vite failed to preload, so a retry can add them again. */
export function watchPreloadErrors(win: Window): void {
  win.addEventListener('vite:preloadError', (event) => {
    const payload: unknown = (event as Event & { payload?: unknown }).payload;
    const text = payload instanceof Error ? payload.message : String(payload);
    const match = /^Unable to preload CSS for (\S+)/.exec(text);
    if (match?.[1]) failedStyles.add(match[1]);
  });
}

/** Stylesheets being loaded again, by URL (two panels retrying share one request). */
const restoring = new Map<string, Promise<void>>();

/** Replaces each failed stylesheet link with a fresh one; resolves when all have loaded. */
function restoreFailedStyles(doc: Document = document): Promise<void> {
  const loads = [...failedStyles].map((href) => {
    const pending = restoring.get(href);
    if (pending) return pending;
    for (const old of doc.querySelectorAll('link[rel="stylesheet"]')) {
      if ((old as HTMLLinkElement).href === href) old.remove();
    }
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = '';
    link.href = href;
    const loaded = new Promise<void>((resolve, reject) => {
      link.addEventListener('load', () => {
        failedStyles.delete(href);
        restoring.delete(href);
        resolve();
      });
      link.addEventListener('error', () => {
        restoring.delete(href);
        reject(new ChunkLoadError(`Unable to load ${href}`));
      });
    });
    restoring.set(href, loaded);
    doc.head.appendChild(link);
    return loaded;
  });
  return Promise.all(loads).then(() => undefined);
}

/** One per lazy component: drops its failed import, if it has one. */
const forgetters = new Set<() => void>();

/** Lets every lazy component whose import failed import again on its next render. */
export function forgetFailedChunks(): void {
  for (const forget of forgetters) forget();
}

/**
 * Like React.lazy, but a failed import can be retried: it throws a ChunkLoadError to the
 * nearest error boundary, and after `forgetFailedChunks()` the next render imports again.
 */
export function lazyWithRetry<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let component: Promise<ComponentType<P>> | null = null;
  let failed = false;
  forgetters.add(() => {
    if (failed) component = null;
    failed = false;
  });
  function Lazy(props: P) {
    component ??= restoreFailedStyles()
      .then(load)
      .catch((error: unknown) => {
        failed = true;
        throw new ChunkLoadError(error instanceof Error ? error.message : String(error));
      });
    const Component = use(component);
    return <Component {...props} />;
  }
  return Lazy;
}
