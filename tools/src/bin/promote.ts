// DatabazelPromote: after a rung of a search with a scheduler (successive halving, Hyperband), reads every
// trial's validation metric and writes each trial's decision, `continue` or `stop`, plus the
// rung's summary. Called by databazel/private/scheduler.bzl; the manifest's shape is in
// tools/src/formats/scheduler.ts.
import { PROMOTE_FLAGS } from "../formats/action-flags.ts";
import { readScoredOutcome } from "../formats/outcome.ts";
import { readPromoteManifest, writePromotion, writeRungSummary, RUNG_SUMMARY_FORMAT, type RungEntry } from "../formats/scheduler.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { main } from "../helper/main.ts";
import { promote, type RungResult } from "../scheduler/promote.ts";

main(async (argv) => {
  const flags = parseFlags(argv, new Set());
  const manifest = readPromoteManifest(one(flags, PROMOTE_FLAGS.manifest));
  const forced = new Set(manifest.continue_trials);
  const results: RungResult[] = manifest.trials.map((trial, order) => {
    const { outcome, value } = readScoredOutcome(trial.outcome, trial.metrics, manifest.metric);
    return { trial: trial.name, order, outcome, value: value ?? undefined };
  });
  // continue_trials only adds to the `keep` best: every other trial's decision stays as it was,
  // and so do its cache hits.
  const decided = promote(results, manifest.goal, manifest.keep);
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
