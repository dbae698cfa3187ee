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
  return checkFile(shape, readJsonFile(path, what, FIX), path, what, FIX);
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

// tools/src/formats/run-record.ts
var RUN_RECORD_FORMAT = 3;
var OUTCOMES = ["succeeded", "failed", "timed_out", "diverged", "pruned"];
var outcome = literal(...OUTCOMES);
var fileDigest = object({ path: string, sha256: string, bytes: number });
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
  /**
   * "succeeded", or, in a search with max_failed_trials, "failed" (a non-zero exit or a broken
   * contract), "timed_out" or "diverged" (its search metric is NaN, infinite or missing); in an
   * adaptive search, "pruned" for the segments of a stopped trial, which do not train. An eval
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
  checkFormatVersion(value, file, WHAT, RUN_RECORD_FORMAT, fix);
  const kind = checkFile(object({ kind: literal("train", "eval") }), value, file, WHAT, fix).kind;
  return kind === "train" ? checkFile(trainRecord, value, file, WHAT, fix) : checkFile(evalRecord, value, file, WHAT, fix);
}
function readRunRecord(path, label) {
  return parseRunRecord(readJsonFile(path, `the ${WHAT}`, rebuildFix(label)), path, label);
}

// tools/src/formats/leaderboard.ts
var LEADERBOARD_FORMAT = 3;
var goal = literal("maximize", "minimize");
var ranked = object({
  rank: number,
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /**
   * "succeeded", "failed", "timed_out" or "diverged" (see the run record's outcome), or in an
   * adaptive search "pruned": stopped at a rung, and scored at its last checkpoint.
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
  /** In an adaptive search: the Hyperband bracket (0 for successive halving); else null. */
  bracket: nullable(number),
  /** In an adaptive search: the last rung the trial reached, 1-based; else null. */
  rung: nullable(number),
  /** In an adaptive search: the epochs the trial trained (null when it failed); else null. */
  epochs: nullable(number)
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
  brackets: arrayOf(object({ bracket: number, rungs: arrayOf(scheduleRung) }))
});
var leaderboard = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  label: string,
  metric: string,
  goal,
  /** The name of the best trial (rank 1), which succeeded. */
  best: string,
  /** Best first. */
  trials: arrayOf(ranked),
  /** The rungs of an adaptive search, with every decision; null for grid and random search. */
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
  model: string
});
function parseLeaderboard(value, file, label) {
  const fix = rebuildFix(label);
  checkFormatVersion(value, file, "leaderboard", LEADERBOARD_FORMAT, fix);
  return checkFile(leaderboard, value, file, "leaderboard", fix);
}
function readLeaderboard(path, label) {
  return parseLeaderboard(readJsonFile(path, "the leaderboard", rebuildFix(label)), path, label);
}

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
  /** The aggregate's leaderboard JSON (tools/src/formats/leaderboard.ts). */
  leaderboard: string,
  /** Every trial, in declaration order. */
  trials: arrayOf(searchReportTrial)
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
var UsageError = class extends Error {
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
    const ended = await run(request.arguments ?? [], { inputDigests: digestsOf(request) });
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

// tools/src/lib/main.ts
var ContractError = class extends Error {
};
function failureMessage(err) {
  if (err instanceof ContractError) return err.message;
  if (err instanceof FormatError) return `databazel: ${err.message}`;
  if (err instanceof UsageError) {
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
    throw new ContractError(`databazel: the report cannot read ${what} at ${path}: ${err.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ContractError(`databazel: the report cannot parse ${what} at ${path}: ${err.message}`);
  }
}
function isNumeric(text) {
  return text.trim() !== "" && Number.isFinite(Number(text));
}
function table(columns, rows, options = {}) {
  const head = columns.map((c) => {
    const cls = [c.numeric ? "num" : "", c.className ?? ""].filter(Boolean).join(" ");
    return `<th data-key="${esc(c.key)}" data-type="${c.numeric ? "num" : "str"}"${cls ? ` class="${cls}"` : ""} scope="col">${esc(c.header ?? c.key)}</th>`;
  }).join("");
  const body = rows.map((cells, i) => {
    const tds = cells.map((cell, j) => {
      const col = columns[j];
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
svg.chart .line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
svg.chart .series.best .line{stroke-width:3.5}
svg.chart.dim .series{opacity:.15}
svg.chart.dim .series.on{opacity:1}
svg.chart.dim .series.on .line{stroke-width:4}
.legend{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;max-width:560px}
.legend li{display:flex;align-items:center;gap:5px;cursor:default}
.legend .swatch{width:18px;height:0;border-top:3px solid}
.legend .dash1{border-top-style:dashed}
.legend .dash2{border-top-style:dotted}
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
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `is not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
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
function logScale(values, range) {
  const logs = values.map(Math.log10);
  const p = (Math.max(...logs) - Math.min(...logs)) * 0.05;
  const lo = Math.min(...logs) - p;
  const hi = Math.max(...logs) + p;
  const at = (v) => range[0] + (Math.log10(Number(v)) - lo) / (hi - lo) * (range[1] - range[0]);
  const ticks = [];
  for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) ticks.push({ at: at(10 ** k), label: tickLabel(10 ** k) });
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
function valueScale(values, numeric) {
  if (!numeric) return bandScale([...new Set(values)], X_RANGE);
  const nums = values.map(Number);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return min > 0 && max / min > 100 ? logScale(nums, X_RANGE) : linearScale(nums, X_RANGE);
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
    const attr = it.series === void 0 ? "" : ` data-series="${esc(it.series)}"`;
    const badge = it.best ? `<span class="badge">best</span>` : "";
    return `<li${attr}><span class="swatch${it.dash ? ` dash${it.dash % DASHES.length}` : ""}" style="border-color:${it.color}"></span>${esc(it.label)}${badge}</li>`;
  });
  return `<ul class="legend">${lis.join("")}</ul>`;
}
function figure(f) {
  const svg = `<svg class="chart" data-chart="${esc(f.name)}" data-x-scale="${f.xScale}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(f.title)}">
${f.body}
</svg>`;
  const caption = f.caption ? `<p class="hint">${esc(f.caption)}</p>` : "";
  return `<figure>
<figcaption>${esc(f.title)}</figcaption>
${svg}
${legend(f.legend ?? [])}${caption}
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
    const spot = spots.get(`${cx},${cy}`) ?? { cx, cy, labels: [], best: false };
    spot.labels.push(p.label);
    spot.best ||= p.best === true;
    spots.set(`${cx},${cy}`, spot);
  }
  const ordered = [...spots.values()].sort((a, b) => Number(a.best) - Number(b.best));
  const dots = ordered.map((p) => {
    const look = p.best ? `class="point best" r="7" fill="#d4a72c"` : `class="point" r="5.5" fill="${PALETTE[0]}"`;
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
  const ordered = [...s.series.filter((ser) => !ser.best), ...s.series.filter((ser) => ser.best)];
  const groups = ordered.map((ser) => {
    const d = ser.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(x.at(p.x))},${px(y.at(p.y))}`).join("");
    const pattern = DASHES[(ser.dash ?? 0) % DASHES.length];
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : "";
    const dots = ser.points.map((p) => {
      const title = `<title>${esc(`${ser.label} · ${s.xTitle} ${formatNumber(p.x)}: ${formatNumber(p.y)}`)}</title>`;
      return `<circle cx="${px(x.at(p.x))}" cy="${px(y.at(p.y))}" r="2.5" fill="${ser.color}">${title}</circle>`;
    });
    return `<g class="series${ser.best ? " best" : ""}" data-series="${esc(ser.id)}"><path class="line" d="${d}" stroke="${ser.color}"${dash}><title>${esc(ser.label)}</title></path>${dots.join("")}</g>`;
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
  if (typeof curve === "string") throw new ContractError(`databazel: the report's learning curve ${path} ${curve}`);
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
function curveCharts(runs, byRun) {
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
    const legend2 = [];
    runs.forEach((run, r) => {
      const xs = epochs(run.curve);
      keys.forEach((key, k) => {
        const points = run.curve.flatMap((p, i) => typeof p[key] === "number" ? [{ x: xs[i], y: p[key] }] : []);
        if (points.length === 0) return;
        const color = PALETTE[(byRun ? r : k) % PALETTE.length];
        const id = String(byRun ? r : k);
        const label = byRun ? keys.length > 1 ? `${run.name} ${key}` : run.name : key;
        series.push({ id, label, color, dash: byRun ? k : 0, best: run.best, points });
        if (!byRun) legend2.push({ label: key, color, series: id });
      });
      if (byRun && run.curve.length > 0) {
        legend2.push({ label: run.name, color: PALETTE[r % PALETTE.length], series: String(r), best: run.best });
      }
    });
    if (byRun && keys.length > 1) keys.forEach((key, k) => legend2.push({ label: key, color: "#656d76", dash: k }));
    charts.push(lineChart({ name: group.chart, title: group.title, xTitle: "epoch", yTitle: group.yTitle, series, legend: legend2 }));
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

// tools/src/report/search.ts
function searchReport(m) {
  const board = readLeaderboard(m.leaderboard, m.label);
  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const trials = board.trials;
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const hyperparams = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const best2 = trials.find((t) => t.trial === board.best);
  const better = m.goal === "maximize" ? "higher" : "lower";
  const failed = trials.filter((t) => t.outcome !== "succeeded").length;
  const subtitle = `${trials.length} trial${trials.length === 1 ? "" : "s"} · metric <code>${esc(m.metric)}</code> (${esc(m.goal)}: ${better} is better)` + (best2?.value != null ? ` · best: <b>${esc(best2.trial)}</b> with ${esc(m.metric)} = ${esc(formatNumber(best2.value))}` : "") + (failed ? ` · <span class="failed-count">${failed} did not succeed</span>` : "");
  const sections = [
    section("leaderboard-section", "Leaderboard", leaderboardTable(m, trials, hyperparams, board.best)),
    section(
      "hyperparameters-section",
      `${m.metric} by hyperparameter`,
      metricCharts(m, byDeclaration.filter((t) => t.value !== null), hyperparams, board.best)
    ),
    section(
      "curves-section",
      "Learning curves",
      curveCharts(
        m.trials.map((t) => ({ name: t.name, curve: readCurve(t.curve), best: t.name === board.best })),
        true
      )
    )
  ];
  const bestTrial = m.trials.find((t) => t.name === board.best);
  const matrix = bestTrial && confusionMatrix(readJson(bestTrial.metrics, `the metrics of trial ${bestTrial.name}`));
  if (matrix) sections.push(section("confusion-section", `Confusion matrix of the best trial, ${board.best}`, matrix));
  return page({ kind: "hyperparam_search", label: m.label, subtitle, sections });
}
function leaderboardTable(m, trials, hyperparams, best2) {
  const others = [...new Set(trials.flatMap((t) => Object.keys(t.metrics)))].filter((k) => k !== m.metric).sort();
  const failures = trials.some((t) => t.outcome !== "succeeded");
  const columns = [
    { key: "rank", numeric: true },
    { key: "trial", numeric: false },
    ...hyperparams.map((h) => ({ key: h, numeric: trials.every((t) => isNumeric(t.hyperparams[h] ?? "")), className: "hp" })),
    { key: m.metric, header: `${m.metric} ${m.goal === "maximize" ? "↑" : "↓"}`, numeric: true, className: "metric" },
    ...others.map((k) => ({ key: k, numeric: true })),
    ...failures ? [{ key: "outcome", numeric: false, className: "outcome" }, { key: "error", numeric: false, className: "error" }] : []
  ];
  const num = (v) => v == null ? { text: "" } : { text: formatNumber(v), value: String(v) };
  const rows = trials.map((t) => [
    { text: String(t.rank) },
    { text: t.trial },
    ...hyperparams.map((h) => ({ text: t.hyperparams[h] ?? "" })),
    num(t.value),
    ...others.map((k) => num(t.metrics[k])),
    ...failures ? [{ text: t.outcome }, { text: t.error ?? "" }] : []
  ]);
  return `<p class="hint">Click a column to sort; the best trial is highlighted` + (failures ? "; trials that did not succeed rank last, with their error." : ".") + `</p>
` + table(columns, rows, {
    id: "leaderboard",
    className: "sortable",
    rowAttrs: (i) => {
      const t = trials[i];
      const cls = t.trial === best2 ? "best" : t.outcome !== "succeeded" ? "failed" : "";
      return ` data-trial="${esc(t.trial)}" data-rank="${t.rank}"${cls ? ` class="${cls}"` : ""} data-outcome="${t.outcome}"`;
    }
  });
}
function metricCharts(m, trials, hyperparams, best2) {
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  if (varying.length === 0) return note("No hyperparameter varies between the trials: nothing to plot.", "metric-vs");
  const charts = varying.map((h) => {
    const values = trials.map((t) => t.hyperparams[h] ?? "");
    const numeric = values.every(isNumeric);
    return scatterChart({
      name: `metric-vs-${h}`,
      title: `${m.metric} against ${h}`,
      xTitle: h,
      yTitle: m.metric,
      x: valueScale(values, numeric),
      points: trials.map((t, i) => ({
        x: values[i],
        y: t.value ?? 0,
        best: t.trial === best2,
        label: `${t.trial}
${h} = ${values[i]}
${m.metric} = ${formatNumber(t.value ?? 0)}${t.trial === best2 ? " (best)" : ""}`
      }))
    });
  });
  const fixed = hyperparams.filter((h) => !varying.includes(h)).map((h) => `${esc(h)} = ${esc(trials[0]?.hyperparams[h] ?? "")}`);
  const same = fixed.length ? `Same in every trial: ${fixed.join(", ")}. ` : "";
  return `<p class="hint">${same}The best trial is the larger, gold point.</p>
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
      throw new ContractError(`databazel: unknown report kind ${JSON.stringify(manifest.kind)}`);
  }
}

// tools/src/bin/report.ts
main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = readReportManifest(one(flags, REPORT_FLAGS.manifest));
  (0, import_node_fs5.writeFileSync)(one(flags, REPORT_FLAGS.output), renderReport(manifest));
});
