// The command line: `databazel COMMAND ARGS... [FLAGS] [-- BAZEL_FLAGS...]`.
import { UsageError } from "./errors.ts";

export type ShowFormat = "table" | "json" | "csv" | "md";

/** What to do, with everything the command needs. */
export type Command =
  | { name: "help" }
  | { name: "show"; label: string; format: ShowFormat }
  | { name: "diff"; a: string; b: string; json: boolean }
  | { name: "lineage"; label: string; json: boolean }
  | { name: "open"; label: string; print: boolean }
  | { name: "export"; label: string; tensorboard: string }
  | { name: "watch"; label: string }
  | { name: "build"; label: string };

export interface Invocation {
  command: Command;
  /** Build even when the outputs exist, to bring them up to date. */
  alwaysBuild: boolean;
  /** Passed to every `bazel cquery` and `bazel build` (after `--`), e.g. --config=remote. */
  bazelFlags: string[];
}

export const USAGE = `databazel: look at what databazel's rules built (or watch them build), or export it to TensorBoard.

Usage:
  databazel show LABEL [--json | --csv | --md]   a hyperparam_search's leaderboard, best first
  databazel diff LABEL_A LABEL_B [--json]        hyperparameters and metrics side by side, B - A
  databazel lineage LABEL [--json]               what produced a model: data, script, checkpoints
  databazel open LABEL [--print]                 the target's HTML report (opened with xdg-open)
  databazel export --tensorboard DIR LABEL       learning curves, metrics and hyperparameters as
                                                 TensorBoard event files in DIR/<name>/
  databazel watch LABEL                          a live table of the trials while Bazel builds them
  databazel build LABEL                          build with Bazel and watch, in one
  databazel --help

LABEL is a Bazel label, resolved from the current directory as Bazel does:
  show     a hyperparam_search
  diff     a model (metrics: the last epoch of its learning curve), an evaluate target
           (its metrics, and its model's hyperparameters) or a hyperparam_search (its best trial)
  lineage  a model or a hyperparam_search (its best trial)
  open     a model, an evaluate target or a hyperparam_search
  export   a hyperparam_search (each trial in DIR/<name>/<trial>/, the hparams experiment in
           DIR/<name>/) or a model; an earlier export there is replaced
  watch    a hyperparam_search or a model: each trial's state (queued, running, done, failed,
  build    pruned), epoch, elapsed time and latest metrics, once a second; watch follows the
           build running in this workspace (or waits for one) and ends with it

The outputs are read from Bazel's output tree; when some are missing the target is built
first (Bazel's progress goes to stderr).

Options:
  --build        build the target even when its outputs exist, to bring them up to date
  -- FLAGS...    Bazel flags for every cquery and build, e.g. -- --config=remote
  -h, --help     this text

Bazel: the launcher tools/bazel beside this CLI when there is one, otherwise $DATABAZEL_BAZEL,
otherwise \`bazel\` on PATH.

Exit codes: 0 success; 1 Bazel or a file failed; 2 usage error (arguments, flags, or a label
the command does not apply to); build: Bazel's exit code; watch stopped with Ctrl-C: 130.
`;

const COMMAND_FLAGS: Record<string, readonly string[]> = {
  show: ["--json", "--csv", "--md"],
  diff: ["--json"],
  lineage: ["--json"],
  open: ["--print"],
  export: ["--tensorboard"],
  watch: [],
  build: [],
};

/** Flags that take a value: `--flag VALUE` or `--flag=VALUE`. */
const VALUE_FLAGS: ReadonlySet<string> = new Set(["--tensorboard"]);

const ARITY: Record<string, number> = { show: 1, diff: 2, lineage: 1, open: 1, export: 1, watch: 1, build: 1 };

function usage(message: string): UsageError {
  return new UsageError(`${message}\nRun \`databazel --help\` for usage.`);
}

export function parseArgs(argv: readonly string[]): Invocation {
  const dashes = argv.indexOf("--");
  const own = dashes === -1 ? [...argv] : argv.slice(0, dashes);
  const bazelFlags = dashes === -1 ? [] : argv.slice(dashes + 1);
  if (own.length === 0 || own.some((a) => a === "-h" || a === "--help") || own[0] === "help") {
    return { command: { name: "help" }, alwaysBuild: false, bazelFlags };
  }
  const [name, ...rest] = own as [string, ...string[]];
  const allowed = COMMAND_FLAGS[name];
  if (!allowed) {
    throw usage(`unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMAND_FLAGS).join(", ")}.`);
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  let alwaysBuild = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--build") alwaysBuild = true;
    else if (arg.startsWith("-")) {
      const eq = arg.indexOf("=");
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      if (!allowed.includes(flag) || (eq > 0 && !VALUE_FLAGS.has(flag))) {
        const known = [...allowed, "--build"].join(", ");
        throw usage(`databazel ${name}: unknown flag ${arg} (it takes ${known}). Bazel flags go after \`--\`.`);
      }
      if (VALUE_FLAGS.has(flag)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === "" || (eq < 0 && value.startsWith("-"))) {
          throw usage(`databazel ${name}: ${flag} takes a directory: ${flag} DIR.`);
        }
        values.set(flag, value);
      }
      flags.add(flag);
    } else positionals.push(arg);
  }
  const arity = ARITY[name]!;
  if (positionals.length !== arity) {
    const what = arity === 1 ? "one label" : `${arity} labels`;
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
      case "export": {
        const tensorboard = values.get("--tensorboard");
        if (tensorboard === undefined) throw usage(`databazel export: say where to write: --tensorboard DIR (TensorBoard event files).`);
        return { name, label: first, tensorboard };
      }
      case "watch":
      case "build":
        return { name, label: first };
      default:
        return { name: "open", label: first, print: flags.has("--print") };
    }
  })();
  return { command, alwaysBuild, bazelFlags };
}
