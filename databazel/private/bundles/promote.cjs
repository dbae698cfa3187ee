// Generated from tools/src/bin/promote.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/formats/action-flags.ts
var PROMOTE_FLAGS = {
  manifest: "--manifest",
  summary: "--summary"
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
function isPareto(objectives, constraints) {
  return objectives.length > 1 || constraints.length > 0;
}
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

// tools/src/pareto/reference.ts
var view = new DataView(new ArrayBuffer(8));

// tools/src/formats/scheduler.ts
var import_node_fs3 = require("node:fs");

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
function readPromoteManifest(path) {
  return readManifest(promoteManifest, path, "promote manifest");
}
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
function writePromotion(path, value) {
  (0, import_node_fs3.writeFileSync)(path, stableJson(value));
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
function writeRungSummary(path, value) {
  (0, import_node_fs3.writeFileSync)(path, stableJson(value));
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
var import_node_fs4 = require("node:fs");

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
  const text = (0, import_node_fs4.readFileSync)(only.slice(1), "utf8");
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

// tools/src/scheduler/promote.ts
function promote(results, goal2, keep) {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number >= 1, got ${keep}`);
  const sign = goal2 === "maximize" ? -1 : 1;
  const eligible = results.filter((r) => r.outcome === "succeeded" && r.value !== void 0 && Number.isFinite(r.value)).sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
  const promoted = new Set(eligible.slice(0, keep).map((r) => r.trial));
  return new Map(results.map((r) => [r.trial, promoted.has(r.trial) ? "continue" : "stop"]));
}
function promoteByFronts(results, goals, keep) {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number >= 1, got ${keep}`);
  const eligible = results.filter((r) => r.outcome === "succeeded" && r.values !== void 0 && r.values.every(Number.isFinite)).sort((a, b) => a.order - b.order);
  const kept = selectSurvivors(
    eligible.map((r) => ({ values: toMinimized(r.values, goals), violation: r.violation })),
    keep
  );
  const promoted = new Set(kept.map((i) => eligible[i].trial));
  return new Map(results.map((r) => [r.trial, promoted.has(r.trial) ? "continue" : "stop"]));
}

// tools/src/bin/promote.ts
main(async (argv) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set());
  const manifest = readPromoteManifest(one(flags, PROMOTE_FLAGS.manifest));
  const forced = new Set(manifest.continue_trials);
  const { objectives, constraints } = manifest;
  const scored = manifest.trials.map((trial) => readScoredMetrics(trial.outcome, trial.metrics, rankingMetrics(objectives, constraints)));
  const results = manifest.trials.map((trial, order) => {
    const { outcome: outcome2, values } = scored[order];
    return { trial: trial.name, order, outcome: outcome2, value: values?.[manifest.metric] };
  });
  const decided = isPareto(objectives, constraints) ? promoteByFronts(
    results.map((r, i) => {
      const values = scored[i].values;
      return { ...r, values: values ? objectives.map((o) => values[o.name]) : void 0, violation: values ? violation(values, constraints) : 0 };
    }),
    objectives.map((o) => o.goal),
    manifest.keep
  ) : promote(results, manifest.goal, manifest.keep);
  const entries = results.map((r) => {
    const isForced = forced.has(r.trial) && r.outcome === "succeeded" && decided.get(r.trial) === "stop";
    return {
      trial: r.trial,
      outcome: r.outcome,
      value: r.value ?? null,
      decision: isForced ? "continue" : decided.get(r.trial),
      forced: isForced
    };
  });
  const of = manifest.trials.length;
  manifest.trials.forEach((trial, i) => {
    writePromotion(trial.promotion, {
      decision: entries[i].decision,
      bracket: manifest.bracket,
      rung: manifest.rung,
      epochs: manifest.epochs,
      keep: manifest.keep,
      of
    });
  });
  writeRungSummary(one(flags, PROMOTE_FLAGS.summary), {
    format: RUNG_SUMMARY_FORMAT,
    label: manifest.label,
    metric: manifest.metric,
    goal: manifest.goal,
    bracket: manifest.bracket,
    rung: manifest.rung,
    rungs: manifest.rungs,
    epochs: manifest.epochs,
    keep: manifest.keep,
    trials: entries
  });
});
