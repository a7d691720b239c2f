/**
 * Registers the service worker (dist/sw.js, generated at build time by
 * scripts/service-worker) so that a second visit, or a reload without a network, starts from
 * the copy the browser kept. Only in production builds, only where the page may have one: a
 * sandboxed frame (opaque origin) or a page outside a secure context has none and simply
 * works online. The worker's scope is the folder the page is served from (`./sw.js`), so a
 * course sub-folder gets its own.
 */
export function registerServiceWorker(win: Window): void {
  if (!import.meta.env.PROD || !win.isSecureContext || win.origin === 'null') return;
  let container: ServiceWorkerContainer | undefined;
  try {
    container = win.navigator.serviceWorker;
  } catch {
    return; // an opaque origin throws SecurityError on access
  }
  if (!container) return;
  const register = () => {
    container.register('./sw.js', { scope: './' }).catch(() => {
      // No offline copy this time (private mode, a host that refuses it): the app still runs.
    });
  };
  // The presets this first visit fetched before the worker took over: fetch them once more
  // through it, so that it keeps them for an offline visit.
  container.addEventListener('controllerchange', () => keepPresetsLoadedSoFar(win), { once: true });
  // After the first paint's own downloads, so the precache does not compete with them.
  if (win.document.readyState === 'complete') register();
  else win.addEventListener('load', register, { once: true });
}

function keepPresetsLoadedSoFar(win: Window): void {
  const presets = win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.includes('/presets/'));
  for (const url of new Set(presets)) void win.fetch(url).catch(() => undefined);
}
