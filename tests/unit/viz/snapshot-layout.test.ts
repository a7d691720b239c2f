import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_SIDE, snapshotFileName, snapshotLayout } from '../../../src/viz/snapshot-layout';

describe('snapshot layout', () => {
  it('places boxes relative to the panel at the given scale, clipping and dropping', () => {
    const panel = { left: 100, top: 50, width: 400, height: 300 };
    const layout = snapshotLayout(
      panel,
      [
        { left: 110, top: 60, width: 100, height: 100 }, // inside
        { left: 450, top: 300, width: 100, height: 100 }, // clipped at the corner
        { left: 600, top: 60, width: 10, height: 10 }, // outside: dropped
        { left: 120, top: 70, width: 0, height: 20 }, // empty: dropped
      ],
      2,
    );
    expect(layout.width).toBe(800);
    expect(layout.height).toBe(600);
    expect(layout.boxes).toEqual([
      { index: 0, x: 20, y: 20, width: 200, height: 200 },
      { index: 1, x: 700, y: 500, width: 100, height: 100 },
    ]);
  });

  it('caps the longest side and ignores unusable scales', () => {
    const huge = snapshotLayout({ left: 0, top: 0, width: 6000, height: 100 }, [], 3);
    expect(huge.width).toBe(MAX_SNAPSHOT_SIDE);
    expect(snapshotLayout({ left: 0, top: 0, width: 10, height: 10 }, [], Number.NaN).width).toBe(10);
  });

  it('names files from titles', () => {
    expect(snapshotFileName('Density lab')).toBe('flow-lab-density-lab.png');
    expect(snapshotFileName('Step by step: MAF versus IAF')).toBe('flow-lab-step-by-step-maf-versus-iaf.png');
    expect(snapshotFileName('<>')).toBe('flow-lab-panel.png');
  });
});
