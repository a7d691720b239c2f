import type { StepsApi, StepsModel } from '../../compute/steps/protocol';

interface ModelStatusProps {
  client: StepsApi | null;
  pending: boolean;
  error: string | null;
  info: StepsModel | null;
  K: number;
  dim: number;
}

/** What the worker is doing for the panel: waiting, fitting, failed, or how the flow was fitted. */
export function ModelStatus({ client, pending, error, info, K, dim }: ModelStatusProps) {
  if (!client) return <p className="muted">Waiting for the compute worker…</p>;
  if (error) return <p role="alert">The flow could not be fitted: {error}</p>;
  if (pending || !info)
    return (
      <p className="muted" aria-live="polite">
        Fitting a {K}-layer flow to the {dim}-dimensional Gaussian mixture by maximum likelihood…
        (the first fit compiles the kernels: a minute or more on a software GPU)
      </p>
    );
  return (
    <p className="muted">
      A {K}-layer flow fitted to a {dim}-dimensional Gaussian mixture by {info.trainedSteps} steps
      of maximum likelihood (held-out NLL {info.nllBefore.toFixed(2)} → {info.nllAfter.toFixed(2)}{' '}
      nats). MAF and IAF share these weights.
    </p>
  );
}
