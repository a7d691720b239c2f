import { useMemo } from 'react';
import { maskKinds, type MaskKind } from '../../core/conv/mask';
import type { ConvLayerInfo } from '../../compute/conv/protocol';
import {
  formatWeight,
  kernelSlice,
  unmaskedMaxAbs,
  weightColors,
  type KernelSliceCell,
} from '../../viz/conv-kernel';
import { channelName } from '../../viz/conv-cells';

interface KernelSlicesProps {
  layer: ConvLayerInfo;
  /** Output channel of the inspected cell: its row of slices is highlighted. */
  activeChannel: number;
}

const KIND_WORDS: Record<MaskKind, string> = {
  earlier: '',
  diagonal: ' (diagonal)',
  masked: 'masked',
};

/** "top: 0.12, −0.05, 0.03; middle: 0.08, 1.07 (diagonal), masked; bottom: masked, …". */
function sliceText(cells: readonly KernelSliceCell[], k: number): string {
  const rowNames =
    k === 3 ? ['top', 'middle', 'bottom'] : cells.slice(0, k).map((_, a) => `row ${a + 1}`);
  return rowNames
    .map((name, a) => {
      const row = cells.slice(a * k, (a + 1) * k);
      return `${name}: ${row.map((c) => (c.kind === 'masked' ? 'masked' : formatWeight(c.value) + KIND_WORDS[c.kind])).join(', ')}`;
    })
    .join('; ');
}

/**
 * The kernel K[a, b, c_in, c_out] as a C×C table of k×k slices: a row per output channel,
 * a column per input channel. Masked weights (later pixels, later channels) are grey, the
 * diagonal weight d_c = exp(s_c) is outlined; colours are the weights on a diverging scale.
 */
export function KernelSlices({ layer, activeChannel }: KernelSlicesProps) {
  const kinds = useMemo(() => maskKinds(layer), [layer]);
  const vmax = useMemo(() => unmaskedMaxAbs(layer.kernel, kinds), [layer, kinds]);
  const C = layer.channels;
  const k = layer.kernelSize;
  const channels = Array.from({ length: C }, (_, c) => c);
  return (
    <div className="conv-kernel">
      <div className="conv-kernel-row" aria-hidden="true">
        <span className="conv-kernel-head" />
        {channels.map((cin) => (
          <span key={cin} className="conv-kernel-head conv-slice-head">
            from input {channelName(cin)}
          </span>
        ))}
      </div>
      {channels.map((cout) => (
        <div
          key={cout}
          className="conv-kernel-row"
          data-active={cout === activeChannel ? 'true' : undefined}
        >
          <span className="conv-kernel-head">output {channelName(cout)}</span>
          {channels.map((cin) => {
            const cells = kernelSlice(layer, layer.kernel, cin, cout, kinds);
            return (
              <div
                key={cin}
                className="conv-slice"
                role="img"
                aria-label={`Weights from input ${channelName(cin)} to output ${channelName(cout)}, ${sliceText(cells, k)}`}
                style={{ gridTemplateColumns: `repeat(${k}, 1fr)` }}
              >
                {cells.map((cell) => (
                  <span
                    key={`${cell.a}-${cell.b}`}
                    className={`conv-weight conv-weight-${cell.kind}`}
                    data-kind={cell.kind}
                    data-cin={cin}
                    data-cout={cout}
                    data-dy={cell.dy}
                    data-dx={cell.dx}
                    style={cell.kind === 'masked' ? undefined : weightColors(cell.value, vmax)}
                  >
                    {cell.kind === 'masked' ? '' : formatWeight(cell.value)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
