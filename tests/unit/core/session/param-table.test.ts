import { describe, expect, it } from 'vitest';
import { paramChanges, paramsOf, type ParamTable } from '../../../../src/core/session/param-table';
import { DISTILL_PARAM_TABLE, LAB_PARAM_TABLE } from '../../../../src/core/session/session-params';

interface P {
  lr: number;
  layers: number;
  data: string;
}
const table: ParamTable<P> = { lr: 'live', layers: 'rebuild', data: 'rebuild' };
const base: P = { lr: 1e-3, layers: 4, data: 'moons' };

describe('param tables', () => {
  it('sorts changed params by effect; nothing built yet means a full rebuild', () => {
    expect(paramChanges(table, null, base)).toEqual({ rebuild: ['lr', 'layers', 'data'], live: [] });
    expect(paramChanges(table, base, { ...base })).toEqual({ rebuild: [], live: [] });
    expect(paramChanges(table, base, { ...base, lr: 3e-3 })).toEqual({ rebuild: [], live: ['lr'] });
    expect(paramChanges(table, base, { ...base, lr: 3e-3, data: 'rings' })).toEqual({ rebuild: ['data'], live: ['lr'] });
    // NaN equals itself (Object.is): a NaN param is not a change every time.
    expect(paramChanges({ x: 'live' }, { x: Number.NaN }, { x: Number.NaN })).toEqual({ rebuild: [], live: [] });
  });

  it('declares learning rate and batch size live and the model-defining params rebuild, in lab and distillation', () => {
    expect(paramsOf(LAB_PARAM_TABLE, 'live').sort()).toEqual(['batchSize', 'learningRate']);
    expect(paramsOf(DISTILL_PARAM_TABLE, 'live').sort()).toEqual(['batchSize', 'learningRate']);
    expect(paramsOf(LAB_PARAM_TABLE, 'rebuild').sort()).toEqual(['dataset', 'flow', 'hidden', 'layers', 'seed', 'transform']);
    expect(paramsOf(DISTILL_PARAM_TABLE, 'rebuild')).toEqual(
      expect.arrayContaining(['dataset', 'direction', 'warmStart', 'seed', 'teacherText']),
    );
  });
});
