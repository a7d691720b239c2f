import { describe, expect, it } from 'vitest';
import { compareEntries, entryName, entryPasses, klGapText, nllText } from '../../../../src/panels/density/compare-rows';

describe('comparison view rows', () => {
  it('lists MAF, IAF and coupling, and their spline versions when the spline is chosen', () => {
    expect(compareEntries('affine').map(entryName)).toEqual(['MAF', 'IAF', 'Coupling']);
    expect(compareEntries('spline').map(entryName)).toEqual(['MAF', 'IAF', 'Coupling', 'MAF spline', 'IAF spline', 'Coupling spline']);
  });

  it('counts the passes of the whole flow from the architecture', () => {
    const [maf, iaf, coupling] = compareEntries('affine');
    expect(entryPasses(maf, 5)).toEqual({ density: 5, sample: 10 });
    expect(entryPasses(iaf, 5)).toEqual({ density: 10, sample: 5 });
    expect(entryPasses(coupling, 5)).toEqual({ density: 5, sample: 5 });
    expect(entryPasses(maf, 3, 8)).toEqual({ density: 3, sample: 24 });
    expect(entryPasses(coupling, 3, 8)).toEqual({ density: 3, sample: 3 });
  });

  it('writes the KL gap as NLL − H(p) with the NLL’s standard error, and no number without a floor', () => {
    expect(klGapText({ heldOutNll: 2.98, heldOutNllSe: 0.031, entropyFloor: 2.8319 })).toBe('0.15 ± 0.03');
    expect(klGapText({ heldOutNll: 2.98, heldOutNllSe: 0.031, entropyFloor: null })).toBe('–');
    expect(klGapText({ heldOutNll: Number.NaN, heldOutNllSe: 0.031, entropyFloor: 2.8 })).toBe('–');
    expect(nllText({ heldOutNll: 2.98, heldOutNllSe: 0.031 })).toBe('2.98 ± 0.03');
    expect(nllText({ heldOutNll: Number.POSITIVE_INFINITY, heldOutNllSe: 0 })).toBe('–');
  });
});
