// Generated from tools/src/bin/leaderboard.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/leaderboard.ts
var import_node_fs5 = require("node:fs");

// tools/src/formats/action-flags.ts
var LEADERBOARD_FLAGS = {
  manifest: "--manifest",
  leaderboard_json: "--leaderboard_json",
  leaderboard_csv: "--leaderboard_csv",
  leaderboard_md: "--leaderboard_md",
  best: "--best",
  best_hyperparams: "--best_hyperparams",
  best_model: "--best_model",
  model_is_dir: "--model_is_dir"
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

// tools/src/formats/leaderboard.ts
var import_node_fs2 = require("node:fs");

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
var KNEE = "knee";
function rankingMetrics(objectives, constraints) {
  const names = objectives.map((o) => o.name);
  return [...names, ...constraints.map((c) => c.metric).filter((m, i, all) => !names.includes(m) && all.indexOf(m) === i)];
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
function writeLeaderboard(path, board) {
  (0, import_node_fs2.writeFileSync)(path, stableJson(board));
}
function writeBest(path, value) {
  (0, import_node_fs2.writeFileSync)(path, stableJson(value));
}
function hyperparamNames(trials) {
  return [...new Set(trials.flatMap((t) => Object.keys(t.hyperparams)))].sort();
}

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
function prunedError(d) {
  return `pruned at epoch ${d.epochs} (rung ${d.rung}): not among the ${d.keep} best of ${d.of} on the validation data`;
}
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
function readRungSummary(path, label) {
  const fix = rebuildFix(label);
  return checkVersionedFile(rungSummary, readJsonFile(path, "rung summary", fix), path, "rung summary", RUNG_SUMMARY_FORMAT, fix);
}

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
function readLeaderboardManifest(path) {
  return readManifest(leaderboardManifest, path, "leaderboard manifest");
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
var import_node_fs3 = require("node:fs");

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
  const text = (0, import_node_fs3.readFileSync)(only.slice(1), "utf8");
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

// tools/src/lib/outputs.ts
var import_node_fs4 = require("node:fs");
var import_node_path = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs4.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs4.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs4.readdirSync)(path)) (0, import_node_fs4.rmSync)((0, import_node_path.join)(path, entry), { force: true, recursive: true });
}
function copyResolved(from, to) {
  if (!(0, import_node_fs4.statSync)(from).isDirectory()) {
    (0, import_node_fs4.copyFileSync)(from, to);
    return;
  }
  (0, import_node_fs4.mkdirSync)(to, { recursive: true });
  for (const entry of (0, import_node_fs4.readdirSync)(from).sort()) copyResolved((0, import_node_path.join)(from, entry), (0, import_node_path.join)(to, entry));
}

// tools/src/scheduler/outcomes.ts
function readScheduleOutcomes(schedule2, label) {
  const places = /* @__PURE__ */ new Map();
  const summaries = schedule2.brackets.map(
    (bracket) => bracket.rungs.flatMap((r) => r.summary === null ? [] : [readRungSummary(r.summary, label)])
  );
  schedule2.brackets.forEach((bracket, b) => {
    for (const trial of bracket.trials) {
      const place = { bracket: bracket.bracket, iteration: bracket.iteration, rung: 1, epochs: bracket.rungs[0].epochs, pruned: null };
      for (const summary of summaries[b]) {
        const entry = summary.trials.find((t) => t.trial === trial);
        if (!entry || entry.outcome !== "succeeded") break;
        if (entry.decision === "stop") {
          place.pruned = prunedError({ ...summary, decision: "stop", of: summary.trials.length });
          break;
        }
        place.rung = summary.rung + 1;
        place.epochs = bracket.rungs[summary.rung].epochs;
      }
      places.set(trial, place);
    }
  });
  return { places, summaries };
}
function leaderboardSchedule(schedule2, outcomes, final) {
  return {
    scheduler: schedule2.scheduler,
    min_epochs: schedule2.min_epochs,
    max_epochs: schedule2.max_epochs,
    reduction_factor: schedule2.reduction_factor,
    iterations: schedule2.iterations,
    brackets: schedule2.brackets.map((bracket, b) => {
      const deciding = outcomes.summaries[b];
      const last = bracket.rungs[bracket.rungs.length - 1];
      const reachedLast = bracket.trials.filter((t) => outcomes.places.get(t).rung === bracket.rungs.length);
      return {
        iteration: bracket.iteration,
        bracket: bracket.bracket,
        rungs: [
          ...deciding.map((s, i) => ({
            epochs: s.epochs,
            keep: s.keep,
            // Only the trials that trained to this rung: not those stopped (or failed) before it.
            trials: s.trials.filter((t) => i === 0 || deciding[i - 1].trials.some((p) => p.trial === t.trial && p.outcome === "succeeded" && p.decision === "continue")).map(({ trial, outcome: outcome2, value, decision, forced }) => ({ trial, outcome: outcome2, value, decision, forced }))
          })),
          {
            epochs: last.epochs,
            keep: null,
            trials: reachedLast.map((trial) => ({ trial, ...final.get(trial), decision: "final", forced: false }))
          }
        ]
      };
    })
  };
}

// tools/src/leaderboard/failures.ts
function tooManyFailures(label, maxFailed, trials, failed) {
  const none = failed.length === trials;
  const head = none ? `databazel: ${label}: none of the ${trials} trials succeeded, so there is no best model.` : `databazel: ${label}: ${failed.length} of ${trials} trials did not succeed, more than max_failed_trials = ${maxFailed}.`;
  const fix = none ? "Fix: make the scripts work for at least one trial; each failure below says why it failed and how to rerun it." : `Fix: fix the failing trials (each below says why and how to rerun it), or raise max_failed_trials to ${failed.length} or more to rank the others.`;
  const lines = [head, fix, `Failed trials (${failed.length}):`];
  for (const record of failed) {
    lines.push(`- trial ${record.trial}: ${record.outcome}: ${record.error}`);
    lines.push(...(record.failure_message ?? "").split("\n").map((line) => `    ${line}`));
  }
  return lines.join("\n");
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
function mdCell(cell) {
  return cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
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

// tools/src/pareto/objectives.ts
function toMinimized(values, goals) {
  if (values.length !== goals.length) throw new Error(`toMinimized: ${values.length} values for ${goals.length} objectives`);
  return values.map((value, k) => goals[k] === "maximize" ? 0 - value : value);
}
function dominates(a, b) {
  if (a.length !== b.length) throw new Error(`dominates: vectors of ${a.length} and ${b.length} values`);
  let better = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

// tools/src/pareto/constraints.ts
function violation(metrics, constraints) {
  let total = 0;
  for (const { metric, op, bound } of constraints) {
    const where = `the constraint ${metric} ${op} ${bound}`;
    if (!Number.isFinite(bound)) throw new Error(`${where}: its bound must be a finite number`);
    if (!Object.prototype.hasOwnProperty.call(metrics, metric)) {
      const known = Object.keys(metrics).sort();
      throw new Error(`${where}: the trial reported no metric "${metric}" (it reported: ${known.length ? known.join(", ") : "none"})`);
    }
    const value = metrics[metric];
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${where}: the trial's "${metric}" is ${value}, not a finite number`);
    if (op === "<=") total += value > bound ? value - bound : 0;
    else if (op === ">=") total += value < bound ? bound - value : 0;
    else throw new Error(`${where}: unknown operator "${String(op)}" (use "<=" or ">=")`);
  }
  return total;
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

// tools/src/pareto/sorting.ts
function lexicographic(a, b) {
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function dominatedByAny(vectors, members, v) {
  for (let m = members.length - 1; m >= 0; m--) if (dominates(vectors[members[m]], v)) return true;
  return false;
}
function paretoFronts(vectors) {
  const order = vectors.map((_, i) => i).sort((i, j) => lexicographic(vectors[i], vectors[j]) || i - j);
  const fronts = [];
  const rank = new Array(vectors.length).fill(0);
  for (const i of order) {
    const v = vectors[i];
    let f = 0;
    while (f < fronts.length && dominatedByAny(vectors, fronts[f], v)) f++;
    if (f === fronts.length) fronts.push([]);
    fronts[f].push(i);
    rank[i] = f + 1;
  }
  return rank;
}
function nonDominatedRanks(points) {
  dimensionOf(
    points.map((p) => p.values),
    "nonDominatedRanks"
  );
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.violation) && p.violation >= 0)) throw new Error(`nonDominatedRanks: point ${i} has violation ${p.violation}; expected a finite number >= 0`);
  });
  const feasible = points.flatMap((p, i) => p.violation === 0 ? [i] : []);
  const feasibleRanks = paretoFronts(feasible.map((i) => points[i].values));
  const ranks = new Array(points.length).fill(0);
  feasible.forEach((i, n) => ranks[i] = feasibleRanks[n]);
  const worstFeasible = feasibleRanks.reduce((a, b) => Math.max(a, b), 0);
  const violations = [...new Set(points.map((p) => p.violation).filter((v) => v > 0))].sort((a, b) => a - b);
  const violationRank = new Map(violations.map((v, n) => [v, worstFeasible + n + 1]));
  points.forEach((p, i) => {
    if (p.violation > 0) ranks[i] = violationRank.get(p.violation);
  });
  return ranks;
}

// tools/src/pareto/crowding.ts
function crowdingDistances(front) {
  const dimension = dimensionOf(front, "crowdingDistances");
  const n = front.length;
  if (n <= 2) return new Array(n).fill(Infinity);
  const distance = new Array(n).fill(0);
  for (let k = 0; k < dimension; k++) {
    const order = front.map((_, i) => i).sort((i, j) => front[i][k] - front[j][k] || i - j);
    const min = front[order[0]][k];
    const max = front[order[n - 1]][k];
    const range = max - min;
    if (range === 0) continue;
    distance[order[0]] = Infinity;
    distance[order[n - 1]] = Infinity;
    for (let s = 1; s < n - 1; s++) {
      const i = order[s];
      distance[i] = distance[i] + (front[order[s + 1]][k] - front[order[s - 1]][k]) / range;
    }
  }
  return distance;
}

// tools/src/pareto/reference.ts
var view = new DataView(new ArrayBuffer(8));

// tools/src/pareto/knee.ts
function kneeIndex(front) {
  const dimension = dimensionOf(front, "kneeIndex");
  if (front.length === 0) throw new Error("kneeIndex: the front is empty");
  const min = [];
  const range = [];
  for (let k = 0; k < dimension; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of front) {
      if (p[k] < lo) lo = p[k];
      if (p[k] > hi) hi = p[k];
    }
    min.push(lo);
    range.push(hi - lo);
  }
  let best2 = 0;
  let bestDistance = Infinity;
  front.forEach((p, i) => {
    let distance = 0;
    for (let k = 0; k < dimension; k++) {
      const scaled = range[k] === 0 ? 0 : (p[k] - min[k]) / range[k];
      distance += scaled * scaled;
    }
    if (distance < bestDistance) {
      best2 = i;
      bestDistance = distance;
    }
  });
  return best2;
}

// tools/src/leaderboard/rank.ts
function groups(scored) {
  const before = (a, b) => Number(a.pruned) - Number(b.pruned) || b.epochs - a.epochs;
  const out = [];
  for (const i of scored.map((_, i2) => i2).sort((a, b) => before(scored[a], scored[b]) || a - b)) {
    const last = out[out.length - 1];
    if (last && before(scored[last[0]], scored[i]) === 0) last.push(i);
    else out.push([i]);
  }
  return out;
}
function rankTrials(scored, objectives, select) {
  const goals = objectives.map((o) => o.goal);
  const lead = Math.max(0, objectives.findIndex((o) => o.name === select));
  const minimized = scored.map((t) => toMinimized(t.values, goals));
  const placings = scored.map(() => ({ paretoRank: 0, crowding: null }));
  const order = [];
  let front = [];
  for (const [g, members] of groups(scored).entries()) {
    const ranks = nonDominatedRanks(members.map((i) => ({ values: minimized[i], violation: scored[i].violation })));
    members.forEach((i, k) => placings[i].paretoRank = ranks[k]);
    for (const rank of [...new Set(ranks)]) {
      const inFront = members.filter((_, k) => ranks[k] === rank);
      const distances = crowdingDistances(inFront.map((i) => minimized[i]));
      inFront.forEach((i, k) => placings[i].crowding = Number.isFinite(distances[k]) ? distances[k] : null);
    }
    const sorted = [...members].sort(
      (a, b) => Number(scored[a].violation > 0) - Number(scored[b].violation > 0) || placings[a].paretoRank - placings[b].paretoRank || minimized[a][lead] - minimized[b][lead] || scored[a].order - scored[b].order
    );
    if (g === 0) {
      front = sorted.filter((i) => placings[i].paretoRank === 1);
      if (select === KNEE && front.length > 0) {
        const knee = front[kneeIndex(front.map((i) => minimized[i]))];
        front = [knee, ...front.filter((i) => i !== knee)];
        sorted.splice(0, front.length, ...front);
      }
    }
    order.push(...sorted);
  }
  const best2 = order[0];
  if (best2 === void 0) throw new Error("no scored trials to rank");
  return { order, placings, front, best: best2 };
}

// tools/src/leaderboard/missing-metric.ts
function missingMetric(label, trial, file, name, metrics) {
  const names = Object.keys(scalarMetrics(metrics)).sort();
  return `databazel: ${label}: trial ${trial} has no numeric metric "${name}" in ${file}.
Its metrics are: ${names.join(", ") || "(none)"}.
Fix: set metric (or the objectives and constraints) to those names (dotted for nested values), or make the eval executable write "${name}".`;
}

// tools/src/bin/leaderboard.ts
main(async (argv) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set([LEADERBOARD_FLAGS.model_is_dir]));
  const manifest = readLeaderboardManifest(one(flags, LEADERBOARD_FLAGS.manifest));
  const outputs = {
    json: one(flags, LEADERBOARD_FLAGS.leaderboard_json),
    csv: one(flags, LEADERBOARD_FLAGS.leaderboard_csv),
    md: one(flags, LEADERBOARD_FLAGS.leaderboard_md),
    best: one(flags, LEADERBOARD_FLAGS.best),
    bestHyperparams: one(flags, LEADERBOARD_FLAGS.best_hyperparams),
    bestModel: one(flags, LEADERBOARD_FLAGS.best_model)
  };
  const modelIsDir = flags.has(LEADERBOARD_FLAGS.model_is_dir);
  const schedule2 = manifest.schedule === null ? null : readScheduleOutcomes(manifest.schedule, manifest.label);
  const trials = manifest.trials.map(
    (trial) => trial.hyperparams_file === null ? trial : { ...trial, hyperparams: JSON.parse((0, import_node_fs5.readFileSync)(trial.hyperparams_file, "utf8")) }
  );
  const outcomes = trials.map((trial, order) => {
    const record = readRunRecord(trial.record);
    const place = schedule2?.places.get(trial.name) ?? null;
    const pruned = record.outcome === "succeeded" && place?.pruned ? place.pruned : null;
    return {
      trial,
      order,
      place,
      outcome: pruned ? "pruned" : record.outcome,
      error: pruned ?? record.error,
      record
    };
  });
  const failed = outcomes.filter((t) => FAILURES.includes(t.outcome));
  if (failed.length > manifest.max_failed_trials || failed.length === outcomes.length) {
    throw new UserFacingError(tooManyFailures(manifest.label, manifest.max_failed_trials, outcomes.length, failed.map((t) => t.record)));
  }
  const wanted = rankingMetrics(manifest.objectives, manifest.constraints);
  const scored = outcomes.filter((t) => !FAILURES.includes(t.outcome)).map(({ trial, order, outcome: outcome2, error, place }) => {
    const metrics = JSON.parse((0, import_node_fs5.readFileSync)(trial.metrics, "utf8"));
    const values = /* @__PURE__ */ new Map();
    for (const name of wanted) {
      const value = metricAt(metrics, name);
      if (value === void 0) throw new UserFacingError(missingMetric(manifest.label, trial.name, trial.metrics, name, metrics));
      values.set(name, value);
    }
    return {
      trial,
      order,
      outcome: outcome2,
      error,
      place,
      values: manifest.objectives.map((o) => values.get(o.name)),
      value: values.get(manifest.metric),
      violation: violation(Object.fromEntries(values), manifest.constraints),
      metrics: scalarMetrics(metrics)
    };
  });
  if (scored.length === 0) throw new UserFacingError(`databazel: ${manifest.label}: the search has no trials.`);
  const ranking = rankTrials(
    scored.map((s) => ({ order: s.order, pruned: s.outcome === "pruned", epochs: s.place?.epochs ?? 0, values: s.values, violation: s.violation })),
    manifest.objectives,
    manifest.select
  );
  const rows = [
    ...ranking.order.map((i) => {
      const s = scored[i];
      const placing = ranking.placings[i];
      return {
        trial: s.trial,
        place: s.place,
        outcome: s.outcome,
        error: s.error,
        value: s.value,
        metrics: s.metrics,
        pareto_rank: placing.paretoRank,
        crowding: placing.crowding,
        violation: s.violation
      };
    }),
    ...failed.map((f) => ({ trial: f.trial, place: f.place, outcome: f.outcome, error: f.error, value: null, metrics: {}, pareto_rank: null, crowding: null, violation: null }))
  ];
  const ranked2 = rows.map(({ trial, place, ...row2 }, i) => ({
    rank: i + 1,
    trial: trial.name,
    hyperparams: trial.hyperparams,
    seed: trial.seed,
    model: trial.model_short_path,
    bracket: place?.bracket ?? null,
    iteration: place?.iteration ?? null,
    rung: place?.rung ?? null,
    epochs: place && !FAILURES.includes(row2.outcome) ? place.epochs : null,
    ...row2
  }));
  const best2 = scored[ranking.best];
  const objectiveValues = (s) => Object.fromEntries(manifest.objectives.map((o, k) => [o.name, s.values[k]]));
  const json = {
    format: LEADERBOARD_FORMAT,
    label: manifest.label,
    metric: manifest.metric,
    goal: manifest.goal,
    objectives: manifest.objectives,
    constraints: manifest.constraints,
    select: manifest.select,
    best: best2.trial.name,
    front: ranking.front.map((i) => scored[i].trial.name),
    trials: ranked2,
    schedule: manifest.schedule === null || schedule2 === null ? null : leaderboardSchedule(
      manifest.schedule,
      schedule2,
      new Map(rows.map((r) => [r.trial.name, { outcome: r.outcome, value: r.value }]))
    )
  };
  const board = toLeaderboard(json);
  try {
    writeLeaderboard(outputs.json, json);
    (0, import_node_fs5.writeFileSync)(outputs.csv, toCsv(board));
    (0, import_node_fs5.writeFileSync)(outputs.md, toMarkdown(board));
    writeBest(outputs.best, {
      format: LEADERBOARD_FORMAT,
      trial: best2.trial.name,
      hyperparams: best2.trial.hyperparams,
      seed: best2.trial.seed,
      metric: manifest.metric,
      goal: manifest.goal,
      value: best2.value,
      model: best2.trial.model_short_path,
      objectives: manifest.objectives,
      select: manifest.select,
      values: objectiveValues(best2),
      front: ranking.front.map((i) => {
        const s = scored[i];
        return { trial: s.trial.name, hyperparams: s.trial.hyperparams, seed: s.trial.seed, values: objectiveValues(s), model: s.trial.model_short_path };
      })
    });
    (0, import_node_fs5.writeFileSync)(outputs.bestHyperparams, stableJson(best2.trial.hyperparams));
    if (modelIsDir) discard(outputs.bestModel, true);
    copyResolved(best2.trial.model, outputs.bestModel);
  } catch (err) {
    for (const path of [outputs.json, outputs.csv, outputs.md, outputs.best, outputs.bestHyperparams]) discard(path);
    discard(outputs.bestModel, modelIsDir);
    throw err;
  }
});
