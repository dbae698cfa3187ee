// Generates databazel/private/contract.bzl from tools/src/contract.ts with ts-morph, so the
// flag and environment-variable names that the rules pass and the shims read cannot drift.
import { Node, Project, SyntaxKind, type ObjectLiteralExpression } from "ts-morph";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

export const contractSource = join(repoRoot, "tools", "src", "contract.ts");
export const contractBzl = join(repoRoot, "databazel", "private", "contract.bzl");

function starlarkString(s: string): string {
  return JSON.stringify(s);
}

function constObject(literal: ObjectLiteralExpression, name: string): [string, string][] {
  return literal.getProperties().map((prop) => {
    if (!Node.isPropertyAssignment(prop)) {
      throw new Error(`contract.ts: ${name} must hold plain 'key: "value"' properties`);
    }
    const init = prop.getInitializer();
    if (!init || !Node.isStringLiteral(init)) {
      throw new Error(`contract.ts: ${name}.${prop.getName()} must be a string literal`);
    }
    return [prop.getName(), init.getLiteralValue()];
  });
}

/** Renders contract.bzl from every exported `as const` object of string literals. */
export function generateContractBzl(): string {
  const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true });
  const file = project.addSourceFileAtPath(contractSource);
  const out: string[] = [
    '"""The train/eval contract\'s names, shared with the TypeScript shims.',
    "",
    "Generated from tools/src/contract.ts by `npm run build:tools`. Do not edit.",
    '"""',
  ];
  for (const statement of file.getVariableStatements()) {
    if (!statement.isExported()) continue;
    for (const decl of statement.getDeclarations()) {
      const asConst = decl.getInitializerIfKind(SyntaxKind.AsExpression);
      const literal = asConst?.getExpressionIfKind(SyntaxKind.ObjectLiteralExpression);
      if (!literal) continue;
      const doc = statement.getJsDocs().map((d) => d.getDescription().trim()).join(" ");
      out.push("");
      if (doc) out.push(`# ${doc}`);
      out.push(`${decl.getName()} = {`);
      // buildifier wants dict items sorted.
      const items = constObject(literal, decl.getName()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, value] of items) {
        out.push(`    ${starlarkString(key)}: ${starlarkString(value)},`);
      }
      out.push("}");
    }
  }
  return out.join("\n") + "\n";
}
