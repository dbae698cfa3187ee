// DatabazelAggregate: reads every trial's metrics, ranks the trials by the search's metric and
// goal, writes the leaderboard (JSON, CSV, Markdown), and copies the best trial's model out.
// Called by hyperparam_search; the manifest is written at analysis time by
// databazel/private/actions/aggregate.bzl.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { one, parseFlags } from "../lib/flags.ts";
import { stableJson } from "../lib/json.ts";
import { ContractError, main } from "../lib/main.ts";
import { metricAt, scalarMetrics } from "../lib/metrics.ts";
import { discard } from "../lib/outputs.ts";
import { toCsv, toMarkdown, type Leaderboard, type Ranked } from "../leaderboard/render.ts";

interface ManifestTrial {
  name: string;
  hyperparams: Record<string, string>;
  seed: number;
  model: string;
  model_short_path: string;
  metrics: string;
}

interface Manifest {
  label: string;
  metric: string;
  goal: "maximize" | "minimize";
  hyperparam_names: string[];
  trials: ManifestTrial[];
}

const MODEL_IS_DIR = "--model_is_dir";

main(async (argv) => {
  const flags = parseFlags(argv, new Set([MODEL_IS_DIR]));
  const manifest = JSON.parse(readFileSync(one(flags, "--manifest"), "utf8")) as Manifest;
  const outputs = {
    json: one(flags, "--leaderboard_json"),
    csv: one(flags, "--leaderboard_csv"),
    md: one(flags, "--leaderboard_md"),
    best: one(flags, "--best"),
    bestHyperparams: one(flags, "--best_hyperparams"),
    bestModel: one(flags, "--best_model"),
  };
  const modelIsDir = flags.has(MODEL_IS_DIR);

  const scored = manifest.trials.map((trial, order) => {
    const metrics: unknown = JSON.parse(readFileSync(trial.metrics, "utf8"));
    const value = metricAt(metrics, manifest.metric);
    if (value === undefined) {
      const names = Object.keys(scalarMetrics(metrics)).sort();
      throw new ContractError(
        `databazel: ${manifest.label}: trial ${trial.name} has no numeric metric "${manifest.metric}" ` +
          `in ${trial.metrics}.\nIts metrics are: ${names.join(", ") || "(none)"}.\n` +
          `Fix: set metric = one of those names (dotted for nested values), or make the eval executable write "${manifest.metric}".`,
      );
    }
    return { trial, order, value, metrics: scalarMetrics(metrics) };
  });

  const sign = manifest.goal === "maximize" ? -1 : 1;
  // Best first; equal scores keep the trials' declared order, so the ranking is deterministic.
  scored.sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
  const metricNames = [...new Set(scored.flatMap((s) => Object.keys(s.metrics)))].sort();
  const ranked: Ranked[] = scored.map((s, i) => ({
    rank: i + 1,
    trial: s.trial.name,
    hyperparams: s.trial.hyperparams,
    seed: s.trial.seed,
    value: s.value,
    metrics: s.metrics,
    model: s.trial.model_short_path,
  }));
  const best = scored[0];
  if (!best) throw new ContractError(`databazel: ${manifest.label}: the search has no trials.`);

  const board: Leaderboard = {
    label: manifest.label,
    metric: manifest.metric,
    goal: manifest.goal,
    hyperparamNames: manifest.hyperparam_names,
    metricNames,
    trials: ranked,
  };
  try {
    writeFileSync(
      outputs.json,
      stableJson({ label: board.label, metric: board.metric, goal: board.goal, best: best.trial.name, trials: ranked }),
    );
    writeFileSync(outputs.csv, toCsv(board));
    writeFileSync(outputs.md, toMarkdown(board));
    writeFileSync(
      outputs.best,
      stableJson({
        trial: best.trial.name,
        hyperparams: best.trial.hyperparams,
        seed: best.trial.seed,
        metric: manifest.metric,
        goal: manifest.goal,
        value: best.value,
        model: best.trial.model_short_path,
      }),
    );
    writeFileSync(outputs.bestHyperparams, stableJson(best.trial.hyperparams));
    if (modelIsDir) discard(outputs.bestModel, true);
    cpSync(best.trial.model, outputs.bestModel, { recursive: modelIsDir });
  } catch (err) {
    for (const path of [outputs.json, outputs.csv, outputs.md, outputs.best, outputs.bestHyperparams]) discard(path);
    discard(outputs.bestModel, modelIsDir);
    throw err;
  }
});
