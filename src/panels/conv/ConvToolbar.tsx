import { useId } from 'react';
import { useLabStore } from '../../state/lab-store';
import { CONV_IMAGES, CONV_SIZES, URL_SCHEMA, type ConvImageName } from '../../state/url-schema';

const IMAGE_LABELS: Record<ConvImageName, string> = {
  gradient: 'Gradient',
  checker: 'Checkerboard',
  disc: 'Disc',
  stripes: 'Stripes',
  noise: 'Noise',
  blank: 'Blank (paint your own)',
};

interface ConvToolbarProps {
  painted: boolean;
  onDiscardPainting(): void;
}

/** Image, size and kernel seed: the URL params of the panel (a shared link shows the same layer). */
export function ConvToolbar({ painted, onDiscardPainting }: ConvToolbarProps) {
  const image = useLabStore((s) => s.params.image);
  const size = useLabStore((s) => s.params.size);
  const seed = useLabStore((s) => s.params.seed);
  const setParam = useLabStore((s) => s.setParam);
  const imageId = useId();
  const sizeName = useId();
  const nextSeed = seed >= URL_SCHEMA.seed.max ? URL_SCHEMA.seed.min : seed + 1;
  return (
    <div className="conv-toolbar">
      <div className="field">
        <label htmlFor={imageId}>Image</label>
        <select
          id={imageId}
          value={image}
          onChange={(event) => {
            const value = CONV_IMAGES.find((name) => name === event.target.value);
            if (value) setParam('image', value);
          }}
        >
          {CONV_IMAGES.map((name) => (
            <option key={name} value={name}>
              {IMAGE_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="conv-size">
        <legend>Size</legend>
        {CONV_SIZES.map((side) => (
          <label key={side} className="checkbox">
            <input
              type="radio"
              name={sizeName}
              value={side}
              checked={size === side}
              onChange={() => setParam('size', side)}
            />
            {side}×{side}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => setParam('seed', nextSeed)}>
        New random kernel
      </button>
      <span className="muted">Kernel seed {seed}</span>
      {painted && (
        <button type="button" onClick={onDiscardPainting}>
          Discard painting
        </button>
      )}
    </div>
  );
}
