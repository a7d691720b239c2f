/**
 * Whether a configure keeps the lab's model (only live params changed: LAB_PARAM_TABLE) or
 * rebuilds it (a rebuild param, the preset or the drawing changed).
 */
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { LAB_PARAM_TABLE } from '../../core/session/session-params';
import type { LabConfigureOptions, LabModelInfo, LabParams } from './protocol';

/** Live and rebuild params of the lab (bound here, so the table must name exactly LabParams). */
const PARAM_TABLE: TableFor<LabParams, typeof LAB_PARAM_TABLE> = LAB_PARAM_TABLE;

/** Whether two drawings hold the same points (the page sends a fresh copy on every configure). */
function samePoints(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when the model must be built anew for `params` and `options` (always when there is none). */
export function needsRebuild(
  before: { params: LabParams | null; options: LabConfigureOptions; info: LabModelInfo | null },
  params: LabParams,
  options: LabConfigureOptions,
): boolean {
  return (
    paramChanges(PARAM_TABLE, before.params, params).rebuild.length > 0 ||
    !before.info ||
    // An imported model stays until the architecture or data change (its flow's preset may differ).
    (options.presetText !== before.options.presetText && before.info.origin !== 'file') ||
    !samePoints(options.drawnPoints, before.options.drawnPoints)
  );
}
