import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startEmbedBridge } from './app/embed-bridge';
import { installFaultHooks } from './app/fault-hooks';
import { holdWhileOffscreen } from './app/offscreen-hold';
import { startComputeForPage } from './app/start';
import { prefetchPreset } from './state/lab-commands';
import { labStore } from './state/lab-store';
import './app/styles.css';

startComputeForPage(window.location.search);
// The lab's preset (and its precomputed density, drawn until the worker's first frame) is
// fetched while React and the worker start.
if (labStore.getState().params.panel === 'density') prefetchPreset();
startEmbedBridge(window, labStore);
holdWhileOffscreen(window);
installFaultHooks(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
