/** The default model of the benchmarks (core/flow/config.ts: 12 layers, 2×32 hidden; batch 512) with its trainer on 8gaussians. */
import { TfFlow } from '../../src/compute/flow/tf-flow';
import { FlowTrainer } from '../../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../../src/core/flow/config';
import { initFlowWeights } from '../../src/core/flow/init';
import { datasetSource, type DatasetSource } from '../../src/core/datasets';

export interface DefaultModel {
  model: TfFlow;
  trainer: FlowTrainer;
  source: DatasetSource;
  dispose(): void;
}

export function defaultModel(flow: FlowKind): DefaultModel {
  const model = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG));
  const source = datasetSource('8gaussians', null);
  const trainer = new FlowTrainer(
    model,
    flow,
    { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) },
    { learningRate: 1e-3, batchSize: 512, clipNorm: 10, seed: 1 },
  );
  return {
    model,
    trainer,
    source,
    dispose: () => {
      trainer.dispose();
      model.dispose();
    },
  };
}
