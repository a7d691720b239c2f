import { useState } from 'react';
import { plural } from '../../core/plural';
import { useLabStore } from '../../state/lab-store';
import { useStepsClient } from './steps-connection';
import type { StepsControlsProps } from './StepsControls';

/**
 * The state every step-by-step walk shares, whatever the layer family: the URL's D, direction,
 * seed and stack depth, the worker client, one layer or the stack, the chosen layer and the
 * starting point's draw. K = 1 for one layer, else the stack depth.
 */
export function useStepsWalk() {
  const dim = useLabStore((s) => s.params.dim);
  const direction = useLabStore((s) => s.params.direction);
  const seed = useLabStore((s) => s.params.seed);
  const stackLayers = useLabStore((s) => s.params.layers);
  const client = useStepsClient();
  const [stack, setStack] = useState(false);
  const [chosenLayer, setChosenLayer] = useState(0);
  const [draw, setDraw] = useState(0);
  const K = stack ? stackLayers : 1;
  const layerIndex = Math.min(chosenLayer, K - 1);

  /**
   * The controls' props. `lastFirst`: the walk computes the stack's last layer first (its
   * sequential direction, or a coupling flow's sampling), so a stack opens on that layer,
   * whose input is the flow's input.
   */
  const controls = (lastFirst: boolean): StepsControlsProps => ({
    stackLayers,
    stack,
    onStack: (on) => {
      setStack(on);
      setChosenLayer(on && lastFirst ? stackLayers - 1 : 0);
    },
    layerIndex,
    computedOrder: Array.from({ length: K }, (_, s) => (lastFirst ? K - 1 - s : s)),
    onLayer: setChosenLayer,
    onNewPoint: () => setDraw((d) => d + 1),
  });
  return { dim, direction, seed, client, K, layerIndex, draw, setChosenLayer, controls };
}

/** "whole flow: K layers × p = N network passes". */
export const stackTotalText = (K: number, perLayer: number) =>
  `whole flow: ${plural(K, 'layer')} × ${perLayer} = ${plural(K * perLayer, 'network pass', 'network passes')}`;
