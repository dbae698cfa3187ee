// The command line: `databazel COMMAND ARGS... [FLAGS] [-- BAZEL_FLAGS...]`.
import { UsageError } from "./errors.ts";

export type ShowFormat = "table" | "json" | "csv" | "md";

/** What to do, with everything the command needs. */
export type Command =
  | { name: "help" }
  | { name: "show"; label: string; format: ShowFormat }
  | { name: "diff"; a: string; b: string; json: boolean }
  | { name: "lineage"; label: string; json: boolean }
  | { name: "open"; labels: string[]; print: boolean }
  | { name: "report"; labels: string[]; output: string | null }
  | { name: "export"; label: string; tensorboard: string }
  | { name: "watch"; label: string }
  | { name: "build"; label: string };

export interface Invocation {
  command: Command;
  /**
   * --no-build: read the outputs the last build left, without bringing them up to date first
   * (they may be stale). Without it, the commands that read outputs build them first.
   */
  noBuild: boolean;
  /** Passed to every `bazel cquery` and `bazel build` (after `--`), e.g. --config=remote. */
  bazelFlags: string[];
}

export const USAGE = `databazel: look at what databazel's rules built (or watch them build), or export it to TensorBoard.

Usage:
  databazel show LABEL [--json | --csv | --md]   a hyperparam_search's leaderboard, best first
  databazel diff LABEL_A LABEL_B [--json]        hyperparameters and metrics side by side, B - A
  databazel lineage LABEL [--json]               what produced a model: data, script, checkpoints
  databazel open LABEL [--print]                 the target's HTML report (opened with xdg-open)
  databazel open PATTERN... [--print]            the index of every search, model and evaluation
                                                 they name, e.g. //mnist:all or //mnist/...
  databazel report PATTERN... [--output FILE]    write that index to FILE (default: stdout)
  databazel export --tensorboard DIR LABEL       learning curves, metrics and hyperparameters as
                                                 TensorBoard event files in DIR/<name>/
  databazel watch LABEL                          a live table of the trials while Bazel builds them
  databazel build LABEL                          build with Bazel and watch, in one
  databazel --help

LABEL is a Bazel label, resolved from the current directory as Bazel does:
  show     a hyperparam_search, or a pattern (//...): each search it names, under its label
  diff     a model (metrics: the last epoch of its learning curve), an evaluate target
           (its metrics, and its model's hyperparameters) or a hyperparam_search (its best trial)
  lineage  a model or a hyperparam_search (its best trial)
  open     a model, an evaluate target or a hyperparam_search
  export   a hyperparam_search (each trial in DIR/<name>/<trial>/, the hparams experiment in
           DIR/<name>/) or a model; an earlier export there is replaced
  watch    a hyperparam_search or a model: each trial's state (queued, running, done, failed,
  build    pruned), epoch, elapsed time and latest metrics, once a second; watch follows the
           build running in this workspace (or waits for one) and ends with it

PATTERN is a label or a target pattern (//pkg:all, //pkg/...); several name their union.
The index is one self-contained HTML page: each search with its best trial, its outcomes and
its parallel coordinates, each model and evaluation, each linked to its own report. \`open\`
writes it under Bazel's output base (databazel-index/) and opens it.

The outputs are read from Bazel's output tree, after a \`bazel build\` of the output groups
that hold them brings them up to date (Bazel's output goes to stderr; when nothing changed it
does nothing, in about a second): what show, diff, lineage, open, report and export print is
never older than the sources. When that build fails, so does the command, with Bazel's errors.

Options:
  --no-build     read the outputs the last build left, without building first: faster, but
                 they may be stale (say, after an edit to a script), and a missing one is an
                 error. Not for watch and build.
  -- FLAGS...    Bazel flags for every cquery and build, e.g. -- --config=remote
  -h, --help     this text

Bazel: $DATABAZEL_BAZEL when set. Under \`bazel run @databazel//:databazel\`, the Bazel that
started it ($BAZEL_REAL, else \`bazel\` on PATH), in the directory it was started from.
Otherwise the launcher tools/bazel beside this CLI when there is one, else \`bazel\` on PATH.

Exit codes: 0 success; 1 Bazel or a file failed; 2 usage error (arguments, flags, or a label
the command does not apply to); build: Bazel's exit code; watch stopped with Ctrl-C: 130.
`;

const COMMAND_FLAGS: Record<string, readonly string[]> = {
  show: ["--json", "--csv", "--md", "--no-build"],
  diff: ["--json", "--no-build"],
  lineage: ["--json", "--no-build"],
  open: ["--print", "--no-build"],
  report: ["--output", "--no-build"],
  export: ["--tensorboard", "--no-build"],
  watch: [],
  build: [],
};

/** How many labels each command takes; open and report take one or more (Infinity: no limit). */
const ARITY: Record<string, [number, number]> = {
  show: [1, 1],
  diff: [2, 2],
  lineage: [1, 1],
  open: [1, Infinity],
  report: [1, Infinity],
  export: [1, 1],
  watch: [1, 1],
  build: [1, 1],
};

/** Flags that take a value: `--output FILE` or `--output=FILE` (and -o FILE), `--tensorboard DIR`. */
const VALUE_FLAGS: Record<string, string> = { "--output": "--output", "-o": "--output", "--tensorboard": "--tensorboard" };

/** What each value flag's value is, for the message when it is missing. */
const VALUE_NAMES: Record<string, string> = { "--output": "a file name", "--tensorboard": "a directory: --tensorboard DIR" };

function usage(message: string): UsageError {
  return new UsageError(`${message}\nRun \`databazel --help\` for usage.`);
}

export function parseArgs(argv: readonly string[]): Invocation {
  const dashes = argv.indexOf("--");
  const own = dashes === -1 ? [...argv] : argv.slice(0, dashes);
  const bazelFlags = dashes === -1 ? [] : argv.slice(dashes + 1);
  if (own.length === 0 || own.some((a) => a === "-h" || a === "--help") || own[0] === "help") {
    return { command: { name: "help" }, noBuild: false, bazelFlags };
  }
  const [name, ...rest] = own as [string, ...string[]];
  const allowed = COMMAND_FLAGS[name];
  if (!allowed) {
    throw usage(`unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMAND_FLAGS).join(", ")}.`);
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf("=");
    const valueFlag = VALUE_FLAGS[eq > 0 ? arg.slice(0, eq) : arg];
    // --build was the way to build outputs that exist; building first is the default now.
    if (arg === "--build") continue;
    else if (valueFlag && allowed.includes(valueFlag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("-"))) {
        throw usage(`databazel ${name}: ${valueFlag} takes ${VALUE_NAMES[valueFlag]}.`);
      }
      values.set(valueFlag, value);
    } else if (arg.startsWith("-")) {
      if (arg === "--no-build" && !allowed.includes(arg)) {
        throw usage(`databazel ${name}: --no-build is for the commands that read what a build left (show, diff, lineage, open, report, export); ${name} ${name === "watch" ? "follows a build" : "is one"}.`);
      }
      if (!allowed.includes(arg)) {
        const known = allowed.length > 0 ? `it takes ${allowed.join(", ")}` : "it takes none";
        throw usage(`databazel ${name}: unknown flag ${arg} (${known}). Bazel flags go after \`--\`.`);
      }
      flags.add(arg);
    } else positionals.push(arg);
  }
  const [least, most] = ARITY[name]!;
  if (positionals.length < least || positionals.length > most) {
    const what = most === Infinity ? "one or more labels or patterns" : least === 1 ? "one label" : `${least} labels`;
    throw usage(`databazel ${name} takes ${what}, got ${positionals.length === 0 ? "none" : positionals.join(" ")}.`);
  }
  const [first, second] = positionals as [string, string];
  const command = ((): Command => {
    switch (name) {
      case "show": {
        const formats = (["json", "csv", "md"] as const).filter((f) => flags.has(`--${f}`));
        if (formats.length > 1) throw usage(`databazel show: choose one of --json, --csv, --md.`);
        return { name, label: first, format: formats[0] ?? "table" };
      }
      case "diff":
        return { name, a: first, b: second, json: flags.has("--json") };
      case "lineage":
        return { name, label: first, json: flags.has("--json") };
      case "report":
        return { name, labels: positionals, output: values.get("--output") ?? null };
      case "export": {
        const tensorboard = values.get("--tensorboard");
        if (tensorboard === undefined) throw usage(`databazel export: say where to write: --tensorboard DIR (TensorBoard event files).`);
        return { name, label: first, tensorboard };
      }
      case "watch":
      case "build":
        return { name, label: first };
      default:
        return { name: "open", labels: positionals, print: flags.has("--print") };
    }
  })();
  return { command, noBuild: flags.has("--no-build"), bazelFlags };
}
