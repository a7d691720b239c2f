/**
 * The panel's talk with the compute worker: build the layer for the seed, then for the
 * current input run the forward pass (one conv2d), the traced sequential inverse and the
 * autodiff Jacobian on the 4×4 corner. Results are kept with the inputs they belong to, so a
 * late answer for an old image is never shown with a new one.
 */
import { useEffect, useState } from 'react';
import type { RgbImage } from '../../core/conv/image';
import type {
  ConvApi,
  ConvForwardResult,
  ConvInverseResult,
  ConvJacobianResult,
  ConvLayerInfo,
} from '../../compute/conv/protocol';
import { JACOBIAN_SIDE, cropImage } from './conv-input';

export interface ConvLabView {
  layer: ConvLayerInfo | null;
  forward: ConvForwardResult | null;
  inverse: ConvInverseResult | null;
  jacobian: ConvJacobianResult | null;
  /** What went wrong in the last worker call, if anything. */
  error: string | null;
}

interface Keyed<K, V> {
  key: K;
  value: V;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `client` is null until the worker is ready; the view fills in as answers arrive. */
export function useConvLab(client: ConvApi | null, seed: number, image: RgbImage): ConvLabView {
  const [layer, setLayer] = useState<Keyed<number, ConvLayerInfo> | null>(null);
  const [passes, setPasses] = useState<Keyed<
    [ConvLayerInfo, RgbImage],
    { forward: ConvForwardResult; inverse: ConvInverseResult }
  > | null>(null);
  const [jacobian, setJacobian] = useState<Keyed<
    [ConvLayerInfo, RgbImage],
    ConvJacobianResult
  > | null>(null);
  const [error, setError] = useState<string | null>(null);

  const currentLayer = layer && layer.key === seed ? layer.value : null;

  useEffect(() => {
    if (!client) return;
    let live = true;
    client.convConfigure(seed).then(
      (info) => {
        if (!live) return;
        setLayer({ key: seed, value: info });
        setError(null);
      },
      (reason: unknown) => live && setError(`Could not build the layer: ${message(reason)}`),
    );
    return () => {
      live = false;
    };
  }, [client, seed]);

  useEffect(() => {
    if (!client || !currentLayer) return;
    let live = true;
    (async () => {
      const forward = await client.convForward(image);
      const inverse = await client.convInverse(forward.output, image);
      if (live) setPasses({ key: [currentLayer, image], value: { forward, inverse } });
    })().catch(
      (reason: unknown) => live && setError(`Could not run the layer: ${message(reason)}`),
    );
    return () => {
      live = false;
    };
  }, [client, currentLayer, image]);

  useEffect(() => {
    if (!client || !currentLayer) return;
    let live = true;
    client.convJacobian(cropImage(image, JACOBIAN_SIDE)).then(
      (result) => live && setJacobian({ key: [currentLayer, image], value: result }),
      (reason: unknown) => live && setError(`Could not compute the Jacobian: ${message(reason)}`),
    );
    return () => {
      live = false;
    };
  }, [client, currentLayer, image]);

  const matches = (key: [ConvLayerInfo, RgbImage]) => key[0] === currentLayer && key[1] === image;
  const current = passes && matches(passes.key) ? passes.value : null;
  return {
    layer: currentLayer,
    forward: current?.forward ?? null,
    inverse: current?.inverse ?? null,
    jacobian: jacobian && matches(jacobian.key) ? jacobian.value : null,
    error,
  };
}
