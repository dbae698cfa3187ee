#!/usr/bin/env node
// Generated from tools/src/bin/databazel.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/cli/bazel.ts
var import_node_child_process = require("node:child_process");
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// tools/src/cli/errors.ts
var CliError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
var UsageError = class extends CliError {
  constructor(message) {
    super(message, 2);
  }
};

// tools/src/cli/bazel.ts
var CQUERY_FILE = (0, import_node_path.join)("databazel", "private", "cli", "targets.cquery.bzl");
function packageRoot(script = process.argv[1] ?? "") {
  const start = (0, import_node_path.dirname)((0, import_node_fs.existsSync)(script) ? (0, import_node_fs.realpathSync)(script) : script);
  for (let dir = start; ; dir = (0, import_node_path.dirname)(dir)) {
    if ((0, import_node_fs.existsSync)((0, import_node_path.join)(dir, CQUERY_FILE))) return dir;
    if ((0, import_node_path.dirname)(dir) === dir) {
      throw new CliError(`cannot find ${CQUERY_FILE} in any directory above ${start}; is this CLI part of a databazel checkout, its npm package or @databazel//:databazel?`);
    }
  }
}
function cqueryFormatFile(root) {
  return (0, import_node_path.join)(root, CQUERY_FILE);
}
function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(import_node_path.delimiter)) {
    if (!dir) continue;
    const candidate = (0, import_node_path.join)(dir, name);
    try {
      (0, import_node_fs.accessSync)(candidate, import_node_fs.constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function bazelRunDirectory(env = process.env) {
  return env.BUILD_WORKING_DIRECTORY || env.BUILD_WORKSPACE_DIRECTORY || void 0;
}
function findLauncher(root, env = process.env) {
  if (env.DATABAZEL_BAZEL) return { command: env.DATABAZEL_BAZEL, source: `DATABAZEL_BAZEL=${env.DATABAZEL_BAZEL}` };
  const fromBazelRun = bazelRunDirectory(env) !== void 0;
  if (fromBazelRun && env.BAZEL_REAL) return { command: env.BAZEL_REAL, source: `BAZEL_REAL=${env.BAZEL_REAL}` };
  const bazel = onPath("bazel", env);
  if (fromBazelRun && bazel) return { command: bazel, source: `${bazel} (on PATH)` };
  const launcher = (0, import_node_path.join)(root, "tools", "bazel");
  if ((0, import_node_fs.existsSync)(launcher)) return { command: launcher, source: `the launcher ${launcher}` };
  if (bazel) return { command: bazel, source: `${bazel} (on PATH)` };
  throw new CliError(
    "no Bazel found: DATABAZEL_BAZEL is unset, `bazel` is not on PATH and there is no tools/bazel beside this CLI. Set DATABAZEL_BAZEL to your Bazel (or bazelisk), or put `bazel` on PATH."
  );
}
function bazelErrors(stderr) {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "");
  const errors = lines.filter((l) => l.startsWith("ERROR:") && !l.includes("did NOT complete successfully"));
  return (errors.length > 0 ? errors : lines.slice(-10)).join("\n");
}
var LOST_INPUTS_EXIT = 39;
var LOST_INPUTS_HELP = [
  "the cache lost outputs of earlier actions that this build reads (a disk cache trimmed by its GC or deleted, or a remote cache that evicted them); Bazel had left them in the cache (--remote_download_outputs=toplevel, its default) and cannot fetch them now.",
  "Fix: build again: Bazel has forgotten the lost outputs and runs the actions that made them. So that a build never stops on it, add to your .bazelrc:",
  "  build --experimental_remote_cache_eviction_retries=5",
  "  build --remote_download_outputs=all",
  "(the first builds again by itself; the second keeps every output in bazel-out, so that a local build reads none from the cache)."
].join("\n");
var Bazel = class {
  constructor(launcher, flags, cwd = process.cwd()) {
    this.launcher = launcher;
    this.flags = flags;
    this.cwd = cwd;
  }
  launcher;
  flags;
  cwd;
  #executionRoot;
  #capture(args) {
    const result = (0, import_node_child_process.spawnSync)(this.launcher.command, args, {
      cwd: this.cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 30
    });
    if (result.error) throw new CliError(`cannot run Bazel (${this.launcher.source}): ${result.error.message}`);
    return result;
  }
  /** `bazel cquery EXPRESSION --output=starlark` with the format file: one line per configured target. */
  cquery(expression, formatFile) {
    const result = this.#capture([
      "cquery",
      ...this.flags,
      "--output=starlark",
      `--starlark:file=${formatFile}`,
      "--",
      expression
    ]);
    if (result.status !== 0) {
      throw new CliError(`bazel cquery ${expression} failed:
${bazelErrors(result.stderr)}`);
    }
    return result.stdout.split("\n").filter((l) => l.trim() !== "");
  }
  /** What `bazel query --output=label_kind` says a label is ("node_binary rule", "source file"), if it can. */
  labelKind(label) {
    const result = this.#capture(["query", "--output=label_kind", "--", label]);
    if (result.status !== 0) return void 0;
    const line = result.stdout.split("\n").find((l) => l.trim() !== "");
    const match = line?.match(/^(.*) \S+$/);
    return match?.[1];
  }
  /**
   * A rule's attributes as `bazel query --output=streamed_jsonproto` prints them (after its macro
   * ran), by name; undefined when the query fails or the label is not a rule.
   */
  ruleAttributes(label) {
    const result = this.#capture(["query", "--output=streamed_jsonproto", "--", label]);
    if (result.status !== 0) return void 0;
    try {
      const line = result.stdout.split("\n").find((l) => l.trim() !== "");
      const rule = line === void 0 ? void 0 : JSON.parse(line).rule;
      if (!rule?.attribute) return void 0;
      return new Map(rule.attribute.filter((a) => typeof a.name === "string").map((a) => [a.name, a]));
    } catch {
      return void 0;
    }
  }
  #info(key) {
    const result = this.#capture(["info", key]);
    if (result.status !== 0) throw new CliError(`bazel info ${key} failed:
${bazelErrors(result.stderr)}`);
    return result.stdout.trim();
  }
  /** Bazel's execution root: every File.path cquery reports is relative to it. */
  executionRoot() {
    this.#executionRoot ??= this.#info("execution_root");
    return this.#executionRoot;
  }
  /** The workspace's output base: Bazel's own directory for it, outside the source tree. */
  outputBase() {
    return this.#info("output_base");
  }
  /**
   * `bazel build` of exactly `outputGroups` of `labels` ("default": their default outputs), with
   * Bazel's progress on stderr (its stdout too, so that ours stays clean).
   */
  build(labels, outputGroups) {
    const args = ["build", ...this.flags, `--output_groups=${outputGroups.join(",")}`];
    args.push("--", ...labels);
    const result = (0, import_node_child_process.spawnSync)(this.launcher.command, args, { cwd: this.cwd, stdio: ["ignore", 2, "inherit"] });
    if (result.error) throw new CliError(`cannot run Bazel (${this.launcher.source}): ${result.error.message}`);
    if (result.status === LOST_INPUTS_EXIT) {
      throw new CliError(`bazel build ${labels.join(" ")} failed (exit ${result.status}): ${LOST_INPUTS_HELP}`);
    }
    if (result.status !== 0) {
      throw new CliError(`bazel build ${labels.join(" ")} failed (exit ${result.status}); Bazel's messages are above.`);
    }
  }
};

// tools/src/cli/args.ts
var USAGE = `databazel: look at what databazel's rules built (or watch them build), or export it to TensorBoard.

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
var COMMAND_FLAGS = {
  show: ["--json", "--csv", "--md", "--no-build"],
  diff: ["--json", "--no-build"],
  lineage: ["--json", "--no-build"],
  open: ["--print", "--no-build"],
  report: ["--output", "--no-build"],
  export: ["--tensorboard", "--no-build"],
  watch: [],
  build: []
};
var ARITY = {
  show: [1, 1],
  diff: [2, 2],
  lineage: [1, 1],
  open: [1, Infinity],
  report: [1, Infinity],
  export: [1, 1],
  watch: [1, 1],
  build: [1, 1]
};
var VALUE_FLAGS = { "--output": "--output", "-o": "--output", "--tensorboard": "--tensorboard" };
var VALUE_NAMES = { "--output": "a file name", "--tensorboard": "a directory: --tensorboard DIR" };
function usage(message) {
  return new UsageError(`${message}
Run \`databazel --help\` for usage.`);
}
function parseArgs(argv) {
  const dashes = argv.indexOf("--");
  const own2 = dashes === -1 ? [...argv] : argv.slice(0, dashes);
  const bazelFlags = dashes === -1 ? [] : argv.slice(dashes + 1);
  if (own2.length === 0 || own2.some((a) => a === "-h" || a === "--help") || own2[0] === "help") {
    return { command: { name: "help" }, noBuild: false, bazelFlags };
  }
  const [name, ...rest] = own2;
  const allowed = COMMAND_FLAGS[name];
  if (!allowed) {
    throw usage(`unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMAND_FLAGS).join(", ")}.`);
  }
  const flags = /* @__PURE__ */ new Set();
  const values = /* @__PURE__ */ new Map();
  const positionals = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf("=");
    const valueFlag = VALUE_FLAGS[eq > 0 ? arg.slice(0, eq) : arg];
    if (arg === "--build") continue;
    else if (valueFlag && allowed.includes(valueFlag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === void 0 || value === "" || eq < 0 && value.startsWith("-")) {
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
  const [least, most] = ARITY[name];
  if (positionals.length < least || positionals.length > most) {
    const what = most === Infinity ? "one or more labels or patterns" : least === 1 ? "one label" : `${least} labels`;
    throw usage(`databazel ${name} takes ${what}, got ${positionals.length === 0 ? "none" : positionals.join(" ")}.`);
  }
  const [first, second] = positionals;
  const command = (() => {
    switch (name) {
      case "show": {
        const formats = ["json", "csv", "md"].filter((f) => flags.has(`--${f}`));
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
        if (tensorboard === void 0) throw usage(`databazel export: say where to write: --tensorboard DIR (TensorBoard event files).`);
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

// tools/src/cli/diff.ts
var import_node_fs4 = require("node:fs");

// tools/src/lib/json.ts
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
function stableJson(value) {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}
function parseJsonOrProblem(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { problem: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

// tools/src/formats/shape.ts
var import_node_fs2 = require("node:fs");
var FormatError = class extends Error {
};
var Mismatch = class extends Error {
  constructor(at, problem) {
    super(`${at || "the top level"} ${problem}`);
    this.at = at;
    this.problem = problem;
  }
  at;
  problem;
};
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
function primitive(expected, test) {
  return {
    expected,
    check(value, at) {
      if (!test(value)) throw new Mismatch(at, `is ${describe(value)}, expected ${expected}`);
      return value;
    }
  };
}
var string = primitive("a string", (v) => typeof v === "string");
var number = primitive("a number", (v) => typeof v === "number" && Number.isFinite(v));
var boolean = primitive("a boolean", (v) => typeof v === "boolean");
function literal(...values) {
  const expected = values.map((v) => JSON.stringify(v)).join(" or ");
  return primitive(expected, (v) => typeof v === "string" && values.includes(v));
}
function nullable(shape) {
  return {
    expected: `${shape.expected} or null`,
    check: (value, at) => value === null ? null : shape.check(value, at)
  };
}
function arrayOf(item) {
  return {
    expected: `an array of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!Array.isArray(value)) throw new Mismatch(at, `is ${describe(value)}, expected an array`);
      value.forEach((v, i) => item.check(v, `${at}[${i}]`));
      return value;
    }
  };
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function recordOf(item) {
  return {
    expected: `an object of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!isObject(value)) throw new Mismatch(at, `is ${describe(value)}, expected an object`);
      for (const [k, v] of Object.entries(value)) item.check(v, at ? `${at}.${k}` : k);
      return value;
    }
  };
}
function object(fields) {
  return {
    fields,
    expected: "an object",
    check(value, at) {
      if (!isObject(value)) throw new Mismatch(at, `is ${describe(value)}, expected an object`);
      for (const [key, shape] of Object.entries(fields)) {
        const where = at ? `${at}.${key}` : key;
        if (!(key in value)) throw new Mismatch(where, `is missing (expected ${shape.expected})`);
        shape.check(value[key], where);
      }
      return value;
    }
  };
}
function readJsonFile(path, what, fix) {
  let text;
  try {
    text = (0, import_node_fs2.readFileSync)(path, "utf8");
  } catch (err) {
    throw new FormatError(`cannot read ${what} ${path}: ${err.message}.
Fix: ${fix}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FormatError(`cannot read ${what} ${path}: it is not valid JSON (${err.message}).
Fix: ${fix}`);
  }
}
function readShapedFile(shape, path, what, fix) {
  return checkFile(shape, readJsonFile(path, what, fix), path, what, fix);
}
function checkFile(shape, value, file, what, fix) {
  try {
    return shape.check(value, "");
  } catch (err) {
    if (!(err instanceof Mismatch)) throw err;
    throw new FormatError(`${file} is not a valid ${what}: ${err.message}.
Fix: ${fix}`);
  }
}

// tools/src/formats/versioned.ts
function formatVersion(version) {
  return {
    expected: String(version),
    check(value, at) {
      if (value !== version) throw new Mismatch(at, `is ${JSON.stringify(value)}, expected ${version}`);
      return version;
    }
  };
}
function rebuildFix(label) {
  return label ? `rebuild it (bazel build ${label}).` : "rebuild it with bazel build.";
}
function checkFormatVersion(value, file, what, version, fix) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const found = "format" in value ? value.format : 0;
  if (typeof found !== "number" || found === version) return;
  const writer = found < version ? "an older" : "a newer";
  const advice = found < version ? fix : `update databazel to a version that reads format ${found}, or ${fix}`;
  throw new FormatError(
    `${file} is ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} in format ${found} (written by ${writer} databazel); this databazel reads format ${version}.
Fix: ${advice}`
  );
}
function checkVersionedFile(shape, value, file, what, version, fix) {
  checkFormatVersion(value, file, what, version, fix);
  return checkFile(shape, value, file, what, fix);
}

// tools/src/formats/run-record.ts
var RUN_RECORD_FORMAT = 3;
var OUTCOMES = ["succeeded", "failed", "timed_out", "diverged", "pruned"];
var FAILURES = ["failed", "timed_out", "diverged"];
var outcome = literal(...OUTCOMES);
var fileDigest = object({ path: string, sha256: string, bytes: number });
var outcomeFields = {
  /**
   * "succeeded", or, in a search with max_failed_trials, "failed" (a non-zero exit or a broken
   * contract), "timed_out" or "diverged" (its search metric is NaN, infinite or missing); with a
   * scheduler, "pruned" for the segments of a stopped trial, which do not train. An eval
   * run whose model failed to train passes the train run's outcome on without running.
   */
  outcome,
  /** One line saying what went wrong; null when it succeeded. */
  error: nullable(string),
  /** The whole message the action would have failed with: cause, fix, last lines, command to rerun. */
  failure_message: nullable(string),
  /** The last lines the script printed, when it did not succeed; [] when it did. */
  log_tail: arrayOf(string)
};
var common = {
  format: formatVersion(RUN_RECORD_FORMAT),
  label: string,
  /** The trial (or segment) inside a search, or null. */
  trial: nullable(string),
  /** The exact command that ran the user's executable; rerunning it reproduces the run. */
  command: arrayOf(string),
  /** The script's exit code; null when a signal (or its timeout) ended it, or it did not run. */
  exit_code: nullable(number),
  duration_ms: number,
  ...outcomeFields
};
var trainRecord = object({
  ...common,
  kind: literal("train"),
  hyperparams: recordOf(string),
  seed: number,
  /** Set when the model trains in segments: the epochs this action trained. */
  epochs: nullable(object({ start: number, end: number })),
  inputs: object({ training_data: arrayOf(fileDigest), executable: fileDigest, init_checkpoint: nullable(fileDigest) }),
  outputs: object({ model: fileDigest })
});
var evalRecord = object({
  ...common,
  kind: literal("eval"),
  inputs: object({ model: fileDigest, test_data: arrayOf(fileDigest), executable: fileDigest }),
  outputs: object({ metrics: fileDigest })
});
var WHAT = "run record";
function parseRunRecord(value, file, label) {
  const fix = rebuildFix(label);
  const kind = checkVersionedFile(object({ kind: literal("train", "eval") }), value, file, WHAT, RUN_RECORD_FORMAT, fix).kind;
  return kind === "train" ? checkFile(trainRecord, value, file, WHAT, fix) : checkFile(evalRecord, value, file, WHAT, fix);
}
function readRunRecord(path, label) {
  return parseRunRecord(readJsonFile(path, `the ${WHAT}`, rebuildFix(label)), path, label);
}

// tools/src/formats/objectives.ts
var goal = literal("maximize", "minimize");
var objective = object({ name: string, goal });
var constraint = object({ metric: string, op: literal("<=", ">="), bound: number });
function isPareto(objectives, constraints) {
  return objectives.length > 1 || constraints.length > 0;
}

// tools/src/formats/leaderboard.ts
var LEADERBOARD_FORMAT = 4;
var ranked = object({
  rank: number,
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /**
   * "succeeded", "failed", "timed_out" or "diverged" (see the run record's outcome), or with a
   * scheduler "pruned": stopped at a rung, and scored at its last checkpoint.
   */
  outcome,
  /** What went wrong, in one line; null when it succeeded. */
  error: nullable(string),
  /** The value of the search's metric; null when the trial did not succeed. */
  value: nullable(number),
  /** Every scalar metric, by dotted name; {} when the trial did not succeed. */
  metrics: recordOf(number),
  /** The trial's model, relative to the workspace's bazel-bin. */
  model: string,
  /** With a scheduler: the Hyperband bracket (0 for successive halving); else null. */
  bracket: nullable(number),
  /** With a scheduler: the Hyperband iteration of its bracket, from 1 (1 for successive halving); else null. */
  iteration: nullable(number),
  /** With a scheduler: the last rung the trial reached, 1-based; else null. */
  rung: nullable(number),
  /** With a scheduler: the epochs the trial trained (null when it failed); else null. */
  epochs: nullable(number),
  /**
   * Its front in non-dominated sorting (1 is the Pareto front), among the trials that trained as
   * far (with a scheduler); infeasible trials come after every feasible one. With one objective
   * and no constraints, trials of equal value share a rank. Null when the trial did not succeed.
   */
  pareto_rank: nullable(number),
  /**
   * Its crowding distance in its front (NSGA-II's: the normalized size of the gap around it);
   * null when it is infinite (an extreme of its front) or the trial is not ranked.
   */
  crowding: nullable(number),
  /** How far it is outside the constraints (0 when it keeps them all); null when the trial did not succeed. */
  violation: nullable(number)
});
var scheduleEntry = object({
  trial: string,
  outcome,
  /** The metric on the validation data at a deciding rung; on the test data at the last rung. */
  value: nullable(number),
  /** "continue" or "stop" at a deciding rung; "final" at the last. */
  decision: literal("continue", "stop", "final"),
  /** Whether continue_trials made it go on though it was not among the best. */
  forced: boolean
});
var scheduleRung = object({
  epochs: number,
  /** How many trials go on to the next rung; null at the last rung. */
  keep: nullable(number),
  trials: arrayOf(scheduleEntry)
});
var schedule = object({
  scheduler: literal("successive_halving", "hyperband"),
  min_epochs: number,
  max_epochs: number,
  reduction_factor: number,
  /** How many times Hyperband ran its brackets (1 for successive halving). */
  iterations: number,
  brackets: arrayOf(object({ iteration: number, bracket: number, rungs: arrayOf(scheduleRung) }))
});
var frontTrial = object({
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /** Its objectives' values, by name. */
  values: recordOf(number),
  model: string
});
var leaderboard = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  label: string,
  /** The objective whose value `value` holds: the only one, or `select`'s, or the first. */
  metric: string,
  goal,
  /** What trials are ranked by, in the order given: one for a search by `metric`. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** With several objectives, how the best trial is picked from the front ("knee" or an objective); else null. */
  select: nullable(string),
  /** The name of the best trial (rank 1), which succeeded. */
  best: string,
  /** The Pareto front: the trials of pareto_rank 1 that trained to the end, in leaderboard order. */
  front: arrayOf(string),
  /** Best first. */
  trials: arrayOf(ranked),
  /** The rungs of a search with a scheduler, with every decision; null for grid and random search. */
  schedule: nullable(schedule)
});
var best = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  metric: string,
  goal,
  value: number,
  model: string,
  objectives: arrayOf(objective),
  select: nullable(string),
  /** The best trial's objective values, by name. */
  values: recordOf(number),
  /** Every trial of the Pareto front, the best first. */
  front: arrayOf(frontTrial)
});
function parseLeaderboard(value, file, label) {
  return checkVersionedFile(leaderboard, value, file, "leaderboard", LEADERBOARD_FORMAT, rebuildFix(label));
}
function readLeaderboard(path, label) {
  return parseLeaderboard(readJsonFile(path, "the leaderboard", rebuildFix(label)), path, label);
}
function hyperparamNames(trials) {
  return [...new Set(trials.flatMap((t) => Object.keys(t.hyperparams)))].sort();
}

// tools/src/leaderboard/render.ts
function toLeaderboard(json) {
  return {
    label: json.label,
    metric: json.metric,
    goal: json.goal,
    objectives: json.objectives,
    constrained: json.constraints.length > 0,
    front: new Set(json.front),
    hyperparamNames: hyperparamNames(json.trials),
    metricNames: [...new Set(json.trials.flatMap((t) => Object.keys(t.metrics)))].sort(),
    hasFailures: json.trials.some((t) => t.outcome !== "succeeded"),
    scheduled: json.schedule !== null,
    brackets: json.schedule?.scheduler === "hyperband",
    iterations: (json.schedule?.iterations ?? 1) > 1,
    trials: [...json.trials].sort((a, b) => a.rank - b.rank)
  };
}
function leadMetrics(board) {
  return board.objectives.length > 1 ? board.objectives.map((o) => o.name) : [board.metric];
}
var paretoColumns = (board) => board.objectives.length > 1 || board.constrained;
function columns(board) {
  const lead = leadMetrics(board);
  const others = board.metricNames.filter((m) => !lead.includes(m));
  return [
    "rank",
    "trial",
    ...paretoColumns(board) ? ["pareto_rank"] : [],
    ...board.constrained ? ["violation"] : [],
    ...board.iterations ? ["iteration"] : [],
    ...board.brackets ? ["bracket"] : [],
    ...board.scheduled ? ["rung", "epochs_trained"] : [],
    ...board.hyperparamNames,
    ...lead,
    ...others,
    ...board.hasFailures ? ["outcome", "error"] : []
  ];
}
function row(board, t) {
  const lead = leadMetrics(board);
  const others = board.metricNames.filter((m) => !lead.includes(m));
  const number2 = (n) => n === null || n === void 0 ? "" : formatNumber(n);
  return [
    String(t.rank),
    t.trial,
    ...paretoColumns(board) ? [number2(t.pareto_rank)] : [],
    ...board.constrained ? [number2(t.violation)] : [],
    ...[...board.iterations ? [t.iteration] : [], ...board.brackets ? [t.bracket] : [], ...board.scheduled ? [t.rung, t.epochs] : []].map((n) => n === null ? "" : String(n)),
    ...board.hyperparamNames.map((h) => t.hyperparams[h] ?? ""),
    ...lead.length > 1 ? lead.map((m) => number2(t.metrics[m])) : [number2(t.value)],
    ...others.map((m) => number2(t.metrics[m])),
    ...board.hasFailures ? [t.outcome, t.error ?? ""] : []
  ];
}
function formatNumber(n) {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}
function csvField(field) {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function toCsv(board) {
  const lines = [columns(board), ...board.trials.map((t) => row(board, t))];
  return lines.map((fields) => fields.map(csvField).join(",")).join("\n") + "\n";
}
function mdCell(cell2) {
  return cell2.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function toMarkdown(board) {
  const header = columns(board);
  const better = (goal2) => goal2 === "maximize" ? "higher" : "lower";
  const what = board.objectives.length > 1 ? `${board.objectives.map((o) => `${o.name} (${better(o.goal)} is better)`).join(", ")}; the Pareto front's trials have pareto_rank 1; best (picked from the front) in bold.` : `${board.metric}, ${better(board.goal)} is better; best in bold.`;
  const lines = [
    `Leaderboard of \`${board.label}\`: ${what}`,
    "",
    `| ${header.map(mdCell).join(" | ")} |`,
    `| ${header.map((_, i) => i === 0 ? "---:" : "---").join(" | ")} |`,
    ...board.trials.map((t) => {
      const cells = row(board, t).map(mdCell);
      return `| ${(t.rank === 1 ? cells.map((c) => c ? `**${c}**` : c) : cells).join(" | ")} |`;
    })
  ];
  return lines.join("\n") + "\n";
}

// tools/src/lib/metrics.ts
function firstNonNumericLeaf(value, path = "metrics", nonFinite = false) {
  if (typeof value === "number") return nonFinite || Number.isFinite(value) ? void 0 : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstNonNumericLeaf(item, `${path}[${i}]`, nonFinite);
      if (bad) return bad;
    }
    return void 0;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const bad = firstNonNumericLeaf(item, `${path}.${key}`, nonFinite);
      if (bad) return bad;
    }
    return void 0;
  }
  return `${path} is ${JSON.stringify(value)} (${value === null ? "null" : typeof value})`;
}
function metricAt(metrics, name) {
  if (metrics === null || typeof metrics !== "object") return void 0;
  const node = metrics;
  if (Object.hasOwn(node, name) && typeof node[name] === "number") return node[name];
  for (let dot = name.lastIndexOf("."); dot > 0; dot = name.lastIndexOf(".", dot - 1)) {
    const head = name.slice(0, dot);
    if (!Object.hasOwn(node, head)) continue;
    const value = metricAt(node[head], name.slice(dot + 1));
    if (value !== void 0) return value;
  }
  return void 0;
}
function scalarNames(metrics, prefix = "") {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return [];
  return Object.entries(metrics).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === "number" ? [name] : scalarNames(value, name);
  });
}
function scalarMetrics(metrics) {
  const out = {};
  for (const name of scalarNames(metrics)) out[name] ??= metricAt(metrics, name);
  return out;
}

// tools/src/cli/table.ts
var plain = { bold: (t) => t, highlight: (t) => t };
var ansi = {
  bold: (t) => `\x1B[1m${t}\x1B[22m`,
  highlight: (t) => `\x1B[1;32m${t}\x1B[0m`
};
function styleFor(stream, env = process.env) {
  if (env.NO_COLOR) return plain;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return ansi;
  if (env.FORCE_COLOR === "0") return plain;
  return stream.isTTY ? ansi : plain;
}
function looksNumeric(cells) {
  const nonEmpty = cells.filter((c) => c !== "" && c !== "—");
  return nonEmpty.length > 0 && nonEmpty.every((c) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(c));
}
function renderTable(columns2, rows, options = {}) {
  const style = options.style ?? plain;
  const indent = options.indent ?? "";
  const widths = columns2.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => columns2.map((c, i) => {
    const cell2 = cells[i] ?? "";
    const width = widths[i];
    return c.align === "right" ? cell2.padStart(width) : cell2.padEnd(width);
  }).join("  ").trimEnd();
  const out = [indent + style.bold(line(columns2.map((c) => c.header)))];
  rows.forEach((row3, i) => {
    const text = line(row3);
    out.push(indent + (options.highlight?.(i) ? style.highlight(text) : text));
  });
  return out.join("\n") + "\n";
}
function autoColumns(headers, rows) {
  return headers.map((header, i) => ({
    header,
    align: looksNumeric(rows.map((r) => r[i] ?? "")) ? "right" : "left"
  }));
}

// tools/src/cli/targets.ts
var import_node_fs3 = require("node:fs");
var import_node_path2 = require("node:path");

// tools/src/formats/providers.ts
var modelFields = object({
  model: string,
  hyperparams: recordOf(string),
  hyperparams_file: string,
  seed: nullable(number),
  label: string,
  data: arrayOf(string),
  lineage: arrayOf(string),
  run_record: nullable(string),
  learning_curve: nullable(string)
});
var searchTrialFields = object({
  name: string,
  hyperparams: recordOf(string),
  seed: number,
  model: string,
  metrics: string,
  /** The trial's eval run record; its `outcome` says whether the trial succeeded. */
  run_record: string,
  learning_curve: nullable(string),
  /** Set when a sampler proposed the trial's hyperparameters: the file that holds them. */
  hyperparams_file: nullable(string)
});
var searchFields = object({
  metric: string,
  goal,
  /** Metric to goal: what trials are ranked by ({metric: goal} for a search by one metric). */
  objectives: recordOf(goal),
  leaderboard_json: string,
  leaderboard_csv: string,
  leaderboard_md: string,
  best: string,
  best_model: string,
  trials: arrayOf(searchTrialFields),
  /** The scheduler's settings (SearchInfo.schedule), or null. */
  schedule: nullable(
    object({
      scheduler: string,
      min_epochs: number,
      max_epochs: number,
      reduction_factor: number,
      /** The deciding rungs' summaries (tools/src/formats/scheduler.ts). */
      rung_summaries: arrayOf(string)
    })
  )
});
var metricsFields = object({
  metrics: string,
  model_label: string,
  run_record: nullable(string),
  trial: nullable(string)
});
var OUTPUT_GROUPS = ["records", "report", "hyperparams"];
var target = object({
  label: string,
  model: nullable(modelFields),
  search: nullable(searchFields),
  metrics: nullable(metricsFields),
  /** Those of OUTPUT_GROUPS the target has. */
  output_groups: recordOf(arrayOf(string)),
  files: arrayOf(string)
});
function parseTargetLine(line, formatFile) {
  const fix = `use the databazel CLI and ${formatFile} from the same databazel release (reinstall it); if they match, report a databazel bug.`;
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    throw new FormatError(`bazel cquery with ${formatFile} printed a line that is not JSON: ${line}
Fix: ${fix}`);
  }
  return checkFile(target, value, `a line of bazel cquery with ${formatFile}`, "target description", fix);
}

// tools/src/cli/targets.ts
function isPattern(label) {
  return /(^|\/)\.\.\.(:.*)?$|:(all|\*|all-targets)$/.test(label);
}
function kindOf(target2) {
  if (target2.search) return "search";
  if (target2.metrics) return "evaluate";
  if (target2.model) return "model";
  return void 0;
}
var KIND_NAMES = {
  search: "a hyperparam_search target (SearchInfo)",
  evaluate: "an evaluate target (MetricsInfo)",
  model: "a model target (ModelInfo)"
};
function kindName(kind) {
  return KIND_NAMES[kind];
}
function displayLabel(label) {
  return label.replace(/^@@?\/\//, "//");
}
function queryTargets(ws, expression) {
  const byLabel = /* @__PURE__ */ new Map();
  for (const target2 of ws.bazel.cquery(expression, ws.formatFile).map((line) => parseTargetLine(line, ws.formatFile))) {
    const seen = byLabel.get(target2.label);
    if (!seen || kindOf(seen) === void 0 && kindOf(target2) !== void 0) byLabel.set(target2.label, target2);
  }
  return [...byLabel.values()];
}
function queryOneTarget(ws, label) {
  const targets = queryTargets(ws, label);
  const [target2] = targets;
  if (!target2) throw new CliError(`${label} names no target.`);
  if (targets.length > 1) {
    const names = targets.map((t) => displayLabel(t.label));
    throw new UsageError(`${label} names ${targets.length} targets (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}); give one label.`);
  }
  return target2;
}
function whatIs(ws, target2) {
  const kind = kindOf(target2);
  if (kind) return kindName(kind);
  const ruleKind = ws.bazel.labelKind(target2.label);
  const provides = "it provides none of ModelInfo, SearchInfo and MetricsInfo";
  return `${ruleKind ? `a ${ruleKind}` : "a target"}, not a databazel target (${provides})`;
}
function requireKind(ws, target2, command, accepted, hint = () => "") {
  const kind = kindOf(target2);
  if (kind !== void 0 && accepted.includes(kind)) return kind;
  const advice = kind === void 0 ? "" : hint(kind);
  const expected = accepted.map(kindName);
  const list2 = expected.length === 1 ? expected[0] : `${expected.slice(0, -1).join(", ")} or ${expected.at(-1)}`;
  throw new UsageError(
    `${displayLabel(target2.label)} is ${whatIs(ws, target2)}; \`databazel ${command}\` expects ${list2}.${advice ? `
${advice}` : ""}`
  );
}
function hostPath(ws, path) {
  return (0, import_node_path2.isAbsolute)(path) ? path : (0, import_node_path2.join)(ws.bazel.executionRoot(), path);
}
function ensureOutputs(ws, target2, paths) {
  return ensureAllOutputs(ws, [{ target: target2, paths }])[0];
}
function groupsFor(target2, paths) {
  const groups = [["default", target2.files], ...Object.entries(target2.output_groups)];
  const chosen = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const holding = groups.filter(([, files]) => files.includes(path)).sort(([, a], [, b]) => a.length - b.length);
    if (holding.length === 0) return void 0;
    chosen.add(holding[0][0]);
  }
  return [...chosen].sort();
}
function listed(labels) {
  return labels.length <= 3 ? labels.join(", ") : `${labels.length} targets (${labels.slice(0, 3).join(", ")}, ...)`;
}
function ensureAllOutputs(ws, wanted) {
  const missing = (paths) => paths.filter((p) => !(0, import_node_fs3.existsSync)(hostPath(ws, p)));
  const labels = [...new Set(wanted.map((w) => displayLabel(w.target.label)))];
  const what = listed(labels);
  if (!ws.build) {
    const absent = wanted.flatMap((w) => missing(w.paths));
    if (absent.length > 0) {
      throw new CliError(
        `--no-build, but ${what} ${labels.length === 1 ? "has" : "have"} not been built: ${absent.length === 1 ? "an output" : `${absent.length} outputs`} it reads ${absent.length === 1 ? "is" : "are"} missing:
  ${absent.slice(0, 5).join("\n  ")}${absent.length > 5 ? "\n  ..." : ""}
Fix: leave out --no-build, and the CLI builds ${labels.length === 1 ? "it" : "them"} first.`
      );
    }
    return wanted.map((w) => w.paths.map((p) => hostPath(ws, p)));
  }
  const requests = wanted.map((w) => {
    const groups = groupsFor(w.target, w.paths) ?? ["default", ...OUTPUT_GROUPS.filter((g) => g in w.target.output_groups)];
    return { label: w.target.label, keys: groups.map((g) => `${w.target.label} ${g}`), groups };
  });
  const todo = requests.filter((r) => r.keys.some((k) => !ws.built.has(k)));
  if (todo.length > 0) {
    const names = [...new Set(todo.map((r) => r.label))].map(displayLabel);
    ws.log(`databazel: building ${listed(names)} to bring ${names.length === 1 ? "it" : "them"} up to date (--no-build skips this) ...`);
    ws.bazel.build(names, [...new Set(todo.flatMap((r) => r.groups))].sort());
    for (const r of todo) for (const k of r.keys) ws.built.add(k);
  }
  const after = wanted.flatMap((w) => missing(w.paths));
  if (after.length > 0) {
    throw new CliError(`${what} ${labels.length === 1 ? "was" : "were"} built, but these outputs are still missing:
  ${after.join("\n  ")}`);
  }
  return wanted.map((w) => w.paths.map((p) => hostPath(ws, p)));
}

// tools/src/cli/diff.ts
function readJson(path, what) {
  try {
    return JSON.parse((0, import_node_fs4.readFileSync)(path, "utf8"));
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
function stringRecord(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
function trained(ws, target2) {
  if (target2.search) {
    const [path] = ensureOutputs(ws, target2, [target2.search.leaderboard_json]);
    const best2 = readLeaderboard(path, displayLabel(target2.label)).trials.find((t) => t.rank === 1);
    if (!best2) throw new CliError(`the leaderboard of ${displayLabel(target2.label)} has no trials.`);
    return { hyperparams: best2.hyperparams, seed: best2.seed, trial: best2.trial, metrics: best2.metrics };
  }
  const model = target2.model;
  const wanted = [model.hyperparams_file, model.learning_curve, model.run_record].filter((p) => p !== null);
  const [hyperparamsFile, ...rest] = ensureOutputs(ws, target2, wanted);
  const curveFile = model.learning_curve ? rest.shift() : void 0;
  const recordFile = model.run_record ? rest.shift() : void 0;
  let hyperparams = Object.keys(model.hyperparams).length > 0 ? model.hyperparams : stringRecord(readJson(hyperparamsFile, "the hyperparameters"));
  const record = recordFile ? readRunRecord(recordFile, displayLabel(target2.label)) : void 0;
  const epochsAttr = record?.kind === "train" ? record.epochs?.end : void 0;
  let epochsNote;
  if (!("epochs" in hyperparams) && typeof epochsAttr === "number") {
    hyperparams = { ...hyperparams, epochs: String(epochsAttr) };
    epochsNote = "epochs: its epochs attribute";
  }
  const curve = curveFile ? readJson(curveFile, "the learning curve") : [];
  const last = Array.isArray(curve) ? curve.at(-1) : void 0;
  const metrics = scalarMetrics(last);
  const epoch = metrics.epoch ?? (Array.isArray(curve) && curve.length > 0 ? `${curve.length}` : void 0);
  return {
    hyperparams,
    seed: model.seed,
    metrics,
    ...epoch !== void 0 ? { lastEpoch: epoch } : {},
    ...epochsNote ? { epochsNote } : {}
  };
}
function sideOf(ws, target2) {
  const kind = requireKind(ws, target2, "diff", ["model", "evaluate", "search"]);
  const label = displayLabel(target2.label);
  if (kind === "evaluate") {
    const info = target2.metrics;
    const [metricsFile] = ensureOutputs(ws, target2, [info.metrics]);
    const metrics = scalarMetrics(readJson(metricsFile, "the metrics"));
    const modelLabel = displayLabel(info.model_label);
    const model = queryOneTarget(ws, info.model_label);
    const base = { label, kind, metrics };
    if (!model.model) {
      return { ...base, source: `evaluation of ${modelLabel}`, hyperparams: {}, seed: null };
    }
    const of2 = trained(ws, model);
    const notes = [of2.trial ? `its best trial ${of2.trial}` : "", of2.epochsNote ?? ""].filter((n) => n);
    const source2 = `evaluation of ${modelLabel}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}`;
    return { ...base, source: source2, hyperparams: of2.hyperparams, seed: of2.seed };
  }
  const of = trained(ws, target2);
  const source = [
    kind === "search" ? `search; its best trial ${of.trial}` : of.lastEpoch !== void 0 ? `model; metrics: the last point of its learning curve, epoch ${of.lastEpoch}` : "model; no learning curve, so no metrics",
    ...of.epochsNote ? [of.epochsNote] : []
  ].join("; ");
  return { label, kind, source, hyperparams: of.hyperparams, seed: of.seed, metrics: of.metrics };
}
var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
function asNumber(value) {
  if (typeof value === "number") return value;
  return value !== null && NUMBER.test(value.trim()) ? Number(value) : void 0;
}
function diffRows(a, b) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.map((name) => {
    const va = a[name] ?? null;
    const vb = b[name] ?? null;
    const na = asNumber(va);
    const nb = asNumber(vb);
    let change;
    if (va === null) change = "added";
    else if (vb === null) change = "removed";
    else if (na !== void 0 && nb !== void 0) change = Number(formatNumber(nb - na));
    else change = va === vb ? null : "changed";
    return { name, a: va, b: vb, change };
  });
}
function withSeed(side) {
  return side.seed === null ? side.hyperparams : { ...side.hyperparams, seed: side.seed };
}
function cell(value) {
  if (value === null) return "—";
  return typeof value === "number" ? formatNumber(value) : value;
}
function changeCell(change) {
  if (change === null) return "";
  if (typeof change !== "number") return change;
  return change > 0 ? `+${formatNumber(change)}` : formatNumber(change);
}
function section(title2, rows, a, b, style) {
  if (rows.length === 0) return `${style.bold(title2)}: none
`;
  const numeric = rows.every((r) => [r.a, r.b].every((v) => v === null || asNumber(v) !== void 0));
  const columns2 = [
    { header: "name" },
    { header: a.label, align: numeric ? "right" : "left" },
    { header: b.label, align: numeric ? "right" : "left" },
    { header: "change", align: "right" }
  ];
  const cells = rows.map((r) => [r.name, cell(r.a), cell(r.b), changeCell(r.change)]);
  return `${style.bold(title2)}
${renderTable(columns2, cells, { style, indent: "  " })}`;
}
function compare(a, b) {
  const about = (s) => ({ label: s.label, kind: s.kind, source: s.source });
  return {
    a: about(a),
    b: about(b),
    hyperparams: diffRows(withSeed(a), withSeed(b)),
    metrics: diffRows(a.metrics, b.metrics)
  };
}
function renderDiff(diff2, a, b, style) {
  return [
    `A: ${a.label} (${a.source})`,
    `B: ${b.label} (${b.source})`,
    "",
    section("Hyperparameters", diff2.hyperparams, a, b, style),
    section("Metrics", diff2.metrics, a, b, style)
  ].join("\n");
}
function diff(ws, labelA, labelB, json, style) {
  const a = sideOf(ws, queryOneTarget(ws, labelA));
  const b = sideOf(ws, queryOneTarget(ws, labelB));
  const result = compare(a, b);
  return json ? stableJson(result) : renderDiff(result, a, b, style);
}

// tools/src/cli/export.ts
var import_node_fs6 = require("node:fs");
var import_node_path4 = require("node:path");

// tools/src/formats/files.ts
var FILE_SUFFIXES = {
  train_record: ".train.json",
  train_outcome: ".train.outcome.json",
  train_log: ".train.log",
  eval_record: ".eval.json",
  eval_outcome: ".eval.outcome.json",
  eval_log: ".eval.log",
  curve: ".curve.json",
  extras: ".extras",
  hyperparams: ".hyperparams.json",
  leaderboard_json: ".leaderboard.json",
  leaderboard_csv: ".leaderboard.csv",
  leaderboard_md: ".leaderboard.md",
  best: ".best.json",
  best_hyperparams: ".best_hyperparams.json",
  best_model: ".best_model",
  best_model_dir: ".best_model.d",
  leaderboard_manifest: ".manifest.json",
  report_manifest: ".report.json",
  report_html: ".report.html",
  training_data_digests: ".training_data.digests.json",
  test_data_digests: ".test_data.digests.json",
  validation_data_digests: ".validation_data.digests.json",
  promotion: ".promotion.json",
  validation_metrics: ".validation.json",
  validation_record: ".validation.eval.json",
  validation_outcome: ".validation.outcome.json",
  validation_log: ".validation.eval.log",
  promote_manifest: ".promote.json",
  rung_summary: ".rung.json",
  sampler_manifest: ".sampler.json",
  sampler_history: ".history.json",
  sampler_proposals: ".proposals.json"
};

// tools/src/lib/curve.ts
function parseCurve(text) {
  const json = parseJsonOrProblem(text);
  if ("problem" in json) return json.problem;
  const parsed = json.value;
  if (!Array.isArray(parsed)) return "is not a JSON array";
  for (const [i, point] of parsed.entries()) {
    if (point === null || typeof point !== "object" || Array.isArray(point)) return `has an entry ${i} that is not an object`;
    const bad = firstNonNumericLeaf(point, `curve[${i}]`);
    if (bad) return `has a value that is not a number: ${bad}`;
  }
  return parsed;
}
function curveNumbers(text) {
  const parsed = JSON.parse(text);
  if (!Array.isArray(parsed)) return void 0;
  return parsed.map(
    (point) => Object.fromEntries(
      Object.entries(point !== null && typeof point === "object" ? point : {}).filter(
        (e) => typeof e[1] === "number" && Number.isFinite(e[1])
      )
    )
  );
}

// tools/src/tensorboard/hparams.ts
var NUMBER2 = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
var isNumber = (text) => NUMBER2.test(text.trim());
function parseDistribution(expr) {
  const match = expr.trim().match(/^(\w+)\s*\((.*)\)$/s);
  if (!match) return void 0;
  const [, kind, args] = match;
  const parts = args.split(",").map((p) => p.trim());
  if (kind === "choice") return { discrete: parts.map((p) => p.replace(/^["']+|["']+$/g, "")) };
  if (!["uniform", "loguniform", "int"].includes(kind) || parts.length !== 2 || !parts.every(isNumber)) return void 0;
  return { interval: { min: Number(parts[0]), max: Number(parts[1]) } };
}
var byText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function unique(values) {
  const seen = /* @__PURE__ */ new Set();
  return values.filter((v) => {
    const key = typeof v === "number" ? `n${v}` : `s${String(v)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function declaredDomain(name, declared) {
  const expr = declared?.space[name];
  if (expr !== void 0) {
    const dist = parseDistribution(expr);
    const description = `space: ${expr}`;
    return dist && "interval" in dist ? { range: dist.interval, description } : { ...dist ? { listed: dist.discrete } : {}, description };
  }
  const axis2 = declared?.grid[name];
  if (axis2) return { listed: axis2, description: `grid: ${axis2.join(", ")}` };
  const fixed = declared?.fixed[name];
  if (fixed !== void 0) return { listed: [fixed], description: `fixed: ${fixed}` };
  return { description: "the values the trials ran with" };
}
function hparamInfos(trials, declared) {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t)))].sort(byText);
  return names.map((name) => {
    const observed = [...new Set(trials.flatMap((t) => name in t ? [t[name]] : []))].sort(byText);
    const { listed: listed2 = [], range, description } = declaredDomain(name, declared);
    const numeric = [...listed2, ...observed].every(isNumber);
    if (range && numeric) {
      const values2 = observed.map(Number);
      return { name, type: "float64", domain: { interval: { min: Math.min(range.min, ...values2), max: Math.max(range.max, ...values2) } }, description };
    }
    const others = observed.filter((v) => !listed2.includes(v));
    if (numeric) others.sort((a, b) => Number(a) - Number(b));
    const values = [...listed2, ...others].map((v) => numeric ? Number(v) : v);
    return { name, type: numeric ? "float64" : "string", domain: { discrete: unique(values) }, description };
  });
}
function typedHparams(hparams, infos) {
  const types = new Map(infos.map((i) => [i.name, i.type]));
  return Object.fromEntries(
    Object.entries(hparams).map(([k, v]) => [k, (types.get(k) ?? (isNumber(v) ? "float64" : "string")) === "float64" && isNumber(v) ? Number(v) : v])
  );
}

// tools/src/tensorboard/protobuf.ts
var VARINT = 0;
var I64 = 1;
var LEN = 2;
var I32 = 5;
var ProtoWriter = class {
  #parts = [];
  #varint(value) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`protobuf varint: ${value} is not a non-negative safe integer`);
    }
    const bytes = [];
    let v = value;
    while (v >= 128) {
      bytes.push(v % 128 | 128);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    this.#parts.push(Buffer.from(bytes));
  }
  #tag(field, wireType) {
    this.#varint(field * 8 + wireType);
  }
  /** An unsigned or non-negative integer field: int32, int64, uint64, bool, enum. */
  uint(field, value) {
    this.#tag(field, VARINT);
    this.#varint(value);
    return this;
  }
  bool(field, value) {
    return this.uint(field, value ? 1 : 0);
  }
  /** A `double` field: 8 bytes, little-endian. */
  double(field, value) {
    return this.#fixed(field, I64, 8, (b) => b.writeDoubleLE(value));
  }
  /** A `float` field: 4 bytes, little-endian (the value rounded to single precision). */
  float(field, value) {
    return this.#fixed(field, I32, 4, (b) => b.writeFloatLE(value));
  }
  /** A fixed-width field: `size` bytes that `write` fills. */
  #fixed(field, wireType, size, write) {
    this.#tag(field, wireType);
    const b = Buffer.alloc(size);
    write(b);
    this.#parts.push(b);
    return this;
  }
  /** A `bytes` field, or a nested message's bytes. */
  bytes(field, value) {
    this.#tag(field, LEN);
    this.#varint(value.length);
    this.#parts.push(Buffer.from(value));
    return this;
  }
  string(field, value) {
    return this.bytes(field, Buffer.from(value, "utf8"));
  }
  message(field, value) {
    return this.bytes(field, value.finish());
  }
  finish() {
    return Buffer.concat(this.#parts);
  }
};

// tools/src/tensorboard/tfrecord.ts
var TABLE = (() => {
  const table2 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 2197175160 ^ c >>> 1 : c >>> 1;
    table2[n] = c >>> 0;
  }
  return table2;
})();
function crc32c(data) {
  let crc = 4294967295;
  for (const byte of data) crc = TABLE[(crc ^ byte) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function maskedCrc32c(data) {
  const crc = crc32c(data);
  return ((crc >>> 15 | crc << 17) >>> 0) + 2726488792 >>> 0;
}
function tfRecord(data) {
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(data.length));
  const crcs = Buffer.alloc(8);
  crcs.writeUInt32LE(maskedCrc32c(length), 0);
  crcs.writeUInt32LE(maskedCrc32c(data), 4);
  return Buffer.concat([length, crcs.subarray(0, 4), data, crcs.subarray(4)]);
}

// tools/src/tensorboard/events.ts
var FILE_VERSION = "brain.Event:2";
var HPARAMS_PLUGIN = "hparams";
var HPARAMS_PLUGIN_DATA_VERSION = 0;
var EXPERIMENT_TAG = "_hparams_/experiment";
var SESSION_START_INFO_TAG = "_hparams_/session_start_info";
var SESSION_END_INFO_TAG = "_hparams_/session_end_info";
var STATUS = { unknown: 0, success: 1, failure: 2, running: 3 };
var DATA_TYPE = { string: 1, bool: 2, float64: 3 };
function event(wallTime, step) {
  return new ProtoWriter().double(1, wallTime).uint(2, step);
}
function fileVersionEvent(wallTime) {
  return new ProtoWriter().double(1, wallTime).string(3, FILE_VERSION).finish();
}
function scalarsEvent(wallTime, step, scalars) {
  const summary = new ProtoWriter();
  for (const { tag, value } of scalars) summary.message(1, new ProtoWriter().string(1, tag).float(2, value));
  return event(wallTime, step).message(5, summary).finish();
}
function nullTensor() {
  return new ProtoWriter().uint(
    1,
    1
    /* DT_FLOAT */
  ).message(2, new ProtoWriter().message(2, new ProtoWriter()));
}
function hparamsEvent(wallTime, step, tag, data) {
  const pluginData2 = new ProtoWriter().string(1, HPARAMS_PLUGIN).message(2, data);
  const value = new ProtoWriter().string(1, tag).message(8, nullTensor()).message(9, new ProtoWriter().message(1, pluginData2));
  return event(wallTime, step).message(5, new ProtoWriter().message(1, value)).finish();
}
function pluginData(field, message) {
  return new ProtoWriter().uint(1, HPARAMS_PLUGIN_DATA_VERSION).message(field, message);
}
function protoValue(value) {
  if (typeof value === "number") return new ProtoWriter().double(2, value);
  if (typeof value === "boolean") return new ProtoWriter().bool(4, value);
  return new ProtoWriter().string(3, value);
}
function experimentEvent(wallTime, experiment) {
  const e = new ProtoWriter().string(1, experiment.description).double(3, experiment.timeCreatedSecs);
  for (const h of experiment.hparams) {
    const info = new ProtoWriter().string(1, h.name);
    if (h.description) info.string(3, h.description);
    info.uint(4, DATA_TYPE[h.type]);
    if (h.domain && "discrete" in h.domain) {
      const list2 = new ProtoWriter();
      for (const v of h.domain.discrete) list2.message(1, protoValue(v));
      info.message(5, list2);
    } else if (h.domain) {
      info.message(6, new ProtoWriter().double(1, h.domain.interval.min).double(2, h.domain.interval.max));
    }
    e.message(4, info);
  }
  for (const m of experiment.metrics) {
    const info = new ProtoWriter().message(1, new ProtoWriter().string(2, m.tag));
    if (m.displayName) info.string(3, m.displayName);
    if (m.description) info.string(4, m.description);
    e.message(5, info);
  }
  e.string(6, experiment.name);
  return hparamsEvent(wallTime, 0, EXPERIMENT_TAG, pluginData(2, e));
}
function sessionStartEvent(wallTime, hparams) {
  const start = new ProtoWriter();
  for (const name of Object.keys(hparams).sort()) {
    start.message(1, new ProtoWriter().string(1, name).message(2, protoValue(hparams[name])));
  }
  start.double(5, wallTime);
  return hparamsEvent(wallTime, 0, SESSION_START_INFO_TAG, pluginData(3, start));
}
function sessionEndEvent(wallTime, step, status) {
  const end = new ProtoWriter().uint(1, STATUS[status]).double(2, wallTime);
  return hparamsEvent(wallTime, step, SESSION_END_INFO_TAG, pluginData(4, end));
}
function eventFile(events) {
  return Buffer.concat(events.map(tfRecord));
}

// tools/src/tensorboard/runs.ts
var EVENT_FILE = "events.out.tfevents.0.databazel";
var TEST_PREFIX = "test/";
function curveSteps(curve) {
  const byEpoch = curve.length > 0 && curve.every((p) => Number.isSafeInteger(p.epoch) && p.epoch >= 0);
  return { steps: curve.map((p, i) => byEpoch ? p.epoch : i + 1), byEpoch };
}
function pointScalars(point, byEpoch) {
  return Object.entries(scalarMetrics(point)).filter(([tag]) => !(byEpoch && tag === "epoch")).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([tag, value]) => ({ tag, value }));
}
function curveTags(curve) {
  const { byEpoch } = curveSteps(curve);
  return [...new Set(curve.flatMap((p) => pointScalars(p, byEpoch).map((s) => s.tag)))].sort();
}
var ms = (seconds2) => Math.round(seconds2 * 1e3) / 1e3;
function trainingClock(training, lastStep) {
  const spans = training.map((s) => ({ start: s.epochs?.start ?? 0, end: s.epochs?.end ?? lastStep, seconds: s.seconds }));
  return (step) => ms(
    spans.reduce((sum, s) => {
      if (step >= s.end) return sum + s.seconds;
      if (step <= s.start) return sum;
      return sum + s.seconds * (step - s.start) / (s.end - s.start);
    }, 0)
  );
}
function sessionStatus(outcome2) {
  return outcome2 === "succeeded" || outcome2 === "pruned" ? "success" : "failure";
}
function runEventFile(run2) {
  const { steps, byEpoch } = curveSteps(run2.curve);
  const lastStep = steps.at(-1) ?? run2.epochs ?? 0;
  const clock = trainingClock(run2.training, lastStep);
  const trained2 = clock(Number.POSITIVE_INFINITY);
  const end = ms(trained2 + run2.evalSeconds);
  const events = [fileVersionEvent(0), sessionStartEvent(0, run2.hparams)];
  run2.curve.forEach((point, i) => {
    const scalars = pointScalars(point, byEpoch);
    if (scalars.length > 0) events.push(scalarsEvent(clock(steps[i]), steps[i], scalars));
  });
  const finals = Object.keys(run2.metrics).sort().map((name) => ({ tag: `${TEST_PREFIX}${name}`, value: run2.metrics[name] })).concat(run2.ranking ?? []);
  if (finals.length > 0) events.push(scalarsEvent(end, lastStep, finals));
  events.push(sessionEndEvent(end, lastStep, sessionStatus(run2.outcome)));
  return eventFile(events);
}
function experimentEventFile(experiment) {
  return eventFile([fileVersionEvent(0), experimentEvent(0, experiment)]);
}

// tools/src/tensorboard/search-metrics.ts
var PARETO_RANK_TAG = "pareto/rank";
var VIOLATION_TAG = "pareto/violation";
var byText2 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function searchMetricInfos(board, finals, curveTags2) {
  const multi = board.objectives.length > 1;
  const lead = multi ? board.objectives : [{ name: board.metric, goal: board.goal }];
  const names = [...new Set(finals)];
  const first = lead.filter((o) => names.includes(o.name));
  const rest = names.filter((n) => !lead.some((o) => o.name === n)).sort(byText2);
  const describe2 = (name) => {
    const k = lead.findIndex((o) => o.name === name);
    if (k < 0) return `${name} on the test data`;
    return multi ? `${name} on the test data, objective ${k + 1} of ${lead.length} the search ranks by (${lead[k].goal})` : `${name} on the test data, the metric the search ranks by (${board.goal})`;
  };
  const ranking = isPareto(board.objectives, board.constraints) ? [
    { tag: PARETO_RANK_TAG, description: "the trial's Pareto front among the trials that trained as far: 1 is the front, trials no other beats on every objective" },
    ...board.constraints.length ? [{ tag: VIOLATION_TAG, description: "how far the trial is outside the constraints: 0 when it keeps them all" }] : []
  ] : [];
  return [
    ...[...first.map((o) => o.name), ...rest].map((name) => ({ tag: `${TEST_PREFIX}${name}`, description: describe2(name) })),
    ...ranking,
    ...[...new Set(curveTags2)].sort(byText2).map((tag) => ({ tag, description: `${tag} at the last epoch of the learning curve` }))
  ];
}
function rankingScalars(board, t) {
  if (!isPareto(board.objectives, board.constraints) || t.pareto_rank === null) return [];
  return [
    { tag: PARETO_RANK_TAG, value: t.pareto_rank },
    ...board.constraints.length && t.violation !== null ? [{ tag: VIOLATION_TAG, value: t.violation }] : []
  ];
}

// tools/src/cli/front.ts
function objectivesInWords(objectives) {
  const each = objectives.map((o) => `${o.name} (${o.goal})`);
  return each.length < 3 ? each.join(" and ") : `${each.slice(0, -1).join(", ")} and ${each.at(-1)}`;
}
function selectReason(select) {
  return select === null || select === "knee" ? `the knee: nearest the ideal point, each objective scaled to [0, 1] over the front (select = "knee")` : `best by ${select} (select = "${select}")`;
}
function renderFront(json, style) {
  const both = json.objectives.length === 2 ? "both" : "every objective";
  const among = [
    ...json.schedule ? ["trained to the last rung"] : [],
    ...json.constraints.length ? [`keep ${json.constraints.map((c) => `${c.metric} ${c.op} ${formatNumber(c.bound)}`).join(" and ")}`] : []
  ];
  const n = json.front.length;
  const title2 = `Pareto front of ${objectivesInWords(json.objectives)}: ${n} trial${n === 1 ? "" : "s"} that no other trial beats on ${both}${among.length ? ` among the trials that ${among.join(" and ")}` : ""}.`;
  if (n === 0) return `${style.bold(title2)}
`;
  const byName = new Map(json.trials.map((t) => [t.trial, t]));
  const headers = ["", "trial", ...json.objectives.map((o) => o.name)];
  const rows = json.front.map((name) => {
    const values = byName.get(name)?.metrics ?? {};
    return [name === json.best ? "*" : "", name, ...json.objectives.map((o) => values[o.name] === void 0 ? "" : formatNumber(values[o.name]))];
  });
  const table2 = renderTable(autoColumns(headers, rows), rows, { style, highlight: (i) => json.front[i] === json.best });
  return `${style.bold(title2)}

${table2}* selected: ${json.best}, ${selectReason(json.select)}.
`;
}

// tools/src/shim/digest.ts
var import_node_crypto = require("node:crypto");
var import_node_fs5 = require("node:fs");
var import_node_path3 = require("node:path");

// tools/src/formats/digests.ts
var DIGESTS_FORMAT = 1;
var dataDigests = object({ format: formatVersion(DIGESTS_FORMAT), files: arrayOf(fileDigest) });

// tools/src/shim/digest.ts
var CHUNK = 1 << 20;
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function fileDigest2(path) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = (0, import_node_fs5.openSync)(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = (0, import_node_fs5.readSync)(fd, buffer, 0, CHUNK, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    (0, import_node_fs5.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}
function filesUnder(dir) {
  const out = [];
  for (const entry of (0, import_node_fs5.readdirSync)(dir, { withFileTypes: true })) {
    const path = (0, import_node_path3.join)(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}
var NONE = /* @__PURE__ */ new Map();
function digest(path, known = NONE) {
  const stat = (0, import_node_fs5.statSync)(path);
  if (!stat.isDirectory()) {
    const sha2562 = known.get(path);
    return sha2562 ? { path, sha256: sha2562, bytes: stat.size } : { path, ...fileDigest2(path) };
  }
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file, known);
    bytes += d.bytes;
    return `${d.sha256}  ${(0, import_node_path3.relative)(path, file)}
`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}
var PROBE_MAX_BYTES = 1 << 16;

// tools/src/cli/imported.ts
function isImported(target2) {
  const records = target2.output_groups.records ?? [];
  return kindOf(target2) === "model" && !target2.model.run_record && records.length === 0;
}
function importedLineageOf(ws, target2) {
  const model = target2.model;
  const [hostPath2] = ensureOutputs(ws, target2, [model.model]);
  return {
    label: displayLabel(target2.label),
    kind: "imported",
    hyperparams: model.hyperparams,
    seed: model.seed,
    model: { ...digest(hostPath2), path: model.model }
  };
}
function renderImportedLineage(l, style) {
  const hyperparams = Object.keys(l.hyperparams).sort().map((k) => `${k}=${l.hyperparams[k]}`).join(" ");
  return [
    style.bold(`${l.label}: an imported model (databazel did not train it, so no run record says how it was made)`),
    `  model            ${l.model.path}`,
    `  sha256           ${l.model.sha256}`,
    `  hyperparameters  ${hyperparams || "(not declared)"}`,
    `  seed             ${l.seed === null ? "(not declared)" : String(l.seed)}`,
    ""
  ].join("\n");
}

// tools/src/cli/lineage.ts
function chain(last, records, isModel = () => false) {
  const out = [last];
  for (let current = last; current.inputs.init_checkpoint; ) {
    const init = current.inputs.init_checkpoint;
    const parent = [...records.values()].find((r) => r.outputs.model.path === init.path);
    if (!parent && isModel(init.path)) break;
    if (!parent || out.includes(parent)) {
      throw new CliError(`no run record among the target's records wrote the checkpoint ${init.path}.`);
    }
    out.unshift(parent);
    current = parent;
  }
  return out;
}
function recordPathOf(records, record) {
  return [...records.entries()].find(([, r]) => r === record)?.[0] ?? "";
}
function modelsInDeps(ws, target2) {
  const models = /* @__PURE__ */ new Map();
  for (const dep of queryTargets(ws, `deps("${target2.label}")`)) {
    if (dep.label !== target2.label && dep.model) models.set(dep.model.model, displayLabel(dep.model.label));
  }
  return models;
}
function modelOwning(models, path) {
  for (const [model, label] of models) if (path === model || path.startsWith(`${model}/`)) return label;
  return void 0;
}
function withModel(models, file) {
  const owner = modelOwning(models, file.path);
  return owner ? { ...file, model: owner } : file;
}
function lineageOf(ws, target2) {
  const kind = requireKind(
    ws,
    target2,
    "lineage",
    ["model", "search"],
    (k) => k === "evaluate" ? `It scores ${displayLabel(target2.metrics.model_label)}: databazel lineage ${displayLabel(target2.metrics.model_label)}` : ""
  );
  const model = target2.model;
  const recordPaths = (target2.output_groups.records ?? []).filter((p) => p.endsWith(FILE_SUFFIXES.train_record));
  const search = target2.search;
  const wanted = [...recordPaths, ...search ? [search.leaderboard_json] : []];
  const hostPaths = ensureOutputs(ws, target2, wanted);
  const records = /* @__PURE__ */ new Map();
  recordPaths.forEach((path, i) => {
    const record = readRunRecord(hostPaths[i], displayLabel(target2.label));
    if (record.kind === "train") records.set(path, record);
  });
  let last;
  let trial = null;
  let hyperparams = model.hyperparams;
  let seed = model.seed;
  if (search) {
    const board = readLeaderboard(hostPaths.at(-1), displayLabel(target2.label));
    const best2 = board.trials.find((t) => t.trial === board.best);
    const bestTrial = search.trials.find((t) => t.name === board.best);
    if (!best2 || !bestTrial) throw new CliError(`the leaderboard of ${displayLabel(target2.label)} names no best trial.`);
    trial = best2.trial;
    hyperparams = best2.hyperparams;
    seed = best2.seed;
    last = [...records.values()].find((r) => r.outputs.model.path === bestTrial.model);
  } else if (model.run_record) {
    last = records.get(model.run_record);
  }
  if (!last) throw new CliError(`${displayLabel(target2.label)} has no run record of its training, so its lineage is unknown.`);
  const models = modelsInDeps(ws, target2);
  const segments = chain(last, records, (path) => modelOwning(models, path) !== void 0);
  const lineageFiles = model.lineage.map((path) => {
    const owner = modelOwning(models, path);
    return owner ? { path, model: owner } : { path };
  });
  const parentModels = [...models].filter(([path]) => lineageFiles.some((f) => f.path === path || f.path.startsWith(`${path}/`))).map(([path, label]) => ({ label, model: path }));
  return {
    label: displayLabel(target2.label),
    kind,
    trial,
    hyperparams,
    seed,
    model: { ...last.outputs.model, path: model.model },
    training_data: last.inputs.training_data.map((f) => withModel(models, f)),
    executable: last.inputs.executable,
    segments: segments.map((r) => ({
      epochs: r.epochs,
      init_checkpoint: r.inputs.init_checkpoint ? withModel(models, r.inputs.init_checkpoint) : null,
      output: r.outputs.model,
      duration_ms: r.duration_ms,
      record: recordPathOf(records, r)
    })),
    parent_models: parentModels,
    lineage: lineageFiles
  };
}
function digest2(file) {
  return file.sha256 ? `sha256 ${file.sha256}` : "";
}
function seconds(ms2) {
  return `${(ms2 / 1e3).toFixed(1)} s`;
}
function renderLineage(l, style) {
  const out = [];
  const what = l.kind === "search" ? `a hyperparam_search; its best model, from trial ${l.trial}` : "a model";
  out.push(style.bold(`${l.label}: ${what}`));
  const hyperparams = Object.entries(l.hyperparams).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `${k}=${v}`).join(" ");
  const facts = [
    ["label", l.label],
    ["model", l.model.path],
    ["sha256", l.model.sha256 ?? "(not recorded)"],
    ["hyperparameters", hyperparams || "(none)"],
    ["seed", l.seed === null ? "(none)" : String(l.seed)]
  ];
  const width = Math.max(...facts.map(([k]) => k.length));
  for (const [k, v] of facts) out.push(`  ${k.padEnd(width)}  ${v}`);
  out.push("", style.bold("Training data"));
  out.push(
    renderTable(
      [{ header: "path" }, { header: "sha256" }, { header: "bytes", align: "right" }, { header: "model" }],
      l.training_data.map((f) => [f.path, f.sha256 ?? "", f.bytes === void 0 ? "" : String(f.bytes), f.model ?? ""]),
      { style, indent: "  " }
    ).trimEnd()
  );
  out.push("", style.bold("Train executable"));
  out.push(`  ${l.executable.path}  ${digest2(l.executable)}`.trimEnd());
  const n = l.segments.length;
  out.push(
    "",
    style.bold(n === 1 ? "Training: one action" : `Training: ${n} segments, each continuing from the previous one's checkpoint`)
  );
  l.segments.forEach((s, i) => {
    const epochs = s.epochs ? `epochs ${s.epochs.start}–${s.epochs.end}` : "the whole training";
    out.push(`  ${i + 1}. ${epochs}${s.init_checkpoint ? "" : ", from scratch"}, ${seconds(s.duration_ms)}`);
    if (s.init_checkpoint) {
      const from = s.init_checkpoint.model ? `  (the model of ${s.init_checkpoint.model})` : "";
      out.push(`     init_checkpoint  ${s.init_checkpoint.path}  ${digest2(s.init_checkpoint)}${from}`.trimEnd());
    }
    out.push(`     wrote            ${s.output.path}  ${digest2(s.output)}`.trimEnd());
  });
  out.push("", style.bold("Models it was trained from (as training data or as its starting checkpoint)"));
  if (l.parent_models.length === 0) out.push("  (none)");
  for (const p of l.parent_models) out.push(`  ${p.label}  ${p.model}`);
  out.push("", style.bold(`Lineage: ${l.lineage.length} files (ModelInfo.lineage); [model] marks a model`));
  for (const f of l.lineage) out.push(f.model ? `  [model ${f.model}] ${f.path}` : `  ${f.path}`);
  return out.join("\n") + "\n";
}
function lineage(ws, label, json, style) {
  const target2 = queryOneTarget(ws, label);
  if (isImported(target2)) {
    const imported = importedLineageOf(ws, target2);
    return json ? stableJson(imported) : renderImportedLineage(imported, style);
  }
  const result = lineageOf(ws, target2);
  return json ? stableJson(result) : renderLineage(result, style);
}

// tools/src/cli/export.ts
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function readCurveFile(path, label) {
  let text;
  try {
    text = (0, import_node_fs6.readFileSync)(path, "utf8");
  } catch (err) {
    throw new CliError(`cannot read the learning curve ${path}: ${err.message}.
Fix: rebuild it (bazel build ${label}).`);
  }
  const curve = parseCurve(text);
  if (typeof curve === "string") throw new CliError(`the learning curve ${path} ${curve}.
Fix: rebuild it (bazel build ${label}).`);
  return curve;
}
function trainRecordPaths(target2) {
  return (target2.output_groups.records ?? []).filter((p) => p.endsWith(FILE_SUFFIXES.train_record));
}
function readTrainRecords(paths, hostPaths, label) {
  const records = /* @__PURE__ */ new Map();
  paths.forEach((path, i) => {
    const record = readRunRecord(hostPaths[i], label);
    if (record.kind === "train") records.set(path, record);
  });
  return records;
}
function trainingOf(model, records) {
  const last = [...records.values()].find((r) => r.outputs.model.path === model);
  if (!last) return [];
  return chain(last, records, () => true).map((r) => ({ epochs: r.epochs, seconds: r.duration_ms / 1e3 }));
}
function declaredOf(ws, label) {
  const attrs = ws.bazel.ruleAttributes(label);
  if (!attrs) return void 0;
  const dict = (name) => {
    const entries = attrs.get(name)?.stringDictValue;
    return Array.isArray(entries) ? Object.fromEntries(entries.map((e) => [e.key, e.value])) : {};
  };
  const listDict = (name) => {
    const entries = attrs.get(name)?.stringListDictValue;
    return Array.isArray(entries) ? Object.fromEntries(entries.map((e) => [e.key, e.value ?? []])) : {};
  };
  return { fixed: dict("hyperparams"), grid: listDict("grid"), space: dict("space") };
}
function searchExport(ws, target2) {
  const label = displayLabel(target2.label);
  const search = target2.search;
  const curves = search.trials.flatMap((t) => t.learning_curve ? [t.learning_curve] : []);
  const evals = search.trials.map((t) => t.run_record);
  const recordPaths = trainRecordPaths(target2);
  const host = ensureOutputs(ws, target2, [search.leaderboard_json, ...curves, ...evals, ...recordPaths]);
  const hostOf = new Map([search.leaderboard_json, ...curves, ...evals, ...recordPaths].map((p, i) => [p, host[i]]));
  const board = readLeaderboard(hostOf.get(search.leaderboard_json), label);
  const records = readTrainRecords(recordPaths, recordPaths.map((p) => hostOf.get(p)), label);
  const infos = hparamInfos(
    board.trials.map((t) => t.hyperparams),
    declaredOf(ws, target2.label)
  );
  const files = /* @__PURE__ */ new Map();
  const tags = /* @__PURE__ */ new Set();
  const metricNames = /* @__PURE__ */ new Set();
  const outcomes = /* @__PURE__ */ new Map();
  for (const ranked3 of board.trials) {
    const trial = search.trials.find((t) => t.name === ranked3.trial);
    if (!trial) throw new CliError(`the leaderboard of ${label} names a trial ${ranked3.trial} that ${label} does not have.
Fix: rebuild it (bazel build ${label}).`);
    const curve = trial.learning_curve ? readCurveFile(hostOf.get(trial.learning_curve), label) : [];
    const evalRecord2 = readRunRecord(hostOf.get(trial.run_record), label);
    const run2 = {
      hparams: typedHparams(ranked3.hyperparams, infos),
      curve,
      metrics: ranked3.metrics,
      outcome: ranked3.outcome,
      training: trainingOf(trial.model, records),
      evalSeconds: evalRecord2.duration_ms / 1e3,
      epochs: ranked3.epochs,
      ranking: rankingScalars(board, ranked3)
    };
    files.set((0, import_node_path4.join)(ranked3.trial, EVENT_FILE), runEventFile(run2));
    for (const tag of curveTags(curve)) tags.add(tag);
    for (const name of Object.keys(ranked3.metrics)) metricNames.add(name);
    outcomes.set(ranked3.outcome, (outcomes.get(ranked3.outcome) ?? 0) + 1);
  }
  const metrics = searchMetricInfos(board, metricNames, tags);
  const ranked2 = board.objectives.length > 1 ? `Pareto fronts of ${objectivesInWords(board.objectives)}; the selected trial is ${board.best} (${selectReason(board.select)}), of a front of ${board.front.length}` : `${board.metric} (${board.goal}); the best is ${board.best}`;
  files.set(
    EVENT_FILE,
    experimentEventFile({
      name: label,
      description: `${label}: ${plural(board.trials.length, "trial")} ranked by ${ranked2}.`,
      timeCreatedSecs: 0,
      hparams: infos,
      metrics
    })
  );
  const counts = OUTCOMES.filter((o) => outcomes.has(o)).map((o) => `${outcomes.get(o)} ${o}`).join(", ");
  return { name: target2.label.replace(/^.*:/, ""), files, summary: `${plural(board.trials.length, "trial")} (${counts})` };
}
function modelExport(ws, target2) {
  const label = displayLabel(target2.label);
  const model = target2.model;
  const recordPaths = trainRecordPaths(target2);
  const wanted = [model.hyperparams_file, ...model.learning_curve ? [model.learning_curve] : [], ...recordPaths];
  const host = ensureOutputs(ws, target2, wanted);
  const hostOf = new Map(wanted.map((p, i) => [p, host[i]]));
  const records = readTrainRecords(recordPaths, recordPaths.map((p) => hostOf.get(p)), label);
  let hyperparams = model.hyperparams;
  if (Object.keys(hyperparams).length === 0) {
    const parsed = readJsonFile(hostOf.get(model.hyperparams_file), "the hyperparameters", `rebuild it (bazel build ${label}).`);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      hyperparams = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
  }
  const last = model.run_record ? records.get(model.run_record) : void 0;
  const curve = model.learning_curve ? readCurveFile(hostOf.get(model.learning_curve), label) : [];
  const run2 = {
    hparams: typedHparams(hyperparams, []),
    curve,
    metrics: {},
    outcome: last?.outcome ?? "succeeded",
    training: trainingOf(model.model, records),
    evalSeconds: 0,
    epochs: null
  };
  return {
    name: target2.label.replace(/^.*:/, ""),
    files: /* @__PURE__ */ new Map([[EVENT_FILE, runEventFile(run2)]]),
    summary: `its learning curve (${plural(curve.length, "epoch")})`
  };
}
var OUR_FILE = /^events\.out\.tfevents\.\d+\.databazel$/;
function foreignFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of (0, import_node_fs6.readdirSync)(d, { withFileTypes: true })) {
      const path = (0, import_node_path4.join)(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!(entry.isFile() && OUR_FILE.test(entry.name))) out.push((0, import_node_path4.relative)(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}
function checkDestination(dir) {
  const fix = "Fix: give --tensorboard a directory you can write to (it is made if missing).";
  let probe = (0, import_node_path4.resolve)(dir);
  while (!(0, import_node_fs6.existsSync)(probe) && (0, import_node_path4.dirname)(probe) !== probe) probe = (0, import_node_path4.dirname)(probe);
  if (!(0, import_node_fs6.statSync)(probe).isDirectory()) {
    const what = probe === (0, import_node_path4.resolve)(dir) ? `${dir} is a file, not a directory` : `${probe} is a file, so ${dir} cannot be made`;
    throw new CliError(`cannot export to ${dir}: ${what}.
${fix}`);
  }
  try {
    (0, import_node_fs6.accessSync)(probe, import_node_fs6.constants.W_OK | import_node_fs6.constants.X_OK);
  } catch {
    throw new CliError(`cannot export to ${dir}: ${probe === (0, import_node_path4.resolve)(dir) ? dir : `${probe}, where it would be made,`} is not writable.
${fix}`);
  }
}
function writeExport(dir, exported) {
  const final = (0, import_node_path4.join)(dir, exported.name);
  const fail = (err) => err instanceof CliError ? err : new CliError(`cannot write the TensorBoard files to ${final}: ${err.message}.
Fix: give --tensorboard a directory you can write to, with space to spare.`);
  if ((0, import_node_fs6.existsSync)(final)) {
    const foreign = (0, import_node_fs6.statSync)(final).isDirectory() ? foreignFiles(final) : [(0, import_node_path4.basename)(final)];
    if (foreign.length > 0) {
      const list2 = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", ..." : "");
      throw new CliError(
        `cannot export to ${final}: it exists and holds files that databazel export did not write (${list2}).
Fix: move it away, or give --tensorboard another directory.`
      );
    }
  }
  let created;
  let tmp;
  try {
    created = (0, import_node_fs6.mkdirSync)((0, import_node_path4.dirname)(final), { recursive: true });
    tmp = (0, import_node_fs6.mkdtempSync)((0, import_node_path4.join)((0, import_node_path4.dirname)(final), `.${(0, import_node_path4.basename)(final)}.databazel-export-`));
    for (const [rel, bytes] of [...exported.files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
      (0, import_node_fs6.mkdirSync)((0, import_node_path4.dirname)((0, import_node_path4.join)(tmp, rel)), { recursive: true });
      (0, import_node_fs6.writeFileSync)((0, import_node_path4.join)(tmp, rel), bytes);
    }
    if ((0, import_node_fs6.existsSync)(final)) {
      const old = `${tmp}.old`;
      (0, import_node_fs6.renameSync)(final, old);
      try {
        (0, import_node_fs6.renameSync)(tmp, final);
      } catch (err) {
        (0, import_node_fs6.renameSync)(old, final);
        throw err;
      }
      tmp = void 0;
      try {
        (0, import_node_fs6.rmSync)(old, { recursive: true, force: true });
      } catch {
      }
    } else {
      (0, import_node_fs6.renameSync)(tmp, final);
      tmp = void 0;
    }
    return final;
  } catch (err) {
    if (tmp) (0, import_node_fs6.rmSync)(tmp, { recursive: true, force: true });
    if (created) (0, import_node_fs6.rmSync)(created, { recursive: true, force: true });
    throw fail(err);
  }
}
function exportTensorBoard(ws, label, dir) {
  checkDestination(dir);
  const target2 = queryOneTarget(ws, label);
  const kind = requireKind(
    ws,
    target2,
    "export",
    ["search", "model"],
    (k) => k === "evaluate" ? `It scores ${displayLabel(target2.metrics.model_label)}: databazel export --tensorboard ${dir} ${displayLabel(target2.metrics.model_label)}` : ""
  );
  const exported = kind === "search" ? searchExport(ws, target2) : modelExport(ws, target2);
  const path = writeExport(dir, exported);
  return `${displayLabel(target2.label)}: wrote ${exported.summary} as TensorBoard event files to ${path}
View them: tensorboard --logdir ${path}
`;
}

// tools/src/cli/open.ts
var import_node_child_process2 = require("node:child_process");

// tools/src/cli/report.ts
var import_node_fs9 = require("node:fs");
var import_node_path5 = require("node:path");
var import_node_url = require("node:url");

// tools/src/formats/manifest.ts
var FIX = "rebuild with one databazel version (clean the output base if the rules were just upgraded); if it persists, report a databazel bug.";
function readManifest(shape, path, what) {
  return readShapedFile(shape, path, what, FIX);
}

// tools/src/formats/sampler-manifest.ts
var distribution = object({
  kind: literal("uniform", "loguniform", "int", "choice"),
  low: number,
  high: number,
  /** The options of choice(); [] for the others. */
  choices: arrayOf(string)
});
var samplerHistoryTrial = object({
  name: string,
  hyperparams: string,
  metrics: string,
  outcome: string
});
var samplerManifest = object({
  label: string,
  /** The first objective (or the only one). */
  metric: string,
  goal,
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** "tpe" (MO-TPE with several objectives or constraints), "nsga2", or "executable" for a sampler executable. */
  sampler: literal("tpe", "nsga2", "executable"),
  /** The sampler executable's path, for "executable"; else null. */
  executable: nullable(string),
  /** Its label, for messages; else null. */
  sampler_label: nullable(string),
  seed: number,
  /** 1-based; the first batch is drawn at random at analysis time and has no propose action. */
  batch: number,
  space: recordOf(distribution),
  /** Hyperparameters every trial has (`hyperparams`), written into each proposal too. */
  fixed: recordOf(string),
  /** Every trial of the earlier batches, in order. */
  history: arrayOf(samplerHistoryTrial),
  /** The new trials: their names and where their hyperparameter files go. */
  proposals: arrayOf(object({ name: string, hyperparams: string }))
});

// tools/src/formats/report-manifest.ts
var searchReportTrial = object({
  name: string,
  /** The trial's metrics JSON. */
  metrics: string,
  /** Its learning curve: a JSON array of per-epoch objects, possibly empty. */
  curve: string
});
var searchReportManifest = object({
  kind: literal("search"),
  label: string,
  metric: string,
  goal,
  /** What trials are ranked by, in the order given: one for a search by `metric`. */
  objectives: arrayOf(objective),
  /** The leaderboard action's JSON (tools/src/formats/leaderboard.ts). */
  leaderboard: string,
  /** Every trial, in declaration order. */
  trials: arrayOf(searchReportTrial),
  /**
   * The search's `space`, parsed (databazel/private/trials.bzl): each hyperparameter's kind, so
   * that the charts draw a loguniform one on a log axis and a choice's options as categories.
   */
  space: recordOf(distribution),
  /** The search's `grid`: each hyperparameter's values, in the order the BUILD file gives them. */
  grid: recordOf(arrayOf(string))
});
var modelReportManifest = object({
  kind: literal("model"),
  label: string,
  /** The hyperparameters, a JSON object of strings. */
  hyperparams: string,
  /** The learning curve, a JSON array of per-epoch objects of numbers (possibly empty). */
  curve: string,
  /** The run records of the training actions, in order (one, or one per segment). */
  records: arrayOf(string)
});
var evaluateReportManifest = object({
  kind: literal("evaluate"),
  label: string,
  model_label: string,
  /** The metrics JSON: numbers, nested; may hold confusion_matrix (rows = true class). */
  metrics: string
});
var REPORT_MANIFESTS = {
  search: searchReportManifest,
  model: modelReportManifest,
  evaluate: evaluateReportManifest
};
function readReportManifest(path) {
  const { kind } = readManifest(object({ kind: literal("search", "model", "evaluate") }), path, "report manifest");
  return readManifest(REPORT_MANIFESTS[kind], path, `${kind} report manifest`);
}
function resolveManifestPaths(m, resolve4) {
  switch (m.kind) {
    case "search":
      return {
        ...m,
        leaderboard: resolve4(m.leaderboard),
        trials: m.trials.map((t) => ({ ...t, metrics: resolve4(t.metrics), curve: resolve4(t.curve) }))
      };
    case "model":
      return { ...m, hyperparams: resolve4(m.hyperparams), curve: resolve4(m.curve), records: m.records.map(resolve4) };
    case "evaluate":
      return { ...m, metrics: resolve4(m.metrics) };
  }
}

// tools/src/report/curves.ts
var import_node_fs8 = require("node:fs");

// tools/src/lib/user-facing-error.ts
var UserFacingError = class extends Error {
};

// tools/src/report/html.ts
var import_node_fs7 = require("node:fs");
function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function readJson2(path, what) {
  let text;
  try {
    text = (0, import_node_fs7.readFileSync)(path, "utf8");
  } catch (err) {
    throw new UserFacingError(`databazel: the report cannot read ${what} at ${path}: ${err.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserFacingError(`databazel: the report cannot parse ${what} at ${path}: ${err.message}`);
  }
}
function isNumeric(text) {
  return text.trim() !== "" && Number.isFinite(Number(text));
}
function section2(id, title2, body) {
  return `<section id="${esc(id)}">
<h2>${esc(title2)}</h2>
${body}
</section>`;
}
function note(text, missing) {
  return `<p class="note"${missing ? ` data-missing="${esc(missing)}"` : ""}>${esc(text)}</p>`;
}
function page(p) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${esc(p.label)} · ${esc(p.kind)} report</title>
<style>${CSS}</style>
</head>
<body data-kind="${esc(p.kind)}">
<header>
<p class="kind">databazel · ${esc(p.kind)}</p>
<h1>${esc(p.label)}</h1>
<p class="sub">${p.subtitle}</p>
</header>
<main>
${p.sections.join("\n")}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
var CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--accent:#0969da;--best:#fff4c2}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 32px 12px;border-bottom:1px solid var(--line);background:var(--panel)}
header h1{margin:2px 0 4px;font-size:22px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.kind{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:12px}
.sub{margin:0;color:var(--muted)}
.sub b,.sub code{color:var(--fg)}
main{padding:8px 32px 32px;max-width:1400px}
h2{font-size:17px;margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.note,.hint{color:var(--muted);margin:6px 0}
.note{font-style:italic}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--panel);font-weight:600}
td{max-width:28em;overflow:hidden;text-overflow:ellipsis}
.num{text-align:right}
th.metric,td.metric{font-weight:600}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th:hover{color:var(--accent)}
table.sortable th::after{content:"";display:inline-block;width:1em;color:var(--accent)}
table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
tr.best td{background:var(--best)}
tr.best td:first-child{box-shadow:inset 3px 0 0 #d4a72c}
tr.failed td{color:var(--muted)}
tr.failed td.outcome{color:#cf222e;font-weight:600}
tr.pruned td.outcome{color:var(--muted);font-style:italic}
td.outcome[data-v=succeeded]{color:#1a7f37}
td.outcome[data-v=failed],td.outcome[data-v=timed_out],td.outcome[data-v=diverged]{color:#cf222e;font-weight:600}
td.outcome::before{content:"";display:inline-block;width:7px;height:7px;margin:0 6px 1px 0;border-radius:50%;background:currentColor}
.pruned-count{color:var(--fg)}
.badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;background:#d4a72c;color:#fff;font-size:11px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);max-width:100%}
figcaption{font-weight:600;margin:0 0 4px}
svg.chart{display:block;width:560px;max-width:100%;height:auto}
svg.chart text{font-size:11px;fill:var(--muted)}
svg.chart .axis-title{font-size:12px;fill:var(--fg)}
svg.chart .grid{stroke:#eaeef2}
svg.chart .axis{stroke:#8c959f}
svg.chart .point{stroke:#fff;stroke-width:1}
svg.chart .point.best{stroke:#1f2328;stroke-width:2}
svg.chart .point.faded{opacity:.6}
svg.chart .line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
svg.chart .series.best .line{stroke-width:3.5}
svg.chart .series.faded{opacity:.3}
svg.chart .series.faded .line{stroke-width:1.25}
svg.chart.dim .series{opacity:.15}
svg.chart.dim .series.on{opacity:1}
svg.chart.dim .series.on .line{stroke-width:4}
.legend{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;max-width:560px}
.legend li{display:flex;align-items:center;gap:5px;cursor:default}
.legend .swatch{width:18px;height:0;border-top:3px solid}
.legend .dash1{border-top-style:dashed}
.legend .dash2{border-top-style:dotted}
.legend li.faded{color:var(--muted)}
.legend li.faded .swatch{opacity:.4}
.legend .tag{color:var(--muted);font-style:italic}
.bracket{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin:0 0 20px}
svg.chart[data-chart^=promotions] text.lane{font-size:11px;fill:var(--fg)}
svg.chart[data-chart^=promotions] text.lane.best{font-weight:700}
svg.chart[data-chart^=promotions] text.cut-label{font-size:11px;fill:var(--fg);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart[data-chart^=promotions] text.failed-mark{font-size:10px;fill:#cf222e;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart[data-chart^=promotions] .lane-bar:hover rect.bar{filter:brightness(.9)}
table.rungs th .detail{font-weight:400;color:var(--muted);font-size:11.5px}
table.rungs th{vertical-align:bottom}
table.rungs td{padding:2px 10px}
table.rungs td.trial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;max-width:none}
table.rungs td.rung{text-align:right}
table.rungs td.rung .d{display:inline-block;min-width:4.6em;text-align:left;font-size:12px}
table.rungs td.continue .d{color:#1a7f37;font-weight:600}
table.rungs td.stop .d{color:var(--muted)}
table.rungs td.final .d{color:#0969da;font-weight:600}
table.rungs td.failed .d{color:#cf222e;font-weight:600}
table.rungs td.stop .v{color:var(--muted)}
table.rungs tr.best td{background:var(--best)}
.forced{display:inline-block;padding:0 5px;border-radius:8px;background:#ddf4ff;color:#0969da;font-size:11px;font-weight:600}
svg.chart .pc-line{stroke-width:1.6;stroke-linejoin:round;opacity:.9}
svg.chart .pc-line.pruned{stroke-width:1.2;opacity:.55}
svg.chart .pc-line.failed{stroke-width:1.4;opacity:.8}
svg.chart .pc-line.best{stroke-width:3.5;opacity:1}
svg.chart .pc-line:hover{stroke-width:4;opacity:1}
svg.chart .pc-axis text.tick,svg.chart text.tick.no-value{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart .pc-axis .axis{stroke:#57606a}
svg.chart .axis-note{font-size:10.5px;font-style:italic}
table.index td.target,table.top td.trial,table.index td.trial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
table.index td.hp,table.top td.hp{max-width:36em;color:var(--muted)}
table.top tr.best td{background:var(--best)}
.count[data-outcome=succeeded]{color:#1a7f37}
.count[data-outcome=pruned]{color:var(--muted);font-style:italic}
.count[data-outcome=failed],.count[data-outcome=timed_out],.count[data-outcome=diverged]{color:#cf222e;font-weight:600}
a{color:var(--accent)}
.none{color:var(--muted)}
section.target{margin-top:28px}
section.target h2{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15.5px}
.facts{margin:4px 0 10px}
table.top{margin-bottom:6px}
table.matrix td{text-align:right;min-width:3.2em;border:1px solid #fff}
table.matrix th{text-align:center}
table.matrix th[scope=row]{text-align:right}
table.matrix td.zero{color:#c4c9ce}
`;
var SCRIPT = `
(function () {
  function sortTable(table, key, dir) {
    var ths = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var col = -1;
    for (var i = 0; i < ths.length; i++) if (ths[i].getAttribute("data-key") === key) { col = i; break; }
    if (col < 0) return false;
    var numeric = ths[col].getAttribute("data-type") === "num";
    var sign = dir === "desc" ? -1 : 1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { if (!r.hasAttribute("data-order")) r.setAttribute("data-order", String(i)); });
    function value(r) {
      var v = r.cells[col] ? r.cells[col].getAttribute("data-v") : "";
      return numeric ? (v === "" || v === null ? NaN : Number(v)) : (v || "");
    }
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      if (numeric) {
        if (isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;
        if (!isNaN(x) && x !== y) return sign * (x - y);
      } else if (x !== y) {
        return sign * (x < y ? -1 : 1);
      }
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    ths.forEach(function (th, i) {
      th.setAttribute("aria-sort", i === col ? (dir === "desc" ? "descending" : "ascending") : "none");
    });
    return true;
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
  tables.forEach(function (table, t) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      function go() {
        var key = th.getAttribute("data-key");
        var dir = th.getAttribute("aria-sort") === "ascending" ? "desc" : "asc";
        sortTable(table, key, dir);
        if (t === 0) {
          try { history.replaceState(null, "", "#sort=" + encodeURIComponent(key) + "&dir=" + dir); } catch (e) {}
        }
      }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
  });
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var key = params.get("sort");
    if (key !== null && tables[0]) sortTable(tables[0], key, params.get("dir") === "desc" ? "desc" : "asc");
  }
  fromHash();
  window.addEventListener("hashchange", fromHash);
  Array.prototype.forEach.call(document.querySelectorAll("figure"), function (fig) {
    var svg = fig.querySelector("svg.chart");
    Array.prototype.forEach.call(fig.querySelectorAll(".legend li[data-series]"), function (li) {
      var n = li.getAttribute("data-series");
      li.addEventListener("mouseenter", function () {
        svg.classList.add("dim");
        Array.prototype.forEach.call(svg.querySelectorAll('.series[data-series="' + n + '"]'), function (g) { g.classList.add("on"); });
      });
      li.addEventListener("mouseleave", function () {
        svg.classList.remove("dim");
        Array.prototype.forEach.call(svg.querySelectorAll(".series.on"), function (g) { g.classList.remove("on"); });
      });
    });
  });
})();
`;

// tools/src/report/svg.ts
var WIDTH = 560;
var HEIGHT = 320;
var MARGIN = { left: 60, right: 18, top: 14, bottom: 46 };
var X_RANGE = [MARGIN.left, WIDTH - MARGIN.right];
var Y_RANGE = [HEIGHT - MARGIN.bottom, MARGIN.top];
var FADED = "#8c959f";
var DASHES = ["", "6 4", "1.5 3.5"];
var px = (n) => String(Math.round(n * 10) / 10);
var tickLabel = (n) => formatNumber(Number(n.toPrecision(12)));
function niceStep(span, count) {
  const raw = span / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * pow;
}
function linearScale(values, range, options = {}) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  } else {
    const p = (hi - lo) * (options.pad ?? 0.05);
    lo = Math.min(...values) >= 0 ? Math.max(0, lo - p) : lo - p;
    hi += p;
  }
  let step = niceStep(hi - lo, 5);
  if (options.integer) step = Math.max(1, Math.round(step));
  const ticks = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
    const v = i * step;
    ticks.push({ at: range[0] + (v - lo) / (hi - lo) * (range[1] - range[0]), label: tickLabel(v) });
  }
  return {
    kind: "linear",
    at: (v) => range[0] + (Number(v) - lo) / (hi - lo) * (range[1] - range[0]),
    ticks
  };
}
function logScale(values, range, options = {}) {
  const logs = values.map(Math.log10);
  let lo = Math.min(...logs);
  let hi = Math.max(...logs);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  } else {
    const p = (hi - lo) * (options.pad ?? 0.05);
    lo -= p;
    hi += p;
  }
  const at = (v) => range[0] + (Math.log10(Number(v)) - lo) / (hi - lo) * (range[1] - range[0]);
  const steps = hi - lo < 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    for (const m of steps) {
      const v = Number((m * 10 ** k).toPrecision(12));
      const l = Math.log10(v);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) ticks.push({ at: at(v), label: tickLabel(v) });
    }
  }
  return { kind: "log", at, ticks };
}
function bandScale(categories, range) {
  const step = (range[1] - range[0]) / Math.max(1, categories.length);
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    kind: "band",
    at: (v) => range[0] + ((index.get(String(v)) ?? 0) + 0.5) * step,
    ticks: categories.map((c, i) => ({ at: range[0] + (i + 0.5) * step, label: c }))
  };
}
function paramScale(values, param, range) {
  const numeric = values.every(isNumeric);
  const nums = numeric ? values.map(Number) : [];
  if (param?.kind === "choice") return bandScale([.../* @__PURE__ */ new Set([...param.choices, ...values])], range);
  if (param?.kind === "grid") {
    const all = [.../* @__PURE__ */ new Set([...param.values, ...values])];
    return bandScale(all.every(isNumeric) ? all.sort((a, b) => Number(a) - Number(b)) : all, range);
  }
  if (param && numeric) {
    const bounds = [...nums, param.low, param.high];
    if (param.kind === "loguniform") return logScale(bounds, range, { pad: 0.03 });
    return linearScale(bounds, range, { pad: 0.03, integer: param.kind === "int" });
  }
  if (!numeric) return bandScale([...new Set(values)], range);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return min > 0 && max / min > 100 ? logScale(nums, range) : linearScale(nums, range);
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
function legend(items) {
  if (items.length === 0) return "";
  const lis = items.map((it) => {
    const attr = `${it.series === void 0 ? "" : ` data-series="${esc(it.series)}"`}${it.faded ? ` class="faded"` : ""}`;
    const badge = it.best ? `<span class="badge">best</span>` : "";
    const tag = it.tag ? ` <span class="tag">${esc(it.tag)}</span>` : "";
    return `<li${attr}><span class="swatch${it.dash ? ` dash${it.dash % DASHES.length}` : ""}" style="border-color:${it.color}"></span>${esc(it.label)}${tag}${badge}</li>`;
  });
  return `<ul class="legend">${lis.join("")}</ul>`;
}
function figure(f) {
  const width = f.width ?? WIDTH;
  const height = f.height ?? HEIGHT;
  const size = width === WIDTH ? "" : ` style="width:${width}px"`;
  const svg = `<svg class="chart" data-chart="${esc(f.name)}" data-x-scale="${f.xScale}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${size} role="img" aria-label="${esc(f.title)}">
${f.body}
</svg>`;
  const caption = f.caption ? `<p class="hint">${esc(f.caption)}</p>` : "";
  return `<figure style="max-width:${width + 22}px">
<figcaption>${esc(f.title)}</figcaption>
${svg}
${f.legendHtml ?? legend(f.legend ?? [])}${caption}
</figure>`;
}

// tools/src/report/curves.ts
function readCurve(path) {
  const curve = parseCurve((0, import_node_fs8.readFileSync)(path, "utf8"));
  if (typeof curve === "string") throw new UserFacingError(`databazel: the report's learning curve ${path} ${curve}`);
  return curve;
}

// tools/src/report/parallel.ts
var VIRIDIS = ["#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"];
var WORST = 0.85;
var FAILED = "#cf222e";
function sequential(t) {
  const x = (1 - Math.min(1, Math.max(0, t))) * WORST * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = parseInt(VIRIDIS[i].slice(1), 16);
  const b = parseInt(VIRIDIS[i + 1].slice(1), 16);
  const mix = (shift) => Math.round((a >> shift & 255) * (1 - f) + (b >> shift & 255) * f);
  return `#${[16, 8, 0].map((s) => mix(s).toString(16).padStart(2, "0")).join("")}`;
}
var TOP = 44;
var PLOT = 250;
var SPACING = 150;
var SIDE = 84;
function parallelChart(s) {
  const many = (s.objectives?.length ?? 0) > 1;
  const ends = many ? s.objectives : [{ name: s.metric, goal: s.goal }];
  const endValue = (t, k) => many ? t.value === null ? null : t.metrics[ends[k].name] ?? null : t.value;
  const axes2 = s.hyperparams.length + ends.length;
  const width = Math.max(560, SIDE * 2 + (axes2 - 1) * SPACING);
  const step = (width - SIDE * 2) / (axes2 - 1);
  const xs = Array.from({ length: axes2 }, (_, i) => SIDE + i * step);
  const bottom = TOP + PLOT;
  const range = [bottom, TOP];
  const failed = s.trials.some((t) => t.value === null);
  const noValue = bottom + 22;
  const barTop = (failed ? noValue : bottom) + 34;
  const height = barTop + 40;
  const scales = s.hyperparams.map((h) => paramScale(s.trials.map((t) => t.hyperparams[h] ?? ""), s.kinds.get(h), range));
  const endScales = ends.map((_, k) => {
    const values = s.trials.flatMap((t) => {
      const v = endValue(t, k);
      return v === null ? [] : [v];
    });
    return values.length ? linearScale(values, range) : void 0;
  });
  const completed = s.trials.filter((t) => t.outcome === "succeeded" && t.value !== null).map((t) => t.value);
  const [lo, hi] = completed.length ? [Math.min(...completed), Math.max(...completed)] : [0, 0];
  const goodness = (v) => hi === lo ? 1 : s.goal === "maximize" ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo);
  const layer = (t) => t.trial === s.best ? 3 : t.outcome === "pruned" ? 0 : t.value === null ? 1 : 2;
  const ordered = [...s.trials].map((t, i) => ({ t, i })).sort((a, b) => {
    const d = layer(a.t) - layer(b.t);
    if (d !== 0) return d;
    if (layer(a.t) === 2) return goodness(a.t.value) - goodness(b.t.value) || a.i - b.i;
    return a.i - b.i;
  });
  const lines = ordered.map(({ t }) => {
    const points = [];
    s.hyperparams.forEach((h, i) => {
      const v = t.hyperparams[h];
      if (v !== void 0) points.push(`${px(xs[i])},${px(scales[i].at(v))}`);
    });
    ends.forEach((_, k) => {
      const v = endValue(t, k);
      const scale = endScales[k];
      points.push(`${px(xs[s.hyperparams.length + k])},${px(v === null || !scale ? noValue : scale.at(v))}`);
    });
    const status = t.outcome === "succeeded" ? "completed" : t.outcome === "pruned" ? "pruned" : "failed";
    const look = status === "completed" ? `stroke="${sequential(goodness(t.value))}"` : status === "pruned" ? `stroke="${FADED}" stroke-dasharray="5 4"` : `stroke="${FAILED}" stroke-dasharray="2 3"`;
    const cls = `pc-line ${status}${t.trial === s.best ? " best" : ""}`;
    const tip = [
      `${t.trial}${t.trial === s.best ? " (best)" : ""}`,
      ...s.hyperparams.map((h) => `${h} = ${t.hyperparams[h] ?? ""}`),
      ...ends.map((o, k) => {
        const v = endValue(t, k);
        return v === null ? `${o.name}: none (${t.outcome})` : `${o.name} = ${formatNumber(v)}${status === "pruned" ? ` (pruned after ${t.epochs} epochs)` : ""}`;
      })
    ].join("\n");
    return `<polyline class="${cls}" data-trial="${esc(t.trial)}" data-outcome="${esc(t.outcome)}" points="${points.join(" ")}" fill="none" ${look}><title>${esc(tip)}</title></polyline>`;
  });
  const parts = [`<g class="pc-lines">`, ...lines, `</g>`];
  s.hyperparams.forEach((h, i) => parts.push(axis(xs[i], scales[i], h, i === 0 ? SIDE : step)));
  ends.forEach((o, k) => {
    const arrow = o.goal === "maximize" ? "↑" : "↓";
    parts.push(axis(xs[s.hyperparams.length + k], endScales[k] ?? linearScale([0, 1], range), `${o.name} ${arrow}`, step, true));
  });
  if (failed) {
    ends.forEach((_, k) => {
      const x = xs[s.hyperparams.length + k];
      parts.push(`<circle class="no-value" cx="${px(x)}" cy="${noValue}" r="3" fill="${FAILED}"/>`);
      if (k === ends.length - 1) parts.push(`<text class="tick no-value" x="${px(x + 7)}" y="${noValue}" dy="0.32em" text-anchor="start">no value</text>`);
    });
  }
  const best2 = s.trials.find((t) => t.trial === s.best);
  ends.forEach((_, k) => {
    const v = best2 ? endValue(best2, k) : null;
    const scale = endScales[k];
    if (v !== null && scale) {
      parts.push(`<circle class="pc-best" cx="${px(xs[s.hyperparams.length + k])}" cy="${px(scale.at(v))}" r="4.5" fill="${sequential(1)}" stroke="#fff" stroke-width="1.5"/>`);
    }
  });
  if (completed.length) parts.push(colourBar(s, lo, hi, barTop));
  const present = new Set(s.trials.map((t) => t.outcome === "succeeded" ? "completed" : t.outcome === "pruned" ? "pruned" : "failed"));
  const legend3 = [
    ...present.has("pruned") ? [{ label: "pruned: metric at the rung it stopped at", color: FADED, dash: 1 }] : [],
    ...present.has("failed") ? [{ label: "failed, timed out or diverged: no metric", color: FAILED, dash: 2 }] : []
  ];
  const chart = figure({
    name: "parallel-coordinates",
    xScale: "band",
    title: `Parallel coordinates: ${s.trials.length} trial${s.trials.length === 1 ? "" : "s"}`,
    body: parts.join("\n"),
    width,
    height,
    legend: legend3,
    caption: many ? `One line per trial, through its hyperparameters to each objective, coloured by ${s.metric}. The selected trial is the thick line; hover a line for its trial.` : `One line per trial, through its hyperparameters to its ${s.metric}. The best trial is the thick line; hover a line for its trial.`
  });
  return `<div class="charts">
${chart}
</div>`;
}
function axis(x, scale, title2, room, metric = false) {
  const out = [];
  const top = TOP;
  const bottom = TOP + PLOT;
  const kind = metric ? "metric" : scale.kind;
  const side = metric ? 1 : -1;
  out.push(`<g class="pc-axis" data-axis="${esc(title2)}" data-scale="${kind}">`);
  out.push(`<line class="axis" x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${bottom}"/>`);
  const chars = Math.max(4, Math.floor((room - 16) / 6.3));
  for (const t of scale.ticks) {
    const shown2 = truncate(t.label, chars);
    const full2 = shown2 === t.label ? "" : `<title>${esc(t.label)}</title>`;
    out.push(`<line class="axis" x1="${px(x + side * 4)}" x2="${px(x)}" y1="${px(t.at)}" y2="${px(t.at)}"/>`);
    out.push(`<text class="tick" x="${px(x + side * 7)}" y="${px(t.at)}" dy="0.32em" text-anchor="${metric ? "start" : "end"}">${full2}${esc(shown2)}</text>`);
  }
  const shown = truncate(title2, Math.floor((Math.min(room, SIDE) * 2 - 8) / 7));
  const full = shown === title2 ? "" : `<title>${esc(title2)}</title>`;
  out.push(`<text class="axis-title" x="${px(x)}" y="14" text-anchor="middle">${full}${esc(shown)}</text>`);
  if (scale.kind === "log" && !metric) out.push(`<text class="axis-note" x="${px(x)}" y="28" text-anchor="middle">log scale</text>`);
  out.push(`</g>`);
  return out.join("\n");
}
function colourBar(s, lo, hi, y) {
  const x0 = SIDE;
  const w = 240;
  const n = 24;
  const top = y + 6;
  const cells = Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return `<rect x="${px(x0 + i * w / n)}" y="${top}" width="${px(w / n + 0.5)}" height="10" fill="${sequential(t)}"/>`;
  });
  const [worst, bestValue] = s.goal === "maximize" ? [lo, hi] : [hi, lo];
  return `<g class="colour-bar" data-worst="${worst}" data-best="${bestValue}">
<text class="axis-title" x="${x0}" y="${y}" text-anchor="start">${esc(s.metric)} of the completed trials, darker is better</text>
${cells.join("")}
<text class="tick" x="${x0}" y="${top + 23}" text-anchor="start">${esc(formatNumber(worst))}</text><text class="tick" x="${x0 + w}" y="${top + 23}" text-anchor="end">${esc(formatNumber(bestValue))}</text>
</g>`;
}

// tools/src/pareto/reference.ts
var view = new DataView(new ArrayBuffer(8));

// tools/src/report/search.ts
function paramKinds(m) {
  const kinds = /* @__PURE__ */ new Map();
  for (const [name, values] of Object.entries(m.grid)) kinds.set(name, { kind: "grid", values });
  for (const [name, d] of Object.entries(m.space)) kinds.set(name, { kind: d.kind, low: d.low, high: d.high, choices: d.choices });
  return kinds;
}

// tools/src/report/index-page.ts
var TOP2 = 5;
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var compare2 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function anchors(labels) {
  const used = /* @__PURE__ */ new Set();
  const out = /* @__PURE__ */ new Map();
  for (const label of labels) {
    const base = `target-${label.replace(/^@*\/\//, "").replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-|-$/g, "")}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    out.set(label, id);
  }
  return out;
}
function outcomeCounts(trials) {
  const order = ["succeeded", "pruned", "failed", "timed_out", "diverged"];
  const counts = /* @__PURE__ */ new Map();
  for (const t of trials) counts.set(t.outcome, (counts.get(t.outcome) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || compare2(a, b));
  return keys.map((k) => `<span class="count" data-outcome="${esc(k)}">${counts.get(k)} ${esc(k)}</span>`).join(" · ");
}
var reportLink = (href) => href ? `<a class="report-link" href="${esc(href)}">report</a>` : `<span class="none">no report</span>`;
function indexReport(title2, given) {
  const entries = [...given].sort((a, b) => compare2(a.label, b.label));
  const ids = anchors(entries.map((e) => e.label));
  const searches = entries.flatMap(
    (e) => e.kind === "search" ? [{ entry: e, board: readLeaderboard(e.manifest.leaderboard, e.label), id: ids.get(e.label) }] : []
  );
  const models = entries.filter((e) => e.kind === "model");
  const evaluations = entries.filter((e) => e.kind === "evaluate");
  const counts = [
    searches.length ? `${searches.length} search${searches.length === 1 ? "" : "es"}` : "",
    models.length ? plural2(models.length, "model") : "",
    evaluations.length ? plural2(evaluations.length, "evaluation") : ""
  ].filter(Boolean);
  const subtitle = `${esc(counts.join(" · ") || "no databazel targets")} · click a search for its best trials; <i>report</i> opens a target's own report`;
  const sections = [];
  if (searches.length) sections.push(section2("searches-section", "Searches", searchTable(searches)));
  if (models.length) sections.push(section2("models-section", "Models", modelTable(models)));
  if (evaluations.length) sections.push(section2("evaluations-section", "Evaluations", evaluationTable(evaluations)));
  if (entries.length === 0) sections.push(note("The targets hold no model, evaluate or hyperparam_search target."));
  for (const s of searches) sections.push(searchSection(s));
  return page({ kind: "index", label: title2, subtitle, sections });
}
function searchTable(searches) {
  const rows = searches.map(({ entry, board, id }) => {
    const best2 = board.trials.find((t) => t.trial === board.best);
    const arrow = board.goal === "maximize" ? "↑" : "↓";
    return `<tr data-target="${esc(entry.label)}"><td class="target"><a href="#${esc(id)}">${esc(entry.label)}</a></td><td class="num" data-v="${board.trials.length}">${board.trials.length}</td><td class="outcomes">${outcomeCounts(board.trials)}</td><td>${esc(board.metric)} ${arrow}</td><td class="num metric" data-v="${best2?.value ?? ""}">${best2?.value == null ? "" : esc(formatNumber(best2.value))}</td><td class="trial" title="${esc(board.best)}">${esc(board.best)}</td><td>${reportLink(entry.report)}</td></tr>`;
  });
  return `<div class="scroll"><table id="searches" class="index">
<thead><tr><th scope="col">search</th><th scope="col" class="num">trials</th><th scope="col">outcomes</th><th scope="col">metric</th><th scope="col" class="num">best</th><th scope="col">best trial</th><th scope="col"></th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}
function lastOf(curve, match) {
  const last = curve[curve.length - 1];
  if (!last) return void 0;
  const key = Object.keys(last).filter((k) => k !== "epoch" && match.test(k)).sort()[0];
  return key === void 0 ? void 0 : { key, value: last[key] };
}
function modelTable(models) {
  const rows = models.map((m) => {
    const curve = m.manifest ? readCurve(m.manifest.curve) : [];
    const hyperparams = m.manifest ? readJson2(m.manifest.hyperparams, `the hyperparameters of ${m.label}`) : m.hyperparams;
    const loss = lastOf(curve, /loss/i);
    const accuracy = lastOf(curve, /acc/i);
    const hp = Object.keys(hyperparams).sort().map((k) => `${k} = ${hyperparams[k]}`).join(", ");
    const cell2 = (v) => v ? `<td class="num" data-v="${v.value}" title="${esc(v.key)}">${esc(formatNumber(v.value))}</td>` : `<td class="num"></td>`;
    return `<tr data-target="${esc(m.label)}"><td class="target">${esc(m.label)}</td><td class="num">${curve.length || ""}</td>${cell2(loss)}${cell2(accuracy)}<td class="hp" title="${esc(hp)}">${esc(hp)}</td><td>${reportLink(m.report)}</td></tr>`;
  });
  return `<div class="scroll"><table id="models" class="index">
<thead><tr><th scope="col">model</th><th scope="col" class="num">epochs</th><th scope="col" class="num">final loss</th><th scope="col" class="num">final accuracy</th><th scope="col">hyperparameters</th><th scope="col"></th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
<p class="hint">Final loss and accuracy: the last epoch of the learning curve (on the training data, as the training script wrote it).</p>`;
}
function evaluationTable(evaluations) {
  const metrics = evaluations.map((e) => scalarMetrics(readJson2(e.manifest.metrics, `the metrics of ${e.label}`)));
  const names = [...new Set(metrics.flatMap((m) => Object.keys(m).filter((k) => !k.includes("."))))].sort().slice(0, 6);
  const rows = evaluations.map((e, i) => {
    const cells = names.map((n) => {
      const v = metrics[i][n];
      return v === void 0 ? `<td class="num"></td>` : `<td class="num" data-v="${v}">${esc(formatNumber(v))}</td>`;
    });
    return `<tr data-target="${esc(e.label)}"><td class="target">${esc(e.label)}</td><td>${esc(e.manifest.model_label)}</td>${cells.join("")}<td>${reportLink(e.report)}</td></tr>`;
  });
  const head = names.map((n) => `<th scope="col" class="num">${esc(n)}</th>`).join("");
  return `<div class="scroll"><table id="evaluations" class="index">
<thead><tr><th scope="col">evaluation</th><th scope="col">model</th>${head}<th scope="col"></th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}
function searchSection({ entry, board, id }) {
  const m = entry.manifest;
  const trials = [...board.trials].sort((a, b) => a.rank - b.rank);
  const best2 = trials.find((t) => t.trial === board.best);
  const schedule2 = board.schedule;
  const scheduler2 = schedule2 === null ? "" : schedule2.scheduler === "hyperband" ? "Hyperband" : "successive halving";
  const facts = `${plural2(trials.length, "trial")} (${outcomeCounts(trials)}) · ${esc(board.metric)}, ${board.goal === "maximize" ? "higher" : "lower"} is better` + (best2?.value != null ? ` · best: <b>${esc(best2.trial)}</b> with ${esc(formatNumber(best2.value))}` : "") + (schedule2 ? ` · ${esc(scheduler2)}, ${schedule2.min_epochs} to ${schedule2.max_epochs} epochs` : "") + (entry.report ? ` · <a class="report-link" href="${esc(entry.report)}">the full report</a>` : "");
  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const names = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const varying = names.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  const top = trials.slice(0, TOP2).map((t) => {
    const hp = varying.map((h) => `${h} = ${t.hyperparams[h] ?? ""}`).join(", ");
    return `<tr data-trial="${esc(t.trial)}" data-outcome="${esc(t.outcome)}"${t.trial === board.best ? ` class="best"` : ""}><td class="num">${t.rank}</td><td class="trial" title="${esc(t.trial)}">${esc(t.trial)}</td><td class="outcome" data-v="${esc(t.outcome)}">${esc(t.outcome)}</td><td class="num metric">${t.value === null ? "" : esc(formatNumber(t.value))}</td><td class="hp" title="${esc(hp)}">${esc(hp)}</td></tr>`;
  });
  const more = trials.length > TOP2 ? `<p class="hint">and ${plural2(trials.length - TOP2, "more trial")}: see the full report.</p>` : "";
  const table2 = `<div class="scroll"><table class="top">
<thead><tr><th scope="col" class="num">rank</th><th scope="col">trial</th><th scope="col">outcome</th><th scope="col" class="num">${esc(board.metric)}</th><th scope="col">hyperparameters</th></tr></thead>
<tbody>
${top.join("\n")}
</tbody>
</table></div>${more}`;
  const chart = varying.length ? parallelChart({ metric: board.metric, goal: board.goal, best: board.best, hyperparams: varying, kinds: paramKinds(m), trials: byDeclaration }) : note("No hyperparameter varies between the trials.", "parallel-coordinates");
  return `<section id="${esc(id)}" class="target" data-kind="search">
<h2>${esc(entry.label)}</h2>
<p class="facts">${facts}</p>
${table2}
${chart}
</section>`;
}

// tools/src/cli/report.ts
function renderIndex(ws, patterns) {
  const expression = patterns.map((p) => /\s/.test(p) ? `"${p}"` : p).join(" + ");
  const targets = queryTargets(ws, expression).filter((t) => kindOf(t) !== void 0).sort((a, b) => displayLabel(a.label) < displayLabel(b.label) ? -1 : 1);
  if (targets.length === 0) {
    throw new UsageError(`${patterns.join(" ")} ${patterns.length === 1 ? "names" : "name"} no model, evaluate or hyperparam_search target.`);
  }
  const wanted = targets.map((target2) => {
    const html = target2.output_groups.report?.find((p) => p.endsWith(FILE_SUFFIXES.report_html));
    const paths = html ? [html, html.slice(0, -FILE_SUFFIXES.report_html.length) + FILE_SUFFIXES.report_manifest] : [];
    return { target: target2, paths };
  });
  const built = ensureAllOutputs(ws, wanted);
  const entries = targets.map((target2, i) => {
    const label = displayLabel(target2.label);
    const [html, manifestPath] = built[i];
    const manifest = manifestPath ? resolveManifestPaths(readReportManifest(manifestPath), (p) => hostPath(ws, p)) : null;
    const report2 = html ? (0, import_node_url.pathToFileURL)(html).href : null;
    const kind = kindOf(target2);
    const expect = (k) => {
      if (manifest?.kind !== k) throw new CliError(`${label} is a ${kind} target, but its report is a ${manifest?.kind ?? "missing"} report.`);
      return manifest;
    };
    switch (kind) {
      case "search":
        return { kind, label, report: report2, manifest: expect("search") };
      case "evaluate":
        return { kind, label, report: report2, manifest: expect("evaluate") };
      case "model":
        return { kind, label, report: report2, manifest: manifest ? expect("model") : null, hyperparams: target2.model?.hyperparams ?? {} };
    }
  });
  return indexReport(patterns.join(" "), entries);
}
function report(ws, patterns, output) {
  const html = renderIndex(ws, patterns);
  if (output === null || output === "-") return html;
  (0, import_node_fs9.writeFileSync)(output, html);
  ws.log(`databazel: wrote the index of ${patterns.join(" ")} to ${output}`);
  return "";
}
function indexPath(ws, patterns) {
  const name = patterns.join("+").replace(/^@*\/\//, "").replace(/[^A-Za-z0-9_.+-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 120);
  return (0, import_node_path5.join)(ws.bazel.outputBase(), "databazel-index", `${name || "root"}.html`);
}
function writeIndex(ws, patterns) {
  const html = renderIndex(ws, patterns);
  const path = indexPath(ws, patterns);
  (0, import_node_fs9.mkdirSync)((0, import_node_path5.join)(path, ".."), { recursive: true });
  (0, import_node_fs9.writeFileSync)(path, html);
  return path;
}

// tools/src/cli/open.ts
function reportPath(ws, label) {
  const target2 = queryOneTarget(ws, label);
  requireKind(ws, target2, "open", ["model", "evaluate", "search"]);
  const report2 = target2.output_groups.report?.find((p) => p.endsWith(".html"));
  if (!report2) throw new CliError(`${displayLabel(target2.label)} has no HTML report (no \`report\` output group).`);
  return ensureOutputs(ws, target2, [report2])[0];
}
function opener(env = process.env) {
  return onPath(process.platform === "darwin" ? "open" : "xdg-open", env);
}
function open(ws, labels, printOnly) {
  const path = labels.length === 1 && !isPattern(labels[0]) ? reportPath(ws, labels[0]) : writeIndex(ws, labels);
  const program = printOnly ? void 0 : opener();
  if (program) {
    const child = (0, import_node_child_process2.spawn)(program, [path], { detached: true, stdio: "ignore" });
    child.on("error", (err) => ws.log(`databazel: ${program} failed: ${err.message}`));
    child.unref();
    ws.log(`databazel: opening it with ${program}`);
  }
  return `${path}
`;
}

// tools/src/cli/show.ts
var plural3 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function renderLeaderboard(board, style, schedule2 = null, front = "") {
  const better = board.goal === "maximize" ? "higher" : "lower";
  const headers = ["", ...columns(board)];
  const rows = board.trials.map((t) => [t.rank === 1 ? "*" : "", ...row(board, t)]);
  const failed = board.trials.filter((t) => t.outcome !== "succeeded" && t.outcome !== "pruned").length;
  const pruned = board.trials.filter((t) => t.outcome === "pruned").length;
  const ranking = board.objectives.length > 1 ? `Pareto fronts of ${objectivesInWords(board.objectives)}${board.constrained ? ", those that break a constraint after those that keep them all" : ""}; * marks the selected trial.` : `${board.metric} (${board.goal}: ${better} is better); * marks the best.`;
  const title2 = `${board.label}: ${plural3(board.trials.length, "trial")} ranked by ${ranking}` + (pruned ? ` ${pruned} ${pruned === 1 ? "was" : "were"} pruned at a rung and rank after those that trained to the last rung.` : "") + (failed ? ` ${failed} did not succeed and rank last.` : "");
  const table2 = renderTable(autoColumns(headers, rows), rows, {
    style,
    highlight: (i) => board.trials[i]?.rank === 1
  });
  return `${style.bold(title2)}

${table2}${front ? `
${front}` : ""}${schedule2 ? `
${renderRungs(schedule2, board.metric, board.goal, style)}` : ""}`;
}
function renderRungs(schedule2, metric, goal2, style) {
  const hyperband = schedule2.scheduler === "hyperband";
  const sign = goal2 === "maximize" ? -1 : 1;
  const bestFirst = (entries) => [...entries].sort((a, b) => a.value === null || b.value === null ? Number(a.value === null) - Number(b.value === null) : sign * (a.value - b.value));
  const scored = (e) => `${e.trial} (${[e.value === null ? "" : formatNumber(e.value), e.forced ? "continue_trials" : ""].filter(Boolean).join(", ")})`;
  const title2 = `Rungs (${hyperband ? "Hyperband" : "successive halving"}, reduction factor ${schedule2.reduction_factor}): ${metric} on the validation data, at the last rung on the test data.`;
  const blocks = schedule2.brackets.map(
    (bracket) => bracket.rungs.map((rung, i) => {
      const head = `${schedule2.iterations > 1 ? `iteration ${bracket.iteration}, ` : ""}${hyperband ? `bracket ${bracket.bracket}, ` : ""}rung ${i + 1}: ${plural3(rung.trials.length, "trial")} at ${plural3(rung.epochs, "epoch")}`;
      const broken = rung.trials.filter((e) => e.outcome !== "succeeded");
      const failures = broken.length ? `; ${broken.length} did not succeed: ${broken.map((e) => `${e.trial} (${e.outcome})`).join(", ")}` : "";
      const ok = rung.trials.filter((e) => e.outcome === "succeeded");
      if (rung.keep === null) return `${head}, final: ${bestFirst(ok).map(scored).join(", ") || "none"}${failures}`;
      const on = bestFirst(ok.filter((e) => e.decision === "continue"));
      const goes = on.length === 0 ? "none goes on" : `${on.length} go${on.length === 1 ? "es" : ""} on: ${on.map(scored).join(", ")}`;
      return `${head}, ${goes}${failures}`;
    }).join("\n")
  );
  return `${style.bold(title2)}
${blocks.join(hyperband ? "\n\n" : "\n")}
`;
}
function show(ws, label, format, style) {
  if (isPattern(label)) return showPattern(ws, label, format, style);
  const target2 = queryOneTarget(ws, label);
  requireKind(
    ws,
    target2,
    "show",
    ["search"],
    (kind) => `Compare its ${kind === "model" ? "hyperparameters and learning curve" : "metrics"} with another target's: databazel diff ${displayLabel(target2.label)} OTHER_LABEL` + (kind === "model" ? `; what produced it: databazel lineage ${displayLabel(target2.label)}` : "")
  );
  const [path] = ensureOutputs(ws, target2, [target2.search.leaderboard_json]);
  return format_(target2, path, format, style);
}
function showPattern(ws, pattern, format, style) {
  const searches = queryTargets(ws, pattern).filter((t) => kindOf(t) === "search").sort((a, b) => displayLabel(a.label) < displayLabel(b.label) ? -1 : 1);
  const labels = searches.map((t) => displayLabel(t.label));
  if (searches.length === 0) throw new UsageError(`${pattern} names no hyperparam_search target: show prints a search's leaderboard.`);
  if (searches.length > 1 && (format === "json" || format === "csv")) {
    throw new UsageError(
      `databazel show --${format} prints one search, and ${pattern} names ${searches.length} (${labels.join(", ")}).
Fix: name one, e.g. databazel show --${format} ${labels[0]}; or leave out --${format} to see them all.`
    );
  }
  const paths = ensureAllOutputs(ws, searches.map((target2) => ({ target: target2, paths: [target2.search.leaderboard_json] })));
  if (searches.length === 1) return format_(searches[0], paths[0][0], format, style);
  const heading = (label) => format === "md" ? `## ${label}` : style.bold(label);
  return searches.map((t, i) => `${heading(labels[i])}

${format_(t, paths[i][0], format, style)}`).join("\n\n");
}
function format_(target2, path, format, style) {
  const json = readLeaderboard(path, displayLabel(target2.label));
  const board = toLeaderboard(json);
  switch (format) {
    case "json":
      return stableJson(json);
    case "csv":
      return toCsv(board);
    case "md":
      return toMarkdown(board);
    default:
      return renderLeaderboard(board, style, json.schedule, json.objectives.length > 1 ? renderFront(json, style) : "");
  }
}

// tools/src/cli/watch.ts
var import_node_child_process3 = require("node:child_process");
var import_node_fs12 = require("node:fs");
var import_node_path7 = require("node:path");

// tools/src/formats/progress.ts
var PROGRESS_FORMAT = 1;
var WATCH_DIR = "databazel-watch";
var PROGRESS_DIR = "progress";
var SANDBOX_PROGRESS_DIR = ".databazel-watch";
var HEARTBEAT_MS = 1e3;
var WATCHING = ".watching";
var WATCHING_TTL_MS = 10 * HEARTBEAT_MS;
var progressState = literal("running", ...OUTCOMES);
var progress = object({
  format: number,
  /** The target, as the shim's --shim_label gives it ("//pkg:name"). */
  label: string,
  /** The shim's --shim_trial: the trial, "<chain> epochs 2-4" for a segment; null for a model. */
  trial: nullable(string),
  /** The model this action writes, exec-root relative (possibly path-mapped: bazel-out/cfg/...). */
  model: string,
  /** The segment's epochs (--start_epoch, --end_epoch), or null when the run is not a segment. */
  start_epoch: nullable(number),
  end_epoch: nullable(number),
  /** Epochs done: the start epoch plus the points of the curve.json the script has written so far. */
  epoch: number,
  /** The last point of that curve.json, or null before the first. */
  latest: nullable(recordOf(number)),
  /** "running" while the script runs, then the run's outcome. */
  state: progressState,
  started_ms: number,
  /** When the file was last written: every HEARTBEAT_MS while running. */
  updated_ms: number
});
function parseProgress(text) {
  try {
    const value = progress.check(JSON.parse(text), "");
    return value.format === PROGRESS_FORMAT ? value : void 0;
  } catch {
    return void 0;
  }
}

// tools/src/lib/nonfinite-json.ts
var MARK = "\0databazel-nonfinite:";
function parseJsonAllowingNonFinite(text) {
  const marked = text.replace(
    /"(?:[^"\\]|\\.)*"|(-?)(NaN|Infinity)\b/g,
    (match, sign, word) => word ? JSON.stringify(MARK + (sign ?? "") + word) : match
  );
  return JSON.parse(
    marked,
    (_key, value) => typeof value === "string" && value.startsWith(MARK) ? Number(value.slice(MARK.length)) : value
  );
}

// tools/src/cli/bep.ts
var import_node_fs10 = require("node:fs");
var import_node_string_decoder = require("node:string_decoder");
function emptyEvents() {
  return { remote: false, startedMs: null, trained: /* @__PURE__ */ new Map(), running: [], status: null, exitCode: null };
}
function lastFlag(args, flag) {
  let value;
  args.forEach((arg, i) => {
    if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
    else if (arg === flag && i + 1 < args.length) value = args[i + 1];
  });
  return value;
}
function remoteExecutor(args) {
  const value = lastFlag(args, "--remote_executor");
  return value !== void 0 && value !== "";
}
var PROGRESS_LINE = /^\[[\d,]+ \/ [\d,]+\] (.*)$/;
var TRAINING = /^Training (\S+)(?: (.+?))?;/;
function applyProgressLine(events, line) {
  const progress2 = PROGRESS_LINE.exec(line.trim())?.[1];
  if (progress2 === void 0) return;
  events.status = progress2;
  const training = TRAINING.exec(progress2);
  if (!training) return;
  const named = { label: training[1], trial: training[2] ?? "" };
  if (!events.running.some((r) => r.label === named.label && r.trial === named.trial)) events.running.push(named);
}
function applyEvent(events, event2) {
  if (event2.started?.startTimeMillis !== void 0) events.startedMs = Number(event2.started.startTimeMillis);
  if (event2.optionsParsed?.cmdLine) events.remote = remoteExecutor(event2.optionsParsed.cmdLine);
  const completed = event2.id?.actionCompleted;
  if (completed?.primaryOutput && event2.action?.type === "DatabazelTrain") {
    events.trained.set(completed.primaryOutput, event2.action.success === true);
  }
  for (const line of (event2.progress?.stderr ?? "").split("\n")) applyProgressLine(events, line);
  if (event2.finished?.exitCode) events.exitCode = event2.finished.exitCode.code ?? 0;
}
var BepReader = class {
  constructor(path) {
    this.path = path;
  }
  path;
  events = emptyEvents();
  #offset = 0;
  #partial = "";
  #decoder = new import_node_string_decoder.StringDecoder("utf8");
  read() {
    let size;
    try {
      size = (0, import_node_fs10.statSync)(this.path).size;
    } catch {
      return this.events;
    }
    if (size < this.#offset) {
      Object.assign(this.events, emptyEvents());
      this.#offset = 0;
      this.#partial = "";
      this.#decoder = new import_node_string_decoder.StringDecoder("utf8");
    }
    if (size === this.#offset) return this.events;
    const buffer = Buffer.alloc(size - this.#offset);
    const fd = (0, import_node_fs10.openSync)(this.path, "r");
    try {
      (0, import_node_fs10.readSync)(fd, buffer, 0, buffer.length, this.#offset);
    } finally {
      (0, import_node_fs10.closeSync)(fd);
    }
    this.#offset = size;
    const lines = (this.#partial + this.#decoder.write(buffer)).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      try {
        applyEvent(this.events, JSON.parse(line));
      } catch {
      }
    }
    return this.events;
  }
};

// tools/src/cli/watch-model.ts
var STATES = ["queued", "running", "done", "failed", "pruned"];
var STALE_MS = 5 * HEARTBEAT_MS;
function segmentEnd(model) {
  const match = /\/epoch_(\d+)\.ckpt$/.exec(model);
  return match ? Number(match[1]) : null;
}
function binPath(path) {
  return path.replace(/^bazel-out\/[^/]+\/bin\//, "");
}
var dirOf = (path) => path.slice(0, path.lastIndexOf("/") + 1);
function trains(model, trial) {
  const mine = binPath(model);
  const theirs = binPath(trial.model);
  if (mine === theirs) return true;
  const end = segmentEnd(mine);
  return end !== null && segmentEnd(theirs) !== null && dirOf(mine) === dirOf(theirs) && trial.epochs !== null && end <= trial.epochs;
}
function trainRecordOf(model) {
  return segmentEnd(model) === null ? null : model.replace(/\.ckpt$/, FILE_SUFFIXES.train_record);
}
function epochsOf(model, hyperparams) {
  const end = segmentEnd(model);
  if (end !== null) return end;
  const epochs = Number(hyperparams.epochs);
  return Number.isInteger(epochs) && epochs > 0 ? epochs : null;
}
function planOf(target2) {
  const label = displayLabel(target2.label);
  if (target2.search) {
    const s = target2.search;
    return {
      label,
      kind: "search",
      metric: s.metric,
      goal: s.goal,
      trials: s.trials.map((t) => ({
        name: t.name,
        model: t.model,
        record: t.run_record,
        curve: t.learning_curve,
        metrics: t.metrics,
        trainRecord: trainRecordOf(t.model),
        epochs: epochsOf(t.model, t.hyperparams)
      }))
    };
  }
  const m = target2.model;
  return {
    label,
    kind: "model",
    metric: null,
    goal: null,
    trials: [
      {
        name: label.slice(label.lastIndexOf(":") + 1),
        model: m.model,
        record: m.run_record,
        curve: m.learning_curve,
        metrics: null,
        trainRecord: null,
        epochs: epochsOf(m.model, m.hyperparams)
      }
    ]
  };
}
function stateOf(outcome2) {
  if (outcome2 === "succeeded") return "done";
  if (outcome2 === "pruned") return "pruned";
  return "failed";
}
var withoutEpoch = (point) => {
  if (!point) return null;
  const { epoch: _epoch, ...rest } = point;
  return Object.keys(rest).length > 0 ? rest : null;
};
function chainOf(trial) {
  const match = /^(?:(.*) )?epochs \d+-(\d+)$/.exec(trial);
  return match ? { chain: match[1] ?? "", end: Number(match[2]) } : { chain: trial, end: null };
}
function namesTrial(plan, running, trial) {
  if (running.label !== plan.label) return false;
  if (plan.kind === "model") return true;
  const { chain: chain2, end } = chainOf(running.trial);
  if (end === null) return chain2 === trial.name;
  const dir = binPath(trial.model).split("/").at(-2);
  return chain2 === dir && trial.epochs !== null && end <= trial.epochs;
}
function row2(plan, trial, obs, mine) {
  const base = { trial: trial.name, state: "queued", epoch: null, epochs: trial.epochs, elapsedMs: null, latest: null, value: null };
  const now = mine.filter((p) => p.updated_ms >= obs.since).sort((a, b) => b.epoch - a.epoch || b.updated_ms - a.updated_ms);
  const live = now.filter((p) => p.state === "running" && obs.now - p.updated_ms <= STALE_MS);
  const elapsedMs = now.length > 0 ? now.reduce((sum, p) => sum + ((live.includes(p) ? obs.now : p.updated_ms) - p.started_ms), 0) : null;
  const best2 = now[0];
  const latest = now.find((p) => p.latest !== null)?.latest ?? void 0;
  const fromProgress = best2 ? { epoch: best2.epoch, latest: withoutEpoch(latest) } : {};
  if (live.length > 0) {
    return { ...base, state: "running", ...fromProgress, elapsedMs };
  }
  const record = trial.record ? obs.records.get(trial.record) : void 0;
  if (record && (record.mtimeMs >= obs.since || !obs.building)) {
    const curve = trial.curve ? obs.curves.get(trial.curve) : void 0;
    const fromCurve = curve && curve.length > 0 ? { epoch: curve.length, latest: withoutEpoch(curve.at(-1)) } : fromProgress;
    const trained2 = trial.trainRecord ? obs.records.get(trial.trainRecord) : void 0;
    const outcome2 = record.outcome === "succeeded" && (trained2?.outcome === "pruned" || now.some((p) => p.state === "pruned")) ? "pruned" : record.outcome;
    const value = outcome2 === "succeeded" && trial.metrics ? obs.metrics.get(trial.metrics) ?? null : null;
    return { ...base, state: stateOf(outcome2), ...fromCurve, elapsedMs, value };
  }
  const ended = now.filter((p) => p.state !== "running");
  if (ended.length > 0) {
    const failed = ended.find((p) => FAILURES.includes(p.state));
    if (failed) return { ...base, state: "failed", ...fromProgress, elapsedMs };
    if (ended.some((p) => p.state === "pruned")) return { ...base, state: "pruned", ...fromProgress, elapsedMs };
    const reached = Math.max(...ended.map((p) => p.end_epoch ?? p.epoch));
    const whole = ended.some((p) => p.end_epoch === null) || trial.epochs === null || reached >= trial.epochs;
    return { ...base, state: whole ? "done" : "queued", ...fromProgress, elapsedMs };
  }
  if (obs.events) {
    const trained2 = [...obs.events.trained].filter(([model]) => trains(model, trial));
    const ends = trained2.map(([model]) => segmentEnd(binPath(model)));
    const reached = ends.every((e) => e !== null) && ends.length > 0 ? Math.max(...ends) : null;
    if (trained2.some(([, ok]) => !ok)) return { ...base, state: "failed", epoch: reached };
    const running = obs.events.running.filter((r) => namesTrial(plan, r, trial)).some((r) => {
      const { end } = chainOf(r.trial);
      return end === null ? trained2.length === 0 : reached === null || end > reached;
    });
    if (running) return { ...base, state: "running", epoch: reached };
    if (trained2.length > 0) {
      const whole = reached === null || trial.epochs === null || reached >= trial.epochs;
      return { ...base, state: whole ? "done" : "queued", epoch: reached };
    }
  }
  if (!obs.building && now.length > 0) return { ...base, state: "failed", ...fromProgress };
  return { ...base, ...fromProgress };
}
function deriveRows(plan, obs) {
  const ofLabel = obs.progress.filter((p) => p.label === plan.label);
  const claimed = /* @__PURE__ */ new Set();
  const rows = plan.trials.map((trial) => {
    const mine = plan.kind === "model" ? ofLabel : ofLabel.filter((p) => trains(p.model, trial));
    mine.forEach((p) => claimed.add(p));
    return row2(plan, trial, obs, mine);
  });
  const extra = /* @__PURE__ */ new Map();
  for (const p of ofLabel) {
    if (claimed.has(p) || p.updated_ms < obs.since) continue;
    const name = chainOf(p.trial ?? plan.label).chain;
    extra.set(name, [...extra.get(name) ?? [], p]);
  }
  for (const [name, mine] of extra) {
    const ends = mine.map((p) => p.end_epoch).filter((e) => e !== null);
    const trial = { name, model: mine[0].model, record: null, curve: null, metrics: null, trainRecord: null, epochs: ends.length > 0 ? Math.max(...ends) : null };
    rows.push({ ...row2(plan, trial, obs, mine), epochs: null });
  }
  return rows;
}
function rankedBy(plan, rows) {
  const keys = rows.flatMap((r) => Object.keys(r.latest ?? {}));
  if (keys.length === 0) return null;
  const key = plan.metric && keys.includes(plan.metric) ? plan.metric : keys.includes("loss") ? "loss" : keys[0];
  const goal2 = key === plan.metric && plan.goal ? plan.goal : /loss|error|mse|mae|rmse|perplexity/i.test(key) ? "minimize" : "maximize";
  return { key, goal: goal2 };
}
function summarize(plan, rows) {
  const counts = Object.fromEntries(STATES.map((s) => [s, rows.filter((r) => r.state === s).length]));
  const pick = (key, goal2, test, valueOf) => {
    let best2 = null;
    for (const r of rows) {
      const value = valueOf(r);
      if (r.state === "failed" || value === void 0 || value === null) continue;
      if (!best2 || (goal2 === "minimize" ? value < best2.value : value > best2.value)) best2 = { trial: r.trial, key, value, test };
    }
    return best2;
  };
  const tested = plan.metric && plan.goal ? pick(plan.metric, plan.goal, true, (r) => r.value) : null;
  if (tested) return { counts, best: tested };
  const by = rankedBy(plan, rows);
  return { counts, best: by ? pick(by.key, by.goal, false, (r) => r.latest?.[by.key]) : null };
}

// tools/src/cli/watch-render.ts
var COLOURS = {
  queued: "\x1B[2m",
  running: "\x1B[36m",
  done: "\x1B[32m",
  failed: "\x1B[31m",
  pruned: "\x1B[35m"
};
var RESET = "\x1B[0m";
var BOLD = (t) => `\x1B[1m${t}\x1B[22m`;
var DIM = (t) => `\x1B[2m${t}\x1B[22m`;
function formatElapsed(ms2) {
  if (ms2 === null || !Number.isFinite(ms2) || ms2 < 0) return "";
  const s = Math.floor(ms2 / 1e3);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
function formatEpoch(row3) {
  const epoch = row3.epoch ?? (row3.state === "done" ? row3.epochs : row3.state === "queued" || row3.state === "running" ? row3.epochs === null ? null : 0 : null);
  if (epoch === null) return "";
  return row3.epochs === null ? String(epoch) : `${epoch}/${row3.epochs}`;
}
var short = (n) => String(Number(n.toPrecision(4)));
function formatLatest(row3, first) {
  const keys = Object.keys(row3.latest ?? {}).sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));
  return keys.slice(0, 3).map((k) => `${k}=${short(row3.latest[k])}`).join(" ");
}
function summaryLine(plan, rows) {
  const { counts, best: best2 } = summarize(plan, rows);
  const parts = [`${counts.done} done`, `${counts.running} running`];
  for (const state of ["queued", "failed", "pruned"]) if (counts[state] > 0) parts.push(`${counts[state]} ${state}`);
  const bestText = best2 ? `${best2.trial} (${best2.key} ${short(best2.value)}${best2.test ? " on the test data" : ""})` : "none yet";
  return `${parts.join(", ")}; best so far: ${bestText}`;
}
function title(plan) {
  const what = plan.kind === "search" ? `${plan.trials.length} trial${plan.trials.length === 1 ? "" : "s"}` : "a model";
  return `databazel watch ${plan.label}: ${what}${plan.metric ? ` (metric: ${plan.metric}, ${plan.goal})` : ""}`;
}
var HEADERS = ["trial", "state", "epoch", "elapsed", "latest"];
function renderFrame(frame, options) {
  const { plan, rows } = frame;
  const width = options.width ?? Infinity;
  const by = rankedBy(plan, rows)?.key ?? null;
  const cells = rows.map((r) => [r.trial, r.state, formatEpoch(r), formatElapsed(r.elapsedMs), formatLatest(r, by)]);
  const fixed = 3 + frame.notes.length + (frame.status ? 1 : 0);
  const room = Math.max(1, (options.height ?? Infinity) - fixed - 1);
  const shown = cells.length > room ? cells.slice(0, room - 1) : cells;
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...shown.map((c) => c[i].length)));
  const align = (c) => c.map((cell2, i) => i === 2 || i === 3 ? cell2.padStart(widths[i]) : cell2.padEnd(widths[i])).join("  ").trimEnd();
  const cut = (line) => line.length > width ? line.slice(0, Math.max(0, width - 1)) + "…" : line;
  const paint = (line, state) => {
    if (!options.colour) return line;
    const at = widths[0] + 2;
    const end = Math.min(line.length, at + state.length);
    return end <= at ? line : `${line.slice(0, at)}${COLOURS[state]}${line.slice(at, end)}${RESET}${line.slice(end)}`;
  };
  const bold = options.colour ? BOLD : (t) => t;
  const dim = options.colour ? DIM : (t) => t;
  const lines = [bold(cut(title(plan))), ...frame.notes.map((n) => cut(n)), bold(cut(align(HEADERS)))];
  shown.forEach((c, i) => lines.push(paint(cut(align(c)), rows[i].state)));
  if (shown.length < cells.length) lines.push(cut(`... and ${cells.length - shown.length} more trials`));
  lines.push(cut(summaryLine(plan, rows)));
  if (frame.status) lines.push(dim(cut(frame.status)));
  return lines;
}
function plainLine(row3, by) {
  const epoch = formatEpoch(row3);
  const parts = [row3.state, epoch ? `epoch ${epoch}` : "", formatElapsed(row3.elapsedMs), formatLatest(row3, by)].filter(Boolean);
  return `${row3.trial}: ${parts.join(", ")}`;
}
var PlainLog = class {
  #seen = /* @__PURE__ */ new Map();
  #notes = /* @__PURE__ */ new Set();
  update(frame) {
    const out = [];
    for (const note2 of frame.notes) {
      if (!this.#notes.has(note2)) out.push(note2);
      this.#notes.add(note2);
    }
    const by = rankedBy(frame.plan, frame.rows)?.key ?? null;
    for (const row3 of frame.rows) {
      const key = `${row3.state} ${formatEpoch(row3)}`;
      if (this.#seen.get(row3.trial) === key) continue;
      this.#seen.set(row3.trial, key);
      out.push(plainLine(row3, by));
    }
    return out;
  }
};

// tools/src/cli/watch-sources.ts
var import_node_fs11 = require("node:fs");
var import_node_path6 = require("node:path");

// tools/src/formats/scheduler.ts
var SCHEDULERS = ["successive_halving", "hyperband"];
var scheduler = literal(...SCHEDULERS);
var promoteTrial = object({
  name: string,
  /** Its metrics on the validation data at this rung. */
  metrics: string,
  /** The validation eval's outcome: a trial that failed or was stopped earlier passes that on. */
  outcome: string,
  /** Where its promotion file goes. */
  promotion: string
});
var rungFields = {
  label: string,
  metric: string,
  goal,
  bracket: number,
  /** 1-based: the first rung is 1. */
  rung: number,
  /** How many rungs the bracket has, the last at max_epochs. */
  rungs: number,
  /** The epochs every trial of this rung has trained. */
  epochs: number,
  /** How many go on to the next rung. */
  keep: number
};
var promoteManifest = object({
  ...rungFields,
  /** What the rung ranks by; several objectives or any constraint promote by Pareto fronts. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** Trials that go on whatever their metric (`continue_trials`), besides the `keep` best. */
  continue_trials: arrayOf(string),
  /** In declared order: ties keep it. */
  trials: arrayOf(promoteTrial)
});
var DECISIONS = ["continue", "stop"];
var decisionValue = literal(...DECISIONS);
var promotion = object({
  decision: decisionValue,
  bracket: number,
  rung: number,
  epochs: number,
  keep: number,
  /** How many trials the rung had. */
  of: number
});
var RUNG_SUMMARY_FORMAT = 1;
var rungEntry = object({
  trial: string,
  /** The validation eval's outcome: "pruned" for a trial stopped at an earlier rung. */
  outcome,
  /** The metric on the validation data; null when the trial did not succeed. */
  value: nullable(number),
  decision: decisionValue,
  /** Set when `continue_trials` made it go on, though it was not among the best. */
  forced: boolean
});
var rungSummary = object({
  format: formatVersion(RUNG_SUMMARY_FORMAT),
  ...rungFields,
  /** In declared order. */
  trials: arrayOf(rungEntry)
});

// tools/src/formats/leaderboard-manifest.ts
var leaderboardTrial = object({
  name: string,
  hyperparams: recordOf(string),
  /** Set when the trial's hyperparameters are known only while building (proposed by a sampler): read them from here. */
  hyperparams_file: nullable(string),
  seed: number,
  /** The trial's model, exec-root relative: what the action reads and copies. */
  model: string,
  /** The same model relative to bazel-bin's root, for the leaderboard. */
  model_short_path: string,
  metrics: string,
  /** The trial's eval run record: its outcome (an eval of a failed training passes that on). */
  record: string
});
var schedulerSettings = object({
  scheduler,
  min_epochs: number,
  max_epochs: number,
  reduction_factor: number,
  /** How many times Hyperband runs its brackets (1 for successive halving). */
  iterations: number,
  brackets: arrayOf(
    object({
      /** The Hyperband iteration the bracket belongs to, from 1. */
      iteration: number,
      bracket: number,
      /** The bracket's trials, in declared order. */
      trials: arrayOf(string),
      /** keep and summary are null at the last rung, which decides nothing. */
      rungs: arrayOf(object({ epochs: number, keep: nullable(number), summary: nullable(string) }))
    })
  )
});
var leaderboardManifest = object({
  label: string,
  /** The objective whose value is the best trial's value: `select`'s, or the first. */
  metric: string,
  goal,
  /** In the order given; one, `{metric, goal}`, for a search by one metric. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** With several objectives: "knee" or an objective's name, which picks the best trial of the front; else null. */
  select: nullable(string),
  /** How many trials may fail (not succeed) before the search fails; 0 fails on the first. */
  max_failed_trials: number,
  /** In declaration order: equal scores keep it. */
  trials: arrayOf(leaderboardTrial),
  /** Set for successive halving and Hyperband; null for grid and random search. */
  schedule: nullable(schedulerSettings)
});

// tools/src/cli/watch-sources.ts
var WORKSPACE_MARKERS = ["MODULE.bazel", "REPO.bazel", "WORKSPACE", "WORKSPACE.bazel"];
function workspaceRoot(cwd) {
  for (let dir = (0, import_node_path6.resolve)(cwd); ; dir = (0, import_node_path6.dirname)(dir)) {
    if (WORKSPACE_MARKERS.some((m) => (0, import_node_fs11.existsSync)((0, import_node_path6.join)(dir, m)))) return dir;
    if ((0, import_node_path6.dirname)(dir) === dir) return void 0;
  }
}
function executionRootFromSymlink(workspace) {
  try {
    const out = (0, import_node_fs11.realpathSync)((0, import_node_path6.join)(workspace, "bazel-out"));
    const execRoot = (0, import_node_path6.dirname)(out);
    return (0, import_node_path6.basename)((0, import_node_path6.dirname)(execRoot)) === "execroot" ? execRoot : void 0;
  } catch {
    return void 0;
  }
}
var outputBaseOfExecRoot = (execRoot) => (0, import_node_path6.dirname)((0, import_node_path6.dirname)(execRoot));
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function parentOf(pid) {
  try {
    const stat = (0, import_node_fs11.readFileSync)(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : void 0;
  } catch {
    return void 0;
  }
}
var own;
function ownProcesses() {
  if (own) return own;
  own = /* @__PURE__ */ new Set([process.pid, process.ppid]);
  for (let pid = parentOf(process.ppid); pid !== void 0 && !own.has(pid); pid = parentOf(pid)) own.add(pid);
  return own;
}
function commandOf(args) {
  return args.slice(1).find((a) => !a.startsWith("-")) ?? null;
}
var BUILDING_COMMANDS = /* @__PURE__ */ new Set(["build", "test", "run", "coverage", "mobile-install", "print_action"]);
function bazelCommand(outputBase) {
  const lock = (0, import_node_path6.join)(outputBase, "lock");
  let text;
  let startedMs;
  try {
    text = (0, import_node_fs11.readFileSync)(lock, "utf8");
    startedMs = (0, import_node_fs11.statSync)(lock).mtimeMs;
  } catch {
    return void 0;
  }
  const field = (name) => new RegExp(`^${name}=(.*)$`, "m").exec(text)?.[1] ?? null;
  const pid = Number(field("pid"));
  if (!Number.isInteger(pid) || pid <= 0) return void 0;
  const running = alive(pid) && !ownProcesses().has(pid);
  let args = [];
  if (running) {
    try {
      args = (0, import_node_fs11.readFileSync)(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
    }
  }
  return { pid, running, startedMs, args, command: commandOf(args), cwd: field("cwd") };
}
function lastCommandBuilt(outputBase) {
  try {
    const path = (0, import_node_path6.join)(outputBase, "command.log");
    const size = (0, import_node_fs11.statSync)(path).size;
    const fd = (0, import_node_fs11.openSync)(path, "r");
    try {
      const tail = Buffer.alloc(Math.min(size, 64 * 1024));
      (0, import_node_fs11.readSync)(fd, tail, 0, tail.length, size - tail.length);
      return /Build completed successfully|Build did NOT complete successfully/.test(tail.toString("utf8"));
    } finally {
      (0, import_node_fs11.closeSync)(fd);
    }
  } catch {
    return false;
  }
}
function serverRunning(outputBase) {
  try {
    const pid = Number((0, import_node_fs11.readFileSync)((0, import_node_path6.join)(outputBase, "server", "server.pid.txt"), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid);
  } catch {
    return false;
  }
}
var progressDir = (outputBase) => (0, import_node_path6.join)(outputBase, WATCH_DIR, PROGRESS_DIR);
function markWatching(outputBase) {
  try {
    (0, import_node_fs11.writeFileSync)((0, import_node_path6.join)(progressDir(outputBase), WATCHING), `${process.pid}
`);
  } catch {
  }
}
function openProgressDir(outputBase, now = Date.now()) {
  const dir = progressDir(outputBase);
  (0, import_node_fs11.mkdirSync)(dir, { recursive: true });
  markWatching(outputBase);
  for (const name of (0, import_node_fs11.readdirSync)(dir)) {
    try {
      if (now - (0, import_node_fs11.statSync)((0, import_node_path6.join)(dir, name)).mtimeMs > 7 * 24 * 36e5) (0, import_node_fs11.rmSync)((0, import_node_path6.join)(dir, name), { force: true });
    } catch {
    }
  }
}
var list = (dir) => {
  try {
    return (0, import_node_fs11.readdirSync)(dir);
  } catch {
    return [];
  }
};
function readProgress(outputBase) {
  const dirs = [progressDir(outputBase)];
  for (const strategy of list((0, import_node_path6.join)(outputBase, "sandbox"))) {
    for (const n of list((0, import_node_path6.join)(outputBase, "sandbox", strategy))) {
      for (const ws of list((0, import_node_path6.join)(outputBase, "sandbox", strategy, n, "execroot"))) {
        dirs.push((0, import_node_path6.join)(outputBase, "sandbox", strategy, n, "execroot", ws, SANDBOX_PROGRESS_DIR));
      }
    }
  }
  for (const worker of list((0, import_node_path6.join)(outputBase, "bazel-workers"))) {
    for (const ws of list((0, import_node_path6.join)(outputBase, "bazel-workers", worker))) dirs.push((0, import_node_path6.join)(outputBase, "bazel-workers", worker, ws, SANDBOX_PROGRESS_DIR));
  }
  const out = [];
  for (const dir of dirs) {
    for (const name of list(dir)) {
      if (!name.endsWith(".json")) continue;
      try {
        const p = parseProgress((0, import_node_fs11.readFileSync)((0, import_node_path6.join)(dir, name), "utf8"));
        if (p) out.push(p);
      } catch {
      }
    }
  }
  return out;
}
var FileCache = class {
  constructor(parse) {
    this.parse = parse;
  }
  parse;
  #cache = /* @__PURE__ */ new Map();
  get(path) {
    let key;
    let mtimeMs;
    try {
      const stat = (0, import_node_fs11.statSync)(path);
      mtimeMs = stat.mtimeMs;
      key = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      this.#cache.delete(path);
      return void 0;
    }
    let hit = this.#cache.get(path);
    if (hit?.key !== key) {
      let value;
      try {
        value = this.parse((0, import_node_fs11.readFileSync)(path, "utf8"));
      } catch {
        value = void 0;
      }
      hit = { key, value };
      this.#cache.set(path, hit);
    }
    return hit.value === void 0 ? void 0 : { value: hit.value, mtimeMs };
  }
};
function parseOutcome(text) {
  const value = JSON.parse(text).outcome;
  return OUTCOMES.includes(value) ? value : void 0;
}
function absoluteLabel(label, cwd, workspace) {
  const main = label.replace(/^@@?\/\//, "//");
  const split = (pkgAndName) => {
    const colon = pkgAndName.indexOf(":");
    if (colon >= 0) return [pkgAndName.slice(0, colon), pkgAndName.slice(colon + 1)];
    return [pkgAndName, pkgAndName.split("/").at(-1)];
  };
  if (main.startsWith("//")) {
    const [pkg, name2] = split(main.slice(2));
    return `//${pkg}:${name2}`;
  }
  const here = (0, import_node_path6.relative)(workspace, (0, import_node_path6.resolve)(cwd)).split("\\").join("/");
  if (main.startsWith(":")) return `//${here}:${main.slice(1)}`;
  if (!main.includes(":")) return `//${here}:${main}`;
  const [sub, name] = split(main);
  return `//${[here, sub].filter(Boolean).join("/")}:${name}`;
}
function planFromManifest(workspace, label) {
  const [pkg, name] = label.slice(2).split(":");
  const path = (0, import_node_path6.join)(workspace, "bazel-bin", pkg, `${name}${FILE_SUFFIXES.leaderboard_manifest}`);
  try {
    const manifest = leaderboardManifest.check(JSON.parse((0, import_node_fs11.readFileSync)(path, "utf8")), "");
    return {
      label,
      kind: "search",
      metric: manifest.metric,
      goal: manifest.goal,
      trials: manifest.trials.map((t) => {
        const end = /\/epoch_(\d+)\.ckpt$/.exec(t.model);
        const epochs = end ? Number(end[1]) : Number(t.hyperparams.epochs);
        return { name: t.name, model: t.model, record: t.record, curve: null, metrics: t.metrics, trainRecord: trainRecordOf(t.model), epochs: Number.isInteger(epochs) && epochs > 0 ? epochs : null };
      })
    };
  } catch {
    return void 0;
  }
}
function inExecRoot(execRoot, path) {
  return (0, import_node_path6.isAbsolute)(path) ? path : (0, import_node_path6.join)(execRoot, path);
}

// tools/src/cli/watch.ts
var REFRESH_MS = 1e3;
var REMOTE_NOTE = "Remote execution: no live per-epoch data (the actions run elsewhere); states from Bazel's build events.";
var REMOTE_NO_BEP_NOTE = "Remote execution: no live per-epoch data (the actions run elsewhere). For the actions' states, give the build --build_event_json_file=FILE, or use databazel build.";
function processScreen() {
  const out = process.stdout;
  return {
    write: (text) => void out.write(text),
    isTTY: out.isTTY === true,
    colour: styleFor(out) !== plain,
    columns: out.isTTY ? out.columns : void 0,
    rows: out.isTTY ? out.rows : void 0
  };
}
var Display = class {
  constructor(screen) {
    this.screen = screen;
    if (screen.isTTY) screen.write("\x1B[?25l");
  }
  screen;
  #lines = 0;
  #log = new PlainLog();
  show(frame) {
    if (!this.screen.isTTY) {
      const lines2 = this.#log.update(frame);
      if (lines2.length > 0) this.screen.write(lines2.join("\n") + "\n");
      return;
    }
    const lines = renderFrame(frame, { colour: this.screen.colour, width: this.screen.columns, height: this.screen.rows });
    const up = this.#lines > 0 ? `\x1B[${this.#lines}F` : "";
    this.screen.write(`${up}\x1B[J${lines.join("\n")}
`);
    this.#lines = lines.length;
  }
  /** The last frame stays; plain output ends with the summary. */
  close(frame) {
    this.show(frame);
    if (this.screen.isTTY) this.screen.write("\x1B[?25h");
    else this.screen.write(`${summaryLine(frame.plan, frame.rows)}
`);
  }
};
var sleep = (ms2) => new Promise((done) => setTimeout(done, ms2));
var Sources = class {
  constructor(execRoot, plan) {
    this.execRoot = execRoot;
    this.plan = plan;
  }
  execRoot;
  plan;
  records = new FileCache(parseOutcome);
  curves = new FileCache(curveNumbers);
  metrics = new FileCache(parseJsonAllowingNonFinite);
  get outputBase() {
    return outputBaseOfExecRoot(this.execRoot);
  }
  look(now, since, building, events) {
    markWatching(this.outputBase);
    const records = /* @__PURE__ */ new Map();
    const curves = /* @__PURE__ */ new Map();
    const metrics = /* @__PURE__ */ new Map();
    const metric = this.plan.metric;
    for (const t of this.plan.trials) {
      const scored = t.metrics && metric ? this.metrics.get(inExecRoot(this.execRoot, t.metrics)) : void 0;
      const value = scored ? metricAt(scored.value, metric) : void 0;
      if (value !== void 0 && Number.isFinite(value)) metrics.set(t.metrics, value);
      for (const path of [t.record, t.trainRecord]) {
        const record = path ? this.records.get(inExecRoot(this.execRoot, path)) : void 0;
        if (record) records.set(path, { outcome: record.value, mtimeMs: record.mtimeMs });
      }
      const curve = t.curve ? this.curves.get(inExecRoot(this.execRoot, t.curve)) : void 0;
      if (curve) curves.set(t.curve, curve.value);
    }
    const progress2 = readProgress(this.outputBase);
    return deriveRows(this.plan, { now, since, building, progress: progress2, records, curves, metrics, events });
  }
};
function planFor(ws, label, command) {
  const target2 = queryOneTarget(ws, label);
  requireKind(
    ws,
    target2,
    command,
    ["search", "model"],
    (kind) => kind === "evaluate" && target2.metrics ? `An evaluation trains nothing; watch the model it scores: databazel ${command} ${displayLabel(target2.metrics.model_label)}` : ""
  );
  return planOf(target2);
}
async function watch(ws, label, screen = processScreen()) {
  const workspace = workspaceRoot(ws.bazel.cwd);
  if (!workspace) throw new CliError(`${ws.bazel.cwd} is not in a Bazel workspace (no MODULE.bazel, REPO.bazel or WORKSPACE above it).`);
  let execRoot = executionRootFromSymlink(workspace);
  const before = execRoot ? bazelCommand(outputBaseOfExecRoot(execRoot)) : void 0;
  const notes = [];
  let plan;
  let partialPlan = false;
  if (before?.running) {
    const absolute = absoluteLabel(label, ws.bazel.cwd, workspace);
    const manifest = planFromManifest(workspace, absolute);
    plan = manifest ?? { label: absolute, kind: "search", metric: null, goal: null, trials: [] };
    partialPlan = true;
    notes.push(
      `Bazel is busy (bazel ${before.command ?? "command"}, pid ${before.pid}) and cannot be asked for the trials: ` + (manifest ? "they come from the search's manifest in bazel-bin." : "each shows when it starts.")
    );
  } else {
    if (execRoot && !serverRunning(outputBaseOfExecRoot(execRoot))) {
      ws.log("databazel: no Bazel server is running in this workspace, so nothing is building; starting one to list the trials ...");
    }
    plan = planFor(ws, label, "watch");
    execRoot ??= ws.bazel.executionRoot();
  }
  if (!execRoot) {
    throw new CliError(
      `cannot find ${displayLabel(label)}'s output base: Bazel is busy, and ${workspace} has no bazel-out symlink yet.
Fix: wait for the first build to get past analysis, or build and watch in one: databazel build ${label}`
    );
  }
  const sources = new Sources(execRoot, plan);
  openProgressDir(sources.outputBase);
  const display = new Display(screen);
  let stop = false;
  const interrupt = () => void (stop = true);
  process.on("SIGINT", interrupt);
  let bep;
  let sawBuild = false;
  let lastCommand = bazelCommand(sources.outputBase)?.startedMs;
  let frame;
  try {
    for (; ; ) {
      const now = Date.now();
      const command = bazelCommand(sources.outputBase);
      const building = command?.running === true && (command.command === null || BUILDING_COMMANDS.has(command.command));
      let events;
      let remote = false;
      if (!building && command && command.startedMs !== lastCommand && !command.running && lastCommandBuilt(sources.outputBase)) sawBuild = true;
      lastCommand = command?.startedMs;
      if (building) {
        sawBuild = true;
        const file = lastFlag(command.args, "--build_event_json_file");
        if (file) {
          const path = (0, import_node_path7.resolve)(command.cwd ?? workspace, file);
          if (bep?.path !== path) bep = new BepReader(path);
          events = bep.read();
        }
        remote = remoteExecutor(command.args) || events?.remote === true;
      }
      const rows = sources.look(now, command?.startedMs ?? 0, building, events);
      const waiting = `Waiting for a build of ${plan.label}: run \`bazel build ${plan.label}\` in another terminal, or \`databazel build ${plan.label}\` to build and watch in one. Ctrl-C stops.`;
      const status = building ? `bazel ${command.command ?? "build"} (pid ${command.pid}) has been running for ${Math.round((now - command.startedMs) / 1e3)}s` + (events?.status ? `: ${events.status}` : "") : sawBuild ? "The build finished." : waiting;
      const plainNotes = !screen.isTTY && status === waiting ? [waiting] : [];
      frame = { plan, rows, notes: [...notes, ...remote ? [events ? REMOTE_NOTE : REMOTE_NO_BEP_NOTE] : [], ...plainNotes], status };
      if (stop || sawBuild && !building) break;
      display.show(frame);
      await sleep(REFRESH_MS);
    }
    if (!stop && partialPlan) {
      try {
        sources.plan = plan = planFor(ws, label, "watch");
        frame = { ...frame, plan, rows: sources.look(Date.now(), bazelCommand(sources.outputBase)?.startedMs ?? 0, false, void 0), notes: [] };
      } catch {
      }
    }
    display.close(frame);
  } finally {
    process.off("SIGINT", interrupt);
    if (screen.isTTY) screen.write("\x1B[?25h");
  }
  return stop ? 130 : 0;
}
async function buildAndWatch(ws, label, screen = processScreen()) {
  const plan = planFor(ws, label, "build");
  const execRoot = ws.bazel.executionRoot();
  const sources = new Sources(execRoot, plan);
  openProgressDir(sources.outputBase);
  const bepDir = (0, import_node_path7.join)(sources.outputBase, WATCH_DIR, "bep");
  (0, import_node_fs12.mkdirSync)(bepDir, { recursive: true });
  const bepPath = (0, import_node_path7.join)(bepDir, `${process.pid}-${Date.now()}.json`);
  const bep = new BepReader(bepPath);
  const started = Date.now();
  const args = ["build", ...ws.bazel.flags, `--build_event_json_file=${bepPath}`, "--build_event_publish_all_actions", "--", plan.label];
  const child = (0, import_node_child_process3.spawn)(ws.bazel.launcher.command, args, { cwd: ws.bazel.cwd, stdio: ["ignore", screen.isTTY ? "pipe" : 2, screen.isTTY ? "pipe" : 2] });
  let output = "";
  let partial = "";
  const keep = (chunk) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-2e5);
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) applyProgressLine(bep.events, line);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise((done, fail) => {
    child.on("error", (err) => fail(new CliError(`cannot run Bazel (${ws.bazel.launcher.source}): ${err.message}`)));
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  let exitCode;
  void exit.then(
    (code) => void (exitCode = code),
    () => void (exitCode = 1)
  );
  const display = new Display(screen);
  const interrupt = () => void 0;
  process.on("SIGINT", interrupt);
  let frame;
  try {
    for (; ; ) {
      const building = exitCode === void 0;
      const events = bep.read();
      const rows = sources.look(Date.now(), events.startedMs ?? started, building, events);
      const lastLine = output.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
      const verdict = output.split("\n").filter((l) => /Build completed successfully|Build did NOT complete successfully/.test(l)).at(-1);
      const status = building ? lastLine ?? events.status ?? "Bazel is starting ..." : verdict?.replace(/^\w+: /, "") ?? `Bazel exited ${exitCode}.`;
      frame = { plan, rows, notes: events.remote ? [REMOTE_NOTE] : [], status: screen.isTTY ? status : null };
      if (!building) break;
      display.show(frame);
      await Promise.race([sleep(REFRESH_MS), exit.catch(() => void 0)]);
    }
    display.close(frame);
  } finally {
    process.off("SIGINT", interrupt);
    if (screen.isTTY) screen.write("\x1B[?25h");
    (0, import_node_fs12.rmSync)(bepPath, { force: true });
  }
  await exit;
  if (exitCode !== 0 && screen.isTTY) ws.log(bazelErrors(output));
  if (exitCode === LOST_INPUTS_EXIT) ws.log(`databazel: ${LOST_INPUTS_HELP}`);
  return exitCode ?? 1;
}

// tools/src/cli/main.ts
var NO_BUILD_VERB = { open: "opening", report: "indexing", export: "exporting" };
function execute(invocation, ws) {
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
function run(argv) {
  const log = (line) => void process.stderr.write(`${line}
`);
  const failed = (err) => {
    if (err instanceof CliError) {
      log(`databazel: error: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof FormatError) {
      log(`databazel: error: ${err.message}`);
      return 1;
    }
    log(`databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 1;
  };
  try {
    const invocation = parseArgs(argv);
    if (invocation.command.name === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const root = packageRoot();
    const ws = {
      bazel: new Bazel(findLauncher(root), invocation.bazelFlags),
      formatFile: cqueryFormatFile(root),
      build: !invocation.noBuild,
      built: /* @__PURE__ */ new Set(),
      log
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

// tools/src/bin/databazel.ts
var workingDirectory = bazelRunDirectory();
if (workingDirectory) process.chdir(workingDirectory);
void Promise.resolve(run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
