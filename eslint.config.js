// Lint rules, including the layer boundaries of docs/contributing.md:
//   core ← compute ← (worker)      core ← state ← panels ← app
//   core ← viz ← panels
// core is pure math; only compute imports @tensorflow/*; panels never call tfjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TF = { group: ['@tensorflow/*'], message: 'Only src/compute may import tfjs.' };
const UI = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'katex', 'd3-*'],
  message: 'UI libraries do not belong in this layer.',
};
const layer = (names, message) => ({
  group: names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../${n}`, `../../${n}/*`]),
  message,
  allowTypeImports: true,
});

/** One no-restricted-imports rule per folder; type-only imports across layers are allowed. */
const boundary = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public', 'bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'isFinite', message: 'Use Number.isFinite.' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary(
    ['src/core/**'],
    [
      TF,
      UI,
      layer(['compute', 'state', 'viz', 'panels', 'app', 'content'], 'core is pure math.'),
    ],
  ),
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded Rng (core/rng).' },
      ],
    },
  },
  boundary(
    ['src/compute/**'],
    [UI, layer(['state', 'viz', 'panels', 'app', 'content'], 'compute never touches the UI.')],
  ),
  boundary(
    ['src/viz/**'],
    [
      TF,
      { group: ['react', 'react-dom', 'zustand', 'zustand/*'], message: 'viz is plain drawing functions.' },
      layer(['compute', 'state', 'panels', 'app'], 'viz draws data it is given.'),
    ],
  ),
  boundary(
    ['src/state/**'],
    [TF, layer(['compute', 'viz', 'panels', 'app'], 'state holds params and frames only.')],
  ),
  boundary(['src/panels/**'], [TF, layer(['compute', 'app'], 'panels read the store and call viz.')]),
  boundary(['src/app/**'], [TF, layer(['compute'], 'the page talks to compute through the worker client only.')]),
  boundary(['src/content/**'], [TF, UI, layer(['compute', 'state', 'viz', 'panels', 'app'], 'content is data.')]),
);
