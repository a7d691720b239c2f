// The layer boundaries of docs/contributing.md as one local ESLint rule, `flowlab/layers`.
//
// Every import specifier of a file under src/ — static `import`, `export … from`, dynamic
// `import()` and TypeScript's `import('…')` types — is resolved to a path, so the rule does not
// depend on how deep a file sits. The source and target layers (the first folder under src/)
// are then looked up in LAYERS; packages are looked up in PACKAGES. Files directly in src/
// (main.tsx) belong to app. A dynamic import() whose specifier is not a string literal
// cannot be checked and is reported.
import path from 'node:path';

/**
 * What each layer may import besides itself: `values` for ordinary imports, `types` for
 * `import type` / `export type` only (erased at build time). Keep in step with the table in
 * docs/contributing.md (tests/unit/lint/layer-boundaries.test.ts compares them).
 */
export const LAYERS = {
  core: { values: [], types: [], job: 'core is pure math.' },
  compute: { values: ['core'], types: [], job: 'compute never touches the UI.' },
  state: { values: ['core'], types: ['compute'], job: 'state holds params and frames only.' },
  viz: { values: ['core'], types: [], job: 'viz draws data it is given.' },
  panels: {
    values: ['core', 'state', 'viz', 'content'],
    types: ['compute'],
    job: 'panels read the store and call viz.',
  },
  app: {
    values: ['core', 'state', 'viz', 'panels', 'content'],
    types: ['compute'],
    job: 'the page talks to compute through the worker client only.',
  },
  content: { values: ['core'], types: ['state'], job: 'content is data.' },
};

/**
 * Asset imports (a Vite `?…` query: a URL, not a module's values) allowed across layers: the
 * worker client gets the worker script's URL.
 */
export const ASSET_IMPORTS = { app: ['compute'] };

const TF = ['@tensorflow/*'];
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'];
const UI = [...REACT, 'katex', 'katex/*', 'd3-*'];
/** d3-array is plain arithmetic on arrays (ticks, quantiles, bisection): core may use it. */
const NOT_UI = ['d3-array'];

/** Packages a layer must not import (type imports included). */
export const PACKAGES = {
  core: { banned: [...TF, ...UI], message: 'core is pure math: no tfjs, no UI libraries.' },
  compute: { banned: UI, message: 'UI libraries do not belong in compute.' },
  state: { banned: TF, message: 'Only src/compute may import tfjs.' },
  viz: { banned: [...TF, ...REACT], message: 'viz is plain drawing functions: no tfjs, React or store.' },
  panels: { banned: TF, message: 'Only src/compute may import tfjs.' },
  app: { banned: TF, message: 'Only src/compute may import tfjs.' },
  content: { banned: [...TF, ...UI], message: 'content is data: no tfjs, no UI libraries.' },
};

const matches = (pattern, name) =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

/** The layer of an absolute path under srcRoot (files directly in src/ are app), else null. */
export function layerOf(file, srcRoot) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? 'app' : parts[0];
}

/**
 * The verdict on one specifier: null when allowed, else a message. `kind` is 'value',
 * 'type' or (for a relative specifier with a `?query`) 'asset'.
 */
export function checkImport(fromFile, specifier, kind, srcRoot) {
  const from = layerOf(fromFile, srcRoot);
  if (from === null || !(from in LAYERS)) return null;
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    const bans = PACKAGES[from];
    if (NOT_UI.includes(specifier) && !bans.banned.some((p) => p === specifier)) return null;
    return bans.banned.some((p) => matches(p, specifier)) ? `${specifier}: ${bans.message}` : null;
  }
  const bare = specifier.replace(/[?#].*$/, '');
  const target = path.resolve(path.dirname(fromFile), bare);
  const to = layerOf(target, srcRoot);
  if (to === null) return `${specifier} leaves src/: src imports only src.`;
  if (to === from) return null;
  const rule = LAYERS[from];
  if (rule.values.includes(to)) return null;
  if (kind === 'type' && rule.types.includes(to)) return null;
  if (kind === 'asset' && (ASSET_IMPORTS[from] ?? []).includes(to)) return null;
  const allowed = [...rule.values, ...rule.types.map((t) => `${t} (types)`)].join(', ') || 'nothing outside it';
  return `${from} may not import ${kind === 'type' ? 'types from ' : ''}${to} (${specifier}); ${from} may import ${allowed}. ${rule.job}`;
}

const isTypeOnlyImport = (node) =>
  node.importKind === 'type' ||
  (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

const isTypeOnlyExport = (node) =>
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.exportKind === 'type'));

const literalText = (node) => {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
};

/** `srcRoot` defaults to <cwd>/src; the option `{ srcRoot }` overrides it (tests). */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layer boundaries of docs/contributing.md, for every import form.' },
    schema: [{ type: 'object', properties: { srcRoot: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const srcRoot = path.resolve(context.options[0]?.srcRoot ?? path.join(context.cwd, 'src'));
    const file = path.resolve(context.filename);
    if (layerOf(file, srcRoot) === null) return {};
    const check = (node, specifier, kind) => {
      const assetKind = kind === 'value' && specifier.startsWith('.') && specifier.includes('?') ? 'asset' : kind;
      const message = checkImport(file, specifier, assetKind, srcRoot);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, isTypeOnlyImport(node) ? 'type' : 'value'),
      ExportNamedDeclaration: (node) => {
        if (node.source) check(node.source, node.source.value, isTypeOnlyExport(node) ? 'type' : 'value');
      },
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type' ? 'type' : 'value'),
      ImportExpression: (node) => {
        const specifier = literalText(node.source);
        if (specifier === null) {
          context.report({ node, message: 'import() needs a string literal, so that its layer can be checked.' });
        } else {
          check(node.source, specifier, 'value');
        }
      },
      TSImportType: (node) => {
        const specifier = literalText(node.source ?? node.argument?.literal);
        if (specifier !== null) check(node, specifier, 'type');
      },
    };
  },
};

/** The plugin object for eslint.config.js: `plugins: { flowlab: layerBoundaries }`. */
export const layerBoundaries = { meta: { name: 'flowlab-layers' }, rules: { layers: layersRule } };
