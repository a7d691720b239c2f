// Lint rules, including the layer boundaries of docs/contributing.md:
//   core ← compute ← (worker)      core ← state ← panels ← app
//   core ← viz ← panels
// core is pure math; only compute imports @tensorflow/*; panels never call tfjs.
// The boundaries are one table in eslint/layer-boundaries.js (rule `flowlab/layers`): every
// import form (static, export-from, dynamic import(), import types) is resolved to a path and
// its source and target layers are checked, whatever the folder depth.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layerBoundaries } from './eslint/layer-boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public', 'bench', '.tsbuild'] },
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
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { flowlab: layerBoundaries },
    rules: { 'flowlab/layers': 'error' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded Rng (core/rng).' },
      ],
    },
  },
);
