// The databazel CLI: parses the command line, finds Bazel, runs one command.
import { parseArgs, USAGE, type Invocation } from "./args.ts";
import { Bazel, cqueryFormatFile, findLauncher, packageRoot } from "./bazel.ts";
import { diff } from "./diff.ts";
import { exportTensorBoard } from "./export.ts";
import { FormatError } from "../formats/shape.ts";
import { CliError } from "./errors.ts";
import { lineage } from "./lineage.ts";
import { open } from "./open.ts";
import { report } from "./report.ts";
import { show } from "./show.ts";
import { styleFor } from "./table.ts";
import type { Workspace } from "./targets.ts";
import { buildAndWatch, watch } from "./watch.ts";

/** What --no-build's note says each command does with the last build's outputs. */
const NO_BUILD_VERB: Partial<Record<string, string>> = { open: "opening", report: "indexing", export: "exporting" };

function execute(invocation: Invocation, ws: Workspace): string {
  const style = styleFor(process.stdout);
  const { command } = invocation;
  switch (command.name) {
    case "help":
      return USAGE;
    case "show":
      return show(ws, command.label, command.format, style);
    case "diff":
      return diff(ws, command.a, command.b, command.json, style);
    case "lineage":
      return lineage(ws, command.label, command.json, style);
    case "open":
      return open(ws, command.labels, command.print);
    case "report":
      return report(ws, command.labels, command.output);
    case "export":
      return exportTensorBoard(ws, command.label, command.tensorboard);
    case "watch":
    case "build":
      throw new Error(`${command.name} runs asynchronously`);
  }
}

/** Runs the CLI; returns the exit code (a promise of it for the commands that keep running). */
export function run(argv: readonly string[]): number | Promise<number> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const failed = (err: unknown): number => {
    if (err instanceof CliError) {
      log(`databazel: error: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof FormatError) {
      log(`databazel: error: ${err.message}`);
      return 1;
    }
    log(`databazel: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  };
  try {
    const invocation = parseArgs(argv);
    if (invocation.command.name === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const root = packageRoot();
    const ws: Workspace = {
      bazel: new Bazel(findLauncher(root), invocation.bazelFlags),
      formatFile: cqueryFormatFile(root),
      build: !invocation.noBuild,
      built: new Set(),
      log,
    };
    const { command } = invocation;
    if (invocation.noBuild) log(`databazel: --no-build: ${NO_BUILD_VERB[command.name] ?? "showing"} the outputs from the last build, which may be stale`);
    if (command.name === "watch") return watch(ws, command.label).catch(failed);
    if (command.name === "build") return buildAndWatch(ws, command.label).catch(failed);
    process.stdout.write(execute(invocation, ws));
    return 0;
  } catch (err) {
    return failed(err);
  }
}
