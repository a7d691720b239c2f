/**
 * The lint rule `flowlab/layers` (eslint/layer-boundaries.js): its table matches the one in
 * docs/contributing.md, and it catches a crossing at any folder depth, in every import form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerBoundaries } from '../../../eslint/layer-boundaries.js';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

/** The rows of the layer table in docs/contributing.md: folder → [values, types]. */
function documentedTable(): Map<string, [string[], string[]]> {
  const doc = readFileSync(path.join(ROOT, 'docs/contributing.md'), 'utf8');
  const rows = new Map<string, [string[], string[]]>();
  const list = (cell: string) =>
    cell.includes('nothing') || cell.trim() === '—'
      ? []
      : cell.split(',').map((s) => s.trim()).filter((s) => s !== '').sort();
  for (const line of doc.split('\n')) {
    const match = /^\| `src\/(\w+)`\s*\|[^|]*\|([^|]*)\|([^|]*)\|$/.exec(line);
    if (match) rows.set(match[1], [list(match[2]), list(match[3])]);
  }
  return rows;
}

function lint(file: string, code: string): string[] {
  const linter = new Linter({ cwd: ROOT });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser as Linter.Parser },
        plugins: { flowlab: layerBoundaries },
        rules: { 'flowlab/layers': ['error', { srcRoot: SRC }] },
      },
    ],
    path.join(SRC, file),
  );
  return messages.map((m) => m.message);
}

describe('layer boundaries', () => {
  it('the lint table is the table of docs/contributing.md', () => {
    const documented = documentedTable();
    expect([...documented.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
    for (const [layer, rule] of Object.entries(LAYERS)) {
      expect(documented.get(layer), layer).toEqual([[...rule.values].sort(), [...rule.types].sort()]);
    }
  });

  it('catches a value import across a forbidden boundary at any depth, in every form', () => {
    for (const file of ['state/x.ts', 'state/a/b/c/x.ts']) {
      const up = '../'.repeat(file.split('/').length - 1);
      expect(lint(file, `import { x } from '${up}content/tour';`), file).toHaveLength(1);
      expect(lint(file, `export { x } from '${up}app/x';`), file).toHaveLength(1);
      expect(lint(file, `export * from '${up}panels/x';`), file).toHaveLength(1);
      expect(lint(file, `const m = () => import('${up}viz/x');`), file).toHaveLength(1);
      expect(lint(file, `import { x } from '${up}compute/x';`), file).toHaveLength(1);
    }
    expect(lint('core/flow/x.ts', "import { y } from '../../state/url-schema';")[0]).toMatch(
      /core may not import state/,
    );
    expect(lint('panels/x.ts', 'const m = (name: string) => import(name);')[0]).toMatch(/string literal/);
  });

  it('lets allowed imports, type-only imports the table allows and the worker URL pass', () => {
    expect(lint('panels/steps/x.ts', "import { x } from '../../state/lab-store';")).toEqual([]);
    expect(lint('state/x.ts', "import type { X } from '../compute/lab/protocol';")).toEqual([]);
    expect(lint('state/x.ts', "import { type X } from '../compute/lab/protocol';")).toEqual([]);
    expect(lint('state/x.ts', "type M = typeof import('../compute/api');")).toEqual([]);
    expect(lint('app/x.ts', "import url from '../compute/worker.ts?worker&url';")).toEqual([]);
    expect(lint('main.tsx', "import { App } from './app/App';")).toEqual([]);
    // Types only where the table says so: viz may not even take types from state.
    expect(lint('viz/x.ts', "import type { X } from '../state/lab-store';")).toHaveLength(1);
    expect(lint('panels/x.ts', "import url from '../compute/worker.ts?worker&url';")).toHaveLength(1);
  });

  it('keeps packages in their layers, dynamic imports included', () => {
    expect(lint('panels/x.ts', "const tf = () => import('@tensorflow/tfjs-core');")).toHaveLength(1);
    expect(lint('state/x.ts', "import type { Tensor } from '@tensorflow/tfjs-core';")).toHaveLength(1);
    expect(lint('compute/x.ts', "import * as tf from '@tensorflow/tfjs-core';")).toEqual([]);
    expect(lint('core/x.ts', "import { scaleLinear } from 'd3-scale';")).toHaveLength(1);
    expect(lint('core/x.ts', "import { bisectLeft } from 'd3-array';")).toEqual([]);
    expect(lint('viz/x.ts', "import { scaleLinear } from 'd3-scale';")).toEqual([]);
    expect(lint('viz/x.ts', "import { useState } from 'react';")).toHaveLength(1);
  });
});
