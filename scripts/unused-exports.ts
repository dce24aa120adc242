/**
 * Lists the exports of core/, app/ and server/ that no other file imports (tests, scripts and bench count as
 * importers): an `export` nobody outside its file uses is dead API, or dead code. Names are followed through
 * re-exports and aliases with the TypeScript checker, so `export { a as b } from` and index files count.
 *
 *   npx tsx scripts/unused-exports.ts        # one `file: name` per line
 *
 * Not listed: what Remix reads from a route module (loader, action, default…), and entry points that are
 * started by path rather than imported (server/index.ts, worker files). tests/unit/unused-exports.test.ts keeps
 * the list empty, apart from an allow-list with a reason for each name.
 */
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const ROOTS = ["core/", "app/", "server/"];
const TEST_FILE = /\.(test|spec)\.tsx?$/;
/** What Remix reads from a route module or from root.tsx by name. */
const ROUTE_EXPORTS = new Set([
  "default",
  "loader",
  "action",
  "meta",
  "links",
  "handle",
  "ErrorBoundary",
  "headers",
  "shouldRevalidate",
  "clientLoader",
  "clientAction",
  "HydrateFallback",
  "Layout",
]);
/** Files started by path (node, Remix, a worker pool), not imported: everything they export is their interface. */
const ENTRY_POINTS = new Set([
  "app/entry.client.tsx",
  "app/entry.server.tsx",
  "server/index.ts",
  // piscina loads it by file name and calls its default export.
  "server/files/file-worker.ts",
]);

export interface LocalOnlyExport {
  file: string;
  name: string;
}

function isRouteModule(file: string): boolean {
  return file === "app/root.tsx" || file.startsWith("app/routes/");
}

export function findLocalOnlyExports(root = process.cwd()): LocalOnlyExport[] {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
  if (!configPath) throw new Error(`no tsconfig.json in ${root}`);
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const name = (file: ts.SourceFile) => relative(root, file.fileName).split("\\").join("/");
  const own = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes("/node_modules/"));

  const original = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  /** Symbols imported by a file other than the one declaring them. */
  const used = new Set<ts.Symbol>();
  const markAllUsed = (moduleSymbol: ts.Symbol | undefined) => {
    if (moduleSymbol) for (const symbol of checker.getExportsOfModule(moduleSymbol)) used.add(original(symbol));
  };
  const moduleOf = (specifier: ts.Node) => checker.getSymbolAtLocation(specifier);

  for (const file of own) {
    const namespaces = new Set<ts.Symbol>();
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && node.importClause) {
        const { name: defaultName, namedBindings } = node.importClause;
        if (defaultName) {
          const symbol = checker.getSymbolAtLocation(defaultName);
          if (symbol) used.add(original(symbol));
        }
        if (namedBindings && ts.isNamedImports(namedBindings))
          for (const element of namedBindings.elements) {
            const symbol = checker.getSymbolAtLocation(element.name);
            if (symbol) used.add(original(symbol));
          }
        if (namedBindings && ts.isNamespaceImport(namedBindings)) {
          const symbol = checker.getSymbolAtLocation(namedBindings.name);
          if (symbol) namespaces.add(symbol);
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        if (!node.exportClause) markAllUsed(moduleOf(node.moduleSpecifier));
        else if (ts.isNamedExports(node.exportClause))
          for (const element of node.exportClause.elements) {
            const symbol = checker.getSymbolAtLocation(element.name);
            if (symbol) used.add(original(symbol));
          }
        else markAllUsed(moduleOf(node.moduleSpecifier));
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        // A dynamic import hands the whole module over: count every export as used.
        markAllUsed(moduleOf(node.arguments[0]));
      } else if (ts.isImportTypeNode(node)) {
        if (node.qualifier) {
          const symbol = checker.getSymbolAtLocation(
            ts.isQualifiedName(node.qualifier) ? node.qualifier.left : node.qualifier,
          );
          if (symbol) used.add(original(symbol));
        } else if (ts.isLiteralTypeNode(node.argument)) markAllUsed(moduleOf(node.argument.literal));
      } else if (
        (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) &&
        namespaces.size > 0 &&
        ts.isIdentifier(ts.isPropertyAccessExpression(node) ? node.expression : node.left)
      ) {
        // `ns.name` on a namespace import uses just that name.
        const left = ts.isPropertyAccessExpression(node) ? node.expression : node.left;
        const right = ts.isPropertyAccessExpression(node) ? node.name : node.right;
        const leftSymbol = checker.getSymbolAtLocation(left);
        if (leftSymbol && namespaces.has(leftSymbol)) {
          const symbol = checker.getSymbolAtLocation(right);
          if (symbol) used.add(original(symbol));
          return;
        }
      } else if (ts.isIdentifier(node) && namespaces.size > 0) {
        // A namespace import passed around whole: every export may be used.
        const symbol = checker.getSymbolAtLocation(node);
        const parent = node.parent;
        const isDeclaration = parent && ts.isNamespaceImport(parent);
        if (symbol && namespaces.has(symbol) && !isDeclaration) {
          const declaration = symbol.declarations?.[0];
          const importDeclaration = declaration?.parent?.parent?.parent;
          if (importDeclaration && ts.isImportDeclaration(importDeclaration))
            markAllUsed(moduleOf(importDeclaration.moduleSpecifier));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const found: LocalOnlyExport[] = [];
  for (const file of own) {
    const path = name(file);
    if (!ROOTS.some((rootDir) => path.startsWith(rootDir)) || TEST_FILE.test(path) || ENTRY_POINTS.has(path)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const exportName = symbol.getName();
      if (isRouteModule(path) && ROUTE_EXPORTS.has(exportName)) continue;
      const target = original(symbol);
      // A re-export of another file's name is that file's export; report it where it is declared.
      const declaredHere = target.declarations?.some((declaration) => declaration.getSourceFile() === file);
      if (!declaredHere) continue;
      if (!used.has(target)) found.push({ file: path, name: exportName });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) {
  const found = findLocalOnlyExports();
  for (const { file, name } of found) console.log(`${file}: ${name}`);
  console.error(`${found.length} exports imported by no other file`);
}
