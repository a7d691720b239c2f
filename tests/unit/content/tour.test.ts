import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { TOUR_LENGTH, TOUR_STEPS, tourPosition } from '../../../src/content/tour';
import { isValidParam } from '../../../src/state/lab-store';
import { PANEL_IDS, URL_SCHEMA, type UrlKey, type UrlState } from '../../../src/state/url-schema';
import { AVAILABLE_PANELS, tourPatch } from '../../../src/app/tour/tour-nav';

/**
 * The lecture's order (../shared/LECTURE.md: claims 1–3, 4–5, 6–9, 10, 11–15, 16, 17–19, 20–21, 22, 23),
 * with one step beyond the lecture after the trade-off: coupling layers, "can we have both?".
 */
const LECTURE = [
  'autoregressive',
  'maf-sampling',
  'maf-density',
  'iaf',
  'tradeoffs',
  'both',
  'distillation',
  'discrete',
  'masked-convolutions',
  'gaussianization',
  'copula',
  'rbig',
];

/**
 * The URL params each panel reads (besides `panel`): a step that sets a key its panel does not
 * read does nothing on arrival (the trade-off step once set `dim` on the cost panel, which
 * reads `dims`).
 */
const PANEL_READS: Record<string, readonly UrlKey[]> = {
  density: ['dataset', 'flow', 'transform', 'view', 'layers', 'hidden', 'lr', 'batch', 'seed', 'contours'],
  steps: ['flow', 'dim', 'direction'],
  distill: ['dataset', 'kl', 'warm', 'seed'],
  cost: ['dims'],
  discrete: ['seed'],
  conv: ['image', 'size'],
  gaussianize: ['dataset', 'g1d', 'cdf', 'bw', 'rot', 'iter'],
};

describe('guided tour steps', () => {
  it('follow the lecture in order, one step per topic', () => {
    expect(TOUR_STEPS.map((s) => s.id)).toEqual(LECTURE);
    expect(TOUR_LENGTH).toBe(LECTURE.length);
    expect(URL_SCHEMA.tour.max).toBe(TOUR_LENGTH);
    expect(tourPosition(3)).toBe(`Step 3 of ${TOUR_LENGTH}`);
  });

  it('have equations KaTeX renders without error', () => {
    for (const step of TOUR_STEPS) {
      expect(() =>
        katex.renderToString(step.equation, { throwOnError: true, displayMode: true }),
      ).not.toThrow();
      expect(step.text.length).toBeGreaterThan(40);
      expect(step.say.length).toBeGreaterThan(40);
    }
  });

  it('set only params the URL schema accepts', () => {
    for (const step of TOUR_STEPS) {
      for (const [key, value] of Object.entries(step.view.state)) {
        expect(isValidParam(key as UrlKey, value as never), `${step.id}: ${key}`).toBe(true);
      }
      for (const key of Object.keys(step.view.state)) {
        expect(PANEL_READS[step.view.panel], `${step.id}: ${key} on ${step.view.panel}`).toContain(key);
      }
      // Every step shows a panel of this build.
      expect(AVAILABLE_PANELS as readonly string[], step.id).toContain(step.view.panel);
      expect(PANEL_IDS as readonly string[], step.id).toContain(step.view.panel);
    }
  });

  it('patch the store with the step number, its panel and its state', () => {
    for (let index = 1; index <= TOUR_LENGTH; index++) {
      const patch = tourPatch(index) as Partial<UrlState>;
      const view = TOUR_STEPS[index - 1].view;
      expect(patch.tour).toBe(index);
      expect(patch.panel).toBe(view.panel);
      for (const [key, value] of Object.entries(view.state)) {
        expect(patch[key as UrlKey]).toEqual(value);
      }
    }
    expect(tourPatch(0)).toEqual({});
    expect(tourPatch(TOUR_LENGTH + 1)).toEqual({});
  });
});
