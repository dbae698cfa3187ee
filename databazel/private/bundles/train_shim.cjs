// Generated from tools/src/bin/train_shim.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/train_shim.ts
var import_node_fs15 = require("node:fs");
var import_node_path7 = require("node:path");

// tools/src/contract.ts
var TRAIN_FLAGS = {
  training_data: "--training_data",
  model: "--model",
  hyperparams: "--hyperparams",
  hyperparams_file: "--hyperparams_file",
  seed: "--seed",
  output_dir: "--output_dir",
  init_checkpoint: "--init_checkpoint",
  start_epoch: "--start_epoch",
  end_epoch: "--end_epoch"
};
var OUTPUT_DIR_FILES = {
  curve: "curve.json"
};
var EVAL_FLAGS = {
  model: "--model",
  test_data: "--test_data",
  metrics: "--metrics"
};
var SAMPLER_FLAGS = {
  history: "--history",
  output: "--output"
};
var ENV_VARS = {
  training_data: "DATABAZEL_TRAINING_DATA",
  test_data: "DATABAZEL_TEST_DATA",
  model: "DATABAZEL_MODEL",
  hyperparams: "DATABAZEL_HYPERPARAMS",
  hyperparams_file: "DATABAZEL_HYPERPARAMS_FILE",
  seed: "DATABAZEL_SEED",
  output_dir: "DATABAZEL_OUTPUT_DIR",
  metrics: "DATABAZEL_METRICS",
  init_checkpoint: "DATABAZEL_INIT_CHECKPOINT",
  start_epoch: "DATABAZEL_START_EPOCH",
  end_epoch: "DATABAZEL_END_EPOCH"
};
var PATH_LIST_SEPARATOR = {
  env: ":"
};
function rowsOf(script, flags) {
  const envOf = (key) => ENV_VARS[key] ?? "";
  return (key, arg, meaning, env = envOf(key)) => ({
    script,
    flag: `${flags[key]} ${arg}`,
    env,
    meaning
  });
}
var train = rowsOf("train", TRAIN_FLAGS);
var evalRow = rowsOf("eval", EVAL_FLAGS);
var sampler = rowsOf("sampler", SAMPLER_FLAGS);
var pathList = (env) => `${env} (paths joined by \`${PATH_LIST_SEPARATOR.env}\`)`;
var CONTRACT_ROWS = [
  train(
    "training_data",
    "PATH",
    "the training data; repeated for several files; a directory is one path",
    pathList(ENV_VARS.training_data)
  ),
  train("model", "PATH", "where to write the model: a non-empty file, or a non-empty directory with `model_is_dir = True`"),
  train("hyperparams", "JSON", "the hyperparameters, a JSON object of strings"),
  train("hyperparams_file", "PATH", "the same JSON, in a file"),
  train("seed", "N", "the seed; the same inputs and seed must give the same model"),
  train("output_dir", "DIR", "optional extras: per-epoch metrics, logs, plots"),
  train("start_epoch", "N", "with `epochs` set: train epochs N+1 to `--end_epoch`; the hyperparameters then leave out `epochs`"),
  train("end_epoch", "N", "with `epochs` set: the epoch this segment ends with, counted from the start of training"),
  train(
    "init_checkpoint",
    "PATH",
    "with `checkpoint_every` set, after the first segment: the previous segment's `--model`, to continue from; in a rule built with `databazel_lib.train(init_from = ...)`: the model it fine-tunes"
  ),
  {
    script: "train",
    flag: `${TRAIN_FLAGS.output_dir}/${OUTPUT_DIR_FILES.curve}`,
    env: "",
    meaning: 'optional: a JSON array of per-epoch metrics, e.g. `[{"epoch": 1, "loss": 0.4}]`; databazel joins the segments\' into the model\'s learning curve'
  },
  evalRow("model", "PATH", "the model to score"),
  evalRow(
    "test_data",
    "PATH",
    `the held-out data, repeated like \`${TRAIN_FLAGS.training_data}\``,
    pathList(ENV_VARS.test_data)
  ),
  evalRow("metrics", "PATH", "where to write a JSON object whose leaves are numbers (nesting and arrays allowed)"),
  sampler(
    "history",
    "PATH",
    'the search so far, JSON (`"format": 2`): `space` (each parameter\'s `kind`, `low`, `high`, `choices`), `objectives` (each `name` and `goal`; one for a search by `metric`), `constraints` (each `metric`, `op` and `bound`), `goal` and `metric` (the first objective), `seed`, `batch`, `count`, and `trials`, each with `trial`, `hyperparams` (the searched ones, as strings), `outcome`, `value` (the first objective on the validation data), `values` (every objective by name) and `violation` (how far outside the constraints, 0 when within); the last three null unless it succeeded with finite values'
  ),
  sampler(
    "output",
    "PATH",
    "where to write the next batch: a JSON array of exactly `count` objects, each giving every parameter of `space` a value (a string or a number) inside it, none repeating an earlier trial or another of the batch"
  )
];

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
function optional(flags, flag) {
  return flags.get(flag)?.[0];
}
function all(flags, flag) {
  return flags.get(flag) ?? [];
}
var MalformedFlagsError = class extends Error {
};

// tools/src/lib/curve.ts
var import_node_fs = require("node:fs");

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
function readPreviousCurve(path) {
  if (!path) return [];
  const curve = parseCurve((0, import_node_fs.readFileSync)(path, "utf8"));
  if (typeof curve === "string") throw new Error(`${path} ${curve}`);
  return curve;
}
function readSegmentCurve(path) {
  return (0, import_node_fs.existsSync)(path) ? parseCurve((0, import_node_fs.readFileSync)(path, "utf8")) : [];
}

// tools/src/formats/action-flags.ts
var SHIM_FLAGS = {
  label: "--shim_label",
  trial: "--shim_trial",
  executable: "--shim_executable",
  record: "--shim_record",
  /** Where the run's outcome alone goes (tools/src/formats/outcome.ts), for the trial's next actions. */
  outcome: "--shim_outcome",
  log: "--shim_log",
  curve: "--shim_curve",
  model_is_dir: "--shim_model_is_dir",
  previous_curve: "--shim_previous_curve",
  /** The run's timeout ("30m", from train_timeout or eval_timeout); absent for none. */
  timeout: "--shim_timeout",
  /** Inside a search with max_failed_trials: record a failed run as its outcome, and succeed. */
  record_failures: "--shim_record_failures",
  /** Train: the outcome of the segment this one continues; a failure (or a stopped trial) there passes on. */
  previous_outcome: "--shim_previous_outcome",
  /** Train, with a scheduler: the rung's promotion file for this trial (tools/src/formats/scheduler.ts). */
  promotion: "--shim_promotion",
  /** Eval at a rung of a search with a scheduler: a trial stopped earlier passes on without running. */
  skip_pruned: "--shim_skip_pruned",
  /** Eval: the outcome of the model's training; a failure there passes on. */
  train_outcome: "--shim_train_outcome",
  /** Eval: the search's metric, checked to be a finite number (else the trial diverged). */
  search_metric: "--shim_search_metric",
  /** The digests of the data (tools/src/formats/digests.ts), computed once by a DatabazelDigest action. */
  data_digests: "--shim_data_digests"
};

// tools/src/formats/outcome.ts
var import_node_fs4 = require("node:fs");

// tools/src/formats/run-record.ts
var import_node_fs3 = require("node:fs");

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
function writeRunRecord(path, record) {
  (0, import_node_fs3.writeFileSync)(path, stableJson(record));
}

// tools/src/formats/outcome.ts
var OUTCOME_FORMAT = 1;
var runOutcome = object(outcomeFields);
var written = object({ format: formatVersion(OUTCOME_FORMAT), ...runOutcome.fields });
function writeOutcome(path, value) {
  const { outcome: o, error, failure_message, log_tail } = value;
  const file = { format: OUTCOME_FORMAT, outcome: o, error, failure_message, log_tail };
  (0, import_node_fs4.writeFileSync)(path, stableJson(file));
}
function readOutcome(path) {
  return readShapedFile(runOutcome, path, "run outcome", rebuildFix(void 0));
}

// tools/src/lib/duration.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5 };
function durationMs(text) {
  const match = /^([1-9][0-9]*)([smh])$/.exec(text);
  if (!match) return void 0;
  return Number(match[1]) * UNIT_MS[match[2]];
}

// tools/src/lib/user-facing-error.ts
var UserFacingError = class extends Error {
};

// tools/src/shim/executable.ts
var import_node_fs5 = require("node:fs");
function unrunnableProblem(path, attribute) {
  try {
    if ((0, import_node_fs5.statSync)(path).isDirectory()) {
      return {
        cause: `${path} (${attribute}) is a directory, not a program.`,
        fix: `set ${attribute} to an executable target, e.g. an sh_binary or py_binary, or to an executable script file.`
      };
    }
    (0, import_node_fs5.accessSync)(path, import_node_fs5.constants.X_OK);
    return void 0;
  } catch {
    return {
      cause: `${path} (${attribute}) is not executable: it is a plain file without the execute permission, so it cannot run.`,
      fix: `make it executable (chmod +x ${path}, and commit the mode: git update-index --chmod=+x), or wrap it in a rule that runs it, e.g. sh_binary(name = "${attribute.split("_")[0]}", srcs = ["${path.split("/").at(-1)}"]) or py_binary, and set ${attribute} = ":${attribute.split("_")[0]}".`
    };
  }
}

// tools/src/shim/guard.ts
var KILL_GRACE_MS = 3e3;
var FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"];
function guard(child, timeoutMs) {
  const timers = [];
  const handlers = /* @__PURE__ */ new Map();
  const state = { timedOut: false, interrupted: null };
  const killGroup = (signal) => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, signal);
    } catch {
    }
  };
  const stop = () => {
    killGroup("SIGTERM");
    timers.push(setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS));
  };
  if (timeoutMs !== void 0) {
    timers.push(
      setTimeout(() => {
        state.timedOut = true;
        stop();
      }, timeoutMs)
    );
  }
  for (const signal of FORWARDED) {
    const handler = () => {
      state.interrupted ??= signal;
      stop();
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  return {
    get timedOut() {
      return state.timedOut;
    },
    get interrupted() {
      return state.interrupted;
    },
    killGroup,
    release() {
      for (const timer of timers) clearTimeout(timer);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    }
  };
}

// tools/src/shim/earlier-failure.ts
var import_node_fs6 = require("node:fs");
function earlierFailure(path, logPath, passPruned = false) {
  if (path === void 0) return void 0;
  const { outcome: outcome2, error, failure_message, log_tail } = readOutcome(path);
  if (outcome2 === "succeeded" || outcome2 === "pruned" && !passPruned) return void 0;
  (0, import_node_fs6.writeFileSync)(logPath, notRunLog(outcome2, error));
  return { outcome: outcome2, error, failure_message, log_tail };
}
function notRunLog(outcome2, error) {
  return outcome2 === "pruned" ? `databazel: not run: the search stopped this trial, ${error}
` : `databazel: not run: an earlier run of this trial did not succeed (${outcome2}): ${error}
`;
}

// tools/src/shim/external-signal.ts
var EXTERNAL_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
function externalSignal(run) {
  if (run.timedOut) return void 0;
  if (run.interrupted) return run.interrupted;
  if (run.signal && run.signal in EXTERNAL_SIGNALS) return run.signal;
  const byStatus = Object.entries(EXTERNAL_SIGNALS).find(([, n]) => run.exitCode === 128 + n);
  return byStatus ? `${byStatus[0]} (exit status ${run.exitCode})` : void 0;
}

// tools/src/shim/run-script.ts
var import_node_child_process = require("node:child_process");
var import_node_fs7 = require("node:fs");
var import_node_path = require("node:path");

// tools/src/shim/quote.ts
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function shellCommand(words) {
  return words.map(shellQuote).join(" ");
}

// tools/src/shim/run-script.ts
var TAIL_LINES = 25;
async function runScript(command, env, logPath, timeoutMs, cwd = process.cwd()) {
  const [executable, ...args] = command;
  if (!executable) throw new Error("empty command");
  const log = (0, import_node_fs7.createWriteStream)(logPath);
  const started = performance.now();
  let tail = [];
  let partial = "";
  const keep = (chunk) => {
    log.write(chunk);
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    tail = [...tail, ...lines].slice(-TAIL_LINES);
  };
  let watch;
  const result = await new Promise((done) => {
    const child = (0, import_node_child_process.spawn)((0, import_node_path.resolve)(cwd, executable), args, {
      cwd,
      // A shell takes $PWD for its directory: it must name the stage, not the execution root.
      env: { ...process.env, ...env, ...cwd === process.cwd() ? {} : { PWD: cwd } },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    });
    watch = guard(child, timeoutMs);
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => {
      keep(Buffer.from(`databazel: could not start ${executable}: ${err.message}
`));
      done({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => {
      watch?.killGroup("SIGKILL");
      done({ code, signal });
    });
  });
  watch?.release();
  if (partial) tail = [...tail, partial].slice(-TAIL_LINES);
  await new Promise((done) => log.end(done));
  return {
    exitCode: result.code,
    signal: result.signal,
    durationMs: Math.round(performance.now() - started),
    tail,
    timedOut: watch?.timedOut ?? false,
    interrupted: watch?.interrupted ?? null
  };
}
function executionRoot(cwd) {
  return cwd.replace(/\/sandbox\/[^/]+\/\d+\/execroot\/([^/]+)$/, "/execroot/$1").replace(/\/bazel-workers\/worker-\d+-[^/]+\/([^/]+)$/, "/execroot/$1");
}
function failureMessage(options) {
  const lines = [`databazel: ${options.label}: ${options.what} ${options.cause}`];
  if (options.fix) lines.push(`Fix: ${options.fix}`);
  if (options.tail.length > 0) {
    lines.push(`Last ${options.tail.length} lines of its output:`);
    lines.push(...options.tail.map((line) => `  | ${line}`));
  } else {
    lines.push("It printed nothing.");
  }
  lines.push("Reproduce it with (from the execution root, which `bazel info execution_root` prints):");
  const root = options.portable ? '"$(bazel info execution_root)"' : shellQuote(executionRoot(process.cwd()));
  lines.push(`  cd ${root} && ${shellCommand(options.command)}`);
  return lines.join("\n");
}

// tools/src/shim/contract-run.ts
var SHIM_BOOLEANS = [SHIM_FLAGS.record_failures];
function shimFlags(flags) {
  return {
    label: one(flags, SHIM_FLAGS.label),
    trial: optional(flags, SHIM_FLAGS.trial),
    executable: one(flags, SHIM_FLAGS.executable),
    recordPath: one(flags, SHIM_FLAGS.record),
    outcomePath: one(flags, SHIM_FLAGS.outcome),
    logPath: one(flags, SHIM_FLAGS.log),
    timeout: optional(flags, SHIM_FLAGS.timeout),
    dataDigests: optional(flags, SHIM_FLAGS.data_digests),
    recordFailures: flags.has(SHIM_FLAGS.record_failures)
  };
}
var SUCCEEDED = { outcome: "succeeded", error: null, failure_message: null, log_tail: [] };
var FILE_NOT_FOUND = /No such file or directory|FileNotFoundError|ENOENT/;
function runProblem(run, shim, timeoutAttr, missingFileFix) {
  if (run.timedOut) {
    return {
      cause: `timed out after ${shim.timeout}.`,
      fix: `raise ${timeoutAttr} (now "${shim.timeout}"), or make the script faster. It was stopped with SIGTERM, then SIGKILL after ${KILL_GRACE_MS / 1e3}s.`,
      outcome: "timed_out"
    };
  }
  const external = externalSignal(run);
  if (external) {
    return {
      cause: `was killed by ${external}. A signal from outside (the OOM killer sends SIGKILL, a stopped build or a preempted worker SIGTERM or SIGINT) is not a result of the run: the action fails and nothing is cached.`,
      fix: "if it ran out of memory, give it more (or use less), then build again; otherwise just build again."
    };
  }
  if (run.signal) return { cause: `was killed by ${run.signal}.` };
  if (run.exitCode !== 0) {
    const missing = run.tail.some((line) => FILE_NOT_FOUND.test(line));
    return { cause: `failed with exit code ${run.exitCode}.`, ...missing ? { fix: missingFileFix } : {} };
  }
  return void 0;
}
async function runUnderContract(options) {
  const { shim } = options;
  const upstream = earlierFailure(options.upstreamOutcome, shim.logPath, options.passPruned);
  if (upstream) return { run: { exitCode: null, durationMs: 0 }, outcome: upstream };
  const label = shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label;
  const unrunnable = unrunnableProblem(shim.executable, options.executableAttr);
  if (unrunnable) throw new UserFacingError(`databazel: ${label}: ${options.what} ${unrunnable.cause}
Fix: ${unrunnable.fix}`);
  const { stage } = options;
  let run;
  try {
    stage?.open();
    run = await runScript(
      options.command,
      options.env,
      shim.logPath,
      shim.timeout === void 0 ? void 0 : durationMs(shim.timeout),
      stage?.dir
    );
    stage?.collect();
  } finally {
    stage?.remove();
  }
  const missingFileFix = `if it could not find a file, it sees only its declared inputs: add the file to ${options.dataAttr}, or to the data of ${options.executableAttr} (its runfiles).`;
  const problem = runProblem(run, shim, options.timeoutAttr, missingFileFix) ?? options.check();
  if (!problem) return { run, outcome: SUCCEEDED };
  options.discard();
  const messageOptions = {
    label,
    what: options.what,
    cause: problem.cause,
    tail: run.tail,
    command: options.command,
    ...problem.fix ? { fix: problem.fix } : {}
  };
  const message = failureMessage(messageOptions);
  if (!shim.recordFailures || externalSignal(run)) throw new UserFacingError(message);
  return {
    run,
    outcome: {
      outcome: problem.outcome ?? "failed",
      error: `${options.what} ${problem.cause}`,
      // Kept in the run record, an output: no path of this machine's in it.
      failure_message: failureMessage({ ...messageOptions, portable: true }),
      log_tail: run.tail
    }
  };
}
function runRecordBase(shim, command, run, outcome2) {
  return {
    format: RUN_RECORD_FORMAT,
    label: shim.label,
    trial: shim.trial ?? null,
    command,
    exit_code: run.exitCode,
    duration_ms: run.durationMs,
    ...outcome2
  };
}

// tools/src/shim/placeholder-model.ts
var import_node_fs8 = require("node:fs");
var import_node_path2 = require("node:path");
function writePlaceholderModel(path, isDirectory, outcome2) {
  const text = `databazel: no model: this trial ${outcome2.outcome.replace("_", " ")} (${outcome2.error}).
`;
  if (!isDirectory) {
    (0, import_node_fs8.writeFileSync)(path, text);
    return;
  }
  (0, import_node_fs8.mkdirSync)(path, { recursive: true });
  (0, import_node_fs8.writeFileSync)((0, import_node_path2.join)(path, "NO_MODEL"), text);
}

// tools/src/shim/digest.ts
var import_node_crypto = require("node:crypto");
var import_node_fs9 = require("node:fs");
var import_node_path3 = require("node:path");

// tools/src/formats/digests.ts
var DIGESTS_FORMAT = 1;
var dataDigests = object({ format: formatVersion(DIGESTS_FORMAT), files: arrayOf(fileDigest) });
var WHAT = "data digests file";
var FIX = "report it: the digests and the shims that read them come from one databazel.";
function readDataDigests(path) {
  const value = readJsonFile(path, `the ${WHAT}`, FIX);
  return new Map(checkVersionedFile(dataDigests, value, path, WHAT, DIGESTS_FORMAT, FIX).files.map((d) => [d.path, d]));
}

// tools/src/shim/digest.ts
var CHUNK = 1 << 20;
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function fileDigest2(path) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = (0, import_node_fs9.openSync)(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = (0, import_node_fs9.readSync)(fd, buffer, 0, CHUNK, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    (0, import_node_fs9.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}
function filesUnder(dir) {
  const out = [];
  for (const entry of (0, import_node_fs9.readdirSync)(dir, { withFileTypes: true })) {
    const path = (0, import_node_path3.join)(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}
var NONE = /* @__PURE__ */ new Map();
function digest(path, known = NONE) {
  const stat = (0, import_node_fs9.statSync)(path);
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
function dataDigester(digestsPath, inputs) {
  const known = digestsPath ? readDataDigests(digestsPath) : /* @__PURE__ */ new Map();
  return (path) => known.get(path) ?? inputs(path);
}
var PROBE_MAX_BYTES = 1 << 16;
var bazelDigestsAreSha256;
function inputDigester(inputDigests) {
  if (inputDigests.size > 0 && bazelDigestsAreSha256 === void 0) {
    for (const [path, hex] of inputDigests) {
      const stat = (0, import_node_fs9.statSync)(path, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.size <= PROBE_MAX_BYTES) {
        bazelDigestsAreSha256 = fileDigest2(path).sha256 === hex;
        break;
      }
    }
  }
  const known = bazelDigestsAreSha256 ? inputDigests : NONE;
  return (path) => digest(path, known);
}

// tools/src/lib/worker.ts
var import_node_fs10 = require("node:fs");

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
  const text = (0, import_node_fs10.readFileSync)(only.slice(1), "utf8");
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
function failureMessage2(err) {
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
    return { exitCode: 1, output: failureMessage2(err) + "\n" };
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

// tools/src/shim/pruned.ts
var import_node_fs12 = require("node:fs");

// tools/src/lib/outputs.ts
var import_node_fs11 = require("node:fs");
var import_node_path4 = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs11.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs11.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs11.readdirSync)(path)) (0, import_node_fs11.rmSync)((0, import_node_path4.join)(path, entry), { force: true, recursive: true });
}
function copyResolved(from, to) {
  if (!(0, import_node_fs11.statSync)(from).isDirectory()) {
    (0, import_node_fs11.copyFileSync)(from, to);
    return;
  }
  (0, import_node_fs11.mkdirSync)(to, { recursive: true });
  for (const entry of (0, import_node_fs11.readdirSync)(from).sort()) copyResolved((0, import_node_path4.join)(from, entry), (0, import_node_path4.join)(to, entry));
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
function readPromotion(path) {
  const fix = "rebuild with one databazel version; if it persists, report a databazel bug.";
  return readShapedFile(promotion, path, "promotion file", fix);
}
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

// tools/src/shim/pruned.ts
function prunedOutcome(promotionPath, previousOutcome) {
  const previous = previousOutcome === void 0 ? void 0 : readOutcome(previousOutcome);
  if (previous && previous.outcome !== "succeeded") {
    return previous.outcome === "pruned" ? { outcome: "pruned", error: previous.error, failure_message: null, log_tail: [] } : void 0;
  }
  if (promotionPath === void 0) return void 0;
  const promotion2 = readPromotion(promotionPath);
  if (promotion2.decision === "continue") return void 0;
  return { outcome: "pruned", error: prunedError(promotion2), failure_message: null, log_tail: [] };
}
function carryForward(options) {
  if (options.modelIsDir) discard(options.model, true);
  copyResolved(options.initCheckpoint, options.model);
  (0, import_node_fs12.mkdirSync)(options.outputDir, { recursive: true });
  (0, import_node_fs12.writeFileSync)(options.logPath, notRunLog("pruned", options.outcome.error));
}

// tools/src/shim/progress.ts
var import_node_crypto2 = require("node:crypto");
var import_node_fs13 = require("node:fs");
var import_node_path5 = require("node:path");

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

// tools/src/shim/exec-root.ts
var EXEC_ROOT_BELOW_OUTPUT_BASE = [
  /^(.+)\/execroot\/[^/]+$/,
  /^(.+)\/sandbox\/[^/]+\/\d+\/execroot\/[^/]+$/,
  /^(.+)\/bazel-workers\/[^/]+\/[^/]+$/
];
function outputBaseOf(cwd) {
  for (const pattern of [...EXEC_ROOT_BELOW_OUTPUT_BASE].reverse()) {
    const match = pattern.exec(cwd);
    if (match) return match[1];
  }
  return void 0;
}
function isPrivateExecRoot(cwd) {
  return EXEC_ROOT_BELOW_OUTPUT_BASE.slice(1).some((p) => p.test(cwd));
}

// tools/src/shim/progress.ts
var NOTHING = { finish: () => void 0 };
function readCurve(path) {
  try {
    return curveNumbers((0, import_node_fs13.readFileSync)(path, "utf8"));
  } catch {
    return void 0;
  }
}
function startProgress(options) {
  try {
    return start(options);
  } catch {
    return NOTHING;
  }
}
function start(options) {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? Date.now;
  const outputBase = outputBaseOf(cwd);
  if (!outputBase) return NOTHING;
  const watchDir = (0, import_node_path5.join)(outputBase, WATCH_DIR, PROGRESS_DIR);
  const id = (0, import_node_crypto2.createHash)("sha256").update(`${options.label}\0${options.model}`).digest("hex").slice(0, 24);
  const places = [(0, import_node_path5.join)(watchDir, `${id}.json`), ...isPrivateExecRoot(cwd) ? [(0, import_node_path5.join)(cwd, SANDBOX_PROGRESS_DIR, `${id}.json`)] : []];
  let place = 0;
  const started = now();
  let curveSeen = "";
  let epoch = options.startEpoch ?? 0;
  let latest = null;
  const readProgress = () => {
    let seen = "";
    const path = typeof options.curve === "string" ? options.curve : options.curve();
    try {
      const stat = (0, import_node_fs13.statSync)(path);
      seen = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return;
    }
    if (seen === curveSeen) return;
    const curve = readCurve(path);
    if (!curve) return;
    curveSeen = seen;
    epoch = (options.startEpoch ?? 0) + curve.length;
    latest = curve.at(-1) ?? null;
  };
  const write = (state) => {
    const value = {
      format: PROGRESS_FORMAT,
      label: options.label,
      trial: options.trial,
      model: options.model,
      start_epoch: options.startEpoch,
      end_epoch: options.endEpoch,
      epoch,
      latest,
      state,
      started_ms: started,
      updated_ms: now()
    };
    while (place < places.length) {
      const path = places[place];
      try {
        if (place > 0) (0, import_node_fs13.mkdirSync)((0, import_node_path5.dirname)(path), { recursive: true });
        (0, import_node_fs13.writeFileSync)(`${path}.tmp`, JSON.stringify(value) + "\n");
        (0, import_node_fs13.renameSync)(`${path}.tmp`, path);
        return;
      } catch {
        place++;
      }
    }
  };
  const watched = () => {
    try {
      return now() - (0, import_node_fs13.statSync)((0, import_node_path5.join)(watchDir, WATCHING)).mtimeMs < WATCHING_TTL_MS;
    } catch {
      return false;
    }
  };
  const tick = (state) => {
    try {
      if (!watched()) return;
      readProgress();
      write(state);
    } catch {
    }
  };
  tick("running");
  const timer = setInterval(() => tick("running"), HEARTBEAT_MS);
  timer.unref();
  return {
    finish(state) {
      clearInterval(timer);
      tick(state);
      if (place > 0 && place < places.length) (0, import_node_fs13.rmSync)(places[place], { force: true });
    }
  };
}

// tools/src/shim/stage.ts
var import_node_fs14 = require("node:fs");
var import_node_path6 = require("node:path");
var STAGE_DIR = "databazel-stage";
var RUNFILES_SUFFIXES = [".runfiles", ".runfiles_manifest", ".repo_mapping"];
function needsStage(inputs, cwd = process.cwd()) {
  return inputs !== void 0 && !isPrivateExecRoot(cwd);
}
function stageFor(inputs, executable, places) {
  return needsStage(inputs) ? new Stage({ execRoot: process.cwd(), inputs, executable, ...places }) : void 0;
}
function shimProgram(execRoot) {
  const [, bundle = ""] = process.argv;
  return new Set([process.argv0, bundle].map((path) => (0, import_node_path6.isAbsolute)(path) ? (0, import_node_path6.relative)(execRoot, path) : path));
}
function exists(path) {
  try {
    (0, import_node_fs14.lstatSync)(path);
    return true;
  } catch {
    return false;
  }
}
function ownerGone(name) {
  const pid = Number(/^(\d+)-/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === "ESRCH";
  }
}
function sweep(root) {
  for (const name of (0, import_node_fs14.readdirSync)(root)) {
    try {
      if (ownerGone(name)) (0, import_node_fs14.rmSync)((0, import_node_path6.join)(root, name), { recursive: true, force: true });
    } catch {
    }
  }
}
var Stage = class {
  #plan;
  #top;
  constructor(plan) {
    this.#plan = plan;
  }
  /** The directory the script runs in, a mirror of the execution root's layout; once open. */
  get dir() {
    if (this.#top === void 0) throw new Error("the stage is not open");
    return (0, import_node_path6.join)(this.#top, (0, import_node_path6.basename)(this.#plan.execRoot));
  }
  /** Makes the stage: the inputs as symlinks into the execution root, the outputs' places. */
  open() {
    const root = (0, import_node_path6.join)(outputBaseOf(this.#plan.execRoot) ?? (0, import_node_path6.dirname)(this.#plan.execRoot), STAGE_DIR);
    (0, import_node_fs14.mkdirSync)(root, { recursive: true });
    sweep(root);
    this.#top = (0, import_node_fs14.mkdtempSync)((0, import_node_path6.join)(root, `${process.pid}-`));
    try {
      this.#fill();
    } catch (err) {
      this.remove();
      throw err;
    }
  }
  #fill() {
    const { execRoot, inputs, executable, directories, outputFiles, outputDirs } = this.#plan;
    const made = /* @__PURE__ */ new Set();
    const mkdir = (rel) => {
      if (rel === "." || made.has(rel)) return;
      (0, import_node_fs14.mkdirSync)((0, import_node_path6.join)(this.dir, rel), { recursive: true });
      made.add(rel);
    };
    const link = (rel) => {
      mkdir((0, import_node_path6.dirname)(rel));
      try {
        (0, import_node_fs14.symlinkSync)((0, import_node_path6.join)(execRoot, rel), (0, import_node_path6.join)(this.dir, rel));
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
      }
    };
    (0, import_node_fs14.mkdirSync)(this.dir, { recursive: true });
    const whole = [...directories, ...RUNFILES_SUFFIXES.map((suffix) => executable + suffix)].filter(
      (rel) => exists((0, import_node_path6.join)(execRoot, rel))
    );
    for (const rel of whole) link(rel);
    const inWhole = (rel) => whole.some((w) => rel === w || rel.startsWith(w + "/"));
    const program = shimProgram(execRoot);
    for (const rel of inputs) if (!inWhole(rel) && !program.has(rel)) link(rel);
    for (const rel of outputFiles) mkdir((0, import_node_path6.dirname)(rel));
    for (const rel of outputDirs) mkdir(rel);
  }
  /** Where the script's `rel` is: in the stage while it is open, in the execution root after. */
  where(rel) {
    return this.#top === void 0 ? rel : (0, import_node_path6.join)(this.dir, rel);
  }
  /** Moves what the script wrote at the outputs' places into the execution root. */
  collect() {
    const { execRoot, outputFiles, outputDirs } = this.#plan;
    for (const rel of [...outputFiles, ...outputDirs]) {
      const from = (0, import_node_path6.join)(this.dir, rel);
      if (!exists(from)) continue;
      const to = (0, import_node_path6.join)(execRoot, rel);
      (0, import_node_fs14.rmSync)(to, { recursive: true, force: true });
      (0, import_node_fs14.mkdirSync)((0, import_node_path6.dirname)(to), { recursive: true });
      try {
        (0, import_node_fs14.renameSync)(from, to);
      } catch (err) {
        if (err.code !== "EXDEV") throw err;
        (0, import_node_fs14.cpSync)(from, to, { recursive: true, verbatimSymlinks: true });
      }
    }
  }
  /** Deletes the stage (symlinks only, never what they point to). */
  remove() {
    if (this.#top !== void 0) (0, import_node_fs14.rmSync)(this.#top, { recursive: true, force: true });
    this.#top = void 0;
  }
};

// tools/src/bin/train_shim.ts
function modelProblem(path, isDirectory) {
  if (!(0, import_node_fs15.existsSync)(path)) return "did not write the model";
  const stat = (0, import_node_fs15.statSync)(path);
  if (isDirectory) {
    if (!stat.isDirectory()) return "wrote the model as a file, but this rule expects a directory";
    if ((0, import_node_fs15.readdirSync)(path).length === 0) return "left the model directory empty";
    return void 0;
  }
  if (stat.isDirectory()) return "wrote the model as a directory, but this rule expects a file";
  if (stat.size === 0) return "wrote an empty model file";
  return void 0;
}
main(async (argv, request) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set([SHIM_FLAGS.model_is_dir, ...SHIM_BOOLEANS]));
  const shim = shimFlags(flags);
  const inputs = inputDigester(request.inputDigests);
  const modelIsDir = flags.has(SHIM_FLAGS.model_is_dir);
  const trainingData = all(flags, TRAIN_FLAGS.training_data);
  const model = one(flags, TRAIN_FLAGS.model);
  const hyperparamsFile = one(flags, TRAIN_FLAGS.hyperparams_file);
  const seed = one(flags, TRAIN_FLAGS.seed);
  const outputDir = one(flags, TRAIN_FLAGS.output_dir);
  const hyperparams = JSON.parse((0, import_node_fs15.readFileSync)(hyperparamsFile, "utf8"));
  const hyperparamsJson = JSON.stringify(hyperparams);
  const initCheckpoint = optional(flags, TRAIN_FLAGS.init_checkpoint);
  const startEpoch = optional(flags, TRAIN_FLAGS.start_epoch);
  const endEpoch = optional(flags, TRAIN_FLAGS.end_epoch);
  const curvePath = one(flags, SHIM_FLAGS.curve);
  const previousCurve = readPreviousCurve(optional(flags, SHIM_FLAGS.previous_curve));
  const segmentCurve = (0, import_node_path7.join)(outputDir, OUTPUT_DIR_FILES.curve);
  const epochFlags = [
    ...initCheckpoint ? [TRAIN_FLAGS.init_checkpoint, initCheckpoint] : [],
    ...startEpoch !== void 0 ? [TRAIN_FLAGS.start_epoch, startEpoch] : [],
    ...endEpoch !== void 0 ? [TRAIN_FLAGS.end_epoch, endEpoch] : []
  ];
  const command = [
    shim.executable,
    ...trainingData.flatMap((path) => [TRAIN_FLAGS.training_data, path]),
    TRAIN_FLAGS.model,
    model,
    TRAIN_FLAGS.hyperparams,
    hyperparamsJson,
    TRAIN_FLAGS.hyperparams_file,
    hyperparamsFile,
    TRAIN_FLAGS.seed,
    seed,
    TRAIN_FLAGS.output_dir,
    outputDir,
    ...epochFlags
  ];
  const previousOutcome = optional(flags, SHIM_FLAGS.previous_outcome);
  const pruned = prunedOutcome(optional(flags, SHIM_FLAGS.promotion), previousOutcome);
  if (pruned && !initCheckpoint) {
    throw new UserFacingError(`databazel: ${shim.label}: internal error: a pruned segment has no checkpoint to carry forward; report a databazel bug.`);
  }
  const stage = stageFor(request.inputPaths, shim.executable, {
    directories: [...trainingData, ...initCheckpoint ? [initCheckpoint] : []],
    outputFiles: modelIsDir ? [] : [model],
    outputDirs: modelIsDir ? [model, outputDir] : [outputDir]
  });
  const progress2 = startProgress({
    label: shim.label,
    trial: shim.trial ?? null,
    model,
    curve: stage ? () => stage.where(segmentCurve) : segmentCurve,
    startEpoch: startEpoch !== void 0 ? Number(startEpoch) : null,
    endEpoch: endEpoch !== void 0 ? Number(endEpoch) : null
  });
  const ran = pruned ? { run: { exitCode: null, durationMs: 0 }, outcome: pruned } : runUnderContract({
    shim,
    upstreamOutcome: previousOutcome,
    what: "the train executable",
    executableAttr: "train_executable",
    timeoutAttr: "train_timeout",
    dataAttr: "training_data",
    stage,
    command,
    env: {
      [ENV_VARS.training_data]: trainingData.join(PATH_LIST_SEPARATOR.env),
      [ENV_VARS.model]: model,
      [ENV_VARS.hyperparams]: hyperparamsJson,
      [ENV_VARS.hyperparams_file]: hyperparamsFile,
      [ENV_VARS.seed]: seed,
      [ENV_VARS.output_dir]: outputDir,
      ...initCheckpoint ? { [ENV_VARS.init_checkpoint]: initCheckpoint } : {},
      ...startEpoch !== void 0 ? { [ENV_VARS.start_epoch]: startEpoch } : {},
      ...endEpoch !== void 0 ? { [ENV_VARS.end_epoch]: endEpoch } : {}
    },
    discard: () => {
      discard(model, modelIsDir);
      discard(outputDir, true);
      discard(curvePath);
    },
    check: () => {
      const problem = modelProblem(model, modelIsDir);
      if (problem) {
        return {
          cause: `exited 0 but ${problem} at ${model}.`,
          fix: `write the trained model to the path given by ${TRAIN_FLAGS.model} (also in $${ENV_VARS.model})` + (modelIsDir ? ", as a directory with at least one file." : ", as a non-empty file.")
        };
      }
      const curve2 = readSegmentCurve(segmentCurve);
      if (typeof curve2 === "string") {
        return {
          cause: `exited 0 but ${segmentCurve} ${curve2}.`,
          fix: `write ${OUTPUT_DIR_FILES.curve} as a JSON array with one object of numbers per epoch, e.g. [{"epoch": 1, "loss": 0.4}], or leave it out.`
        };
      }
      return void 0;
    }
  });
  const { run, outcome: outcome2 } = await Promise.resolve(ran).then(
    (result) => {
      progress2.finish(result.outcome.outcome);
      return result;
    },
    (err) => {
      progress2.finish("failed");
      throw err;
    }
  );
  const succeeded = outcome2.outcome === "succeeded";
  if (pruned) carryForward({ initCheckpoint, model, modelIsDir, outputDir, logPath: shim.logPath, outcome: pruned });
  else if (!succeeded) writePlaceholderModel(model, modelIsDir, outcome2);
  const curve = [...previousCurve, ...succeeded ? readSegmentCurve(segmentCurve) : []];
  (0, import_node_fs15.writeFileSync)(curvePath, JSON.stringify(curve) + "\n");
  writeOutcome(shim.outcomePath, outcome2);
  writeRunRecord(shim.recordPath, {
    ...runRecordBase(shim, command, run, outcome2),
    kind: "train",
    hyperparams,
    seed: Number(seed),
    epochs: startEpoch !== void 0 ? { start: Number(startEpoch), end: Number(endEpoch) } : null,
    inputs: {
      training_data: trainingData.map(dataDigester(shim.dataDigests, inputs)),
      executable: inputs(shim.executable),
      init_checkpoint: initCheckpoint ? inputs(initCheckpoint) : null
    },
    outputs: { model: digest(model) }
  });
});
