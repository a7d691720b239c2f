/**
 * The sequential chain with the implicit gradient (implicit-sequential.ts, what TfFlow.sequential
 * runs for affine layers) against the same chain run layer by layer and differentiated by tfjs
 * autodiff through every one of the D passes: equal values and equal gradients with respect to
 * the input and every weight and bias, D = 2, 3, 5, both activations, both orders, on the CPU
 * and WASM backends; the IAF's maximum-likelihood loss and its gradient; no leaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { createRng } from '../../../../src/core/rng';
import { randomFlowWeights } from '../../core/flow/fixtures';
import { expectSameMaps, probe } from './map-check';

const flows: TfFlow[] = [];
afterAll(async () => {
  flows.forEach((f) => f.dispose());
  await tf.setBackend('cpu');
});

describe('sequential chain with the implicit gradient', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    describe(backend, () => {
      beforeAll(async () => {
        expect(await tf.setBackend(backend)).toBe(true);
      });
      for (const [dim, activation, order, layers] of [
        [2, 'relu', 'alternate', 3],
        [3, 'tanh', 'alternate', 2],
        [5, 'relu', 'random', 2],
      ] as const) {
        it(`D=${dim}, ${activation}, ${order} order, ${layers} layers: values and gradients match autodiff through the passes`, async () => {
          const flow = new TfFlow(randomFlowWeights({ dim, activation, order, layers, seed: 60 + dim }), true);
          flows.push(flow);
          const { v, loss, dispose } = probe(24, dim, createRng(dim + 7));
          // keepPath runs the layers' own sequential() one by one: the definition, differentiated by the tape.
          await expectSameMaps((x) => flow.sequential(x), (x) => flow.sequential(x, true), v, loss, flow.variables());
          // ∂loss/∂w: λ of the top layer.
          const [gi, gc] = tf.tidy(() => [
            tf.grad((x: tf.Tensor) => loss(flow.sequential(x as tf.Tensor2D)))(v),
            tf.grad((x: tf.Tensor) => loss(flow.sequential(x as tf.Tensor2D, true)))(v),
          ]);
          const a = await gi!.data();
          const b = await gc!.data();
          const scale = Math.max(1, ...Array.from(b, Math.abs));
          expect(Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!))) / scale).toBeLessThan(1e-5);
          tf.dispose([gi!, gc!]);
          dispose();
        });
      }

      it('an IAF trained by maximum likelihood gets the gradient of its mean log-likelihood; repeated steps keep the tensor count flat', async () => {
        const flow = new TfFlow(randomFlowWeights({ dim: 2, layers: 4, seed: 91 }), true);
        flows.push(flow);
        const { v, dispose } = probe(32, 2, createRng(3));
        const nll = (keepPath: boolean) => () => {
          // log p(x) = log N(z) + log|det ∂z/∂x| with z = S(x), as TfFlow.logProb for an IAF.
          const r = flow.sequential(v, keepPath);
          return tf.neg(tf.mean(tf.add(tf.sub(tf.mul(tf.sum(tf.square(r.out), 1), -0.5), Math.log(2 * Math.PI)), r.logDet))) as tf.Scalar;
        };
        const vars = flow.variables();
        const before = tf.memory().numTensors;
        for (let round = 0; round < 3; round++) {
          const a = tf.variableGrads(nll(false), vars);
          const b = tf.variableGrads(nll(true), vars);
          expect(Math.abs((await a.value.data())[0]! - (await b.value.data())[0]!)).toBeLessThan(1e-5);
          for (const p of vars) {
            const x = await a.grads[p.name]!.data();
            const y = await b.grads[p.name]!.data();
            const scale = Math.max(1, ...Array.from(y, Math.abs));
            expect(Math.max(...Array.from(x, (q, i) => Math.abs(q - y[i]!))) / scale, p.name).toBeLessThan(1e-5);
          }
          tf.dispose([a.value, b.value, ...Object.values(a.grads), ...Object.values(b.grads)]);
          expect(tf.memory().numTensors).toBe(before);
        }
        // Without a tape: the forward alone, the same values.
        const [plain, composed] = tf.tidy(() => [flow.sequential(v).out, flow.sequential(v, true).out]);
        const p = await plain!.data();
        const c = await composed!.data();
        expect(Math.max(...Array.from(p, (x, i) => Math.abs(x - c[i]!)))).toBeLessThan(1e-5);
        tf.dispose([plain!, composed!]);
        dispose();
      });
    });
  }
});
