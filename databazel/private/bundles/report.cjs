// Generated from tools/src/bin/report.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/report.ts
var import_node_fs5 = require("node:fs");

// tools/src/formats/action-flags.ts
var REPORT_FLAGS = {
  manifest: "--manifest",
  output: "--output"
};

// tools/src/formats/shape.ts
var import_node_fs = require("node:fs");
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
    text = (0, import_node_fs.readFileSync)(path, "utf8");
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

// tools/src/formats/manifest.ts
var FIX = "rebuild with one databazel version (clean the output base if the rules were just upgraded); if it persists, report a databazel bug.";
function readManifest(shape, path, what) {
  return readShapedFile(shape, path, what, FIX);
}

// tools/src/lib/json.ts
function parseJsonOrProblem(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { problem: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
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

// tools/src/lib/flags.ts
function parseFlags(argv, booleans = /* @__PURE__ */ new Set()) {
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith("--")) throw new MalformedFlagsError(`unexpected argument ${JSON.stringify(flag)}`);
    const value = booleans.has(flag) ? "true" : argv[++i];
    if (value === void 0) throw new MalformedFlagsError(`${flag} needs a value`);
    flags.set(flag, [...flags.get(flag) ?? [], value]);
  }
  return flags;
}
function one(flags, flag) {
  const values = flags.get(flag);
  if (!values || values.length !== 1) throw new MalformedFlagsError(`expected exactly one ${flag}`);
  return values[0];
}
var MalformedFlagsError = class extends Error {
};

// tools/src/lib/user-facing-error.ts
var UserFacingError = class extends Error {
};

// tools/src/lib/worker.ts
var import_node_fs2 = require("node:fs");

// tools/src/lib/json-stream.ts
var JsonObjectStream = class {
  text = "";
  scanned = 0;
  depth = 0;
  start = 0;
  inString = false;
  escaped = false;
  /** Adds text; returns the objects it completed. */
  push(chunk) {
    this.text += chunk;
    const out = [];
    for (let i = this.scanned; i < this.text.length; i++) {
      const c = this.text[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === "\\") this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === "{" && this.depth++ === 0) this.start = i;
      else if (c === "}" && --this.depth === 0) out.push(JSON.parse(this.text.slice(this.start, i + 1)));
    }
    if (this.depth === 0) {
      this.text = "";
      this.scanned = 0;
    } else {
      this.text = this.text.slice(this.start);
      this.scanned = this.text.length;
      this.start = 0;
    }
    return out;
  }
};

// tools/src/lib/worker.ts
var PERSISTENT_WORKER_FLAG = "--persistent_worker";
function expandFlagfile(argv) {
  const [only] = argv;
  if (argv.length !== 1 || only === void 0 || !only.startsWith("@")) return [...argv];
  const text = (0, import_node_fs2.readFileSync)(only.slice(1), "utf8");
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}
function inputDigestHex(base64) {
  const bytes = Buffer.from(base64, "base64");
  const ascii = bytes.toString("latin1");
  if (/^[0-9a-f]{64}$/.test(ascii)) return ascii;
  return bytes.length === 32 ? bytes.toString("hex") : void 0;
}
function digestsOf(request) {
  const out = /* @__PURE__ */ new Map();
  for (const input of request.inputs ?? []) {
    const hex = input.path !== void 0 && input.digest !== void 0 ? inputDigestHex(input.digest) : void 0;
    if (input.path !== void 0 && hex !== void 0) out.set(input.path, hex);
  }
  return out;
}
function serveWorkRequests(run) {
  const respond = process.stdout.write.bind(process.stdout);
  let captured = [];
  const capture = (chunk, ...rest) => {
    captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r) => typeof r === "function");
    if (callback) process.nextTick(callback);
    return true;
  };
  process.stdout.write = capture;
  process.stderr.write = capture;
  let queue = Promise.resolve();
  const requests = new JsonObjectStream();
  const handle = async (request) => {
    if (request.cancel) return;
    captured = [];
    const inputPaths = (request.inputs ?? []).flatMap((input) => input.path === void 0 ? [] : [input.path]);
    const ended = await run(request.arguments ?? [], { inputDigests: digestsOf(request), inputPaths });
    const output = captured.join("") + ended.output;
    captured = [];
    respond(JSON.stringify({ exitCode: ended.exitCode, output, requestId: request.requestId ?? 0 }) + "\n");
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (text) => {
    for (const value of requests.push(text)) queue = queue.then(() => handle(value));
  });
  process.stdin.on("end", () => void queue.then(() => process.exit(0)));
}

// tools/src/helper/main.ts
function failureMessage(err) {
  if (err instanceof UserFacingError) return err.message;
  if (err instanceof FormatError) return `databazel: ${err.message}`;
  if (err instanceof MalformedFlagsError) {
    return `databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`;
  }
  return `databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
}
async function runBody(body, ...call) {
  try {
    await body(...call);
    return { exitCode: 0, output: "" };
  } catch (err) {
    return { exitCode: 1, output: failureMessage(err) + "\n" };
  }
}
function main(body) {
  const argv = process.argv.slice(2);
  if (argv.includes(PERSISTENT_WORKER_FLAG)) {
    serveWorkRequests((args, request) => runBody(body, args, request));
    return;
  }
  void (async () => {
    const ended = await runBody(body, expandFlagfile(argv), { inputDigests: /* @__PURE__ */ new Map() });
    process.stderr.write(ended.output);
    process.exitCode = ended.exitCode;
  })();
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

// tools/src/report/html.ts
var import_node_fs3 = require("node:fs");

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

// tools/src/report/html.ts
function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function readJson(path, what) {
  let text;
  try {
    text = (0, import_node_fs3.readFileSync)(path, "utf8");
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
function table(columns2, rows, options = {}) {
  const head = columns2.map((c) => {
    const cls = [c.numeric ? "num" : "", c.className ?? ""].filter(Boolean).join(" ");
    return `<th data-key="${esc(c.key)}" data-type="${c.numeric ? "num" : "str"}"${cls ? ` class="${cls}"` : ""} scope="col">${esc(c.header ?? c.key)}</th>`;
  }).join("");
  const body = rows.map((cells, i) => {
    const tds = cells.map((cell, j) => {
      const col = columns2[j];
      const cls = [col?.numeric ? "num" : "", col?.className ?? ""].filter(Boolean).join(" ");
      const title = cell.text.length > 40 ? ` title="${esc(cell.text)}"` : "";
      return `<td data-v="${esc(cell.value ?? cell.text)}"${cls ? ` class="${cls}"` : ""}${title}>${esc(cell.text)}</td>`;
    }).join("");
    return `<tr${options.rowAttrs?.(i) ?? ""}>${tds}</tr>`;
  }).join("\n");
  const attrs = `${options.id ? ` id="${esc(options.id)}"` : ""}${options.className ? ` class="${esc(options.className)}"` : ""}`;
  return `<div class="scroll"><table${attrs}>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}
function keyValueTable(id, keyHeader, valueHeader, entries) {
  const rows = entries.map(([k, v]) => [{ text: k }, { text: typeof v === "number" ? formatNumber(v) : v, value: String(v) }]);
  const numeric = entries.length > 0 && entries.every(([, v]) => typeof v === "number");
  return table(
    [
      { key: keyHeader, numeric: false },
      { key: valueHeader, numeric }
    ],
    rows,
    { id, className: "kv" }
  );
}
function section(id, title, body) {
  return `<section id="${esc(id)}">
<h2>${esc(title)}</h2>
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

// tools/src/report/classes.ts
var isNumberArray = (v) => Array.isArray(v) && v.every((n) => typeof n === "number");
function shade(rgb, t) {
  const c = rgb.map((v) => Math.round(255 + (v - 255) * t));
  return `rgb(${c.join(",")})`;
}
var CORRECT = [33, 102, 172];
var CONFUSED = [214, 69, 65];
function confusionMatrix(metrics) {
  const m = metrics?.confusion_matrix;
  if (!Array.isArray(m) || m.length === 0 || !m.every(isNumberArray)) return void 0;
  const rows = m;
  const cols = Math.max(...rows.map((r) => r.length));
  let maxOff = 0;
  rows.forEach((r, i) => r.forEach((v, j) => maxOff = i === j ? maxOff : Math.max(maxOff, v)));
  const head = Array.from({ length: cols }, (_, j) => `<th scope="col">${j}</th>`).join("");
  const body = rows.map((r, i) => {
    const total = r.reduce((a, b) => a + b, 0);
    const cells = Array.from({ length: cols }, (_, j) => {
      const v = r[j] ?? 0;
      const t = i === j ? total > 0 ? v / total : 0 : maxOff > 0 ? v / maxOff : 0;
      const bg = v === 0 ? "" : ` style="background:${shade(i === j ? CORRECT : CONFUSED, t)}${t > 0.55 ? ";color:#fff" : ""}"`;
      const share = total > 0 ? ` (${formatNumber(Math.round(v / total * 1e3) / 10)}% of class ${i})` : "";
      const cls = `${i === j ? "diag" : "off"}${v === 0 ? " zero" : ""}`;
      return `<td class="${cls}"${bg} title="${esc(`true ${i}, predicted ${j}: ${formatNumber(v)}${share}`)}">${esc(formatNumber(v))}</td>`;
    });
    return `<tr><th scope="row">${i}</th>${cells.join("")}<td class="total">${esc(formatNumber(total))}</td></tr>`;
  });
  return `<div class="scroll"><table id="confusion-matrix" class="matrix">
<thead><tr><th>true \\ predicted</th>${head}<th scope="col">total</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table></div>
<p class="hint">Rows: true class; columns: predicted class. Blue: correct, darker for a higher share of the class; red: confusions, darker for the more frequent ones.</p>`;
}
function perClassTable(metrics) {
  const pc = metrics?.per_class;
  if (pc === null || typeof pc !== "object" || Array.isArray(pc)) return void 0;
  const arrays = Object.entries(pc).filter((e) => isNumberArray(e[1]) && e[1].length > 0);
  if (arrays.length === 0) return void 0;
  const count = Math.max(...arrays.map(([, a]) => a.length));
  const rows = Array.from({ length: count }, (_, i) => [
    { text: String(i) },
    ...arrays.map(([, a]) => a[i] === void 0 ? { text: "" } : { text: formatNumber(a[i]), value: String(a[i]) })
  ]);
  return table(
    [{ key: "class", numeric: true }, ...arrays.map(([name]) => ({ key: name, numeric: true }))],
    rows,
    { id: "per-class", className: "sortable" }
  );
}

// tools/src/report/evaluate.ts
function evaluateReport(m) {
  const metrics = readJson(m.metrics, "the metrics");
  const scalars = Object.entries(scalarMetrics(metrics));
  const sections = [
    section(
      "metrics-section",
      "Metrics",
      scalars.length ? keyValueTable("metrics", "metric", "value", scalars) : note("The metrics hold no scalar values.")
    )
  ];
  const perClass = perClassTable(metrics);
  if (perClass) sections.push(section("per-class-section", "Per class", perClass));
  const matrix = confusionMatrix(metrics);
  if (matrix) sections.push(section("confusion-section", "Confusion matrix", matrix));
  return page({
    kind: "evaluate",
    label: m.label,
    subtitle: `model <b id="model-label">${esc(m.model_label)}</b>`,
    sections
  });
}

// tools/src/report/curves.ts
var import_node_fs4 = require("node:fs");

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

// tools/src/report/svg.ts
var WIDTH = 560;
var HEIGHT = 320;
var MARGIN = { left: 60, right: 18, top: 14, bottom: 46 };
var X_RANGE = [MARGIN.left, WIDTH - MARGIN.right];
var Y_RANGE = [HEIGHT - MARGIN.bottom, MARGIN.top];
var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
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
function valueScale(values, param) {
  return paramScale(values, param, X_RANGE);
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
function axes(x, y, xTitle, yTitle) {
  const bottom = Y_RANGE[0];
  const parts = [];
  for (const t of y.ticks) {
    parts.push(`<line class="grid" x1="${X_RANGE[0]}" x2="${X_RANGE[1]}" y1="${px(t.at)}" y2="${px(t.at)}"/>`);
    parts.push(`<text x="${X_RANGE[0] - 6}" y="${px(t.at)}" dy="0.32em" text-anchor="end">${esc(t.label)}</text>`);
  }
  const room = x.kind === "band" ? Math.max(3, Math.floor((X_RANGE[1] - X_RANGE[0]) / Math.max(1, x.ticks.length) / 6.5)) : 12;
  for (const t of x.ticks) {
    parts.push(`<line class="axis" x1="${px(t.at)}" x2="${px(t.at)}" y1="${bottom}" y2="${bottom + 4}"/>`);
    const shown = truncate(t.label, room);
    const title = shown === t.label ? "" : `<title>${esc(t.label)}</title>`;
    parts.push(`<text x="${px(t.at)}" y="${bottom + 16}" text-anchor="middle">${title}${esc(shown)}</text>`);
  }
  parts.push(`<line class="axis" x1="${X_RANGE[0]}" x2="${X_RANGE[1]}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${X_RANGE[0]}" x2="${X_RANGE[0]}" y1="${Y_RANGE[1]}" y2="${bottom}"/>`);
  const xLabel = x.kind === "log" ? `${xTitle} (log scale)` : xTitle;
  parts.push(`<text class="axis-title" x="${px((X_RANGE[0] + X_RANGE[1]) / 2)}" y="${HEIGHT - 10}" text-anchor="middle">${esc(xLabel)}</text>`);
  const midY = px((Y_RANGE[0] + Y_RANGE[1]) / 2);
  parts.push(`<text class="axis-title" x="14" y="${midY}" text-anchor="middle" transform="rotate(-90 14 ${midY})">${esc(yTitle)}</text>`);
  return parts.join("\n");
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
function scatterChart(s) {
  const y = linearScale(
    s.points.map((p) => p.y),
    Y_RANGE
  );
  const spots = /* @__PURE__ */ new Map();
  for (const p of s.points) {
    const cx = px(s.x.at(p.x));
    const cy = px(y.at(p.y));
    const spot = spots.get(`${cx},${cy}`) ?? { cx, cy, labels: [], best: false, faded: true };
    spot.labels.push(p.label);
    spot.best ||= p.best === true;
    spot.faded &&= p.faded === true;
    spots.set(`${cx},${cy}`, spot);
  }
  const layer = (p) => p.best ? 2 : p.faded ? 0 : 1;
  const ordered = [...spots.values()].sort((a, b) => layer(a) - layer(b));
  const dots = ordered.map((p) => {
    const look = p.best ? `class="point best" r="7" fill="#d4a72c"` : p.faded ? `class="point faded" r="5" fill="${FADED}"` : `class="point" r="5.5" fill="${PALETTE[0]}"`;
    const title = `<title>${esc(p.labels.join("\n\n"))}</title>`;
    return `<circle ${look} cx="${p.cx}" cy="${p.cy}" data-trials="${p.labels.length}">${title}</circle>`;
  });
  return figure({ name: s.name, title: s.title, xScale: s.x.kind, body: `${axes(s.x, y, s.xTitle, s.yTitle)}
${dots.join("\n")}`, caption: s.caption });
}
function lineChart(s) {
  const all = s.series.flatMap((ser) => ser.points);
  const x = linearScale(
    all.map((p) => p.x),
    X_RANGE,
    { pad: 0, integer: all.every((p) => Number.isInteger(p.x)) }
  );
  const y = linearScale(
    all.map((p) => p.y),
    Y_RANGE
  );
  const ordered = [
    ...s.series.filter((ser) => ser.faded && !ser.best),
    ...s.series.filter((ser) => !ser.faded && !ser.best),
    ...s.series.filter((ser) => ser.best)
  ];
  const groups = ordered.map((ser) => {
    const d = ser.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(x.at(p.x))},${px(y.at(p.y))}`).join("");
    const pattern = DASHES[(ser.dash ?? 0) % DASHES.length];
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : "";
    const dots = ser.points.map((p) => {
      const title = `<title>${esc(`${ser.label} · ${s.xTitle} ${formatNumber(p.x)}: ${formatNumber(p.y)}`)}</title>`;
      return `<circle cx="${px(x.at(p.x))}" cy="${px(y.at(p.y))}" r="2.5" fill="${ser.color}">${title}</circle>`;
    });
    return `<g class="series${ser.best ? " best" : ""}${ser.faded ? " faded" : ""}" data-series="${esc(ser.id)}"><path class="line" d="${d}" stroke="${ser.color}"${dash}><title>${esc(ser.label)}</title></path>${dots.join("")}</g>`;
  });
  return figure({
    name: s.name,
    title: s.title,
    xScale: x.kind,
    body: `${axes(x, y, s.xTitle, s.yTitle)}
${groups.join("\n")}`,
    legend: s.legend,
    caption: s.caption
  });
}

// tools/src/report/curves.ts
function readCurve(path) {
  const curve = parseCurve((0, import_node_fs4.readFileSync)(path, "utf8"));
  if (typeof curve === "string") throw new UserFacingError(`databazel: the report's learning curve ${path} ${curve}`);
  return curve;
}
var GROUPS = [
  { chart: "learning-curves", title: "Loss per epoch", yTitle: "loss", match: /loss/i },
  { chart: "learning-curves-accuracy", title: "Accuracy per epoch", yTitle: "accuracy", match: /acc/i }
];
function epochs(curve) {
  const given = curve.every((p) => typeof p.epoch === "number");
  return curve.map((p, i) => given ? p.epoch : i + 1);
}
function curveCharts(runs, byRun, caption) {
  if (runs.every((r) => r.curve.length === 0)) {
    return note(
      `No learning curve: ${byRun ? "no trial's training script wrote one" : "the training script wrote none"}. A training script may write --output_dir/curve.json, a JSON array of per-epoch metrics such as [{"epoch": 1, "loss": 0.4, "train_accuracy": 0.9}].`,
      "learning-curves"
    );
  }
  const allKeys = [...new Set(runs.flatMap((r) => r.curve.flatMap((p) => Object.keys(p))))].filter((k) => k !== "epoch").sort();
  const charts = [];
  for (const group of GROUPS) {
    const keys = allKeys.filter((k) => group.match.test(k));
    if (keys.length === 0) continue;
    const series = [];
    const legend3 = [];
    runs.forEach((run, r) => {
      const xs = epochs(run.curve);
      keys.forEach((key, k) => {
        const points = run.curve.flatMap((p, i) => typeof p[key] === "number" ? [{ x: xs[i], y: p[key] }] : []);
        if (points.length === 0) return;
        const color = PALETTE[(byRun ? r : k) % PALETTE.length];
        const id = String(byRun ? r : k);
        const label = byRun ? keys.length > 1 ? `${run.name} ${key}` : run.name : key;
        series.push({ id, label, color, dash: byRun ? k : 0, best: run.best, faded: byRun && run.faded, points });
        if (!byRun) legend3.push({ label: key, color, series: id });
      });
      if (byRun && run.curve.length > 0) {
        legend3.push({ label: run.name, color: PALETTE[r % PALETTE.length], series: String(r), best: run.best, faded: run.faded, tag: run.tag });
      }
    });
    if (byRun && keys.length > 1) keys.forEach((key, k) => legend3.push({ label: key, color: "#656d76", dash: k }));
    charts.push(lineChart({ name: group.chart, title: group.title, xTitle: "epoch", yTitle: group.yTitle, series, legend: legend3, caption }));
  }
  if (charts.length === 0) {
    return note(`The learning curves hold no loss or accuracy values (their keys: ${allKeys.join(", ")}).`, "learning-curves");
  }
  return `<div class="charts">
${charts.join("\n")}
</div>`;
}

// tools/src/report/model.ts
function modelReport(m) {
  const hyperparams = Object.entries(readJson(m.hyperparams, "the hyperparameters")).map(
    ([k, v]) => [k, String(v)]
  );
  const curve = readCurve(m.curve);
  const records = m.records.map((path) => readRunRecord(path, m.label));
  const totalMs = records.reduce((sum, r) => sum + r.duration_ms, 0);
  const last = curve[curve.length - 1];
  const subtitle = `${records.length} training run${records.length === 1 ? "" : "s"} · ${esc(formatNumber(totalMs / 1e3))} s` + (curve.length ? ` · ${curve.length} epoch${curve.length === 1 ? "" : "s"}` : "") + (last && typeof last.loss === "number" ? ` · final loss ${esc(formatNumber(last.loss))}` : "");
  return page({
    kind: "model",
    label: m.label,
    subtitle,
    sections: [
      section(
        "hyperparameters-section",
        "Hyperparameters",
        hyperparams.length ? keyValueTable("hyperparameters", "hyperparameter", "value", hyperparams) : note("No hyperparameters.")
      ),
      section("curves-section", "Learning curve", curveCharts([{ name: m.label, curve }], false) + curveTable(curve)),
      section("runs-section", "Training runs", runsTable(records))
    ]
  });
}
function curveTable(curve) {
  if (curve.length === 0) return "";
  const keys = [...new Set(curve.flatMap((p) => Object.keys(p)))];
  const rows = curve.map((p) => keys.map((k) => p[k] === void 0 ? { text: "" } : { text: formatNumber(p[k]), value: String(p[k]) }));
  const body = table(
    keys.map((k) => ({ key: k, numeric: true })),
    rows,
    { id: "curve" }
  );
  return `
<details><summary>Values</summary>
${body}
</details>`;
}
function runsTable(records) {
  const rows = records.map((r, i) => {
    const train = r.kind === "train" ? r : void 0;
    return [
      { text: String(i + 1) },
      { text: train?.epochs ? `${train.epochs.start}–${train.epochs.end}` : "all" },
      { text: formatNumber(r.duration_ms), value: String(r.duration_ms) },
      { text: r.exit_code === null ? "" : String(r.exit_code) },
      { text: train ? String(train.seed) : "" }
    ];
  });
  return table(
    [
      { key: "run", numeric: true },
      { key: "epochs", numeric: false },
      { key: "duration_ms", numeric: true },
      { key: "exit_code", numeric: true },
      { key: "seed", numeric: true }
    ],
    rows,
    { id: "runs" }
  );
}

// tools/src/report/front-chart.ts
var PRECEDENCE = ["pruned", "infeasible", "dominated", "front", "best"];
var INFEASIBLE = "#cf222e";
var GOLD = "#d4a72c";
var betterWord = (goal2) => goal2 === "maximize" ? "higher is better" : "lower is better";
function pointKind(t, board) {
  if (t.outcome === "pruned") return "pruned";
  if (t.outcome !== "succeeded") return void 0;
  if (t.trial === board.best) return "best";
  if (t.violation !== null && t.violation > 0) return "infeasible";
  return board.front.includes(t.trial) ? "front" : "dominated";
}
function compactLabel(label, from = 1e4) {
  const n = Number(label);
  if (!Number.isFinite(n) || Math.abs(n) < from) return label;
  const [div, unit] = Math.abs(n) >= 1e9 ? [1e9, "G"] : Math.abs(n) >= 1e6 ? [1e6, "M"] : [1e3, "k"];
  return `${formatNumber(Number((n / div).toPrecision(4)))}${unit}`;
}
function objectiveScale(values, range) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const scale = min > 0 && max / min > 100 ? logScale(values, range) : linearScale(values, range, { pad: 0.06 });
  const from = scale.ticks.some((t) => Math.abs(Number(t.label)) >= 1e4) ? 1e3 : 1e4;
  return { ...scale, ticks: scale.ticks.map((t) => ({ at: t.at, label: compactLabel(t.label, from) })) };
}
var valueOf = (t, name) => {
  const v = t.metrics[name];
  return v !== void 0 && Number.isFinite(v) ? v : void 0;
};
var worse = (goal2, a, b) => goal2 === "maximize" ? Math.min(a, b) : Math.max(a, b);
function frontLine(trials, front, x, y, staircase) {
  const onFront = trials.map((t, i) => ({ t, i, x: valueOf(t, x.name), y: valueOf(t, y.name) })).filter((p) => front.includes(p.t.trial) && p.x !== void 0 && p.y !== void 0).sort((a, b) => a.x - b.x || a.y - b.y || a.i - b.i);
  const corners = [];
  onFront.forEach((p, k) => {
    const prev = onFront[k - 1];
    if (prev && staircase) corners.push([worse(x.goal, prev.x, p.x), worse(y.goal, prev.y, p.y)]);
    corners.push([p.x, p.y]);
  });
  return { trials: onFront.map((p) => p.t.trial), corners };
}
function tooltip(t, board, kind) {
  const lines = [
    `${t.trial}${kind === "best" ? ` (selected: ${board.select === "knee" ? "the knee" : `best by ${board.select}`})` : ""}`,
    ...board.objectives.map((o) => `${o.name} = ${formatNumber(t.metrics[o.name] ?? NaN)}`),
    ...board.constraints.map((c) => `${c.metric} = ${formatNumber(t.metrics[c.metric] ?? NaN)} (constraint ${c.op} ${formatNumber(c.bound)})`)
  ];
  if (kind === "pruned") lines.push(`pruned after ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}: values from that rung`);
  else if (kind === "infeasible") lines.push(`infeasible: violation ${formatNumber(t.violation ?? 0)}`);
  else lines.push(kind === "dominated" ? `dominated: Pareto front ${t.pareto_rank}` : "on the Pareto front");
  return lines.join("\n");
}
function marker(kind, cx, cy) {
  switch (kind) {
    case "best":
      return `<circle class="point best front" cx="${cx}" cy="${cy}" r="7" fill="${GOLD}"`;
    case "front":
      return `<circle class="point front" cx="${cx}" cy="${cy}" r="5.5" fill="${PALETTE[0]}"`;
    case "dominated":
      return `<circle class="point dominated" cx="${cx}" cy="${cy}" r="4.5" fill="${PALETTE[0]}" opacity="0.35"`;
    case "infeasible":
      return `<circle class="point infeasible" cx="${cx}" cy="${cy}" r="4.5" fill="none" style="stroke:${INFEASIBLE};stroke-width:1.6"`;
    case "pruned":
      return `<circle class="point faded pruned" cx="${cx}" cy="${cy}" r="4" fill="${FADED}"`;
  }
}
function swatch(kind, dashed) {
  const inner = kind === "line" ? `<line x1="-8" x2="8" y1="0" y2="0" stroke="${PALETTE[0]}" stroke-width="2"${dashed ? ` stroke-dasharray="4 3"` : ""}/>` : `${marker(kind, "0", "0").replace(/ class="[^"]*"/, "")}${kind === "best" ? ` stroke="#1f2328" stroke-width="1.5"` : kind === "infeasible" ? "" : ` stroke="#fff"`}/>`;
  return `<svg width="18" height="16" viewBox="-9 -8 18 16" aria-hidden="true">${inner}</svg>`;
}
function markerLegend(kinds, staircase, select, line) {
  const items = [
    ["best", `selected (${select === "knee" ? "the knee" : `best by ${select}`})`],
    ["front", "Pareto front"],
    ["line", staircase ? "the front's boundary" : "the front, along x"],
    ["dominated", "dominated"],
    ["infeasible", "infeasible (breaks a constraint)"],
    ["pruned", "pruned at a rung"]
  ];
  const lis = items.filter(([k]) => k === "line" ? line : kinds.has(k)).map(([k, label]) => `<li data-kind="${k}">${swatch(k, !staircase)}${esc(label)}</li>`);
  return `<ul class="legend">${lis.join("")}</ul>`;
}
function frontChart(board, trials, x, y) {
  const staircase = board.objectives.length === 2;
  const drawn = trials.flatMap((t) => {
    const kind = pointKind(t, board);
    const vx = valueOf(t, x.name);
    const vy = valueOf(t, y.name);
    return kind && vx !== void 0 && vy !== void 0 ? [{ t, kind, x: vx, y: vy }] : [];
  });
  if (drawn.length === 0) return note(`No trial has values of both ${x.name} and ${y.name}: nothing to plot.`, `pareto-front-${x.name}-${y.name}`);
  const xs = objectiveScale(
    drawn.map((p) => p.x),
    X_RANGE
  );
  const ys = objectiveScale(
    drawn.map((p) => p.y),
    Y_RANGE
  );
  const spots = /* @__PURE__ */ new Map();
  for (const p of drawn) {
    const cx = px(xs.at(p.x));
    const cy = px(ys.at(p.y));
    const spot = spots.get(`${cx},${cy}`) ?? { cx, cy, kind: p.kind, trials: [], tips: [] };
    if (PRECEDENCE.indexOf(p.kind) > PRECEDENCE.indexOf(spot.kind)) spot.kind = p.kind;
    spot.trials.push(p.t.trial);
    spot.tips.push(tooltip(p.t, board, p.kind));
    spots.set(`${cx},${cy}`, spot);
  }
  const ordered = [...spots.values()].map((s, i) => ({ s, i })).sort((a, b) => PRECEDENCE.indexOf(a.s.kind) - PRECEDENCE.indexOf(b.s.kind) || a.i - b.i);
  const below = ordered.filter(({ s }) => s.kind !== "front" && s.kind !== "best");
  const above = ordered.filter(({ s }) => s.kind === "front" || s.kind === "best");
  const dot = ({ s }) => `${marker(s.kind, s.cx, s.cy)} data-trials="${esc(s.trials.join(" "))}"><title>${esc(s.tips.join("\n\n"))}</title></circle>`;
  const line = frontLine(trials, board.front, x, y, staircase);
  const points = [];
  for (const [cx, cy] of line.corners) {
    const at = `${px(xs.at(cx))},${px(ys.at(cy))}`;
    if (points.at(-1) !== at) points.push(at);
  }
  const path = points.length > 1 ? `<path class="front-line" d="M${points.join("L")}" fill="none" stroke="${PALETTE[0]}" stroke-width="1.75"${staircase ? "" : ` stroke-dasharray="5 4"`} data-trials="${esc(line.trials.join(" "))}"/>` : "";
  const yTitle = `${y.name}, ${betterWord(y.goal)}${ys.kind === "log" ? " (log scale)" : ""}`;
  const body = [axes(xs, ys, `${x.name}, ${betterWord(x.goal)}`, yTitle), ...below.map(dot), path, ...above.map(dot)].filter(Boolean).join("\n");
  return figure({
    name: `pareto-front-${x.name}-${y.name}`,
    xScale: xs.kind,
    title: `${y.name} against ${x.name}`,
    body,
    legendHtml: markerLegend(new Set(drawn.map((p) => p.kind)), staircase, board.select, path !== "")
  });
}
function objectivePairs(objectives) {
  return objectives.flatMap((a, i) => objectives.slice(i + 1).map((b) => [a, b]));
}
function frontCharts(board, trials, after = "") {
  const many = board.objectives.length > 2;
  const pruned = trials.some((t) => t.outcome === "pruned");
  const failed = trials.filter((t) => t.outcome !== "succeeded" && t.outcome !== "pruned").length;
  const hint = `Each trial that succeeded is a point; hover one for its values. The Pareto front (${board.front.length} trial${board.front.length === 1 ? "" : "s"}) is the trials no other beats on every objective: ` + (many ? `over all ${board.objectives.length} objectives, so in one pair's view a front point may look dominated; the dashed line joins the front's points along x.` : `the line bounds what they dominate.`) + ` Dominated trials are faint` + (board.constraints.length ? `; trials that break a constraint are hollow red rings` : "") + `.` + (pruned ? ` Grey: trials pruned at a rung, scored there (not comparable with trials that trained to the end, and never on the front).` : "") + (failed ? ` ${failed} trial${failed === 1 ? "" : "s"} that did not succeed ${failed === 1 ? "has" : "have"} no values and ${failed === 1 ? "is" : "are"} not drawn.` : "");
  const charts = objectivePairs(board.objectives).map(([x, y]) => frontChart(board, trials, x, y));
  return `<p class="hint">${esc(hint)}</p>
<div class="charts">
${[...charts, after].filter(Boolean).join("\n")}
</div>`;
}

// tools/src/pareto/objectives.ts
function toMinimized(values, goals) {
  if (values.length !== goals.length) throw new Error(`toMinimized: ${values.length} values for ${goals.length} objectives`);
  return values.map((value, k) => goals[k] === "maximize" ? 0 - value : value);
}
function weaklyDominates(a, b) {
  for (let k = 0; k < a.length; k++) if (a[k] > b[k]) return false;
  return true;
}

// tools/src/pareto/vectors.ts
function checkVectors(vectors, dimension, what) {
  if (!Number.isInteger(dimension) || dimension < 1) throw new Error(`${what}: need at least one objective, got ${dimension}`);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimension) throw new Error(`${what}: point ${i} has ${vector.length} values, expected ${dimension}`);
    vector.forEach((value, k) => {
      if (!Number.isFinite(value)) throw new Error(`${what}: point ${i} has a non-finite value ${value} in objective ${k}`);
    });
  });
}
function dimensionOf(vectors, what) {
  const dimension = vectors[0]?.length ?? 0;
  if (vectors.length > 0) checkVectors(vectors, dimension, what);
  return dimension;
}

// tools/src/pareto/hypervolume.ts
function inside(points, reference) {
  return points.filter((p) => p.every((v, k) => v < reference[k]));
}
function checkInput(points, reference, what) {
  checkVectors([reference], reference.length, `${what}'s reference point`);
  checkVectors(points, reference.length, what);
}
function fromLast(a, b) {
  for (let k = a.length - 1; k >= 0; k--) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}
function area(points, reference) {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let lowest = reference[1];
  for (const p of sorted) {
    if (p[1] >= lowest) continue;
    total += (reference[0] - p[0]) * (lowest - p[1]);
    lowest = p[1];
  }
  return total;
}
function staircaseArea(xs, ys, reference) {
  let total = 0;
  let lowest = reference[1];
  for (let i = 0; i < xs.length; i++) {
    total += (reference[0] - xs[i]) * (lowest - ys[i]);
    lowest = ys[i];
  }
  return total;
}
function volume3(points, reference) {
  const sorted = [...points].sort(fromLast);
  const xs = [];
  const ys = [];
  let slice = 0;
  let total = 0;
  for (let s = 0; s < sorted.length; s++) {
    const p = sorted[s];
    const x = p[0];
    const y = p[1];
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (xs[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    if (!(lo > 0 && ys[lo - 1] <= y)) {
      const start = lo > 0 && xs[lo - 1] === x ? lo - 1 : lo;
      let end = lo;
      while (end < xs.length && ys[end] >= y) end++;
      xs.splice(start, end - start, x);
      ys.splice(start, end - start, y);
      slice = staircaseArea(xs, ys, reference);
    }
    const top = s + 1 < sorted.length ? sorted[s + 1][2] : reference[2];
    if (top > p[2]) total += slice * (top - p[2]);
  }
  return total;
}
function volume(points, reference) {
  const d = reference.length;
  if (points.length === 0) return 0;
  if (d === 1) return reference[0] - points.reduce((m, p) => Math.min(m, p[0]), Infinity);
  if (d === 2) return area(points, reference);
  if (d === 3) return volume3(points, reference);
  const sorted = [...points].sort(fromLast);
  const lowerReference = reference.slice(0, d - 1);
  let passed = [];
  let slice = 0;
  let total = 0;
  for (let s = 0; s < sorted.length; s++) {
    const p = sorted[s];
    const projection = p.slice(0, d - 1);
    if (!passed.some((q) => weaklyDominates(q, projection))) {
      passed = passed.filter((q) => !weaklyDominates(projection, q));
      passed.push(projection);
      slice = volume(passed, lowerReference);
    }
    const top = s + 1 < sorted.length ? sorted[s + 1][d - 1] : reference[d - 1];
    if (top > p[d - 1]) total += slice * (top - p[d - 1]);
  }
  return total;
}
function hypervolume(points, reference) {
  checkInput(points, reference, "hypervolume");
  return volume(inside(points, reference), reference);
}

// tools/src/pareto/reference.ts
var view = new DataView(new ArrayBuffer(8));
function nextUp(x) {
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + (x > 0 ? 1n : -1n));
  return view.getFloat64(0);
}
function referencePoint(points) {
  const dimension = dimensionOf(points, "referencePoint");
  if (points.length === 0) throw new Error("referencePoint: no points to take a reference point from");
  const reference = [];
  for (let k = 0; k < dimension; k++) {
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      if (p[k] < min) min = p[k];
      if (p[k] > max) max = p[k];
    }
    const range = max - min;
    let value = max + (range === 0 ? 1 : range / 10);
    if (!(value > max)) value = nextUp(max);
    if (!Number.isFinite(value)) throw new Error(`referencePoint: objective ${k}'s reference overflows (worst value ${max})`);
    reference.push(value);
  }
  return reference;
}

// tools/src/report/hypervolume-curve.ts
var MAX_CURVE_OBJECTIVES = 3;
function hypervolumeCurve(trials, objectives) {
  const goals = objectives.map((o) => o.goal);
  const vectors = trials.map((t) => {
    if (t.outcome !== "succeeded" || t.violation !== 0) return void 0;
    const values2 = objectives.map((o) => t.metrics[o.name]);
    return values2.every((v) => v !== void 0 && Number.isFinite(v)) ? toMinimized(values2, goals) : void 0;
  });
  const counted = vectors.filter((v) => v !== void 0);
  if (counted.length === 0) return void 0;
  const reference = referencePoint(counted);
  const values = [];
  let front = [];
  let current = 0;
  for (const v of vectors) {
    if (v && !front.some((p) => weaklyDominates(p, v))) {
      front = [...front.filter((p) => !weaklyDominates(v, p)), v];
      current = hypervolume(front, reference);
    }
    values.push(current);
  }
  return { reference, values };
}
function hypervolumeChart(trials, objectives) {
  if (objectives.length > MAX_CURVE_OBJECTIVES) {
    return note(`Not drawn for more than ${MAX_CURVE_OBJECTIVES} objectives: exact hypervolume grows too costly to compute after every trial.`, "hypervolume");
  }
  const curve = hypervolumeCurve(trials, objectives);
  if (!curve) return note("No trial succeeded and kept every constraint: there is no hypervolume to draw.", "hypervolume");
  const reference = objectives.map((o, k) => `${o.name} ${formatNumber(o.goal === "maximize" ? 0 - curve.reference[k] : curve.reference[k])}`).join(", ");
  const chart = lineChart({
    name: "hypervolume",
    title: "Hypervolume over trials",
    xTitle: "trials (declaration order)",
    yTitle: "hypervolume",
    series: [{ id: "hypervolume", label: "hypervolume", color: PALETTE[0], points: curve.values.map((y, i) => ({ x: i + 1, y })) }],
    legend: [],
    caption: `After each trial, the hypervolume of the trials so far that succeeded and keep every constraint: the area (volume) of objective space their front dominates, up to a reference point. Higher is better; a flat stretch added nothing to the front. Reference point: each objective's worst value over all those trials plus a tenth of its range (${reference}).` + (trials.some((t) => t.outcome === "pruned") ? " Pruned trials, scored at an earlier rung, are left out." : "")
  });
  return chart;
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
function axis(x, scale, title, room, metric = false) {
  const out = [];
  const top = TOP;
  const bottom = TOP + PLOT;
  const kind = metric ? "metric" : scale.kind;
  const side = metric ? 1 : -1;
  out.push(`<g class="pc-axis" data-axis="${esc(title)}" data-scale="${kind}">`);
  out.push(`<line class="axis" x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${bottom}"/>`);
  const chars = Math.max(4, Math.floor((room - 16) / 6.3));
  for (const t of scale.ticks) {
    const shown2 = truncate(t.label, chars);
    const full2 = shown2 === t.label ? "" : `<title>${esc(t.label)}</title>`;
    out.push(`<line class="axis" x1="${px(x + side * 4)}" x2="${px(x)}" y1="${px(t.at)}" y2="${px(t.at)}"/>`);
    out.push(`<text class="tick" x="${px(x + side * 7)}" y="${px(t.at)}" dy="0.32em" text-anchor="${metric ? "start" : "end"}">${full2}${esc(shown2)}</text>`);
  }
  const shown = truncate(title, Math.floor((Math.min(room, SIDE) * 2 - 8) / 7));
  const full = shown === title ? "" : `<title>${esc(title)}</title>`;
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

// tools/src/report/promotions.ts
var bracketKey = (bracket) => `${bracket.iteration > 1 ? `${bracket.iteration}-` : ""}${bracket.bracket}`;
var COLORS = {
  completed: "#4e79a7",
  best: "#d4a72c",
  pruned: "#c4cad1",
  failed: "#cf222e"
};
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function byValue(goal2) {
  return (a, b) => {
    if (a == null || b == null) return Number(a == null) - Number(b == null);
    return goal2 === "maximize" ? b - a : a - b;
  };
}
function lanes(bracket, trials, goal2, best2, declared) {
  const rows = new Map(trials.map((t) => [t.trial, t]));
  const names = [...new Set(bracket.rungs.flatMap((r) => r.trials.map((e) => e.trial)))];
  const better = byValue(goal2);
  const result = names.map((trial) => {
    const entries = bracket.rungs.map((r) => r.trials.find((e) => e.trial === trial));
    const reached = entries.reduce((last, e, i) => e ? i : last, 0);
    const row2 = rows.get(trial);
    const entry = entries[reached];
    const outcome2 = row2?.outcome ?? (entry.outcome === "succeeded" && entry.decision === "stop" ? "pruned" : entry.outcome);
    const status = outcome2 === "succeeded" ? "completed" : outcome2 === "pruned" ? "pruned" : "failed";
    const target = bracket.rungs[reached].epochs;
    const trained = row2?.epochs ?? (status === "failed" ? reached > 0 ? bracket.rungs[reached - 1].epochs : 0 : target);
    return { trial, entries, reached, status, outcome: outcome2, trained, target: Math.max(target, trained), rank: row2?.rank, best: trial === best2 };
  });
  return result.sort(
    (a, b) => b.reached - a.reached || better(a.entries[a.reached]?.value, b.entries[b.reached]?.value) || (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0)
  );
}
function rungLabel(rung, index) {
  const head = `rung ${index + 1}: ${plural(rung.epochs, "epoch")}`;
  return rung.keep === null ? `${head}, final (${plural(rung.trials.length, "trial")})` : `${head}, keep ${rung.keep} of ${rung.trials.length}`;
}
function shorten(text, max) {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}
var CHAR = 6.3;
var PLOT_WIDTH = 440;
var ROW = 18;
var BAR = 10;
var LABEL_LINE = 15;
var MAX_NAME = 46;
function entryText(metric, rung, i, e) {
  const where = rung.keep === null ? "on the test data" : "on the validation data";
  const value = e.value === null ? e.outcome : `${metric} ${formatNumber(e.value)} ${where}`;
  const decision = e.decision === "final" ? "" : ` → ${e.decision}${e.forced ? " (continue_trials)" : ""}`;
  return `rung ${i + 1} · ${plural(rung.epochs, "epoch")}: ${value}${decision}`;
}
function laneTitle(metric, bracket, lane) {
  const lines = [`${lane.trial}${lane.best ? " (best)" : ""}`];
  const status = lane.status === "completed" ? `trained ${plural(lane.trained, "epoch")}, to the last rung` : lane.status === "pruned" ? `pruned after ${plural(lane.trained, "epoch")}, at rung ${lane.reached + 1}` : `${lane.outcome} on the way to ${plural(lane.target, "epoch")} (rung ${lane.reached + 1})`;
  lines.push(status);
  bracket.rungs.forEach((rung, i) => {
    const e = lane.entries[i];
    if (e) lines.push(entryText(metric, rung, i, e));
  });
  return lines.join("\n");
}
function promotionChart(board, bracket, ls, title, longestName) {
  const schedule2 = board.schedule;
  const nameChars = Math.min(MAX_NAME, Math.max(4, longestName));
  const nameWidth = Math.round(nameChars * CHAR) + 12;
  const left = nameWidth + 8;
  const right = left + PLOT_WIDTH;
  const width = right + 24;
  const top = 8;
  const plotTop = top + bracket.rungs.length * LABEL_LINE + 8;
  const bottom = plotTop + ls.length * ROW;
  const height = bottom + 46;
  const x = linearScale([0, schedule2.max_epochs], [left, right], { pad: 0, integer: true });
  const parts = [];
  const end = x.at(schedule2.max_epochs);
  const ticks = [...x.ticks.filter((t) => Math.abs(t.at - end) >= 24), { at: end, label: formatNumber(schedule2.max_epochs) }];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${px(t.at)}" x2="${px(t.at)}" y1="${plotTop}" y2="${bottom}"/>`);
    parts.push(`<line class="axis" x1="${px(t.at)}" x2="${px(t.at)}" y1="${bottom}" y2="${bottom + 4}"/>`);
    parts.push(`<text x="${px(t.at)}" y="${bottom + 16}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${plotTop}" y2="${bottom}"/>`);
  parts.push(`<text class="axis-title" x="${px((left + right) / 2)}" y="${bottom + 36}" text-anchor="middle">epochs trained</text>`);
  ls.forEach((lane, j) => {
    const cy = plotTop + j * ROW + ROW / 2;
    const shown = shorten(lane.trial, MAX_NAME);
    const full = shown === lane.trial ? "" : `<title>${esc(lane.trial)}</title>`;
    parts.push(
      `<text class="lane${lane.best ? " best" : ""}" x="${nameWidth}" y="${px(cy)}" dy="0.32em" text-anchor="end">${full}${esc(shown)}</text>`
    );
    const color = lane.best ? COLORS.best : COLORS[lane.status];
    const cls = `bar ${lane.status}${lane.best ? " best" : ""}`;
    const title2 = `<title>${esc(laneTitle(board.metric, bracket, lane))}</title>`;
    const y = px(cy - BAR / 2);
    const attrs = `data-trial="${esc(lane.trial)}" data-outcome="${esc(lane.outcome)}" data-epochs="${lane.trained}" data-rung="${lane.reached + 1}"`;
    const w = x.at(lane.trained) - left;
    const fill = lane.status === "failed" ? "#ffebe9" : color;
    const stroke = lane.best ? ` stroke="#1f2328" stroke-width="1.2"` : lane.status === "failed" ? ` stroke="${color}"` : "";
    parts.push(`<g class="lane-bar" ${attrs}>`);
    parts.push(`<rect class="${cls}" x="${left}" y="${y}" width="${px(Math.max(w, 1.5))}" height="${BAR}" rx="2" fill="${fill}"${stroke}>${title2}</rect>`);
    if (lane.target > lane.trained) {
      parts.push(
        `<rect class="bar attempt" x="${px(x.at(lane.trained))}" y="${y}" width="${px(x.at(lane.target) - x.at(lane.trained))}" height="${BAR}" rx="2" fill="none" stroke="${COLORS.failed}" stroke-dasharray="3 2">${title2}</rect>`
      );
      const outside = x.at(lane.target) + 4 + lane.outcome.length * CHAR <= width;
      parts.push(
        `<text class="failed-mark" x="${px(x.at(lane.target) + (outside ? 4 : -4))}" y="${px(cy)}" dy="0.32em" text-anchor="${outside ? "start" : "end"}" fill="${COLORS.failed}">${esc(lane.outcome)}</text>`
      );
    }
    parts.push(`</g>`);
  });
  bracket.rungs.forEach((rung, i) => {
    const cx = x.at(rung.epochs);
    const ly = top + 11 + i * LABEL_LINE;
    const label = rungLabel(rung, i);
    const fits = cx + 4 + label.length * CHAR <= width - 2;
    parts.push(
      `<line class="cut" data-rung="${i + 1}" data-epochs="${rung.epochs}" x1="${px(cx)}" x2="${px(cx)}" y1="${ly - 9}" y2="${bottom}" stroke="#57606a" stroke-dasharray="4 3"/>`
    );
    parts.push(
      `<text class="cut-label" data-rung="${i + 1}" x="${px(fits ? cx + 4 : cx - 4)}" y="${ly}" text-anchor="${fits ? "start" : "end"}">${esc(label)}</text>`
    );
  });
  const present = new Set(ls.map((l) => l.status));
  const items = [
    ...ls.some((l) => l.status === "completed" && !l.best) ? [{ label: "trained to the last rung", color: COLORS.completed }] : [],
    ...ls.some((l) => l.best) ? [{ label: "best trial of the search", color: COLORS.best }] : [],
    ...present.has("pruned") ? [{ label: "pruned at a rung", color: COLORS.pruned }] : [],
    ...present.has("failed") ? [{ label: "failed", color: COLORS.failed }] : []
  ];
  return figure({
    name: `promotions-${bracketKey(bracket)}`,
    xScale: "linear",
    title,
    body: parts.join("\n"),
    width,
    height,
    legend: items
  });
}
function rungTable(board, bracket, ls) {
  const head = bracket.rungs.map((rung, i) => {
    const detail = rung.keep === null ? `${plural(rung.epochs, "epoch")} · final, test data` : `${plural(rung.epochs, "epoch")} · keep ${rung.keep} of ${rung.trials.length}`;
    return `<th scope="col" class="num" data-rung="${i + 1}">rung ${i + 1}<br><span class="detail">${esc(detail)}</span></th>`;
  }).join("");
  const body = ls.map((lane) => {
    const cells = bracket.rungs.map((rung, i) => {
      const e = lane.entries[i];
      if (!e) return `<td class="rung none"></td>`;
      const value = e.value === null ? "" : formatNumber(e.value);
      const failed = e.outcome !== "succeeded";
      const word = failed ? e.outcome : e.decision;
      const forced = e.forced ? ` <span class="forced" title="continue_trials made it go on">continue_trials</span>` : "";
      const title = esc(entryText(board.metric, rung, i, e));
      return `<td class="rung ${failed ? "failed" : e.decision}" data-rung="${i + 1}" data-decision="${e.decision}"${e.forced ? ` data-forced="true"` : ""} title="${title}"><span class="v">${esc(value)}</span> <span class="d">${esc(word)}</span>${forced}</td>`;
    });
    const rank = lane.rank === void 0 ? "" : String(lane.rank);
    return `<tr data-trial="${esc(lane.trial)}" class="${lane.status}${lane.best ? " best" : ""}"><td class="trial">${esc(lane.trial)}</td>${cells.join("")}<td class="num">${esc(rank)}</td></tr>`;
  });
  return `<div class="scroll"><table class="rungs" id="rungs-${bracketKey(bracket)}" data-bracket="${bracket.bracket}">
<thead><tr><th scope="col">trial</th>${head}<th scope="col" class="num">rank</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table></div>`;
}
function promotions(board, declared) {
  const schedule2 = board.schedule;
  const better = board.goal === "maximize" ? "higher" : "lower";
  const all = schedule2.brackets.map((b) => ({ bracket: b, lanes: lanes(b, board.trials, board.goal, board.best, declared) }));
  const trials = all.reduce((n, b) => n + b.lanes.length, 0);
  const longest = Math.max(0, ...all.flatMap((b) => b.lanes.map((l) => l.trial.length)));
  const forced = schedule2.brackets.some((b) => b.rungs.some((r) => r.trials.some((e) => e.forced)));
  const epochs2 = all.reduce((n, b) => n + b.lanes.reduce((m, l) => m + l.trained, 0), 0);
  const rule = `at each rung only the best (about 1 in ${schedule2.reduction_factor}) by ${board.metric} on the validation data (${better} is better) go on, up to ${plural(schedule2.max_epochs, "epoch")}, and the others are pruned.`;
  const how = schedule2.scheduler === "hyperband" ? `Hyperband, reduction factor ${schedule2.reduction_factor}: ${plural(schedule2.brackets.length, "bracket")} of successive halving${schedule2.iterations > 1 ? ` (its brackets run ${schedule2.iterations} times, each with new configurations)` : ""}, each starting its trials at a different number of epochs; in each, ${rule}` : `Successive halving, reduction factor ${schedule2.reduction_factor}: every trial trains ${plural(schedule2.brackets[0]?.rungs[0]?.epochs ?? schedule2.min_epochs, "epoch")}; ${rule}`;
  const cost = `${plural(epochs2, "epoch")} trained in all, where training all ${trials} trials ${plural(schedule2.max_epochs, "epoch")} would take ${trials * schedule2.max_epochs}.`;
  const intro = `<p class="hint">${esc(how)} ${esc(cost)}</p>`;
  const blocks = all.map(({ bracket, lanes: ls }) => {
    const first = bracket.rungs[0].epochs;
    const span = first === schedule2.max_epochs ? plural(first, "epoch") : `${first} → ${schedule2.max_epochs} epochs`;
    const title = schedule2.scheduler === "hyperband" ? `${schedule2.iterations > 1 ? `Iteration ${bracket.iteration}, bracket` : "Bracket"} ${bracket.bracket}: ${plural(ls.length, "trial")}, ${span}` : `Successive halving: ${plural(ls.length, "trial")}, ${span}`;
    return `<div class="bracket" data-bracket="${bracket.bracket}"${schedule2.iterations > 1 ? ` data-iteration="${bracket.iteration}"` : ""}>
${promotionChart(board, bracket, ls, title, longest)}
<div class="rung-table">
${rungTable(board, bracket, ls)}
</div>
</div>`;
  });
  return `${intro}
<p class="hint">Bars: the epochs each trial trained, those that got furthest first; dashed lines: the rungs. The tables give each trial's ${esc(board.metric)} at each rung (on the validation data; at the last rung on the test data) and the decision` + (forced ? `; <span class="forced">continue_trials</span> marks a trial that went on because continue_trials names it, though it was not among the best.</p>
` : `.</p>
`) + blocks.join("\n");
}

// tools/src/report/search.ts
var isFailure = (t) => t.outcome !== "succeeded" && t.outcome !== "pruned";
function searchReport(m) {
  const board = readLeaderboard(m.leaderboard, m.label);
  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const trials = board.trials;
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const hyperparams = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const best2 = trials.find((t) => t.trial === board.best);
  const better = m.goal === "maximize" ? "higher" : "lower";
  const failed = trials.filter(isFailure).length;
  const pruned = trials.filter((t) => t.outcome === "pruned").length;
  const schedule2 = board.schedule;
  const scheduler = schedule2 === null ? "" : schedule2.scheduler === "hyperband" ? "Hyperband" : "successive halving";
  const multi = board.objectives.length > 1;
  const subtitle = (multi ? paretoSubtitle(board, best2) : `${trials.length} trial${trials.length === 1 ? "" : "s"} · metric <code>${esc(m.metric)}</code> (${esc(m.goal)}: ${better} is better)` + (best2?.value != null ? ` · best: <b>${esc(best2.trial)}</b> with ${esc(m.metric)} = ${esc(formatNumber(best2.value))}` : "")) + (schedule2 ? ` · ${esc(scheduler)}, ${esc(schedule2.min_epochs)} to ${esc(schedule2.max_epochs)} epochs` : "") + (pruned ? ` · <span class="pruned-count">${pruned} pruned</span>` : "") + (failed ? ` · <span class="failed-count">${failed} did not succeed</span>` : "");
  const outcomes = new Map(trials.map((t) => [t.trial, t]));
  const kinds = paramKinds(m);
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  const sections = [
    section("leaderboard-section", "Leaderboard", leaderboardTable(board, hyperparams)),
    ...multi ? [
      section("pareto-section", "Pareto front", frontCharts(board, byDeclaration, hypervolumeChart(byDeclaration, board.objectives)))
    ] : [],
    ...schedule2 ? [section("promotions-section", "Promotions", promotions(board, declared))] : [],
    section(
      "parallel-section",
      "Parallel coordinates",
      varying.length ? parallelChart({
        metric: m.metric,
        goal: m.goal,
        best: board.best,
        hyperparams: varying,
        kinds,
        trials: byDeclaration,
        ...multi ? { objectives: board.objectives } : {}
      }) : note("No hyperparameter varies between the trials: nothing to plot.", "parallel-coordinates")
    ),
    section(
      "hyperparameters-section",
      `${m.metric} by hyperparameter`,
      metricCharts(m, byDeclaration.filter((t) => t.value !== null), hyperparams, board.best, kinds)
    ),
    section(
      "curves-section",
      "Learning curves",
      curveCharts(
        m.trials.map((t) => {
          const stopped = outcomes.get(t.name)?.outcome === "pruned";
          return { name: t.name, curve: readCurve(t.curve), best: t.name === board.best, faded: stopped, tag: stopped ? "pruned" : void 0 };
        }),
        true,
        pruned ? "Faint: the trials pruned at a rung, up to the epoch they were stopped at." : void 0
      )
    )
  ];
  const bestTrial = m.trials.find((t) => t.name === board.best);
  const matrix = bestTrial && confusionMatrix(readJson(bestTrial.metrics, `the metrics of trial ${bestTrial.name}`));
  if (matrix) sections.push(section("confusion-section", `Confusion matrix of the best trial, ${board.best}`, matrix));
  return page({ kind: "hyperparam_search", label: m.label, subtitle, sections });
}
function paretoSubtitle(board, best2) {
  const n = board.trials.length;
  const objectives = board.objectives.map((o) => `<code>${esc(o.name)}</code> (${esc(o.goal)})`).join(", ");
  const constraints = board.constraints.map((c) => `<code>${esc(`${c.metric} ${c.op} ${formatNumber(c.bound)}`)}</code>`).join(", ");
  const why = board.select === "knee" ? "the knee of the front" : `best by ${board.select}`;
  const values = best2 ? board.objectives.map((o) => `${o.name} = ${formatNumber(best2.metrics[o.name] ?? NaN)}`).join(", ") : "";
  return `${n} trial${n === 1 ? "" : "s"} · objectives ${objectives}` + (constraints ? ` · constraint${board.constraints.length === 1 ? "" : "s"} ${constraints}` : "") + ` · Pareto front of ${board.front.length}` + (best2 ? ` · selected (${esc(why)}): <b>${esc(best2.trial)}</b> with ${esc(values)}` : "");
}
function leaderboardTable(json, hyperparams) {
  const board = toLeaderboard(json);
  board.hyperparamNames = hyperparams;
  const trials = board.trials;
  const withOutcome = !board.hasFailures;
  const keys = [...columns(board), ...withOutcome ? ["outcome"] : []];
  const multi = board.objectives.length > 1;
  const lead = multi ? board.objectives : [{ name: board.metric, goal: board.goal }];
  const others = board.metricNames.filter((k) => !lead.some((o) => o.name === k));
  const paretoColumns2 = (multi || board.constrained ? 1 : 0) + (board.constrained ? 1 : 0);
  const schedulerColumns = (board.iterations ? 1 : 0) + (board.brackets ? 1 : 0) + (board.scheduled ? 2 : 0);
  const schedStart = 2 + paretoColumns2;
  const hpStart = schedStart + schedulerColumns;
  const metricAt2 = hpStart + hyperparams.length;
  const othersAt = metricAt2 + lead.length;
  const columns2 = keys.map((key, i) => {
    if (i < 2) return { key, numeric: key === "rank" };
    if (i < schedStart) return { key, numeric: true, className: "pareto" };
    if (i < hpStart) return { key, numeric: true, className: "sched" };
    if (i < metricAt2) {
      const h = hyperparams[i - hpStart];
      return { key, numeric: trials.every((t) => isNumeric(t.hyperparams[h] ?? "")), className: "hp" };
    }
    if (i < othersAt) return { key, header: `${key} ${lead[i - metricAt2].goal === "maximize" ? "↑" : "↓"}`, numeric: true, className: "metric" };
    if (i < othersAt + others.length) return { key, numeric: true };
    return { key, numeric: false, className: key };
  });
  const rawOf = (t, i) => {
    if (i === 2 && paretoColumns2 > 0) return t.pareto_rank;
    if (i === 3 && paretoColumns2 > 1) return t.violation;
    if (i >= metricAt2 && i < othersAt) return multi ? t.metrics[lead[i - metricAt2].name] : t.value;
    if (i >= othersAt && i < othersAt + others.length) return t.metrics[others[i - othersAt]];
    return void 0;
  };
  const rows = trials.map(
    (t) => [...row(board, t), ...withOutcome ? [t.outcome] : []].map((text, i) => {
      const raw = rawOf(t, i);
      return raw == null ? { text } : { text, value: String(raw) };
    })
  );
  const at = keys.length - (withOutcome ? 1 : 2);
  const order = [0, 1, at, ...keys.map((_, i) => i).filter((i) => i > 1 && i !== at)];
  const failures = trials.some(isFailure);
  const pruned = trials.some((t) => t.outcome === "pruned");
  const hint = (multi ? `; trials rank by Pareto front (pareto_rank 1 is the front, the selected trial first), then by ${json.metric}` : "") + (pruned ? "; the trials that trained to the last rung rank first, then the pruned ones, those stopped later first, scored at their last checkpoint" : "") + (failures ? "; trials that did not succeed rank last, with their error" : "");
  return `<p class="hint">Click a column to sort; the best trial is highlighted${esc(hint)}.</p>
` + table(
    order.map((i) => columns2[i]),
    rows.map((cells) => order.map((i) => cells[i])),
    {
      id: "leaderboard",
      className: "sortable",
      rowAttrs: (i) => {
        const t = trials[i];
        const cls = t.trial === json.best ? "best" : t.outcome === "pruned" ? "pruned" : isFailure(t) ? "failed" : "";
        return ` data-trial="${esc(t.trial)}" data-rank="${t.rank}"${cls ? ` class="${cls}"` : ""} data-outcome="${esc(t.outcome)}"`;
      }
    }
  );
}
function paramKinds(m) {
  const kinds = /* @__PURE__ */ new Map();
  for (const [name, values] of Object.entries(m.grid)) kinds.set(name, { kind: "grid", values });
  for (const [name, d] of Object.entries(m.space)) kinds.set(name, { kind: d.kind, low: d.low, high: d.high, choices: d.choices });
  return kinds;
}
function metricCharts(m, trials, hyperparams, best2, kinds) {
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  if (varying.length === 0) return note("No hyperparameter varies between the trials: nothing to plot.", "metric-vs");
  const charts = varying.map((h) => {
    const values = trials.map((t) => t.hyperparams[h] ?? "");
    return scatterChart({
      name: `metric-vs-${h}`,
      title: `${m.metric} against ${h}`,
      xTitle: h,
      yTitle: m.metric,
      x: valueScale(values, kinds.get(h)),
      points: trials.map((t, i) => ({
        x: values[i],
        y: t.value ?? 0,
        best: t.trial === best2,
        faded: t.outcome === "pruned",
        label: `${t.trial}
${h} = ${values[i]}
${m.metric} = ${formatNumber(t.value ?? 0)}${t.trial === best2 ? " (best)" : ""}` + (t.outcome === "pruned" ? `
pruned after ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}` : "")
      }))
    });
  });
  const fixed = hyperparams.filter((h) => !varying.includes(h)).map((h) => `${esc(h)} = ${esc(trials[0]?.hyperparams[h] ?? "")}`);
  const same = fixed.length ? `Same in every trial: ${fixed.join(", ")}. ` : "";
  const faint = trials.some((t) => t.outcome === "pruned") ? " Grey: trials pruned at a rung, scored at their last checkpoint." : "";
  return `<p class="hint">${same}The best trial is the larger, gold point.${faint}</p>
<div class="charts">
${charts.join("\n")}
</div>`;
}

// tools/src/report/render.ts
function renderReport(manifest) {
  switch (manifest.kind) {
    case "search":
      return searchReport(manifest);
    case "model":
      return modelReport(manifest);
    case "evaluate":
      return evaluateReport(manifest);
    default:
      throw new UserFacingError(`databazel: unknown report kind ${JSON.stringify(manifest.kind)}`);
  }
}

// tools/src/bin/report.ts
main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = readReportManifest(one(flags, REPORT_FLAGS.manifest));
  (0, import_node_fs5.writeFileSync)(one(flags, REPORT_FLAGS.output), renderReport(manifest));
});
