/** docs/url-parameters.md, generated from the URL schema (`npm run docs:url` writes it). */
import { DATASET_IDS, datasetLabel } from '../core/datasets';
import { ENERGY_INFO, isEnergyName } from '../core/toy/energy';
import { TOY_INFO, isToyName } from '../core/toy/toy-datasets';
import { URL_KEYS, URL_SCHEMA } from './url-schema';
import { dependentDefaultText, isDependentKey } from './url-defaults';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

function defaultText(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(',') : '(none)';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value === '') return '(none)';
  return String(value);
}

function datasetDescription(id: string): string {
  if (isToyName(id)) return TOY_INFO[id].description;
  if (isEnergyName(id)) return `Energy target p ∝ exp(−U). ${ENERGY_INFO[id].description}`;
  return 'Points drawn on the plot (not stored in the URL).';
}

export function urlParametersMarkdown(): string {
  const rows = URL_KEYS.map((key) => {
    const spec = URL_SCHEMA[key];
    const fallback = isDependentKey(key) ? dependentDefaultText(key) : defaultText(spec.default);
    return `| \`${key}\` | ${spec.kind} | ${escapeCell(spec.range)} | \`${fallback}\` | ${escapeCell(spec.description)} |`;
  });
  return [
    '# URL parameters',
    '',
    '<!-- Generated from src/state/url-schema.ts by `npm run docs:url`; do not edit by hand. -->',
    '',
    'Every setting that changes what Flow Lab shows lives in the address, so a copied link',
    'reproduces the same view, data set and seed. Only values that differ from the default are',
    'written. Unknown parameters are ignored; a value that is malformed or out of range falls',
    'back to the default, and the page names it in a small notice ("Ignored invalid URL',
    'parameters: …"). When a parameter repeats, its last value counts.',
    '',
    '| Parameter | Type | Values | Default | Meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Data sets',
    '',
    '| `dataset` | Label | What it is |',
    '| --- | --- | --- |',
    ...DATASET_IDS.map(
      (id) =>
        `| \`${id}\` | ${escapeCell(datasetLabel(id))} | ${escapeCell(datasetDescription(id))} |`,
    ),
    '',
    '## Examples',
    '',
    '- `?dataset=moons&flow=iaf&seed=7`: two moons, an inverse autoregressive flow, seed 7.',
    '- `?dataset=checkerboard&layers=10&hidden=128&contours=1`: a bigger MAF with contour lines.',
    '- `?embed=1&panel=density&hide=hyperparameters,share`: the density panel alone, for an',
    '  `<iframe>`, without the hyperparameter inputs and the Share button.',
    '',
    'An embedding snippet (the Share dialog writes one for the current view):',
    '',
    '```html',
    '<iframe src="https://example.org/flow-lab/?embed=1&panel=density&dataset=moons"',
    '        width="480" height="360" title="Flow Lab: density" sandbox="allow-scripts"></iframe>',
    '```',
    '',
  ].join('\n');
}
