// Generated from tools/src/bin/aggregate.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/aggregate.ts
var import_node_fs2 = require("node:fs");

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

// tools/src/lib/main.ts
var ContractError = class extends Error {
};
function main(body) {
  body(process.argv.slice(2)).catch((err) => {
    if (err instanceof ContractError) {
      console.error(err.message);
    } else if (err instanceof UsageError) {
      console.error(`databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`);
    } else {
      console.error(`databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    process.exitCode = 1;
  });
}

// tools/src/lib/metrics.ts
function metricAt(metrics, path) {
  let node = metrics;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return void 0;
    node = node[part];
  }
  return typeof node === "number" ? node : void 0;
}
function scalarMetrics(metrics, prefix = "") {
  const out = {};
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return out;
  for (const [key, value] of Object.entries(metrics)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number") out[name] = value;
    else Object.assign(out, scalarMetrics(value, name));
  }
  return out;
}

// tools/src/lib/outputs.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs.readdirSync)(path)) (0, import_node_fs.rmSync)((0, import_node_path.join)(path, entry), { force: true, recursive: true });
}

// tools/src/leaderboard/render.ts
function columns(board) {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return ["rank", "trial", ...board.hyperparamNames, board.metric, ...others];
}
function row(board, t) {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return [
    String(t.rank),
    t.trial,
    ...board.hyperparamNames.map((h) => t.hyperparams[h] ?? ""),
    formatNumber(t.value),
    ...others.map((m) => t.metrics[m] === void 0 ? "" : formatNumber(t.metrics[m]))
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
  const lines = [
    `Leaderboard of \`${board.label}\`: ${board.metric}, ${board.goal === "maximize" ? "higher" : "lower"} is better; best in bold.`,
    "",
    `| ${header.map(mdCell).join(" | ")} |`,
    `| ${header.map((_, i) => i === 0 ? "---:" : "---").join(" | ")} |`,
    ...board.trials.map((t) => {
      const cells = row(board, t).map(mdCell);
      return `| ${(t.rank === 1 ? cells.map((c) => `**${c}**`) : cells).join(" | ")} |`;
    })
  ];
  return lines.join("\n") + "\n";
}

// tools/src/bin/aggregate.ts
var MODEL_IS_DIR = "--model_is_dir";
main(async (argv) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set([MODEL_IS_DIR]));
  const manifest = JSON.parse((0, import_node_fs2.readFileSync)(one(flags, "--manifest"), "utf8"));
  const outputs = {
    json: one(flags, "--leaderboard_json"),
    csv: one(flags, "--leaderboard_csv"),
    md: one(flags, "--leaderboard_md"),
    best: one(flags, "--best"),
    bestHyperparams: one(flags, "--best_hyperparams"),
    bestModel: one(flags, "--best_model")
  };
  const modelIsDir = flags.has(MODEL_IS_DIR);
  const scored = manifest.trials.map((trial, order) => {
    const metrics = JSON.parse((0, import_node_fs2.readFileSync)(trial.metrics, "utf8"));
    const value = metricAt(metrics, manifest.metric);
    if (value === void 0) {
      const names = Object.keys(scalarMetrics(metrics)).sort();
      throw new ContractError(
        `databazel: ${manifest.label}: trial ${trial.name} has no numeric metric "${manifest.metric}" in ${trial.metrics}.
Its metrics are: ${names.join(", ") || "(none)"}.
Fix: set metric = one of those names (dotted for nested values), or make the eval executable write "${manifest.metric}".`
      );
    }
    return { trial, order, value, metrics: scalarMetrics(metrics) };
  });
  const sign = manifest.goal === "maximize" ? -1 : 1;
  scored.sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
  const metricNames = [...new Set(scored.flatMap((s) => Object.keys(s.metrics)))].sort();
  const ranked = scored.map((s, i) => ({
    rank: i + 1,
    trial: s.trial.name,
    hyperparams: s.trial.hyperparams,
    seed: s.trial.seed,
    value: s.value,
    metrics: s.metrics,
    model: s.trial.model_short_path
  }));
  const best = scored[0];
  if (!best) throw new ContractError(`databazel: ${manifest.label}: the search has no trials.`);
  const board = {
    label: manifest.label,
    metric: manifest.metric,
    goal: manifest.goal,
    hyperparamNames: manifest.hyperparam_names,
    metricNames,
    trials: ranked
  };
  try {
    (0, import_node_fs2.writeFileSync)(
      outputs.json,
      stableJson({ label: board.label, metric: board.metric, goal: board.goal, best: best.trial.name, trials: ranked })
    );
    (0, import_node_fs2.writeFileSync)(outputs.csv, toCsv(board));
    (0, import_node_fs2.writeFileSync)(outputs.md, toMarkdown(board));
    (0, import_node_fs2.writeFileSync)(
      outputs.best,
      stableJson({
        trial: best.trial.name,
        hyperparams: best.trial.hyperparams,
        seed: best.trial.seed,
        metric: manifest.metric,
        goal: manifest.goal,
        value: best.value,
        model: best.trial.model_short_path
      })
    );
    (0, import_node_fs2.writeFileSync)(outputs.bestHyperparams, stableJson(best.trial.hyperparams));
    if (modelIsDir) discard(outputs.bestModel, true);
    (0, import_node_fs2.cpSync)(best.trial.model, outputs.bestModel, { recursive: modelIsDir });
  } catch (err) {
    for (const path of [outputs.json, outputs.csv, outputs.md, outputs.best, outputs.bestHyperparams]) discard(path);
    discard(outputs.bestModel, modelIsDir);
    throw err;
  }
});
