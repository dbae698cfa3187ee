// `databazel open LABEL`: the path of the target's HTML report, opened in a browser when it can;
// `databazel open PATTERN...` (//pkg:all, //pkg/..., several labels): the index of the targets.
import { spawn } from "node:child_process";
import { onPath } from "./bazel.ts";
import { CliError } from "./errors.ts";
import { writeIndex } from "./report.ts";
import { queryOneTarget, displayLabel, ensureOutputs, isPattern, requireKind, type Workspace } from "./targets.ts";

/** The absolute path of the target's `<name>.report.html` (built first if missing). */
export function reportPath(ws: Workspace, label: string): string {
  const target = queryOneTarget(ws, label);
  requireKind(ws, target, "open", ["model", "evaluate", "search"]);
  const report = target.output_groups.report?.find((p) => p.endsWith(".html"));
  if (!report) throw new CliError(`${displayLabel(target.label)} has no HTML report (no \`report\` output group).`);
  return ensureOutputs(ws, target, [report])[0]!;
}

/** The program that opens a file in the desktop's browser, if there is one on PATH. */
export function opener(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return onPath(process.platform === "darwin" ? "open" : "xdg-open", env);
}

/**
 * Prints the path of the report (of one label), or of the index (of a pattern or several labels);
 * without --print, also hands it to xdg-open (or open) when there is one.
 */
export function open(ws: Workspace, labels: string[], printOnly: boolean): string {
  const path = labels.length === 1 && !isPattern(labels[0]!) ? reportPath(ws, labels[0]!) : writeIndex(ws, labels);
  const program = printOnly ? undefined : opener();
  if (program) {
    const child = spawn(program, [path], { detached: true, stdio: "ignore" });
    child.on("error", (err) => ws.log(`databazel: ${program} failed: ${err.message}`));
    child.unref();
    ws.log(`databazel: opening it with ${program}`);
  }
  return `${path}\n`;
}
