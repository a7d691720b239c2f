import type { StepsApi, StepsModel } from '../../compute/steps/protocol';
import type { FlowKind } from '../../core/flow/config';
import type { FitOrigin, ShownFit } from './use-steps-model';

interface ModelStatusProps {
  client: StepsApi | null;
  pending: boolean;
  /** The preset for the request is being fetched (no fit runs meanwhile). */
  loadingPreset: boolean;
  error: string | null;
  info: ShownFit<StepsModel> | null;
  kind: FlowKind;
  K: number;
  dim: number;
}

const nats = (v: number) => v.toFixed(2);

/** How the walked flow's density is computed in training: the fit that is shown. */
function fitDescription(kind: FlowKind, dim: number): string {
  return kind === 'maf'
    ? 'maximum likelihood on the data (parallel density: one network pass per layer)'
    : `maximum likelihood on the data (sequential density: ${dim} network passes per layer)`;
}

/**
 * How the shown flow was fitted: "fitted in advance" for a preset (the lab's word for it is
 * "pretrained preset"), else fitted here. A preset is the panel's own fit run ahead of time
 * (`npm run presets:steps`), so its numbers are those this fit would have shown.
 */
export function fitOriginText(origin: FitOrigin, steps: number): string {
  return origin === 'preset'
    ? `${steps} steps of 256 points: a pretrained preset, the same fit this panel runs, done in advance (a stack or another seed is fitted here, live)`
    : `${steps} steps of 256 points`;
}

/** What the worker is doing for the panel: waiting, fitting, failed, or how the flow was fitted. */
export function ModelStatus({ client, pending, loadingPreset, error, info, kind, K, dim }: ModelStatusProps) {
  const name = kind.toUpperCase();
  if (error) return <p role="alert">The flow could not be fitted: {error}</p>;
  if (!info && loadingPreset) return <p className="muted">Loading the preset…</p>;
  if (!info && !client) return <p className="muted">Waiting for the compute worker…</p>;
  if (pending || !info)
    return (
      <p className="muted" aria-live="polite">
        Fitting a {K}-layer {name} to the {dim}-dimensional Gaussian mixture by{' '}
        {fitDescription(kind, dim)}… (the first fit compiles the kernels: a minute or more on a
        software GPU)
      </p>
    );
  return (
    <div className="steps-model-status" data-testid="model-fit" data-kind={info.kind} data-origin={info.origin}>
      <p className="muted">
        {K}-layer {info.kind.toUpperCase()} fitted {info.origin === 'preset' ? 'in advance ' : ''}to a{' '}
        {dim}-dimensional Gaussian mixture by {fitDescription(info.kind, dim)},{' '}
        {fitOriginText(info.origin, info.trainedSteps)}. Held-out NLL{' '}
        <span data-nll="before">{nats(info.nllBefore)}</span> →{' '}
        <span data-nll="after">{nats(info.nllAfter)}</span> nats; the true density scores the same
        1,024 points at <span data-nll="data">{nats(info.nllData)}</span> nats (the floor: the gap
        estimates KL(p<sub>data</sub>‖model)).
      </p>
      <p className="muted">
        {info.kind === 'iaf'
          ? 'The IAF is fitted on its own: the same kind of network as the MAF, used the other way round (it reads z, not x), with weights of its own.'
          : 'Switch to IAF to see the same kind of network used the other way round (it reads z, not x); the IAF is fitted on its own.'}
      </p>
    </div>
  );
}
