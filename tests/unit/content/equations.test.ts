import { describe, expect, it } from 'vitest';
import { ReferenceFlow } from '../../../src/core/flow/reference-flow';
import { traceFlow } from '../../../src/core/flow/trace';
import {
  densityRuleTex,
  layerLogDetTex,
  logDensityTermsTex,
  num,
  ruleTex,
  updateTex,
  type EquationContext,
} from '../../../src/content/equations';
import { randomFlowWeights } from '../core/flow/fixtures';

/** The 4-decimal numbers of a TeX line, with the sign of a "- 1.2345" term. */
const numbers = (tex: string) =>
  [...tex.matchAll(/(?:-\s?)?\d+\.\d{4}/g)].map((m) => Number(m[0].replace(/\s/g, '')));

describe('equations with live numbers', () => {
  const weights = randomFlowWeights({ dim: 3, layers: 1, seed: 4 });

  for (const kind of ['maf', 'iaf'] as const) {
    for (const direction of ['sample', 'invert'] as const) {
      it(`${kind.toUpperCase()} ${direction}: each update shows the trace's value and its substituted numbers reproduce it`, () => {
        const point = [0.7, -1.3, 0.4];
        const trace = traceFlow(
          new ReferenceFlow(weights, kind),
          direction === 'sample' ? 'sample' : 'density',
          point,
        );
        const layer = trace.layers[0];
        const ctx: EquationContext = {
          kind,
          direction,
          layer,
          input: direction === 'sample' ? 'z' : 'x',
          output: direction === 'sample' ? 'x' : 'z',
        };
        expect(ruleTex(ctx)).toContain(
          layer.direction === 'sequential' ? 'e^{\\alpha_i' : 'e^{-\\alpha_i',
        );
        for (const step of layer.steps) {
          step.variables.forEach((i, j) => {
            const tex = updateTex(ctx, step, j);
            // Sequential: in·e^{α} + μ; parallel: (in − μ)·e^{−α}, numbers in the order shown.
            const shown = numbers(tex);
            const [inValue, exponent, shift, value] =
              layer.direction === 'sequential' ? shown : [shown[0], shown[2], shown[1], shown[3]];
            expect(value).toBe(Number(num(layer.output[i])));
            expect(inValue).toBe(Number(num(point[i])));
            const recomputed =
              layer.direction === 'sequential'
                ? inValue * Math.exp(exponent) + shift
                : (inValue + shift) * Math.exp(exponent);
            expect(Math.abs(recomputed - value)).toBeLessThan(2e-3);
          });
        }
        const { tex, sum } = logDensityTermsTex(ctx, layer.steps.length);
        expect(sum).toBeCloseTo(trace.logProb, 12);
        expect(numbers(tex).at(-1)).toBe(Number(num(trace.logProb)));
        expect(logDensityTermsTex(ctx, 0).tex).toBe('\\log p(x) = \\cdots');
        expect(layerLogDetTex(ctx, layer.steps.length, 1)).toMatch(
          new RegExp(`= ${num(layer.logDet)}$`),
        );
      });
    }
  }

  it('writes log p(x) with −Σα for a MAF and +Σα for an IAF (the same network run the other way)', () => {
    expect(densityRuleTex('maf')).toContain('- \\sum_i \\alpha_i(x_{<i})');
    expect(densityRuleTex('iaf')).toContain('+ \\sum_i \\alpha_i(z_{<i})');
    expect(num(-0.00001)).toBe('0.0000');
  });
});
