// DatabazelLeaderboard: reads every trial's metrics, ranks the trials by the search's metric and
// goal, writes the leaderboard (JSON, CSV, Markdown), and copies the best trial's model out.
// Called by hyperparam_search; the manifest is written at analysis time by
// databazel/private/actions/leaderboard.bzl (see tools/src/formats/leaderboard-manifest.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { LEADERBOARD_FLAGS } from "../formats/action-flags.ts";
import { readLeaderboardManifest } from "../formats/leaderboard-manifest.ts";
import { LEADERBOARD_FORMAT, writeBest, writeLeaderboard, type LeaderboardJson, type Ranked } from "../formats/leaderboard.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { stableJson } from "../lib/json.ts";
import { main } from "../helper/main.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { metricAt, scalarMetrics } from "../lib/metrics.ts";
import { copyResolved, discard } from "../lib/outputs.ts";
import { FAILURES, readRunRecord } from "../formats/run-record.ts";
import { leaderboardSchedule, readScheduleOutcomes } from "../scheduler/outcomes.ts";
import { tooManyFailures } from "../leaderboard/failures.ts";
import { toCsv, toLeaderboard, toMarkdown } from "../leaderboard/render.ts";
import { rankTrials } from "../leaderboard/rank.ts";
import { missingMetric } from "../leaderboard/missing-metric.ts";
import { rankingMetrics } from "../formats/objectives.ts";
import { violation } from "../pareto/front.ts";

main(async (argv) => {
  const flags = parseFlags(argv, new Set([LEADERBOARD_FLAGS.model_is_dir]));
  const manifest = readLeaderboardManifest(one(flags, LEADERBOARD_FLAGS.manifest));
  const outputs = {
    json: one(flags, LEADERBOARD_FLAGS.leaderboard_json),
    csv: one(flags, LEADERBOARD_FLAGS.leaderboard_csv),
    md: one(flags, LEADERBOARD_FLAGS.leaderboard_md),
    best: one(flags, LEADERBOARD_FLAGS.best),
    bestHyperparams: one(flags, LEADERBOARD_FLAGS.best_hyperparams),
    bestModel: one(flags, LEADERBOARD_FLAGS.best_model),
  };
  const modelIsDir = flags.has(LEADERBOARD_FLAGS.model_is_dir);

  // With a scheduler, where each trial stopped; its final evaluation scored its last checkpoint.
  const schedule = manifest.schedule === null ? null : readScheduleOutcomes(manifest.schedule, manifest.label);
  // A sampler's proposals are known only now: their hyperparameters come from their files.
  const trials = manifest.trials.map((trial) =>
    trial.hyperparams_file === null
      ? trial
      : { ...trial, hyperparams: JSON.parse(readFileSync(trial.hyperparams_file, "utf8")) as Record<string, string> },
  );
  const outcomes = trials.map((trial, order) => {
    const record = readRunRecord(trial.record);
    const place = schedule?.places.get(trial.name) ?? null;
    const pruned = record.outcome === "succeeded" && place?.pruned ? place.pruned : null;
    return {
      trial,
      order,
      place,
      outcome: pruned ? ("pruned" as const) : record.outcome,
      error: pruned ?? record.error,
      record,
    };
  });
  const failed = outcomes.filter((t) => FAILURES.includes(t.outcome));
  if (failed.length > manifest.max_failed_trials || failed.length === outcomes.length) {
    throw new UserFacingError(tooManyFailures(manifest.label, manifest.max_failed_trials, outcomes.length, failed.map((t) => t.record)));
  }

  const wanted = rankingMetrics(manifest.objectives, manifest.constraints);
  const scored = outcomes
    .filter((t) => !FAILURES.includes(t.outcome))
    .map(({ trial, order, outcome, error, place }) => {
      const metrics: unknown = JSON.parse(readFileSync(trial.metrics, "utf8"));
      const values = new Map<string, number>();
      for (const name of wanted) {
        const value = metricAt(metrics, name);
        if (value === undefined) throw new UserFacingError(missingMetric(manifest.label, trial.name, trial.metrics, name, metrics));
        values.set(name, value);
      }
      return {
        trial,
        order,
        outcome,
        error,
        place,
        values: manifest.objectives.map((o) => values.get(o.name)!),
        value: values.get(manifest.metric)!,
        violation: violation(Object.fromEntries(values), manifest.constraints),
        metrics: scalarMetrics(metrics),
      };
    });
  if (scored.length === 0) throw new UserFacingError(`databazel: ${manifest.label}: the search has no trials.`);

  const ranking = rankTrials(
    scored.map((s) => ({ order: s.order, pruned: s.outcome === "pruned", epochs: s.place?.epochs ?? 0, values: s.values, violation: s.violation })),
    manifest.objectives,
    manifest.select,
  );
  // Trials that failed rank after all the others, in declared order.
  const rows = [
    ...ranking.order.map((i) => {
      const s = scored[i]!;
      const placing = ranking.placings[i]!;
      return {
        trial: s.trial,
        place: s.place,
        outcome: s.outcome,
        error: s.error,
        value: s.value as number | null,
        metrics: s.metrics,
        pareto_rank: placing.paretoRank as number | null,
        crowding: placing.crowding,
        violation: s.violation as number | null,
      };
    }),
    ...failed.map((f) => ({ trial: f.trial, place: f.place, outcome: f.outcome, error: f.error, value: null, metrics: {}, pareto_rank: null, crowding: null, violation: null })),
  ];
  const ranked: Ranked[] = rows.map(({ trial, place, ...row }, i) => ({
    rank: i + 1,
    trial: trial.name,
    hyperparams: trial.hyperparams,
    seed: trial.seed,
    model: trial.model_short_path,
    bracket: place?.bracket ?? null,
    iteration: place?.iteration ?? null,
    rung: place?.rung ?? null,
    epochs: place && !FAILURES.includes(row.outcome) ? place.epochs : null,
    ...row,
  }));
  const best = scored[ranking.best]!;
  const objectiveValues = (s: (typeof scored)[number]): Record<string, number> =>
    Object.fromEntries(manifest.objectives.map((o, k) => [o.name, s.values[k]!]));

  const json: LeaderboardJson = {
    format: LEADERBOARD_FORMAT,
    label: manifest.label,
    metric: manifest.metric,
    goal: manifest.goal,
    objectives: manifest.objectives,
    constraints: manifest.constraints,
    select: manifest.select,
    best: best.trial.name,
    front: ranking.front.map((i) => scored[i]!.trial.name),
    trials: ranked,
    schedule:
      manifest.schedule === null || schedule === null
        ? null
        : leaderboardSchedule(
            manifest.schedule,
            schedule,
            new Map(rows.map((r) => [r.trial.name, { outcome: r.outcome, value: r.value }])),
          ),
  };
  const board = toLeaderboard(json);
  try {
    writeLeaderboard(outputs.json, json);
    writeFileSync(outputs.csv, toCsv(board));
    writeFileSync(outputs.md, toMarkdown(board));
    writeBest(outputs.best, {
      format: LEADERBOARD_FORMAT,
      trial: best.trial.name,
      hyperparams: best.trial.hyperparams,
      seed: best.trial.seed,
      metric: manifest.metric,
      goal: manifest.goal,
      value: best.value,
      model: best.trial.model_short_path,
      objectives: manifest.objectives,
      select: manifest.select,
      values: objectiveValues(best),
      front: ranking.front.map((i) => {
        const s = scored[i]!;
        return { trial: s.trial.name, hyperparams: s.trial.hyperparams, seed: s.trial.seed, values: objectiveValues(s), model: s.trial.model_short_path };
      }),
    });
    writeFileSync(outputs.bestHyperparams, stableJson(best.trial.hyperparams));
    if (modelIsDir) discard(outputs.bestModel, true);
    copyResolved(best.trial.model, outputs.bestModel);
  } catch (err) {
    for (const path of [outputs.json, outputs.csv, outputs.md, outputs.best, outputs.bestHyperparams]) discard(path);
    discard(outputs.bestModel, modelIsDir);
    throw err;
  }
});
