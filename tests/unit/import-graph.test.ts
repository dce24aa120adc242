import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

/** The module graph of app/, core/ and server/ (relative and ~/ imports), for architecture checks. */
const ROOTS = ["app", "core", "server"];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/")
    ? join("app", specifier.slice(2))
    : specifier.startsWith(".")
      ? join(dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const extension of EXTENSIONS) {
    const candidate = normalize(base + extension);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every import, and the runtime ones only (`import type` is erased: a route typing useRouteLoaderData with the root loader is no cycle). */
const graph = new Map<string, string[]>();
const runtimeGraph = new Map<string, string[]>();
for (const file of ROOTS.flatMap(sourceFiles)) {
  const source = readFileSync(file, "utf8");
  const imports = [...source.matchAll(/(import\s+type\b[^;]*?|)(?:from|import)\s*\(?\s*["']([^"']+)["']/g)];
  const resolved = imports.map((match) => ({ typeOnly: match[1] !== "", target: resolveImport(file, match[2]) }));
  graph.set(
    file,
    resolved.flatMap(({ target }) => (target ? [target] : [])),
  );
  runtimeGraph.set(
    file,
    resolved.flatMap(({ typeOnly, target }) => (target && !typeOnly ? [target] : [])),
  );
}

function findCycle(): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of runtimeGraph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of runtimeGraph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("import graph", () => {
  it("has no cycles among runtime imports", () => {
    expect(findCycle()).toBeNull();
  });

  it("has no arrow from app/ to server/, nor from server/ or core/ to app/", () => {
    const crossings = [...graph].flatMap(([from, targets]) =>
      targets
        .filter(
          (to) =>
            (from.startsWith("app/") && to.startsWith("server/")) ||
            (!from.startsWith("app/") && to.startsWith("app/")) ||
            (from.startsWith("core/") && !to.startsWith("core/")),
        )
        .map((to) => `${from} → ${to}`),
    );
    expect(crossings).toEqual([]);
  });
});
