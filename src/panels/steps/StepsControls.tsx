import { useId } from 'react';
import { useLabStore } from '../../state/lab-store';
import { FLOW_KINDS, STEP_DIRECTIONS, URL_SCHEMA, type StepDirection } from '../../state/url-schema';
import { plural } from '../../core/plural';
import { familyName } from '../../core/flow/family';

const DIRECTION_LABELS: Record<StepDirection, string> = {
  sample: 'Sampling z → x',
  invert: 'Inversion x → z',
};
/** The choices of D: `?dim=`'s range. */
const DIMS = Array.from({ length: URL_SCHEMA.dim.max - URL_SCHEMA.dim.min + 1 }, (_, i) => URL_SCHEMA.dim.min + i);

interface RadioGroupProps<V extends string> {
  legend: string;
  values: readonly V[];
  value: V;
  label: (v: V) => string;
  onChange: (v: V) => void;
}

function RadioGroup<V extends string>({
  legend,
  values,
  value,
  label,
  onChange,
}: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className="steps-radio" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input
            type="radio"
            name={`${id}-r`}
            value={v}
            checked={v === value}
            onChange={() => onChange(v)}
          />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

export interface StepsControlsProps {
  stackLayers: number;
  stack: boolean;
  onStack: (stack: boolean) => void;
  layerIndex: number;
  /** Layers in the order the walk computes them (0-based indices). */
  computedOrder: readonly number[];
  onLayer: (layerIndex: number) => void;
  onNewPoint: () => void;
}

/** Direction, flow, D (URL params), the model (one layer or a chosen layer of the stack) and a new point. */
export function StepsControls({
  stackLayers,
  stack,
  onStack,
  layerIndex,
  computedOrder,
  onLayer,
  onNewPoint,
}: StepsControlsProps) {
  const direction = useLabStore((s) => s.params.direction);
  const flow = useLabStore((s) => s.params.flow);
  const dim = useLabStore((s) => s.params.dim);
  const setParam = useLabStore((s) => s.setParam);
  const id = useId();
  return (
    <div className="steps-controls">
      <RadioGroup
        legend="Direction"
        values={STEP_DIRECTIONS}
        value={direction}
        label={(v) => DIRECTION_LABELS[v]}
        onChange={(v) => setParam('direction', v)}
      />
      <RadioGroup
        legend="Flow"
        values={FLOW_KINDS}
        value={flow}
        label={familyName}
        onChange={(v) => setParam('flow', v)}
      />
      <label className="steps-field">
        Dimension D
        <select value={dim} onChange={(e) => setParam('dim', Number(e.target.value))}>
          {DIMS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <RadioGroup
        legend="Model"
        values={['one', 'stack'] as const}
        value={stack ? 'stack' : 'one'}
        label={(v) => (v === 'one' ? 'One layer' : `Stack of ${plural(stackLayers, 'layer')}`)}
        onChange={(v) => onStack(v === 'stack')}
      />
      {stack && (
        <label className="steps-field" htmlFor={`${id}-layer`}>
          Layer
          <select
            id={`${id}-layer`}
            value={layerIndex}
            onChange={(e) => onLayer(Number(e.target.value))}
          >
            {computedOrder.map((k, n) => (
              <option key={k} value={k}>
                {`Layer ${k + 1} (computed ${n + 1}${n === 0 ? 'st' : n === 1 ? 'nd' : n === 2 ? 'rd' : 'th'})`}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={onNewPoint}>
        New point
      </button>
    </div>
  );
}
