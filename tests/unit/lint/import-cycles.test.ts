/**
 * No circles between the files of src/: a test that walks the import graph (static imports,
 * export-from, dynamic import() and import types) and fails on any cycle, printing it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, importsOf } from '../../support/import-graph';

const SRC = path.resolve(__dirname, '../../../src');
const short = (file: string) => path.relative(SRC, file);

describe('import graph of src/', () => {
  const { graph, unresolved } = importGraph(SRC);

  it('resolves every relative import', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(unresolved).toEqual([]);
  });

  it('has no cycle, counting type-only imports too', () => {
    const edges = new Map([...graph].map(([file, list]) => [file, list.map((e) => e.to)]));
    const cycles = findCycles(edges).map((cycle) => cycle.map(short).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('the walker sees every import form and the cycle finder finds a planted circle', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import { type C } from './c';",
      "export { d } from './d';",
      "export * from './e';",
      "const f = () => import('./f');",
      "type G = typeof import('./g');",
      "import x from 'some-package';",
    ].join('\n');
    expect(importsOf('/src/x/file.ts', text)).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: '../b', typeOnly: true },
      { specifier: './c', typeOnly: true },
      { specifier: './d', typeOnly: false },
      { specifier: './e', typeOnly: false },
      { specifier: './f', typeOnly: false },
      { specifier: './g', typeOnly: true },
    ]);
    const planted = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(planted).map((c) => c.join(' → ')).sort()).toEqual(['a → b → c → a', 'e → e']);
  });
});
