import { describe, expect, it } from 'vitest';
import { LIGHT_PLOT_STYLE, plotFont, plotStyleFrom } from '../../../src/viz/style';

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
      fontSize: 16,
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
});
