/**
 * The fused WebGPU layouts (src/compute/webgpu/layout.ts): θ packs TfFlow.variables() in
 * order, the masks line up with θ, and the workspace columns of a row never overlap; the
 * float64 IAF gradient reference (core/flow/iaf-gradient.ts) uses the same θ and masks.
 * (The WGSL itself is checked against the CPU backend in tests/e2e/webgpu-fused.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { madeMasks } from '../../../../src/core/flow/made';
import { baseColumn, fusedLayout, packMasks } from '../../../../src/compute/webgpu/layout';
import { flatParameters, iafModel } from '../../../../src/core/flow/iaf-gradient';

describe('fused WebGPU layout', () => {
  for (const [dim, hidden] of [[2, [64, 64]], [3, [16]], [5, [8, 12, 10]]] as const) {
    it(`θ follows TfFlow.variables() (D = ${dim}, hidden ${hidden.join('×')})`, async () => {
      await tf.setBackend('cpu');
      const config = { ...DEFAULT_FLOW_CONFIG, dim, hidden: [...hidden], layers: 3 };
      const weights = initFlowWeights(config);
      const flow = new TfFlow(weights);
      const layout = fusedLayout(dim, 3, hidden);
      const vars = flow.variables();
      expect(layout.paramCount).toBe(vars.reduce((a, v) => a + v.size, 0));
      // Offsets in θ: W_l then b_l, layer after layer, as the variables come.
      const offsets: number[] = [];
      let at = 0;
      for (const v of vars) {
        offsets.push(at);
        at += v.size;
      }
      const slots = layout.dense.flat();
      expect(slots.flatMap((s) => [s.wOff, s.bOff])).toEqual(offsets);
      expect(slots.flatMap((s) => [[s.din, s.dout], [s.dout]])).toEqual(vars.map((v) => v.shape));
      // Masks packed like θ: each layer's MADE masks at its weights, 1 at the biases.
      const masks = weights.layers.map((l) => {
        const m = madeMasks(l.structure, 2);
        return [...m.hidden, m.output];
      });
      const packed = packMasks(layout, masks);
      layout.dense.forEach((layerSlots, k) =>
        layerSlots.forEach((s, l) => {
          expect(Array.from(packed.subarray(s.wOff, s.bOff))).toEqual(Array.from(masks[k][l]));
          expect(packed.subarray(s.bOff, s.bOff + s.dout).every((x) => x === 1)).toBe(true);
        }),
      );
      // The float64 IAF gradient reference reads the same θ, with the same masks at the same offsets.
      const flat = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1]))));
      const theta = await flat.data();
      flat.dispose();
      expect(Array.from(flatParameters(weights))).toEqual(Array.from(theta));
      const model = iafModel(weights);
      expect(model.paramCount).toBe(layout.paramCount);
      model.layers.forEach((refSlots, k) =>
        refSlots.forEach((r, l) => {
          const s = layout.dense[k][l];
          expect([r.din, r.dout, r.wOff, r.bOff]).toEqual([s.din, s.dout, s.wOff, s.bOff]);
          expect(Array.from(packed.subarray(s.wOff, s.bOff))).toEqual(Array.from(r.mask));
        }),
      );
      flow.dispose();
    });

    it(`workspace columns are disjoint and fill the row (D = ${dim})`, () => {
      const layout = fusedLayout(dim, 3, hidden);
      const used = new Array<number>(layout.rowLength).fill(0);
      const mark = (from: number, count: number) => {
        for (let c = from; c < from + count; c++) used[c]++;
      };
      layout.dense.forEach((slots, k) => {
        mark(layout.inputCol[k], dim);
        for (const s of slots) {
          mark(s.outCol, s.dout);
          mark(s.gCol, s.dout);
          // A dense layer reads the previous one's output (or the layer input).
          expect(s.inCol === layout.inputCol[k] || slots.some((p) => p.outCol === s.inCol)).toBe(true);
        }
      });
      mark(layout.zCol, dim);
      mark(layout.logDetCol, 1);
      mark(layout.logProbCol, 1);
      expect(used.every((n) => n === 1)).toBe(true);
      // x → z: z is the chain's end for the MAF, its start (layer 0's input) for the IAF.
      expect(baseColumn(layout, 'maf')).toBe(layout.zCol);
      expect(baseColumn(layout, 'iaf')).toBe(layout.inputCol[0]);
    });
  }
});
