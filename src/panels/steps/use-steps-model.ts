import { useMemo } from 'react';
import type { StepsApi, StepsCouplingModel, StepsModel, StepsModelRequest } from '../../compute/steps/protocol';
import { loadStepsCouplingPreset, loadStepsPreset } from '../../state/steps-presets';
import { useAsync, type AsyncResult } from './use-async';

/** Where the shown fit came from: the committed preset, or a live fit in the worker. */
export type FitOrigin = 'preset' | 'fitted';
export type ShownFit<T> = T & { origin: FitOrigin };

/** The two families' loaders: the preset on the page, the live fit in the worker. */
interface FitSource<T> {
  preset(request: StepsModelRequest): Promise<T | null>;
  fit(client: StepsApi, request: StepsModelRequest): Promise<T>;
}

export const AUTOREGRESSIVE_FITS: FitSource<StepsModel> = {
  preset: (request) => loadStepsPreset(request),
  fit: (client, request) => client.stepsModel(request),
};

export const COUPLING_FITS: FitSource<StepsCouplingModel> = {
  preset: (request) => loadStepsCouplingPreset(request),
  fit: (client, request) => client.stepsCouplingModel(request),
};

const presetOf = <T,>(source: FitSource<T>, request: StepsModelRequest) => source.preset(request);

/**
 * The fit the panel shows for a (memoised) request: the preset where one answers it exactly
 * (state/steps-presets.ts; no worker needed, nothing trained), else the worker's live fit,
 * asked for only once the preset is known to be missing.
 */
export function useStepsModel<T>(
  client: StepsApi | null,
  request: StepsModelRequest,
  source: FitSource<T>,
): AsyncResult<ShownFit<T>> & { loadingPreset: boolean } {
  const preset = useAsync(source, request, presetOf<T>);
  const needsFit = !preset.pending && preset.value === null;
  const live = useAsync(client, needsFit ? request : null, source.fit);
  const value = useMemo<ShownFit<T> | null>(
    () =>
      preset.value
        ? { ...preset.value, origin: 'preset' }
        : live.value
          ? { ...live.value, origin: 'fitted' }
          : null,
    [preset.value, live.value],
  );
  return {
    value,
    error: needsFit ? live.error : null,
    pending: value === null && !(needsFit && live.error),
    loadingPreset: preset.pending,
  };
}
