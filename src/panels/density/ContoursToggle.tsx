import { useLabStore } from '../../state/lab-store';

/** The "Contours" checkbox: lines that enclose 50 %, 90 % and 99 % of the mass. */
export function ContoursToggle() {
  const contours = useLabStore((s) => s.params.contours);
  const setParam = useLabStore((s) => s.setParam);
  return (
    <label className="checkbox" title="Lines enclosing 50 %, 90 % and 99 % of the mass">
      <input
        type="checkbox"
        checked={contours}
        onChange={(event) => setParam('contours', event.target.checked)}
      />
      Contours
    </label>
  );
}
