import { useId } from 'react';
import { useLabStore } from '../../state/lab-store';
import { FLOW_KINDS } from '../../state/url-schema';
import { flowName } from './format';

/** The MAF/IAF radio group (native radios: arrow keys move the choice). */
export function FlowSwitch() {
  const flow = useLabStore((s) => s.params.flow);
  const setParam = useLabStore((s) => s.setParam);
  const id = useId();
  return (
    <fieldset className="flow-switch" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>Flow</legend>
      {FLOW_KINDS.map((kind) => (
        <label key={kind} className="flow-option">
          <input
            type="radio"
            name={`${id}-flow`}
            value={kind}
            checked={flow === kind}
            onChange={() => setParam('flow', kind)}
          />
          {flowName(kind)}
        </label>
      ))}
    </fieldset>
  );
}
