import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startEmbedBridge } from './app/embed-bridge';
import { installFaultHooks } from './app/fault-hooks';
import { holdWhileOffscreen } from './app/offscreen-hold';
import { watchPreloadErrors } from './app/chunk-retry';
import { registerServiceWorker } from './app/service-worker';
import { startComputeForPage } from './app/start';
import { prefetchPreset } from './state/lab-commands';
import { labStore } from './state/lab-store';
import './app/styles.css';

watchPreloadErrors(window);
// Every parameter, `backend` and `origin` included, comes from the store, which read the
// address once through the URL schema (state/url-codec.ts).
startComputeForPage(labStore.getState().params.backend);
// The lab's preset (and its precomputed density, drawn until the worker's first frame) is
// fetched while React and the worker start.
if (labStore.getState().params.panel === 'density') prefetchPreset();
startEmbedBridge(window, labStore);
holdWhileOffscreen(window);
installFaultHooks(window);
registerServiceWorker(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
