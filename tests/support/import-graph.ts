/**
 * The import graph of src/, read with the TypeScript compiler's parser (no type checking):
 * every static import, `export … from`, dynamic `import('…')` and `import('…')` type whose
 * specifier is relative, resolved to a file. Edges are marked type-only when erased at build
 * time (`import type`, `export type`, import types).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  to: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

export function sourceFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names (Vite `?query` suffixes dropped), or null. */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const bare = path.resolve(path.dirname(from), specifier.replace(/[?#].*$/, ''));
  if (known.has(bare)) return bare;
  for (const ext of EXTENSIONS) if (known.has(bare + ext)) return bare + ext;
  return null;
}

/** The relative specifiers of one file, with whether each is type-only. */
export function importsOf(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, kind);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const add = (node: ts.Node | undefined, typeOnly: boolean) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allInlineTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allInlineTypes);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const allInlineTypes =
        clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allInlineTypes);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter(({ specifier }) => specifier.startsWith('.'));
}

/** Every file under root with its resolved imports (unresolvable specifiers are listed apart). */
export function importGraph(root: string): { graph: Map<string, ImportEdge[]>; unresolved: string[] } {
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map<string, ImportEdge[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const edges: ImportEdge[] = [];
    for (const { specifier, typeOnly } of importsOf(file, readFileSync(file, 'utf8'))) {
      const to = resolve(file, specifier, known);
      if (to === null) {
        // Non-module assets (CSS, JSON, a worker URL) are no part of the module graph.
        if (!/\.(css|json)$|\?/.test(specifier)) unresolved.push(`${file}: ${specifier}`);
      } else {
        edges.push({ to, typeOnly });
      }
    }
    graph.set(file, edges);
  }
  return { graph, unresolved };
}

/**
 * The cycles of a graph, one per strongly connected component of more than one file (or a
 * file importing itself), each as a closed path through the component, e.g. [a, b, a].
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) connect(v);
  // One closed path per component: breadth-first from its first file back to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let u = v; u !== start; u = previous.get(u)!) path.splice(1, 0, u);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...component, component[0]];
  });
}
