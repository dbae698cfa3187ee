// DatabazelPromote: after a rung of a search with a scheduler (successive halving, Hyperband), reads every
// trial's validation metric and writes each trial's decision, `continue` or `stop`, plus the
// rung's summary. Called by databazel/private/scheduler.bzl; the manifest's shape is in
// tools/src/formats/scheduler.ts.
import { PROMOTE_FLAGS } from "../formats/action-flags.ts";
import { readScoredMetrics } from "../formats/outcome.ts";
import { isPareto, rankingMetrics } from "../formats/objectives.ts";
import { violation } from "../pareto/front.ts";
import { readPromoteManifest, writePromotion, writeRungSummary, RUNG_SUMMARY_FORMAT, type RungEntry } from "../formats/scheduler.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { main } from "../helper/main.ts";
import { promote, promoteByFronts, type RungResult } from "../scheduler/promote.ts";

main(async (argv) => {
  const flags = parseFlags(argv, new Set());
  const manifest = readPromoteManifest(one(flags, PROMOTE_FLAGS.manifest));
  const forced = new Set(manifest.continue_trials);
  const { objectives, constraints } = manifest;
  const scored = manifest.trials.map((trial) => readScoredMetrics(trial.outcome, trial.metrics, rankingMetrics(objectives, constraints)));
  const results: RungResult[] = manifest.trials.map((trial, order) => {
    const { outcome, values } = scored[order]!;
    return { trial: trial.name, order, outcome, value: values?.[manifest.metric] };
  });
  // continue_trials only adds to the `keep` best: every other trial's decision stays as it was,
  // and so do its cache hits.
  const decided = isPareto(objectives, constraints)
    ? promoteByFronts(
        results.map((r, i) => {
          const values = scored[i]!.values;
          return { ...r, values: values ? objectives.map((o) => values[o.name]!) : undefined, violation: values ? violation(values, constraints) : 0 };
        }),
        objectives.map((o) => o.goal),
        manifest.keep,
      )
    : promote(results, manifest.goal, manifest.keep);
  const entries: RungEntry[] = results.map((r) => {
    const isForced = forced.has(r.trial) && r.outcome === "succeeded" && decided.get(r.trial) === "stop";
    return {
      trial: r.trial,
      outcome: r.outcome,
      value: r.value ?? null,
      decision: isForced ? "continue" : decided.get(r.trial)!,
      forced: isForced,
    };
  });
  const of = manifest.trials.length;
  manifest.trials.forEach((trial, i) => {
    writePromotion(trial.promotion, {
      decision: entries[i]!.decision,
      bracket: manifest.bracket,
      rung: manifest.rung,
      epochs: manifest.epochs,
      keep: manifest.keep,
      of,
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
    trials: entries,
  });
});
