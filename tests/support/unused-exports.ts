/**
 * Exports of src/ that no file imports: the names each src file exports, matched against the
 * names every file of src/, scripts/ and tests/ imports from it (static imports, `export …
 * from`, import types; a namespace import, `export *`, a dynamic `import()` or a `?worker`
 * style import counts as using every export). Read with the TypeScript parser, no checking.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './import-graph';

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const ALL = '*';

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, kind);
}

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/**
 * The values a file declares and exports (functions, classes, constants; 'default' for a
 * default export).
 * Types are left out: an exported interface names the shape of an exported function's
 * arguments or result, whether or not another file spells its name.
 */
export function exportsOf(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const node of source.statements) {
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      // A re-export (`export { x } from`) forwards a barrel's interface; the source is checked.
      if (node.isTypeOnly || node.moduleSpecifier) continue;
      names.push(...node.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    } else if (ts.isExportAssignment(node)) {
      names.push('default');
    } else if (exported(node)) {
      if (isDefault(node)) names.push('default');
      else if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
      } else if (
        (ts.isFunctionDeclaration(node) ||
          ts.isClassDeclaration(node) ||
          ts.isEnumDeclaration(node)) &&
        node.name
      ) {
        names.push(node.name.text);
      }
    }
  }
  return names;
}

/** What a file imports: relative specifier → names used from it (ALL for every export). */
export function importedNames(source: ts.SourceFile): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  const use = (specifier: ts.Node | undefined, ...names: string[]) => {
    if (!specifier || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    const key = specifier.text;
    const set = uses.get(key) ?? new Set<string>();
    for (const name of /[?#]/.test(key) ? [ALL] : names) set.add(name);
    uses.set(key, set);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(ALL);
      if (bindings && ts.isNamedImports(bindings)) {
        names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
      }
      use(node.moduleSpecifier, ...names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        use(node.moduleSpecifier, ...clause.elements.map((e) => (e.propertyName ?? e.name).text));
      } else use(node.moduleSpecifier, ALL);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      use(node.arguments[0], ALL);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const q = node.qualifier;
      const first = q ? (ts.isIdentifier(q) ? q.text : ts.isQualifiedName(q) ? leftmost(q) : ALL) : ALL;
      use(node.argument.literal, first);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function leftmost(name: ts.QualifiedName): string {
  let left: ts.EntityName = name;
  while (ts.isQualifiedName(left)) left = left.left;
  return left.text;
}

function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const bare = path.resolve(path.dirname(from), specifier.replace(/[?#].*$/, '').replace(/\.js$/, ''));
  for (const ext of EXTENSIONS) if (known.has(bare + ext)) return bare + ext;
  return null;
}

/**
 * Modules that define a committed format (model files, density previews, the URL schema):
 * their exported constants (format names, versions, allowed values) are documented interface.
 */
const FORMAT_MODULES = new Set([
  'src/core/flow/model-file.ts',
  'src/core/flow/coupling-file.ts',
  'src/core/flow/density-preview.ts',
  'src/state/url-schema.ts',
]);

export interface UnusedExport {
  /** Path relative to the repository root. */
  file: string;
  name: string;
}

/**
 * Exports of `root/src` nobody imports, and those only tests import (files under
 * `root/tests`). Importers: every file under src/, scripts/ and tests/.
 */
export function unusedExports(root: string): { unused: UnusedExport[]; testsOnly: UnusedExport[] } {
  const src = sourceFiles(path.join(root, 'src'));
  const importers = [...src, ...sourceFiles(path.join(root, 'scripts')), ...sourceFiles(path.join(root, 'tests'))];
  const known = new Set(importers);
  const used = new Map<string, { product: Set<string>; tests: Set<string> }>();
  for (const file of importers) {
    const byTest = file.startsWith(path.join(root, 'tests') + path.sep);
    for (const [specifier, names] of importedNames(parse(file))) {
      const target = resolve(file, specifier, known);
      if (!target) continue;
      const entry = used.get(target) ?? { product: new Set<string>(), tests: new Set<string>() };
      for (const name of names) (byTest ? entry.tests : entry.product).add(name);
      used.set(target, entry);
    }
  }
  const unused: UnusedExport[] = [];
  const testsOnly: UnusedExport[] = [];
  for (const file of src) {
    if (FORMAT_MODULES.has(path.relative(root, file))) continue;
    const entry = used.get(file);
    const has = (set: Set<string> | undefined, name: string) => !!set && (set.has(ALL) || set.has(name));
    for (const name of exportsOf(parse(file))) {
      const where = { file: path.relative(root, file), name };
      if (has(entry?.product, name)) continue;
      if (has(entry?.tests, name)) testsOnly.push(where);
      else unused.push(where);
    }
  }
  return { unused, testsOnly };
}
