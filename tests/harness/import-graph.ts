// The import graph of a TypeScript source tree, read with ts-morph: every module another one
// names in an import or re-export (type-only ones included: a cycle of types is still a cycle),
// a dynamic import() or an import("...") type. Its cycles, and its imports across layers.
import { dirname, join, relative, resolve } from "node:path";
import { Node, Project, SyntaxKind, type SourceFile } from "ts-morph";

/** For each module (its path relative to the root), the modules it imports, sorted. */
export type ImportGraph = Map<string, string[]>;

/** The module specifiers a file names: static imports and re-exports, dynamic imports, import types. */
function specifiersOf(file: SourceFile): string[] {
  const specifiers = [...file.getImportDeclarations(), ...file.getExportDeclarations()].flatMap((d) => {
    const specifier = d.getModuleSpecifierValue();
    return specifier === undefined ? [] : [specifier];
  });
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const [argument] = call.getArguments();
    if (call.getExpression().getKind() === SyntaxKind.ImportKeyword && argument && Node.isStringLiteral(argument)) {
      specifiers.push(argument.getLiteralValue());
    }
  }
  for (const type of file.getDescendantsOfKind(SyntaxKind.ImportType)) {
    const literal = type.getArgument().getFirstDescendantByKind(SyntaxKind.StringLiteral);
    if (literal) specifiers.push(literal.getLiteralValue());
  }
  return specifiers;
}

/**
 * The graph of the `.ts` files under `root` in `project`. Only relative specifiers are edges (the
 * sources name every module with its `.ts` file); one that names no file under `root` fails, so
 * that an import the graph cannot see never passes unnoticed.
 */
export function importGraph(project: Project, root: string): ImportGraph {
  const files = project.getSourceFiles().filter((f) => !relative(root, f.getFilePath()).startsWith(".."));
  const known = new Set<string>(files.map((f) => f.getFilePath()));
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const from = file.getFilePath();
    const targets = specifiersOf(file)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => {
        const target = resolve(dirname(from), specifier);
        if (!known.has(target)) throw new Error(`${relative(root, from)} imports ${specifier}, which is no .ts file under ${root}`);
        return relative(root, target);
      });
    graph.set(relative(root, from), [...new Set(targets)].sort());
  }
  return new Map([...graph].sort(([a], [b]) => a.localeCompare(b)));
}

/** The graph of the `.ts` files in a directory on disk; none there is an error, not an empty graph. */
export function importGraphOf(root: string): ImportGraph {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  project.addSourceFilesAtPaths(join(root, "**/*.ts"));
  if (project.getSourceFiles().length === 0) throw new Error(`no .ts file under ${root}`);
  return importGraph(project, resolve(root));
}

/**
 * One cycle through each strongly connected part of the graph that has one, as the modules in
 * import order, the first repeated at the end (`a.ts -> b.ts -> a.ts`); [] when there is none.
 */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm: each strongly connected component with more than one module, or a module
  // that imports itself, holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, index.size);
    low.set(module, index.get(module)!);
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module)!, index.get(next)!));
      }
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let popped: string;
    do {
      popped = stack.pop()!;
      onStack.delete(popped);
      component.push(popped);
    } while (popped !== module);
    if (component.length > 1 || (graph.get(module) ?? []).includes(module)) components.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!)).map((component) => cycleThrough(graph, new Set(component)));
}

/** The shortest cycle from the component's first module back to it, found breadth-first inside the component. */
function cycleThrough(graph: ImportGraph, component: Set<string>): string[] {
  const [start] = [...component].sort();
  const cameFrom = new Map<string, string>();
  const queue = [start!];
  for (let i = 0; i < queue.length; i++) {
    const module = queue[i]!;
    for (const next of graph.get(module) ?? []) {
      if (next === start) {
        const path = [module];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (component.has(next) && !cameFrom.has(next)) {
        cameFrom.set(next, module);
        queue.push(next);
      }
    }
  }
  throw new Error(`no cycle through ${start}, though it is in a strongly connected component`);
}

/** The layer a module belongs to: its top directory, or the file itself when it sits at the root. */
export function layerOf(module: string): string {
  return module.split("/")[0]!;
}

/**
 * The imports that break the layering: `layers` lists the layers from the bottom up, and a
 * module may import its own layer and those below it, not one beside it or above. A module of a
 * layer not in the list is a breach too, so that a new directory gets its place.
 */
export function layerBreaches(graph: ImportGraph, layers: readonly (readonly string[])[]): string[] {
  const rank = new Map(layers.flatMap((names, i) => names.map((name) => [name, i] as const)));
  const breaches: string[] = [];
  for (const [module, imports] of graph) {
    const from = layerOf(module);
    const fromRank = rank.get(from);
    if (fromRank === undefined) {
      breaches.push(`${module}: its layer ${from} is in no layer of the list`);
      continue;
    }
    for (const target of imports) {
      const to = layerOf(target);
      if (to !== from && !((rank.get(to) ?? Infinity) < fromRank)) breaches.push(`${module} imports ${target} (${from} may not import ${to})`);
    }
  }
  return breaches;
}
