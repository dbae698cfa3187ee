// Generated from tools/src/bin/eval_shim.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/eval_shim.ts
var import_node_fs6 = require("node:fs");

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
var CONTRACT_ROWS = [
  {
    script: "train",
    flag: `${TRAIN_FLAGS.training_data} PATH`,
    env: `${ENV_VARS.training_data} (paths joined by \`${PATH_LIST_SEPARATOR.env}\`)`,
    meaning: "the training data; repeated for several files; a directory is one path"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.model} PATH`,
    env: ENV_VARS.model,
    meaning: "where to write the model: a non-empty file, or a non-empty directory with `model_is_dir = True`"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.hyperparams} JSON`,
    env: ENV_VARS.hyperparams,
    meaning: "the hyperparameters, a JSON object of strings"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.hyperparams_file} PATH`,
    env: ENV_VARS.hyperparams_file,
    meaning: "the same JSON, in a file"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.seed} N`,
    env: ENV_VARS.seed,
    meaning: "the seed; the same inputs and seed must give the same model"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.output_dir} DIR`,
    env: ENV_VARS.output_dir,
    meaning: "optional extras: per-epoch metrics, logs, plots"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.start_epoch} N`,
    env: ENV_VARS.start_epoch,
    meaning: "with `epochs` set: train epochs N+1 to `--end_epoch`; the hyperparameters then leave out `epochs`"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.end_epoch} N`,
    env: ENV_VARS.end_epoch,
    meaning: "with `epochs` set: the epoch this segment ends with, counted from the start of training"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.init_checkpoint} PATH`,
    env: ENV_VARS.init_checkpoint,
    meaning: "with `checkpoint_every` set, after the first segment: the previous segment's `--model`, to continue from; in a rule built with `databazel_lib.train(init_from = ...)`: the model it fine-tunes"
  },
  {
    script: "train",
    flag: `${TRAIN_FLAGS.output_dir}/${OUTPUT_DIR_FILES.curve}`,
    env: "",
    meaning: 'optional: a JSON array of per-epoch metrics, e.g. `[{"epoch": 1, "loss": 0.4}]`; databazel joins the segments\' into the model\'s learning curve'
  },
  { script: "eval", flag: `${EVAL_FLAGS.model} PATH`, env: ENV_VARS.model, meaning: "the model to score" },
  {
    script: "eval",
    flag: `${EVAL_FLAGS.test_data} PATH`,
    env: `${ENV_VARS.test_data} (paths joined by \`${PATH_LIST_SEPARATOR.env}\`)`,
    meaning: `the held-out data, repeated like \`${TRAIN_FLAGS.training_data}\``
  },
  {
    script: "eval",
    flag: `${EVAL_FLAGS.metrics} PATH`,
    env: ENV_VARS.metrics,
    meaning: "where to write a JSON object whose leaves are numbers (nesting and arrays allowed)"
  }
];

// tools/src/lib/flags.ts
function parseFlags(argv, booleans = /* @__PURE__ */ new Set()) {
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith("--")) throw new UsageError(`unexpected argument ${JSON.stringify(flag)}`);
    const value = booleans.has(flag) ? "true" : argv[++i];
    if (value === void 0) throw new UsageError(`${flag} needs a value`);
    flags.set(flag, [...flags.get(flag) ?? [], value]);
  }
  return flags;
}
function one(flags, flag) {
  const values = flags.get(flag);
  if (!values || values.length !== 1) throw new UsageError(`expected exactly one ${flag}`);
  return values[0];
}
function optional(flags, flag) {
  return flags.get(flag)?.[0];
}
function all(flags, flag) {
  return flags.get(flag) ?? [];
}
var UsageError = class extends Error {
};

// tools/src/formats/run-record.ts
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

// tools/src/formats/shape.ts
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

// tools/src/formats/run-record.ts
var RUN_RECORD_FORMAT = 1;
var fileDigest = object({ path: string, sha256: string, bytes: number });
var common = {
  format: formatVersion(RUN_RECORD_FORMAT),
  label: string,
  /** The trial (or segment) inside a search, or null. */
  trial: nullable(string),
  /** The exact command that ran the user's executable; rerunning it reproduces the run. */
  command: arrayOf(string),
  /** null when a signal ended the run; records are written for successful runs only, so 0. */
  exit_code: nullable(number),
  duration_ms: number
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
  (0, import_node_fs.writeFileSync)(path, stableJson(record));
}

// tools/src/formats/action-flags.ts
var SHIM_FLAGS = {
  label: "--shim_label",
  trial: "--shim_trial",
  executable: "--shim_executable",
  record: "--shim_record",
  log: "--shim_log",
  curve: "--shim_curve",
  model_is_dir: "--shim_model_is_dir",
  previous_curve: "--shim_previous_curve"
};

// tools/src/lib/main.ts
var ContractError = class extends Error {
};
function main(body) {
  body(process.argv.slice(2)).catch((err) => {
    if (err instanceof ContractError) {
      console.error(err.message);
    } else if (err instanceof FormatError) {
      console.error(`databazel: ${err.message}`);
    } else if (err instanceof UsageError) {
      console.error(`databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`);
    } else {
      console.error(`databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    process.exitCode = 1;
  });
}

// tools/src/shim/executable.ts
var import_node_fs2 = require("node:fs");
function attributeOf(what) {
  const match = /^the (\w+) executable$/.exec(what);
  return match ? `${match[1]}_executable` : what;
}
function unrunnableProblem(path, what) {
  const attribute = attributeOf(what);
  try {
    if ((0, import_node_fs2.statSync)(path).isDirectory()) {
      return {
        cause: `${path} (${attribute}) is a directory, not a program.`,
        fix: `set ${attribute} to an executable target, e.g. an sh_binary or py_binary, or to an executable script file.`
      };
    }
    (0, import_node_fs2.accessSync)(path, import_node_fs2.constants.X_OK);
    return void 0;
  } catch {
    return {
      cause: `${path} (${attribute}) is not executable: it is a plain file without the execute permission, so it cannot run.`,
      fix: `make it executable (chmod +x ${path}, and commit the mode: git update-index --chmod=+x), or wrap it in a rule that runs it, e.g. sh_binary(name = "${attribute.split("_")[0]}", srcs = ["${path.split("/").at(-1)}"]) or py_binary, and set ${attribute} = ":${attribute.split("_")[0]}".`
    };
  }
}

// tools/src/shim/run-script.ts
var import_node_child_process = require("node:child_process");
var import_node_fs3 = require("node:fs");
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
async function runScript(command, env, logPath) {
  const [executable, ...args] = command;
  if (!executable) throw new Error("empty command");
  const log = (0, import_node_fs3.createWriteStream)(logPath);
  const started = performance.now();
  let tail = [];
  let partial = "";
  const keep = (chunk) => {
    log.write(chunk);
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    tail = [...tail, ...lines].slice(-TAIL_LINES);
  };
  const result = await new Promise((done) => {
    const child = (0, import_node_child_process.spawn)((0, import_node_path.resolve)(executable), args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    });
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => {
      keep(Buffer.from(`databazel: could not start ${executable}: ${err.message}
`));
      done({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => done({ code, signal }));
  });
  if (partial) tail = [...tail, partial].slice(-TAIL_LINES);
  await new Promise((done) => log.end(done));
  return {
    exitCode: result.code,
    signal: result.signal,
    durationMs: Math.round(performance.now() - started),
    tail
  };
}
function executionRoot(cwd) {
  return cwd.replace(/\/sandbox\/[^/]+\/\d+\/execroot\/([^/]+)$/, "/execroot/$1");
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
  lines.push(`  cd ${shellQuote(executionRoot(process.cwd()))} && ${shellCommand(options.command)}`);
  return lines.join("\n");
}

// tools/src/shim/contract-run.ts
function shimFlags(flags) {
  return {
    label: one(flags, SHIM_FLAGS.label),
    trial: optional(flags, SHIM_FLAGS.trial),
    executable: one(flags, SHIM_FLAGS.executable),
    recordPath: one(flags, SHIM_FLAGS.record),
    logPath: one(flags, SHIM_FLAGS.log)
  };
}
async function runUnderContract(options) {
  const { shim } = options;
  const label = shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label;
  const unrunnable = unrunnableProblem(shim.executable, options.what);
  if (unrunnable) throw new ContractError(`databazel: ${label}: ${options.what} ${unrunnable.cause}
Fix: ${unrunnable.fix}`);
  const run = await runScript(options.command, options.env, shim.logPath);
  const problem = run.exitCode !== 0 ? { cause: run.signal ? `was killed by ${run.signal}.` : `failed with exit code ${run.exitCode}.` } : options.check();
  if (problem) {
    options.discard();
    throw new ContractError(
      failureMessage({
        label,
        what: options.what,
        cause: problem.cause,
        tail: run.tail,
        command: options.command,
        ..."fix" in problem ? { fix: problem.fix } : {}
      })
    );
  }
  return run;
}
function runRecordBase(shim, command, run) {
  return {
    format: RUN_RECORD_FORMAT,
    label: shim.label,
    trial: shim.trial ?? null,
    command,
    exit_code: run.exitCode,
    duration_ms: run.durationMs
  };
}

// tools/src/shim/digest.ts
var import_node_crypto = require("node:crypto");
var import_node_fs4 = require("node:fs");
var import_node_path2 = require("node:path");
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function filesUnder(dir) {
  const out = [];
  for (const entry of (0, import_node_fs4.readdirSync)(dir, { withFileTypes: true })) {
    const path = (0, import_node_path2.join)(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}
function digest(path) {
  if (!(0, import_node_fs4.statSync)(path).isDirectory()) {
    const data = (0, import_node_fs4.readFileSync)(path);
    return { path, sha256: sha256(data), bytes: data.length };
  }
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file);
    bytes += d.bytes;
    return `${d.sha256}  ${(0, import_node_path2.relative)(path, file)}
`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}

// tools/src/lib/metrics.ts
function firstNonNumericLeaf(value, path = "metrics") {
  if (typeof value === "number") return Number.isFinite(value) ? void 0 : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstNonNumericLeaf(item, `${path}[${i}]`);
      if (bad) return bad;
    }
    return void 0;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const bad = firstNonNumericLeaf(item, `${path}.${key}`);
      if (bad) return bad;
    }
    return void 0;
  }
  return `${path} is ${JSON.stringify(value)} (${value === null ? "null" : typeof value})`;
}
function metricsProblem(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `is not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return "is not a JSON object";
  }
  const bad = firstNonNumericLeaf(parsed);
  return bad ? `has a leaf that is not a number: ${bad}` : void 0;
}

// tools/src/lib/outputs.ts
var import_node_fs5 = require("node:fs");
var import_node_path3 = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs5.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs5.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs5.readdirSync)(path)) (0, import_node_fs5.rmSync)((0, import_node_path3.join)(path, entry), { force: true, recursive: true });
}

// tools/src/bin/eval_shim.ts
var FIX_METRICS = `write a JSON object whose leaves are numbers (nesting allowed), e.g. {"accuracy": 0.97}, to the path given by ${EVAL_FLAGS.metrics} (also in $${ENV_VARS.metrics}).`;
main(async (argv) => {
  const flags = parseFlags(argv);
  const shim = shimFlags(flags);
  const model = one(flags, EVAL_FLAGS.model);
  const testData = all(flags, EVAL_FLAGS.test_data);
  const metrics = one(flags, EVAL_FLAGS.metrics);
  const command = [
    shim.executable,
    EVAL_FLAGS.model,
    model,
    ...testData.flatMap((path) => [EVAL_FLAGS.test_data, path]),
    EVAL_FLAGS.metrics,
    metrics
  ];
  const run = await runUnderContract({
    shim,
    what: "the eval executable",
    command,
    env: {
      [ENV_VARS.model]: model,
      [ENV_VARS.test_data]: testData.join(PATH_LIST_SEPARATOR.env),
      [ENV_VARS.metrics]: metrics
    },
    discard: () => discard(metrics),
    check: () => {
      if (!(0, import_node_fs6.existsSync)(metrics)) return { cause: `exited 0 but did not write the metrics at ${metrics}.`, fix: FIX_METRICS };
      const problem = metricsProblem((0, import_node_fs6.readFileSync)(metrics, "utf8"));
      return problem ? { cause: `exited 0 but the metrics at ${metrics} ${problem}.`, fix: FIX_METRICS } : void 0;
    }
  });
  writeRunRecord(shim.recordPath, {
    ...runRecordBase(shim, command, run),
    kind: "eval",
    inputs: { model: digest(model), test_data: testData.map(digest), executable: digest(shim.executable) },
    outputs: { metrics: digest(metrics) }
  });
});
