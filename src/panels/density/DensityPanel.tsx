import { useLabStore } from '../../state/lab-store';
import type { HideableControl } from '../../state/url-schema';
import { PanelFrame } from '../PanelFrame';
import { CompareView } from './CompareView';
import { ContoursToggle } from './ContoursToggle';
import { DatasetPicker } from './DatasetPicker';
import { DensityPlots } from './DensityPlots';
import { DrawTools } from './DrawTools';
import { FilesMenu } from './FilesMenu';
import { FlowInfo } from './FlowInfo';
import { FlowSwitch } from './FlowSwitch';
import { HyperparamInputs } from './HyperparamInputs';
import { LossPlot } from './LossPlot';
import { RunMessage } from './RunMessage';
import { ShareDialog } from './ShareDialog';
import { TrainingControls } from './TrainingControls';
import './density.css';

/** The lab: pick data and a flow, watch it train, compare densities, share the view. */
export function DensityPanel() {
  const hide = useLabStore((s) => s.params.hide);
  const drawing = useLabStore((s) => s.params.dataset === 'drawn');
  // Saving files needs downloads, which a sandboxed embed may not have.
  const embed = useLabStore((s) => s.params.embed);
  const shown = (control: HideableControl) => !hide.includes(control);
  const compare = useLabStore((s) => s.params.view === 'compare');
  const setParam = useLabStore((s) => s.setParam);
  return (
    <PanelFrame
      title="Density lab"
      className="panel-density"
      actions={shown('share') ? <ShareDialog /> : null}
    >
      <div className="density-toolbar">
        {shown('dataset') && <DatasetPicker />}
        {shown('flow') && <FlowSwitch />}
        {shown('contours') && <ContoursToggle />}
        {shown('flow') && (
          <label className="checkbox" title="MAF, IAF and coupling fitted to the same data, side by side">
            <input
              type="checkbox"
              checked={compare}
              onChange={(event) => setParam('view', event.target.checked ? 'compare' : 'train')}
            />
            Compare flows
          </label>
        )}
      </div>
      {compare && <CompareView />}
      {compare && shown('hyperparameters') && <HyperparamInputs />}
      {!compare && drawing && <DrawTools />}
      {!compare && (
        <>
          <DensityPlots />
          <div className="density-run">
            {shown('training') && <TrainingControls />}
            <RunMessage />
          </div>
          {shown('hyperparameters') && <HyperparamInputs />}
          {!embed && <FilesMenu />}
          <div className="density-lower">
            {shown('loss') && <LossPlot />}
            {shown('info') && <FlowInfo />}
          </div>
        </>
      )}
    </PanelFrame>
  );
}
