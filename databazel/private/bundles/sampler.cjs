// Generated from tools/src/bin/sampler.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/sampler.ts
var import_node_child_process = require("node:child_process");
var import_node_fs5 = require("node:fs");

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

// tools/src/formats/action-flags.ts
var SAMPLER_ACTION_FLAGS = {
  manifest: "--manifest",
  /** Where the history goes (tools/src/formats/sampler-history.ts): what a sampler executable reads. */
  history: "--history",
  /** Where the batch's proposals go, as the sampler wrote them. */
  proposals: "--proposals"
};

// tools/src/formats/outcome.ts
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

// tools/src/formats/outcome.ts
var OUTCOME_FORMAT = 1;
var runOutcome = object(outcomeFields);
var written = object({ format: formatVersion(OUTCOME_FORMAT), ...runOutcome.fields });
function readOutcome(path) {
  return readShapedFile(runOutcome, path, "run outcome", rebuildFix(void 0));
}
function readScoredMetrics(outcomePath, metricsPath, names) {
  const { outcome: o } = readOutcome(outcomePath);
  if (o !== "succeeded") return { outcome: o, values: null };
  const metrics = parseJsonAllowingNonFinite((0, import_node_fs2.readFileSync)(metricsPath, "utf8"));
  const values = {};
  for (const name of names) {
    const value = metricAt(metrics, name);
    if (value === void 0 || !Number.isFinite(value)) return { outcome: o, values: null };
    values[name] = value;
  }
  return { outcome: o, values };
}

// tools/src/formats/objectives.ts
var goal = literal("maximize", "minimize");
var objective = object({ name: string, goal });
var constraint = object({ metric: string, op: literal("<=", ">="), bound: number });
function rankingMetrics(objectives, constraints) {
  const names = objectives.map((o) => o.name);
  return [...names, ...constraints.map((c) => c.metric).filter((m, i, all) => !names.includes(m) && all.indexOf(m) === i)];
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
function weaklyDominates(a, b) {
  for (let k = 0; k < a.length; k++) if (a[k] > b[k]) return false;
  return true;
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

// tools/src/pareto/survivors.ts
function selectSurvivors(points, keep) {
  if (!Number.isInteger(keep) || keep < 0) throw new Error(`selectSurvivors: keep must be a whole number >= 0, got ${keep}`);
  const ranks = nonDominatedRanks(points);
  if (keep >= points.length) return points.map((_, i) => i);
  const byRank = /* @__PURE__ */ new Map();
  ranks.forEach((rank, i) => {
    const members = byRank.get(rank);
    if (members) members.push(i);
    else byRank.set(rank, [i]);
  });
  const kept = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const members = byRank.get(rank);
    const room = keep - kept.length;
    if (room <= 0) break;
    if (members.length <= room) {
      kept.push(...members);
      continue;
    }
    const distance = crowdingDistances(members.map((i) => points[i].values));
    const order = members.map((_, m) => m).sort((a, b) => byDistanceDescending(distance[a], distance[b]) || a - b);
    kept.push(...order.slice(0, room).map((m) => members[m]));
    break;
  }
  return kept.sort((a, b) => a - b);
}
function byDistanceDescending(a, b) {
  return a === b ? 0 : a > b ? -1 : 1;
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

// tools/src/formats/manifest.ts
var FIX = "rebuild with one databazel version (clean the output base if the rules were just upgraded); if it persists, report a databazel bug.";
function readManifest(shape, path, what) {
  return readShapedFile(shape, path, what, FIX);
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
function readSamplerManifest(path) {
  return readManifest(samplerManifest, path, "propose manifest");
}

// tools/src/sampler/format.ts
function roundSignificant(x, digits = 4) {
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  x = x * sign;
  let e = 0;
  for (let i = 0; i < 700; i++) {
    if (x >= 10) {
      x = x / 10;
      e += 1;
    } else if (x < 1) {
      x = x * 10;
      e -= 1;
    } else {
      break;
    }
  }
  const mantissa = Math.trunc(x * pow10(digits - 1) + 0.5);
  const shift = e - (digits - 1);
  if (shift >= 0) return sign * Number(BigInt(mantissa) * 10n ** BigInt(shift));
  return sign * (mantissa / pow10(-shift));
}
function pow10(n) {
  return Number(10n ** BigInt(n));
}
function starlarkFloat(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "+inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const match = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!match) throw new Error(`unexpected toExponential() output for ${x}`);
  const digits = match[1] + (match[2] ?? "");
  const exponent = Number(match[3]);
  if (exponent < -4 || exponent > 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || "0"}`;
}

// tools/src/sampler/fmath.ts
var LN2_HI = 0.6931471803691238;
var LN2_LO = 19082149292705877e-26;
var SQRT2 = 1.4142135623730951;
var SQRT1_2 = 0.7071067811865476;
var LN_SQRT_PI = 0.5723649429247001;
var TWO_OVER_SQRT_PI = 1.1283791670955126;
var view2 = new DataView(new ArrayBuffer(8));
function splitExponent(x) {
  let bias = 0;
  if (x < 22250738585072014e-324) {
    x *= 18014398509481984;
    bias = -54;
  }
  view2.setFloat64(0, x);
  const hi = view2.getUint32(0);
  const e = (hi >>> 20 & 2047) - 1023;
  view2.setUint32(0, hi & 2148532223 | 1023 << 20);
  return [view2.getFloat64(0), e + bias];
}
function pow2(k) {
  view2.setUint32(0, k + 1023 << 20);
  view2.setUint32(4, 0);
  return view2.getFloat64(0);
}
function ln(x) {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let [m, e] = splitExponent(x);
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let s = 0;
  for (let k = 13; k >= 0; k--) s = s * z2 + 1 / (2 * k + 1);
  return e * LN2_HI + (2 * z * s + e * LN2_LO);
}
function exp(x) {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO;
  let s = 1;
  for (let n = 20; n >= 1; n--) s = 1 + s * r / n;
  if (k > 1023) return s * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return s * pow2(-1022) * pow2(k + 1022);
  return s * pow2(k);
}
function log1p(x) {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return ln(u) * x / (u - 1);
}
function lnErfc(x) {
  if (x < 2) return ln(erfc(x));
  let f = x;
  for (let n = 120; n >= 1; n--) f = x + n / 2 / f;
  return -x * x - LN_SQRT_PI - ln(f);
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x >= 2) return exp(lnErfc(x));
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term = term * 2 * x * x / (2 * n + 1);
    sum += term;
  }
  return 1 - TWO_OVER_SQRT_PI * exp(-x * x) * sum;
}
function lnUpperTail(z) {
  return lnErfc(z * SQRT1_2) - LN2_HI - LN2_LO;
}
function lnNormalMass(a, b) {
  if (!(a < b)) return -Infinity;
  if (a >= 0) return lnUpperTail(a) + log1p(-exp(lnUpperTail(b) - lnUpperTail(a)));
  if (b <= 0) return lnNormalMass(-b, -a);
  return log1p(-exp(lnUpperTail(-a)) - exp(lnUpperTail(b)));
}
function logSumExp(xs) {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (const x of xs) sum += exp(x - max);
  return max + ln(sum);
}

// tools/src/sampler/space.ts
function checkDistribution(name, dist) {
  const bad = (why) => new Error(`space["${name}"]: ${why}, got ${JSON.stringify(dist)}`);
  if (dist.kind === "choice") {
    if (dist.choices.length === 0) throw bad("choice needs at least one choice");
    if (new Set(dist.choices).size !== dist.choices.length) throw bad("choice has a repeated choice");
    return;
  }
  if (!Number.isFinite(dist.low) || !Number.isFinite(dist.high) || !(dist.low < dist.high)) {
    throw bad(`${dist.kind} needs finite low < high`);
  }
  if (dist.kind === "loguniform" && !(dist.low > 0)) throw bad("loguniform needs 0 < low");
  if (dist.kind === "int" && !(Number.isSafeInteger(dist.low) && Number.isSafeInteger(dist.high))) {
    throw bad("int needs integer low and high");
  }
}
function formatValue(dist, x) {
  switch (dist.kind) {
    case "choice": {
      const choice = dist.choices[x];
      if (choice === void 0) throw new Error(`no choice at index ${x} in ${JSON.stringify(dist.choices)}`);
      return choice;
    }
    case "int":
      return String(Math.round(x));
    default:
      return starlarkFloat(roundSignificant(x));
  }
}
function parseValue(dist, text) {
  if (text === void 0) return void 0;
  if (dist.kind === "choice") {
    const index = dist.choices.indexOf(text);
    return index < 0 ? void 0 : index;
  }
  const x = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(x) || x < dist.low || x > dist.high) return void 0;
  if (dist.kind === "int" && !Number.isInteger(x)) return void 0;
  return x;
}
function canonicalValue(dist, text) {
  if (dist.kind === "choice") return text;
  const x = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(x)) return text;
  if (dist.kind === "int") return Number.isInteger(x) ? String(x) : text;
  return starlarkFloat(x);
}
function inSpace(dist, text) {
  return parseValue(dist, text) !== void 0;
}
function sampleUniform(dist, rng) {
  const u = rng.uniform();
  switch (dist.kind) {
    case "choice":
      return Math.min(Math.floor(u * dist.choices.length), dist.choices.length - 1);
    case "int":
      return Math.min(dist.low + Math.floor(u * (dist.high - dist.low + 1)), dist.high);
    case "loguniform":
      return exp(ln(dist.low) + u * (ln(dist.high) - ln(dist.low)));
    case "uniform":
      return dist.low + u * (dist.high - dist.low);
  }
}
function cardinality(dist) {
  if (dist.kind === "choice") return dist.choices.length;
  if (dist.kind === "int") return dist.high - dist.low + 1;
  return Infinity;
}

// tools/src/formats/sampler-history.ts
var SAMPLER_HISTORY_FORMAT = 2;
function describe2(dist) {
  return dist.kind === "choice" ? `choice(${dist.choices.join(", ")})` : `${dist.kind}(${dist.low}, ${dist.high})`;
}
function checkProposals(parsed, history) {
  const names = Object.keys(history.space).sort();
  if (!Array.isArray(parsed)) return { problem: `wrote ${parsed === null ? "null" : typeof parsed}, not a JSON array of configurations` };
  if (parsed.length !== history.count) {
    return { problem: `wrote ${parsed.length} configuration${parsed.length === 1 ? "" : "s"} for batch ${history.batch}, but the batch has ${history.count} trials` };
  }
  const key = (hp) => names.map((n) => canonicalValue(history.space[n], hp[n])).join("\0");
  const seen = new Map(history.trials.map((t) => [names.every((n) => t.hyperparams[n] !== void 0 && inSpace(history.space[n], t.hyperparams[n])) ? key(t.hyperparams) : `?${t.trial}`, t.trial]));
  const proposals = [];
  for (const [i, item] of parsed.entries()) {
    const where = `configuration ${i + 1}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) return { problem: `${where} is not a JSON object of parameter to value` };
    const entries = Object.entries(item);
    const unknown = entries.map(([k2]) => k2).filter((k2) => !(k2 in history.space));
    if (unknown.length) return { problem: `${where} has ${unknown.join(", ")}, which space does not have (it has ${names.join(", ")})` };
    const hp = {};
    for (const name of names) {
      const value = item[name];
      if (value === void 0) return { problem: `${where} gives no value for ${name}` };
      if (typeof value !== "string" && typeof value !== "number") return { problem: `${where} gives ${name} = ${JSON.stringify(value)}, neither a string nor a number` };
      const text = String(value);
      if (!inSpace(history.space[name], text)) return { problem: `${where} gives ${name} = ${text}, outside ${describe2(history.space[name])}` };
      hp[name] = text;
    }
    const k = key(hp);
    const earlier = seen.get(k);
    if (earlier !== void 0) return { problem: `${where} repeats ${earlier}'s hyperparameters (${names.map((n) => `${n} = ${hp[n]}`).join(", ")})` };
    seen.set(k, `configuration ${i + 1} of this batch`);
    proposals.push(hp);
  }
  return { proposals };
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

// tools/src/sampler/fresh.ts
var DRAW_ROUNDS = 16;
var ENUMERATION_LIMIT = 1e5;
function drawNew(dists, used, key, draw, scorer, candidates) {
  for (let round = 0; round < DRAW_ROUNDS; round++) {
    let best2;
    for (let c = 0; c < candidates; c++) {
      const texts = draw().map((x, j) => formatValue(dists[j], x));
      if (!texts.every((t, j) => inSpace(dists[j], t)) || used.has(key(texts))) continue;
      if (!scorer) return texts;
      const score = scorer(texts.map((t, j) => parseValue(dists[j], t)));
      if (!best2 || score > best2.score) best2 = { texts, score };
    }
    if (best2) return best2.texts;
  }
  return void 0;
}
function enumerateNew(dists, used, key, scorer, rng, wanted) {
  const size = dists.reduce((n, d) => n * cardinality(d), 1);
  if (size > ENUMERATION_LIMIT) {
    throw new Error(
      `proposeTpe: ${DRAW_ROUNDS} rounds of draws gave only configurations already tried; the space seems exhausted (floats are written with 4 significant digits, so a narrow range has few distinct values), and ${wanted} more configuration(s) were asked for`
    );
  }
  const fresh = [];
  for (const values of allConfigurations(dists)) {
    const texts = values.map((x, j) => formatValue(dists[j], x));
    if (!used.has(key(texts))) fresh.push({ texts, values });
  }
  if (fresh.length === 0) throw exhausted(size, wanted, 0);
  if (!scorer) return fresh[rng.below(fresh.length)].texts;
  let best2 = fresh[0];
  let bestScore = scorer(best2.values);
  for (const f of fresh.slice(1)) {
    const score = scorer(f.values);
    if (score > bestScore) [best2, bestScore] = [f, score];
  }
  return best2.texts;
}
function* allConfigurations(dists) {
  const first = dists.map((d) => d.kind === "int" ? d.low : 0);
  const last = dists.map((d, j) => first[j] + cardinality(d) - 1);
  const values = [...first];
  for (; ; ) {
    yield [...values];
    let j = dists.length - 1;
    while (j >= 0 && values[j] === last[j]) values[j] = first[j--];
    if (j < 0) return;
    values[j]++;
  }
}
function checkNotExhausted(dists, history, count) {
  const size = dists.reduce((n, d) => n * cardinality(d), 1);
  if (!Number.isFinite(size) || size >= Number.MAX_SAFE_INTEGER) return;
  const inside2 = new Set(history.filter((values) => values.every((v) => v !== void 0)).map((v) => JSON.stringify(v)));
  if (size - inside2.size < count) throw exhausted(size, count, size - inside2.size);
}
function exhausted(size, wanted, left) {
  return new Error(
    `proposeTpe: the search space is exhausted: it has ${size} distinct configuration(s), ${left} of them not yet tried, and ${wanted} new one(s) were asked for`
  );
}

// tools/src/sampler/random.ts
function mix32(x) {
  x = x + 2654435769 | 0;
  x = Math.imul(x ^ x >>> 16, 2246822507);
  x = Math.imul(x ^ x >>> 13, 3266489909);
  return (x ^ x >>> 16) >>> 0;
}
function words(n) {
  if (!Number.isSafeInteger(n)) throw new Error(`a seed must be a safe integer, got ${n}`);
  const lo = n % 4294967296;
  return [lo >>> 0, Math.floor(n / 4294967296) >>> 0];
}
var Rng = class _Rng {
  s0;
  s1;
  s2;
  s3;
  spare = null;
  constructor(seed, stream = 0) {
    const [a, b] = words(seed);
    const [c, d] = words(stream);
    const h = mix32(a ^ mix32(b ^ mix32(c ^ mix32(d))));
    this.s0 = mix32(h);
    this.s1 = mix32(this.s0 + 1);
    this.s2 = mix32(this.s1 + 2);
    this.s3 = mix32(this.s2 + 3);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
  /** A generator in a given state: for checking the reference algorithm's known outputs. */
  static fromState(s0, s1, s2, s3) {
    const rng = new _Rng(0);
    [rng.s0, rng.s1, rng.s2, rng.s3] = [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];
    return rng;
  }
  /** The next 32 random bits, as an unsigned integer. */
  nextUint32() {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
  /** A float in [0, 1) with 53 random bits. */
  uniform() {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  /** An integer in [0, n), for n >= 1 (a 53-bit float scaled: bias below 2^-20 for n < 2^33). */
  below(n) {
    return Math.min(Math.floor(this.uniform() * n), n - 1);
  }
  /**
   * A standard normal draw (Marsaglia's polar method: no trigonometry, only ln and sqrt, and
   * sqrt is correctly rounded by IEEE-754). Draws come in pairs; the second is kept for the
   * next call.
   */
  normal() {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    for (; ; ) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt(-2 * ln(s) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }
};
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}

// tools/src/sampler/batch.ts
function proposeBatch(space, history, count, seed, start, next) {
  const names = Object.keys(space).sort();
  const dists = names.map((name) => {
    const dist = space[name];
    checkDistribution(name, dist);
    return dist;
  });
  const key = (texts2) => JSON.stringify(texts2.map((t, j) => t === void 0 ? null : canonicalValue(dists[j], t)));
  const texts = history.map((h) => names.map((name) => h.hyperparams[name]));
  const values = texts.map((row) => row.map((t, j) => parseValue(dists[j], t)));
  const used = new Set(texts.map(key));
  checkNotExhausted(dists, values, count);
  const rng = new Rng(seed, history.length);
  const sampler2 = start({ names, dists, values, rng });
  const pending = [];
  const proposals = [];
  for (let i = 0; i < count; i++) {
    const { draw, scorer, candidates } = next(sampler2, pending);
    const proposal = drawNew(dists, used, key, draw, scorer, candidates) ?? enumerateNew(dists, used, key, scorer, rng, count - i);
    used.add(key(proposal));
    pending.push(proposal.map((t, j) => parseValue(dists[j], t)));
    proposals.push(Object.fromEntries(names.map((name, j) => [name, proposal[j]])));
  }
  return proposals;
}

// tools/src/sampler/parzen.ts
var PRIOR_WEIGHT = 1;
var LN_SQRT_2PI = 0.9189385332046728;
function observationWeights(n) {
  if (n <= 25) return new Array(n).fill(1);
  const ramp = n - 25;
  const weights = [];
  for (let i = 0; i < ramp; i++) weights.push(ramp === 1 ? 1 / n : 1 / n + i * (1 - 1 / n) / (ramp - 1));
  return weights.concat(new Array(25).fill(1));
}
function parzenEstimator(dist, observations) {
  const weights = [...observationWeights(observations.length), PRIOR_WEIGHT];
  const total = weights.reduce((a, b) => a + b, 0);
  const normalized = weights.map((w) => w / total);
  return dist.kind === "choice" ? categorical(dist.choices.length, observations, normalized) : numerical(dist, observations, normalized);
}
function categorical(n, observations, weights) {
  const kernels = observations.length + 1;
  const smoothing = PRIOR_WEIGHT / kernels;
  const probs = new Array(n).fill(weights[observations.length] / n);
  observations.forEach((choice, i) => {
    const norm = 1 + n * smoothing;
    for (let c = 0; c < n; c++) probs[c] += weights[i] * ((c === choice ? 1 : 0) + smoothing) / norm;
  });
  const logProbs = probs.map((p) => ln(p));
  return {
    sample: (rng) => pick(probs, rng.uniform()),
    logDensity: (x) => logProbs[x] ?? -Infinity
  };
}
function numerical(dist, observations, weights) {
  const log = dist.kind === "loguniform";
  const step = dist.kind === "int" ? 1 : 0;
  const low = log ? ln(dist.low) : dist.low;
  const high = log ? ln(dist.high) : dist.high;
  const mus = [...observations.map((x) => log ? ln(x) : x), 0.5 * (low + high)];
  const sigmas = bandwidths(mus, low - step / 2, high + step / 2);
  const range = high - low + step;
  const minSigma = range / Math.min(100, 1 + mus.length);
  for (let i = 0; i < sigmas.length; i++) sigmas[i] = Math.min(Math.max(sigmas[i], minSigma), range);
  sigmas[sigmas.length - 1] = range;
  const lo = low - step / 2;
  const hi = high + step / 2;
  const lnWeights = weights.map((w) => ln(w));
  const lnMass = mus.map((mu, i) => lnNormalMass((lo - mu) / sigmas[i], (hi - mu) / sigmas[i]));
  const lnSigmas = sigmas.map((s) => ln(s));
  const kernelLogDensity = (y, i) => {
    const mu = mus[i];
    const sigma = sigmas[i];
    const z = (y - mu) / sigma;
    const inside2 = step ? lnNormalMass((y - step / 2 - mu) / sigma, (y + step / 2 - mu) / sigma) : -0.5 * z * z - lnSigmas[i] - LN_SQRT_2PI;
    return lnWeights[i] + inside2 - lnMass[i];
  };
  return {
    sample(rng) {
      const i = pick(weights, rng.uniform());
      const y = truncatedNormal(rng, mus[i], sigmas[i], lo, hi);
      if (step) return Math.min(Math.max(Math.round(y), dist.low), dist.high);
      if (log) return Math.min(Math.max(exp(y), dist.low), dist.high);
      return y;
    },
    logDensity(x) {
      const y = log ? ln(x) : x;
      return logSumExp(mus.map((_, i) => kernelLogDensity(y, i)));
    }
  };
}
function bandwidths(mus, low, high) {
  const order = mus.map((_, i) => i).sort((a, b) => mus[a] - mus[b] || a - b);
  const sorted = [low, ...order.map((i) => mus[i]), high];
  const sigmas = new Array(mus.length);
  order.forEach((index, k) => {
    const j = k + 1;
    sigmas[index] = Math.max(sorted[j] - sorted[j - 1], sorted[j + 1] - sorted[j]);
  });
  if (sorted.length >= 4) {
    sigmas[order[0]] = sorted[2] - sorted[1];
    sigmas[order[order.length - 1]] = sorted[sorted.length - 2] - sorted[sorted.length - 3];
  }
  return sigmas;
}
function truncatedNormal(rng, mu, sigma, lo, hi) {
  for (let tries = 0; tries < 1e3; tries++) {
    const y = mu + sigma * rng.normal();
    if (y >= lo && y <= hi) return y;
  }
  return Math.min(Math.max(mu, lo), hi);
}
function pick(weights, u) {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (u * total < acc) return i;
  }
  return weights.length - 1;
}

// tools/src/sampler/tpe.ts
var DEFAULT_GAMMA = 0.25;
var MAX_GOOD = 25;
var DEFAULT_CANDIDATES = 24;
var DEFAULT_STARTUP_TRIALS = 4;
function proposeTpe(options) {
  const { goal: goal2 } = options;
  if (goal2 !== "maximize" && goal2 !== "minimize") throw new Error(`goal must be "maximize" or "minimize", got ${goal2}`);
  const successes2 = options.history.flatMap(
    (h, index) => h.value !== null && Number.isFinite(h.value) ? [{ index, score: h.value }] : []
  );
  const sign = goal2 === "maximize" ? -1 : 1;
  return proposeParzen(options, {
    successes: successes2.length,
    // The best ceil(gamma * n) successful trials; equal values in history order.
    good: (nGood) => [...successes2].sort((a, b) => sign * (a.score - b.score) || a.index - b.index).slice(0, nGood).map((s) => s.index)
  });
}
function proposeParzen(options, split) {
  const settings = checkOptions(options);
  return proposeBatch(
    options.space,
    options.history,
    options.count,
    options.seed,
    ({ dists, values, rng }) => ({ dists, rng, model: tpeModel(dists, values, split, settings) }),
    ({ dists, rng, model }, pending) => model ? { draw: () => model.good.map((l) => l.sample(rng)), scorer: model.scorer(pending), candidates: settings.candidates } : { draw: () => dists.map((d) => sampleUniform(d, rng)), candidates: settings.candidates }
  );
}
function checkOptions(options) {
  const { count, gamma = DEFAULT_GAMMA, candidates = DEFAULT_CANDIDATES } = options;
  const startupTrials = options.startupTrials ?? DEFAULT_STARTUP_TRIALS;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!(gamma > 0 && gamma <= 1)) throw new Error(`gamma must be in (0, 1], got ${gamma}`);
  if (!Number.isSafeInteger(candidates) || candidates < 1) {
    throw new Error(`candidates must be a whole number >= 1, got ${candidates}`);
  }
  if (!(startupTrials >= 0)) throw new Error(`startupTrials must be >= 0, got ${startupTrials}`);
  if (Object.keys(options.space).length === 0) throw new Error("the space has no parameters");
  return { gamma, candidates, startupTrials };
}
function tpeModel(dists, values, split, settings) {
  if (split.successes === 0 || split.successes < settings.startupTrials) return null;
  const nGood = Math.min(Math.ceil(settings.gamma * split.successes), MAX_GOOD);
  const isGood = new Set(split.good(nGood));
  const column = (j, good2) => values.flatMap((v, index) => isGood.has(index) === good2 && v[j] !== void 0 ? [v[j]] : []);
  const good = dists.map((d, j) => parzenEstimator(d, column(j, true)));
  const badColumns = dists.map((_, j) => column(j, false));
  return {
    good,
    scorer(pending) {
      const bad = dists.map((d, j) => parzenEstimator(d, [...badColumns[j], ...pending.map((p) => p[j])]));
      return (values2) => values2.reduce((sum, x, j) => sum + good[j].logDensity(x) - bad[j].logDensity(x), 0);
    }
  };
}

// tools/src/sampler/multi.ts
function checkGoals(goals) {
  if (goals.length === 0) throw new Error("goals: a multi-objective search needs at least one objective");
  for (const goal2 of goals) {
    if (goal2 !== "maximize" && goal2 !== "minimize") throw new Error(`goals must be "maximize" or "minimize", got ${goal2}`);
  }
}
function successes(history, goals) {
  return history.flatMap((h, index) => {
    if (h.values === null) return [];
    if (h.values.length !== goals.length) {
      throw new Error(`history[${index}] has ${h.values.length} objective value(s), but there are ${goals.length} goals`);
    }
    if (!h.values.every((v) => Number.isFinite(v))) return [];
    if (!(h.violation >= 0)) throw new Error(`history[${index}]: violation must be a number >= 0, got ${h.violation}`);
    return [{ index, point: { values: toMinimized(h.values, goals), violation: h.violation } }];
  });
}

// tools/src/sampler/motpe.ts
function proposeMotpe(options) {
  checkGoals(options.goals);
  const trials = successes(options.history, options.goals);
  return proposeParzen(options, { successes: trials.length, good: (nGood) => bestByFronts(trials, nGood) });
}
function bestByFronts(trials, count) {
  const ranks = nonDominatedRanks(trials.map((t) => t.point));
  const chosen = [];
  for (let rank = 1; chosen.length < count; rank++) {
    const front = trials.filter((_, i) => ranks[i] === rank);
    if (front.length === 0) break;
    const room = count - chosen.length;
    if (front.length <= room) chosen.push(...front.map((t) => t.index));
    else if (front[0].point.violation > 0) chosen.push(...front.slice(0, room).map((t) => t.index));
    else chosen.push(...greedyHypervolume(front, room));
  }
  return chosen;
}
function greedyHypervolume(front, count) {
  const reference = referencePoint(front.map((t) => t.point.values));
  const chosen = [];
  const left = [...front];
  const indices = [];
  while (indices.length < count) {
    let best2 = 0;
    let bestVolume = -Infinity;
    left.forEach((t, k) => {
      const volume2 = hypervolume([...chosen, t.point.values], reference);
      if (volume2 > bestVolume) [best2, bestVolume] = [k, volume2];
    });
    const [taken] = left.splice(best2, 1);
    chosen.push(taken.point.values);
    indices.push(taken.index);
  }
  return indices;
}

// tools/src/sampler/nsga2.ts
var DEFAULT_CROSSOVER_PROBABILITY = 0.9;
var DEFAULT_SWAPPING_PROBABILITY = 0.5;
function proposeNsga2(options) {
  const settings = checkOptions2(options);
  const trials = successes(options.history, options.goals);
  return proposeBatch(
    options.space,
    options.history,
    options.count,
    options.seed,
    // The random generation draws from the space's own distribution, as TPE's startup does.
    ({ dists, values, rng }) => trials.length < settings.populationSize ? () => dists.map((d) => sampleUniform(d, rng)) : breeder(dists, values, rng, trials, settings),
    // Without a scorer the first new draw is taken: `candidates` only sets how many draws
    // (times fresh.ts's rounds) may repeat a configuration before the space counts as used up.
    (draw) => ({ draw, candidates: DEFAULT_CANDIDATES })
  );
}
function breeder(dists, values, rng, trials, settings) {
  const parents = selectSurvivors(trials.map((t) => t.point), settings.populationSize).map((i) => trials[i]);
  const points = parents.map((p) => p.point);
  const ranks = nonDominatedRanks(points);
  const crowding = new Array(parents.length).fill(0);
  for (const rank of new Set(ranks)) {
    const members = parents.flatMap((_, i) => ranks[i] === rank ? [i] : []);
    const distances = crowdingDistances(members.map((i) => points[i].values));
    members.forEach((i, k) => crowding[i] = distances[k]);
  }
  const better = (a, b) => ranks[a] !== ranks[b] ? ranks[a] < ranks[b] : crowding[a] !== crowding[b] ? crowding[a] > crowding[b] : a < b;
  const n = parents.length;
  const tournament = () => {
    const a = rng.below(n);
    const b = n === 1 ? a : (a + 1 + rng.below(n - 1)) % n;
    return values[parents[better(a, b) ? a : b].index];
  };
  return () => {
    const child = [...tournament()];
    if (rng.uniform() < settings.crossoverProbability) {
      const second = tournament();
      for (let j = 0; j < child.length; j++) if (rng.uniform() < settings.swappingProbability) child[j] = second[j];
    }
    return child.map((x, j) => x === void 0 || rng.uniform() < settings.mutationProbability ? sampleUniform(dists[j], rng) : x);
  };
}
function checkOptions2(options) {
  checkGoals(options.goals);
  const { count } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  const parameters = Object.keys(options.space).length;
  if (parameters === 0) throw new Error("the space has no parameters");
  const populationSize = options.populationSize ?? Math.max(count, 1);
  if (!Number.isSafeInteger(populationSize) || populationSize < 1) {
    throw new Error(`populationSize must be a whole number >= 1, got ${populationSize}`);
  }
  const probability = (name, value) => {
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be in [0, 1], got ${value}`);
    return value;
  };
  return {
    populationSize,
    crossoverProbability: probability("crossoverProbability", options.crossoverProbability ?? DEFAULT_CROSSOVER_PROBABILITY),
    swappingProbability: probability("swappingProbability", options.swappingProbability ?? DEFAULT_SWAPPING_PROBABILITY),
    mutationProbability: probability("mutationProbability", options.mutationProbability ?? 1 / parameters)
  };
}

// tools/src/bin/sampler.ts
function toDistribution(d) {
  return d.kind === "choice" ? { kind: "choice", choices: d.choices } : { kind: d.kind, low: d.low, high: d.high };
}
function readHistory(manifest) {
  const space = Object.fromEntries(Object.entries(manifest.space).map(([k, d]) => [k, toDistribution(d)]));
  const trials = manifest.history.map((trial) => {
    const all = JSON.parse((0, import_node_fs5.readFileSync)(trial.hyperparams, "utf8"));
    const hyperparams = Object.fromEntries(Object.keys(space).map((k) => [k, all[k] ?? ""]));
    const { outcome: outcome2, values: scored } = readScoredMetrics(trial.outcome, trial.metrics, rankingMetrics(manifest.objectives, manifest.constraints));
    const values = scored === null ? null : Object.fromEntries(manifest.objectives.map((o) => [o.name, scored[o.name]]));
    return {
      trial: trial.name,
      hyperparams,
      outcome: outcome2,
      value: values?.[manifest.metric] ?? null,
      values,
      violation: scored === null ? null : violation(scored, manifest.constraints)
    };
  });
  return {
    format: SAMPLER_HISTORY_FORMAT,
    space,
    goal: manifest.goal,
    metric: manifest.metric,
    objectives: manifest.objectives,
    constraints: manifest.constraints,
    seed: manifest.seed,
    batch: manifest.batch,
    count: manifest.proposals.length,
    trials
  };
}
function runExecutable(manifest, history, historyPath, outputPath) {
  const sampler2 = `the sampler ${manifest.sampler_label}`;
  const command = [manifest.executable, SAMPLER_FLAGS.history, historyPath, SAMPLER_FLAGS.output, outputPath];
  const run = (0, import_node_child_process.spawnSync)(command[0], command.slice(1), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const where = `databazel: ${manifest.label}: ${sampler2} (batch ${manifest.batch})`;
  const tail = `${run.stdout ?? ""}${run.stderr ?? ""}`.trimEnd().split("\n").slice(-20).join("\n");
  const rerun = `Reproduce it with: ${command.join(" ")}`;
  if (run.error || run.status !== 0) {
    const cause = run.error ? `could not run: ${run.error.message}` : run.signal ? `was killed by ${run.signal}` : `failed with exit code ${run.status}`;
    throw new UserFacingError(`${where} ${cause}.
${tail ? `Its last lines:
${tail}
` : ""}${rerun}`);
  }
  let parsed;
  try {
    parsed = JSON.parse((0, import_node_fs5.readFileSync)(outputPath, "utf8"));
  } catch (err) {
    throw new UserFacingError(
      `${where} wrote no valid JSON to ${SAMPLER_FLAGS.output} (${err.message}).
Fix: write a JSON array of ${history.count} objects, one per new trial, e.g. [{"lr": "0.01"}].
${rerun}`
    );
  }
  const checked = checkProposals(parsed, history);
  if ("problem" in checked) {
    throw new UserFacingError(
      `${where} ${checked.problem}.
Fix: write exactly ${history.count} configurations, each giving every parameter of space a value inside it, none repeating an earlier trial or another of the batch (the history is in ${historyPath}).
${rerun}`
    );
  }
  return checked.proposals;
}
function builtIn(manifest, history) {
  const { objectives, constraints, seed } = manifest;
  const common2 = { space: history.space, count: history.count, seed };
  if (manifest.sampler === "tpe" && objectives.length === 1 && constraints.length === 0) {
    return proposeTpe({ ...common2, history: history.trials, goal: manifest.goal });
  }
  const observations = history.trials.map((t) => ({
    hyperparams: t.hyperparams,
    values: t.values === null ? null : objectives.map((o) => t.values[o.name]),
    violation: t.violation ?? 0
  }));
  const goals = objectives.map((o) => o.goal);
  return manifest.sampler === "nsga2" ? proposeNsga2({ ...common2, history: observations, goals }) : proposeMotpe({ ...common2, history: observations, goals });
}
main(async (argv) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set());
  const manifest = readSamplerManifest(one(flags, SAMPLER_ACTION_FLAGS.manifest));
  const historyPath = one(flags, SAMPLER_ACTION_FLAGS.history);
  const outputPath = one(flags, SAMPLER_ACTION_FLAGS.proposals);
  const outputs = [historyPath, outputPath, ...manifest.proposals.map((p) => p.hyperparams)];
  try {
    const history = readHistory(manifest);
    (0, import_node_fs5.writeFileSync)(historyPath, stableJson(history));
    let proposed;
    if (manifest.sampler === "executable") {
      proposed = runExecutable(manifest, history, historyPath, outputPath);
    } else {
      try {
        proposed = builtIn(manifest, history);
      } catch (err) {
        throw new UserFacingError(
          `databazel: ${manifest.label}: the ${manifest.sampler === "nsga2" ? "NSGA-II" : "TPE"} sampler cannot propose batch ${manifest.batch}: ${err.message}
Fix: widen space (a continuous distribution, or more choices), or lower n_trials.`
        );
      }
      (0, import_node_fs5.writeFileSync)(outputPath, stableJson(proposed));
    }
    manifest.proposals.forEach((p, i) => (0, import_node_fs5.writeFileSync)(p.hyperparams, stableJson({ ...manifest.fixed, ...proposed[i] })));
  } catch (err) {
    for (const path of outputs) discard(path);
    throw err;
  }
});
