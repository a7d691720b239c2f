import { useId } from 'react';
import { useLabStore } from '../../state/lab-store';
import { FLOW_KINDS, TRANSFORM_KINDS, type UrlState } from '../../state/url-schema';
import { flowName } from './format';

interface RadioGroupProps<K extends 'flow' | 'transform'> {
  param: K;
  legend: string;
  values: readonly UrlState[K][];
  label: (value: UrlState[K]) => string;
}

/** A radio group bound to one URL param (native radios: arrow keys move the choice). */
function ParamRadios<K extends 'flow' | 'transform'>({ param, legend, values, label }: RadioGroupProps<K>) {
  const value = useLabStore((s) => s.params[param]);
  const setParam = useLabStore((s) => s.setParam);
  const id = useId();
  return (
    <fieldset className="flow-switch" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="flow-option">
          <input
            type="radio"
            name={`${id}-${param}`}
            value={v}
            checked={value === v}
            onChange={() => setParam(param, v)}
          />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** The MAF / IAF / Coupling group and the affine / spline transform group. */
export function FlowSwitch() {
  return (
    <>
      <ParamRadios param="flow" legend="Flow" values={FLOW_KINDS} label={flowName} />
      <ParamRadios param="transform" legend="Transform" values={TRANSFORM_KINDS} label={(t) => t} />
    </>
  );
}
