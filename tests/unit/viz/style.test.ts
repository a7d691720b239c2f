import { describe, expect, it } from 'vitest';
import { LIGHT_PLOT_STYLE, SERIES_COUNT, plotFont, plotStyleFrom, seriesColor, seriesVariable } from '../../../src/viz/style';

describe('plotStyleFrom', () => {
  it('reads every colour and the type size from the CSS variables', () => {
    const variables: Record<string, string> = {
      '--color-plot-bg': ' #0d1117',
      '--color-plot-text': '#e8ebf0',
      '--color-plot-muted': '#a9b2c0',
      '--color-plot-grid': '#2b3340',
      '--color-plot-frame': '#465063',
      '--color-data': '#56b4e9',
      '--color-model': '#f08a4b',
      '--color-plot-line': '#8fb0ff',
      '--plot-font-size': ' 16px',
      '--plot-font-min': '16px',
      '--color-series-1': '#56b4e9',
      '--color-series-2': ' #f08a4b',
      '--color-series-4': '#e7a3cf',
      '--font-ui': 'system-ui, sans-serif',
    };
    expect(plotStyleFrom((name) => variables[name] ?? '')).toEqual({
      background: '#0d1117',
      text: '#e8ebf0',
      muted: '#a9b2c0',
      grid: '#2b3340',
      frame: '#465063',
      data: '#56b4e9',
      model: '#f08a4b',
      line: '#8fb0ff',
      // Series 3, 5, 6 and 7 are missing: the light theme's.
      series: ['#56b4e9', '#f08a4b', LIGHT_PLOT_STYLE.series[2], '#e7a3cf', ...LIGHT_PLOT_STYLE.series.slice(4)],
      fontSize: 16,
      minFontSize: 16,
      fontFamily: 'system-ui, sans-serif',
    });
  });

  it('falls back to the light theme for missing variables and an unusable type size', () => {
    expect(plotStyleFrom(() => '')).toEqual(LIGHT_PLOT_STYLE);
    for (const size of ['calc(11px * 1.25)', '3px', '400px', 'large'])
      expect(plotStyleFrom((name) => (name === '--plot-font-size' ? size : '')).fontSize).toBe(LIGHT_PLOT_STYLE.fontSize);
  });

  it('builds canvas font strings at the style size', () => {
    const style = { ...LIGHT_PLOT_STYLE, fontSize: 16, fontFamily: 'serif' };
    expect(plotFont(style)).toBe('16px serif');
    expect(plotFont(style, 0.9, '600')).toBe('600 14.4px serif');
  });

  it('never makes small print smaller than the theme’s minimum', () => {
    const projector = { ...LIGHT_PLOT_STYLE, fontSize: 16, minFontSize: 16, fontFamily: 'serif' };
    expect(plotFont(projector, 0.9)).toBe('16px serif');
    expect(plotFont(projector, 1.25)).toBe('20px serif');
  });

  it('repeats the series colours after the last', () => {
    expect(seriesColor(LIGHT_PLOT_STYLE, 0)).toBe(LIGHT_PLOT_STYLE.series[0]);
    expect(LIGHT_PLOT_STYLE.series).toHaveLength(SERIES_COUNT);
    expect(seriesColor(LIGHT_PLOT_STYLE, SERIES_COUNT + 1)).toBe(LIGHT_PLOT_STYLE.series[1]);
    expect(seriesVariable(SERIES_COUNT)).toBe('--color-series-1');
  });
});
