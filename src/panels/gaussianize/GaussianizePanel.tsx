import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { MarginalKind } from '../../core/gaussianize/marginal-types';
import type { RotationKind } from '../../core/gaussianize/rotation';
import { useLabStore } from '../../state/lab-store';
import { pagePresets } from '../../state/presets';
import type { GaussSource } from '../../state/url-schema';
import { PanelFrame } from '../PanelFrame';
import { BackView } from './BackView';
import { CopulaView } from './CopulaView';
import { oneDSample, planeData } from './gaussianize-data';
import { useGaussianizeClient } from './gaussianize-connection';
import { OneDStages } from './OneDStages';
import { StackView } from './StackView';
import {
  useCopula,
  useDebounced,
  useOneD,
  useStackBack,
  useStackIteration,
} from './useGaussianize';
import './gaussianize.css';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="gauss-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * Gaussianization (Gaussian copula; RBIG, Laparra et al. 2011; Meng et al. 2020): make the data Gaussian one invertible step at a time.
 * 1-D stages, the RBIG stack (marginal Gaussianization + rotation, repeated), the stack run
 * backwards, and the Gaussian copula. The worker computes everything (tfjs); the app attaches
 * it with `attachGaussianizeClient`.
 */
export function GaussianizePanel() {
  const client = useGaussianizeClient();
  const dataset = useLabStore((s) => s.params.dataset);
  const seed = useLabStore((s) => s.params.seed);
  const source = useLabStore((s) => s.params.g1d);
  const kind = useLabStore((s) => s.params.cdf);
  const bandwidth = useLabStore((s) => s.params.bw);
  const rotation = useLabStore((s) => s.params.rot);
  const iteration = useLabStore((s) => s.params.iter);
  const drawnPoints = useLabStore((s) => s.drawnPoints);
  const setParam = useLabStore((s) => s.setParam);

  const plane = useMemo(
    () => planeData(dataset, seed, dataset === 'drawn' ? drawnPoints : null),
    [dataset, seed, drawnPoints],
  );
  const planeOk = 'error' in plane ? null : plane;

  const sample = useMemo(() => oneDSample(source, planeOk, seed), [source, planeOk, seed]);
  const oneD = useOneD(
    client,
    useMemo(
      () => (sample ? { values: sample, kind, bandwidthFactor: bandwidth } : null),
      [sample, kind, bandwidth],
    ),
  );

  // The 2-D stack refits when the estimator settles (a bandwidth drag would refit every step).
  const stackBandwidth = useDebounced(bandwidth, 400);
  const key = planeOk ? `${dataset}|${seed}|${kind}|${stackBandwidth}|${rotation}` : null;
  const stackRequest = useMemo(
    () =>
      planeOk && key
        ? { key, plane: planeOk, kind, bandwidthFactor: stackBandwidth, rotation, seed, iteration }
        : null,
    [planeOk, key, kind, stackBandwidth, rotation, seed, iteration],
  );
  const stack = useStackIteration(client, stackRequest);
  const stackFrame = stack.value;
  const shownIteration = stackFrame?.iteration ?? 0;
  const backRequest = useMemo(
    () =>
      planeOk && stackFrame
        ? {
            key: stackFrame.key,
            iteration: stackFrame.iteration,
            view: planeOk.view,
            sampleCount: planeOk.points.length / 2,
            seed: seed + 1,
          }
        : null,
    [planeOk, stackFrame, seed],
  );
  // Stepping quickly (Play) asks only for the iteration it settles on.
  const back = useStackBack(client, useDebounced(backRequest, 250));
  const copula = useCopula(
    client,
    useMemo(
      () =>
        planeOk ? { plane: planeOk, kind, bandwidthFactor: stackBandwidth, seed: seed + 2 } : null,
      [planeOk, kind, stackBandwidth, seed],
    ),
  );

  const [mafNll, setMafNll] = useState<{ dataset: string; nll: number | null } | null>(null);
  useEffect(() => {
    let live = true;
    pagePresets.recordedNll(dataset, 'maf').then((nll) => live && setMafNll({ dataset, nll }));
    return () => {
      live = false;
    };
  }, [dataset]);

  const onIteration = useCallback((k: number) => setParam('iter', k), [setParam]);
  const error = oneD.error ?? stack.error ?? back.error ?? copula.error;
  const datasetLabel = planeOk?.label ?? dataset;

  return (
    <PanelFrame title="Gaussianization" className="panel-gaussianize">
      <p className="gauss-intro">
        KL divergence does not change under an invertible map, so fitting a flow is the same as
        making the pushed-back data look like N(0, I). Here that is done directly, one invertible
        step at a time, on the lab’s data set ({datasetLabel}).
      </p>
      {!client && <p className="muted">Waiting for the compute worker…</p>}
      {error && (
        <p className="gauss-error" role="alert">
          {error}
        </p>
      )}
      {'error' in plane && <p className="gauss-error">{plane.error} The 1-D toys still work.</p>}

      <Section title="1. One dimension: x → F̂(x) → u → z = Φ⁻¹(u)">
        <p className="muted">
          u = F(x) is uniform for the true CDF F, and Φ⁻¹(u) is then exactly N(0, 1). With an
          estimate F̂ the result is as Gaussian as F̂ is good: watch the Q–Q plot while you drag the
          bandwidth.
        </p>
        <OneDStages
          frame={oneD.value}
          sample={sample}
          source={source}
          datasetLabel={datasetLabel}
          kind={kind}
          bandwidthFactor={bandwidth}
          onSource={(s: GaussSource) => setParam('g1d', s)}
          onKind={(k: MarginalKind) => setParam('cdf', k)}
          onBandwidth={(b: number) => setParam('bw', b)}
        />
      </Section>

      {planeOk && (
        <Section title="2. Two dimensions: Gaussianize the marginals, rotate, repeat">
          <p className="muted">
            One iteration Gaussianizes each coordinate (a Gaussian-copula layer: the marginals
            become N(0, 1) while the joint visibly is not), then rotates, so that the next marginal
            step sees new directions. Rotations are orthogonal: |det Q| = 1.
          </p>
          <StackView
            frame={stackFrame}
            iteration={iteration}
            rotation={rotation}
            onRotation={(r: RotationKind) => setParam('rot', r)}
            onIteration={onIteration}
          />
          <p className="gauss-definition">
            <strong>Gaussianity measure</strong>: how far from N(0, I) the held-out points (drawn
            from the same data, never used to fit a layer) are after each iteration. KL does not
            change under an invertible map, so KL(T#p ‖ N(0, I)) = KL(p ‖ model) = held-out NLL −
            H(p): a cross-entropy minus an entropy, never below 0 (up to the ± standard error over
            the held-out points). H(p) is estimated once from k-nearest-neighbour distances of the
            standardised training data. The KL splits into the total correlation TC = Σᵢ H(pᵢ) − H(p)
            and the marginal non-Gaussianity Σᵢ KL(pᵢ ‖ N(0, 1)) (1-D k-NN entropies of the pushed
            held-out points): a rotation moves KL between the two; a marginal step removes the
            marginal part.
          </p>
          {kind === 'empirical' && (
            <p className="gauss-definition gauss-overfit">
              <strong>The empirical CDF overfits.</strong> It is a step function of the training
              points (here joined by straight lines), so each marginal step stretches the gaps
              between training points and squeezes the points together: iteration after iteration
              the Gaussianized training points collapse onto themselves and the stack’s density
              becomes spikes on them. Held-out points fall between the spikes, so the held-out NLL
              and the KL above rise instead of falling. Measured on the training points alone, the
              same estimate would fall far below 0, which no KL can. The smooth kernel CDF does
              not collapse.
            </p>
          )}
        </Section>
      )}

      {planeOk && (
        <Section title="3. Back again: the stack is invertible">
          <p className="muted">
            Sample z ~ N(0, I) and run it backwards: undo each rotation (Qᵀ) and each marginal step
            (x = F̂⁻¹(Φ(z)), by a monotone table and safeguarded Newton steps). The density follows
            by the change of variables, log p(x) = log N(T(x); 0, I) + Σ log|det ∂G|.
          </p>
          <BackView plane={planeOk} iteration={shownIteration} back={back.value} />
        </Section>
      )}

      {planeOk && (
        <Section title="4. The Gaussian copula: a one-layer, shallow flow">
          <p className="muted">
            Fit each marginal, then one correlation matrix R of the Gaussianized data: g(x) = N(z;
            0, R) / Πᵢ φ(zᵢ) · Πᵢ fᵢ(xᵢ), zᵢ = Φ⁻¹(Fᵢ(xᵢ)). It captures the marginals and linear
            dependence, and misses everything else: on the two moons its samples fill a blurred band
            instead of two crescents. Stacking layers (section 2) or a deep flow fixes that.
          </p>
          <CopulaView
            plane={planeOk}
            copula={copula.value}
            stackLogLikelihood={
              stackFrame ? (stackFrame.heldOutLogLikelihood[stackFrame.iteration] ?? null) : null
            }
            stackIteration={shownIteration}
            mafNll={mafNll && mafNll.dataset === dataset ? mafNll.nll : null}
          />
        </Section>
      )}
    </PanelFrame>
  );
}
