/**
 * No user-visible string may bypass t(): this scans the JSX of app/components,
 * app/routes and app/root.tsx (parsed with the TypeScript compiler, so
 * comments, class names and test ids are not mistaken for text) and fails on
 *  - JSX text containing a letter,
 *  - a string or template literal with a letter rendered as a child ({"Save"},
 *    {cond ? "Yes" : "No"}, {`${n} items`}),
 *  - such a literal in a user-visible attribute (aria-label, title,
 *    placeholder, alt, label, and the props that carry them to elements).
 * Punctuation and symbols ("×", "←", "·", "—") contain no letter and pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Text that is the same in every language. Keep it small. */
const ALLOWED = new Set(["Remit"]);

/** Attributes (and component props) whose value a person sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "heading",
  "caption",
  "closeLabel",
  "hint",
  "message",
]);

const HAS_LETTER = /\p{L}/u;

export interface Finding {
  line: number;
  text: string;
}

const flagged = (text: string) => HAS_LETTER.test(text) && !ALLOWED.has(text.trim());

/** Literal strings an expression renders as they are (not those it only compares with). */
function renderedLiterals(expression: ts.Expression): ts.Node[] {
  if (
    ts.isStringLiteral(expression) ||
    ts.isNoSubstitutionTemplateLiteral(expression) ||
    ts.isTemplateExpression(expression)
  )
    return [expression];
  if (ts.isParenthesizedExpression(expression)) return renderedLiterals(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...renderedLiterals(expression.whenTrue), ...renderedLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(expression.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...renderedLiterals(expression.left), ...renderedLiterals(expression.right)];
  }
  return [];
}

/** The fixed text of a literal (a template's parts outside ${…}). */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
  return "";
}

export function findHardcodedStrings(source: string, fileName = "file.tsx"): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    findings.push({
      line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
      text: text.trim().replace(/\s+/g, " "),
    });

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (flagged(node.text)) report(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of renderedLiterals(node.expression))
        if (flagged(literalText(literal))) report(literal, literalText(literal));
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && flagged(value.text)) report(value, value.text);
      if (value && ts.isJsxExpression(value) && value.expression) {
        for (const literal of renderedLiterals(value.expression))
          if (flagged(literalText(literal))) report(literal, literalText(literal));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.includes(".test.") ? [path] : [];
  });
}

const APP = fileURLToPath(new URL("..", import.meta.url));

describe("findHardcodedStrings", () => {
  it("flags text, rendered literals and visible attributes", () => {
    const source = `
      export const A = () => (
        <div title="Hello" aria-label={\`Delete \${x}\`} className="not-text" data-testid="ok">
          Some words
          {"Literal"}
          {open ? "Yes" : t("common.close")}
          {busy && "Busy"}
          <input placeholder={x ?? "Type here"} />
          <Field label="Name" hint={t("a.b")} />
        </div>
      );`;
    expect(findHardcodedStrings(source).map((finding) => finding.text)).toEqual([
      "Hello",
      "Delete",
      "Some words",
      "Literal",
      "Yes",
      "Busy",
      "Type here",
      "Name",
    ]);
  });

  it("passes translated text, symbols, allowed words, comments and compared values", () => {
    const source = `
      export const B = () => (
        <p className="x" title={t("a.b")}>
          {/* A comment with words */}
          <span aria-hidden="true">← × · —</span> {t("a.c")} Remit
          {state === "agreed" && <Lock />}
          {" · "}
          {\`\${a} · \${b}\`}
        </p>
      );`;
    expect(findHardcodedStrings(source)).toEqual([]);
  });
});

describe("UI strings go through t()", () => {
  const files = [...tsxFiles(join(APP, "components")), ...tsxFiles(join(APP, "routes")), join(APP, "root.tsx")];

  it("finds the files", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("has no hard-coded user-visible string in JSX", () => {
    const findings = files.flatMap((path) =>
      findHardcodedStrings(readFileSync(path, "utf8"), path).map(
        ({ line, text }) => `${relative(APP, path)}:${line} ${JSON.stringify(text)}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
