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
  // After the first paint's own downloads, so the precache does not compete with them.
  if (win.document.readyState === 'complete') register();
  else win.addEventListener('load', register, { once: true });
}
