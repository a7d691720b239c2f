import { it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { marginalSpec } from '../../../../src/compute/gaussianize/marginal-spec';
import { gaussianizeTableTf } from '../../../../src/compute/gaussianize/tf-table';
import { createRng } from '../../../../src/core/rng';
import { sampleToy } from '../../../../src/core/toy/toy-datasets';
import { fitRbig, rbigForward } from '../../../../src/core/gaussianize/rbig';
import { gaussianizeValue } from '../../../../src/core/gaussianize/marginal-gaussianization';
it('dbg', async () => {
  await tf.setBackend('cpu');
  const data = sampleToy('moons', 1000, createRng(1));
  const model = fitRbig(data, { iterations: 5, rotation: 'random', marginal: { kind: 'empirical' } }, createRng(2));
  const probes = sampleToy('moons', 300, createRng(3));
  for (let k = 0; k < 5; k++) {
    const input = rbigForward(model, probes, k).z.data;
    for (let d = 0; d < 2; d++) {
      const cdf = model.layers[k].marginal.marginals[d];
      const spec = marginalSpec(cdf);
      const px = Float32Array.from({ length: 300 }, (_, i) => input[2 * i + d]);
      const z = tf.tidy(() => gaussianizeTableTf(spec, tf.tensor1d(px)).z).dataSync();
      let worst = 0, wi = 0;
      px.forEach((x, i) => { const e = Math.abs(z[i] - gaussianizeValue(cdf, x)); if (e > worst) { worst = e; wi = i; } });
      const t = spec.table;
      const j = t.x.findIndex((v) => v > px[wi]) - 1;
      console.log(k, d, worst, px[wi], z[wi], gaussianizeValue(cdf, px[wi]), j, t.x.length, t.x[0], t.x[t.x.length-1], t.z[0], t.z[t.z.length - 1]);
    }
  }
});
