import { describe, expect, it } from 'vitest';
import { familyName, familyPassesPerLayer, FLOW_FAMILIES } from '../../../../src/core/flow/family';
import { passesText } from '../../../../src/panels/density/format';

describe('passes per layer of each flow family', () => {
  it('MAF: density 1, sampling D; IAF: density D, sampling 1; coupling: 1 both ways, for every D', () => {
    for (const D of [2, 3, 8, 64]) {
      expect(familyPassesPerLayer('maf', 'density', D)).toBe(1);
      expect(familyPassesPerLayer('maf', 'sample', D)).toBe(D);
      expect(familyPassesPerLayer('iaf', 'density', D)).toBe(D);
      expect(familyPassesPerLayer('iaf', 'sample', D)).toBe(1);
      expect(familyPassesPerLayer('iaf', 'ownSampleDensity', D)).toBe(1);
      for (const op of ['density', 'sample', 'ownSampleDensity'] as const) expect(familyPassesPerLayer('coupling', op, D)).toBe(1);
    }
  });

  it('the lab text states the passes from the architecture', () => {
    expect(passesText('maf', 'density', 5)).toBe('one parallel pass per layer (5 in all)');
    expect(passesText('maf', 'sample', 5)).toBe('D = 2 sequential passes per layer (10 in all)');
    expect(passesText('iaf', 'density', 3, 4)).toBe('D = 4 sequential passes per layer (12 in all)');
    expect(passesText('coupling', 'density', 5)).toBe('one parallel pass per layer (5 in all)');
    expect(passesText('coupling', 'sample', 5)).toBe('one parallel pass per layer (5 in all)');
  });

  it('names every family', () => {
    expect(FLOW_FAMILIES.map(familyName)).toEqual(['MAF', 'IAF', 'Coupling']);
  });
});
