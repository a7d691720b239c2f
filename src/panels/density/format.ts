/** Text for numbers and plots shown in the density panel (also their text alternatives). */
import type { LabFrame, LabModelInfo } from '../../compute/lab/protocol';
import { datasetLabel, type DatasetId } from '../../core/datasets';
import { plural } from '../../core/plural';
import { familyPassesPerLayer, type FlowFamily } from '../../core/flow/family';
import type { FlowOperation } from '../../core/flow/schedule';

export const formatNats = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** "0.04 ± 0.01" (a value with its standard error). */
export function formatWithError(value: number, standardError: number, digits = 2): string {
  return Number.isFinite(standardError)
    ? `${formatNats(value, digits)} ± ${formatNats(standardError, digits)}`
    : formatNats(value, digits);
}

/** "MAF", "IAF", "Coupling"; a preset key's transform in words ("MAF spline"). */
export const flowName = (flow: string): string =>
  flow
    .split('-')
    .map((part, k) => (k > 0 ? part : part === 'coupling' ? 'Coupling' : part.toUpperCase()))
    .join(' ');

export function labelOf(dataset: string): string {
  try {
    return datasetLabel(dataset as DatasetId);
  } catch {
    return dataset;
  }
}

/**
 * The distance to the floor, KL(p‖model) = NLL − H(p) for maximum likelihood (estimated on
 * held-out data), KL(q‖p) itself for reverse KL (its Monte-Carlo estimate on a fixed batch), or
 * the loss minus its floor otherwise; null when no floor is known.
 */
export function klGap(frame: LabFrame | null, info: LabModelInfo | null): number | null {
  if (!frame || !info || info.lossFloor === null) return null;
  if (frame.klEstimate) return frame.klEstimate.value - info.lossFloor;
  const nll = info.lossLabel.startsWith('NLL') && Number.isFinite(frame.heldOutNll);
  const value = nll ? frame.heldOutNll : frame.loss;
  return Number.isFinite(value) ? value - info.lossFloor : null;
}

/** "Model density for 8gaussians, MAF, 12 layers, NLL 2.91". */
export function modelDensityLabel(frame: LabFrame): string {
  const { dataset, flow, transform, layers } = frame.params;
  const nll = Number.isFinite(frame.heldOutNll) ? `, NLL ${formatNats(frame.heldOutNll)}` : '';
  const spline = transform === 'spline' ? ' spline' : '';
  return `Model density for ${dataset}, ${flowName(flow)}${spline}, ${plural(layers, 'layer')}${nll}`;
}

/** "Model density for 8gaussians, MAF preset (precomputed; the live model is loading)". */
export function previewDensityLabel(preview: { dataset: string; flow: string }): string {
  return `Model density for ${preview.dataset}, ${flowName(preview.flow)} preset (precomputed; the live model is loading)`;
}

/** "one parallel pass per layer (5 in all)" or "D = 2 sequential passes per layer (10 in all)", from the architecture. */
export function passesText(family: FlowFamily, op: FlowOperation, layers: number, dim = 2): string {
  const perLayer = familyPassesPerLayer(family, op, dim);
  return perLayer === 1
    ? `one parallel pass per layer (${layers} in all)`
    : `D = ${dim} sequential passes per layer (${perLayer * layers} in all)`;
}
