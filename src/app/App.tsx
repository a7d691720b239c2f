import { Suspense, useEffect, useRef } from 'react';
import { attachConvClient, convController } from '../panels/conv/conv-connection';
import { attachCostClient, costController } from '../panels/cost/cost-connection';
import { attachDiscreteClient, discreteController } from '../panels/discrete/discrete-connection';
import { attachCompareClient } from '../panels/density/compare-connection';
import { attachDistillClient, distillController } from '../panels/distill/distill-connection';
import { attachGaussianizeClient, gaussianizeController } from '../panels/gaussianize/gaussianize-connection';
import { attachStepsClient, stepsController } from '../panels/steps/steps-connection';
import { UrlNotice } from '../panels/UrlNotice';
import { attachLabClient, pauseWhenHidden, pauseWhileHeld, setLabShown } from '../state/lab-commands';
import { labStore, useLabStore } from '../state/lab-store';
import { useStatusStore } from '../state/status';
import { startUrlSync } from '../state/url-sync';
import { watchBackendChanges } from './backend-watch';
import { computeApi } from './compute-client';
import { costClientFor, distillClientFor } from './distill-client';
import { labClientFor } from './lab-client';
import { HeaderTools } from './HeaderTools';
import { TourSlot, useLectureWiring } from './lecture';
import { Notices } from './Notices';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { PANEL_COMPONENTS, PANEL_TITLES } from './panel-registry';
import { PanelNav } from './PanelNav';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';

/**
 * Keeps the address bar in step with the params, and the panels with the worker once it is
 * ready. The density lab's session starts the first time its panel is shown (it trains and
 * renders grids, which would only hold up the worker for another panel); while another panel
 * is shown it does no compute (training pauses, param changes wait for its return).
 */
function useLabWiring(): void {
  const computeReady = useStatusStore((s) => s.compute.phase === 'ready');
  // A restarted worker (after a crash) is a new generation: every client attaches again.
  const generation = useStatusStore((s) => s.restarts);
  const panel = useLabStore((s) => s.params.panel);
  const labAttached = useRef<number | null>(null);
  useEffect(() => startUrlSync(labStore, window), []);
  useEffect(() => pauseWhenHidden(document), []);
  useEffect(() => pauseWhileHeld(), []);
  useEffect(() => {
    const api = computeReady ? computeApi() : null;
    if (api) watchBackendChanges(api);
    attachStepsClient(api);
    attachConvClient(api);
    attachDistillClient(api ? distillClientFor(api) : null);
    attachCostClient(api ? costClientFor(api) : null);
    attachGaussianizeClient(api);
    attachDiscreteClient(api);
    attachCompareClient(api);
  }, [computeReady, generation]);
  useEffect(() => {
    // Each panel's controller is active only while its panel is shown.
    stepsController.setShown(panel === 'steps');
    distillController.setShown(panel === 'distill');
    costController.setShown(panel === 'cost');
    discreteController.setShown(panel === 'discrete');
    convController.setShown(panel === 'conv');
    gaussianizeController.setShown(panel === 'gaussianize');
  }, [panel]);
  useEffect(() => {
    setLabShown(panel === 'density');
    const api = computeReady ? computeApi() : null;
    if (api && panel === 'density' && labAttached.current !== generation) {
      labAttached.current = generation;
      attachLabClient(labClientFor(api));
    }
  }, [computeReady, panel, generation]);
}

/** The panel `?panel=` selects. */
function SelectedPanel() {
  const panel = useLabStore((s) => s.params.panel);
  const Panel = PANEL_COMPONENTS[panel];
  return (
    <PanelErrorBoundary key={panel} title={PANEL_TITLES[panel]}>
      <Suspense fallback={<p className="panel-loading">Loading panel…</p>}>
        <Panel />
      </Suspense>
    </PanelErrorBoundary>
  );
}

/**
 * The shell: header with the panel tabs, notices, panel area, status bar.
 * `?embed=1` shows only the selected panel, filling the window (for an iframe).
 */
export function App() {
  useLabWiring();
  useLectureWiring();
  const embed = useLabStore((s) => s.params.embed);
  if (embed) {
    return (
      <div className="embed-shell">
        <Notices />
        <UrlNotice />
        <main className="panel-area lab-layout" aria-label="Panels">
          <SelectedPanel />
        </main>
        <ShortcutsDialog />
      </div>
    );
  }
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Flow Lab</h1>
        <p className="tagline">Normalizing flows, trained and drawn in your browser</p>
        <HeaderTools />
        <PanelNav />
      </header>
      <Notices />
      <UrlNotice />
      <main className="panel-area lab-layout" aria-label="Panels">
        <TourSlot />
        <SelectedPanel />
      </main>
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
