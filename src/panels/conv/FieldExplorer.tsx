import { useId, useMemo } from 'react';
import { cellAt, createImage, type RgbImage } from '../../core/conv/image';
import { receptiveFieldDepths, rgbGeometry } from '../../core/conv/receptive-field';
import {
  channelName,
  countMarks,
  displayRange,
  fieldMarks,
  type CellMark,
} from '../../viz/conv-cells';
import { CellGrid } from './CellGrid';

/** Most stacked layers the control offers. */
const MAX_STACKED_LAYERS = 6;

interface FieldExplorerProps {
  input: RgbImage;
  /** The layer's output y, or null while it is computed. */
  output: RgbImage | null;
  /** Flat index of the inspected output cell. */
  inspected: number;
  onInspect(index: number): void;
  layers: number;
  onLayersChange(layers: number): void;
  pixel: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Receptive fields: hover or focus a cell of the output y and the input x shows what it
 * depends on through 1 … 6 stacked masked layers, the earlier cells more layers would reach,
 * and the blind spot no stack reaches.
 */
export function FieldExplorer(props: FieldExplorerProps) {
  const { input, output, inspected, onInspect, layers, onLayersChange, pixel } = props;
  const { height: H, width: W, channels: C } = input;
  const layersId = useId();
  const self = cellAt(inspected, W, C);

  const marks: CellMark[] = useMemo(() => {
    const geometry = rgbGeometry(H, W);
    const depths = receptiveFieldDepths(self.row, self.col, self.channel, layers, geometry);
    const all = receptiveFieldDepths(self.row, self.col, self.channel, H * W * C, geometry);
    return fieldMarks(depths, inspected, all);
  }, [H, W, C, self.row, self.col, self.channel, layers, inspected]);
  const outputMarks = useMemo(
    () =>
      Array.from({ length: H * W * C }, (_, k): CellMark => (k === inspected ? 'self' : 'none')),
    [H, W, C, inspected],
  );
  const unknown = useMemo(() => {
    const blank = createImage(H, W, C);
    blank.data.fill(Number.NaN);
    return blank;
  }, [H, W, C]);
  const shownOutput = output ?? unknown;
  const inputRange = useMemo(() => displayRange(input.data), [input]);
  const outputRange = useMemo(() => displayRange(shownOutput.data), [shownOutput]);

  const counts = countMarks(marks);
  const name = `output ${channelName(self.channel)} at row ${self.row}, column ${self.col}`;
  const summary =
    `Through ${plural(layers, 'layer')}, ${name} depends on itself and ` +
    `${plural(counts.field, 'earlier cell')}. ` +
    `${plural(counts.reachable, 'more earlier cell')} would be reached by stacking more layers; ` +
    `${plural(counts.blind, 'earlier cell')} lie in the blind spot, which no stack of masked ` +
    `layers reaches. Later cells are never used.`;
  // One short line, so hovering does not reflow the page.
  const shortSummary =
    `${name}, ${plural(layers, 'layer')}: itself + ${plural(counts.field, 'earlier cell')} · ` +
    `${counts.reachable} more with more layers · blind spot ${plural(counts.blind, 'cell')}`;

  return (
    <div className="conv-field">
      <div className="conv-field-controls">
        <label htmlFor={layersId}>Stacked layers</label>
        <input
          id={layersId}
          type="range"
          min={1}
          max={MAX_STACKED_LAYERS}
          step={1}
          value={layers}
          aria-valuetext={plural(layers, 'layer')}
          onChange={(event) => onLayersChange(Number(event.target.value))}
        />
        <output htmlFor={layersId}>{layers}</output>
      </div>
      <ul className="conv-legend" aria-label="Legend">
        <li>
          <span className="conv-swatch" data-mark="self" /> the inspected cell’s own input
        </li>
        <li>
          <span className="conv-swatch" data-mark="field" /> in its receptive field
        </li>
        <li>
          <span className="conv-swatch" data-mark="reachable" /> reached by more layers
        </li>
        <li>
          <span className="conv-swatch" data-mark="blind" /> blind spot: never reached
        </li>
        <li>
          <span className="conv-swatch" data-mark="later" /> later cells (never used)
        </li>
      </ul>
      <p className="conv-field-summary">{shortSummary}</p>
      <div className="conv-grids">
        <figure>
          <figcaption>Output y: hover or focus a cell (arrow keys move)</figcaption>
          <CellGrid
            kind="output"
            label={`Output y, ${H}×${W} pixels × ${C} channels; choose a cell to see its receptive field`}
            symbol="y"
            image={shownOutput}
            range={outputRange}
            marks={outputMarks}
            pixel={pixel}
            inspect={{ active: inspected, onInspect }}
          />
        </figure>
        <figure>
          <figcaption>Input x: what the inspected cell reads</figcaption>
          <CellGrid
            kind="input"
            label={`Input x with the receptive field of ${name}: ${summary}`}
            symbol="x"
            image={input}
            range={inputRange}
            marks={marks}
            pixel={pixel}
          />
        </figure>
      </div>
    </div>
  );
}
