/**
 * No dead exports in src/: every function, class or constant a src file exports is imported
 * by some file of src/, scripts/ or tests/ (a test counts as an importer: a helper exported
 * for its test, such as a float64 reference, is not dead). Types are exempt, and so are the
 * committed file formats' modules, whose constants are their documented interface. A value
 * only its own file uses loses its `export`; one nobody uses is deleted.
 * `npx tsx scripts/unused-exports.ts` prints the list, and the exports only tests import.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { exportsOf, importedNames, unusedExports } from '../../support/unused-exports';

const ROOT = path.resolve(__dirname, '../../..');

const parse = (text: string) => ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

describe('exports of src/', () => {
  it('are each imported somewhere', () => {
    const { unused } = unusedExports(ROOT);
    expect(unused.map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });

  it('the sweep sees every export and import form', () => {
    const exports = exportsOf(
      parse(
        [
          'export const a = 1, b = 2;',
          'export function c() {}',
          'export class D {}',
          'export interface E {}',
          'export type F = number;',
          'const g = 3; export { g as h };',
          "export { i } from './i';",
          'export default 4;',
        ].join('\n'),
      ),
    );
    expect(exports).toEqual(['a', 'b', 'c', 'D', 'h', 'default']);
    const imports = importedNames(
      parse(
        [
          "import x, { a, b as c } from './one';",
          "import * as all from './two';",
          "export { d } from './three';",
          "const lazy = () => import('./four');",
          "type T = import('./five').Shape;",
          "import Worker from './six?worker';",
          "import ts from 'typescript';",
        ].join('\n'),
      ),
    );
    expect(Object.fromEntries([...imports].map(([k, v]) => [k, [...v]]))).toEqual({
      './one': ['default', 'a', 'b'],
      './two': ['*'],
      './three': ['d'],
      './four': ['*'],
      './five': ['Shape'],
      './six?worker': ['*'],
    });
  });
});
