// DatabazelSampler: proposes the next batch of a search with a sampler from every earlier trial's
// hyperparameters and validation metric, and writes one hyperparameter file per new trial. The
// built-in "tpe" runs tools/src/sampler/tpe.ts; a sampler executable gets the history as JSON
// and writes the batch (the contract: tools/src/contract.ts), which is checked before use.
// Called by databazel/private/actions/sampler.bzl; the manifest's shape is tools/src/formats/sampler-manifest.ts.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { SAMPLER_FLAGS } from "../contract.ts";
import { SAMPLER_ACTION_FLAGS } from "../formats/action-flags.ts";
import { readScoredMetrics } from "../formats/outcome.ts";
import { rankingMetrics } from "../formats/objectives.ts";
import { violation } from "../pareto/front.ts";
import { readSamplerManifest, type DistributionFields, type SamplerManifest } from "../formats/sampler-manifest.ts";
import { checkProposals, SAMPLER_HISTORY_FORMAT, type SamplerHistory } from "../formats/sampler-history.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { stableJson } from "../lib/json.ts";
import { main } from "../helper/main.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { discard } from "../lib/outputs.ts";
import { proposeTpe, type Distribution } from "../sampler/tpe.ts";
import { proposeMotpe } from "../sampler/motpe.ts";
import { proposeNsga2 } from "../sampler/nsga2.ts";
import type { MultiObservation } from "../sampler/multi.ts";

function toDistribution(d: DistributionFields): Distribution {
  return d.kind === "choice" ? { kind: "choice", choices: d.choices } : { kind: d.kind, low: d.low, high: d.high };
}

/** The search so far, as a sampler executable reads it. */
function readHistory(manifest: SamplerManifest): SamplerHistory {
  const space = Object.fromEntries(Object.entries(manifest.space).map(([k, d]) => [k, toDistribution(d)]));
  const trials = manifest.history.map((trial) => {
    const all = JSON.parse(readFileSync(trial.hyperparams, "utf8")) as Record<string, string>;
    const hyperparams = Object.fromEntries(Object.keys(space).map((k) => [k, all[k] ?? ""]));
    // A failed or diverged trial has no value: a bad one for the sampler.
    const { outcome, values: scored } = readScoredMetrics(trial.outcome, trial.metrics, rankingMetrics(manifest.objectives, manifest.constraints));
    const values = scored === null ? null : Object.fromEntries(manifest.objectives.map((o) => [o.name, scored[o.name]!]));
    return {
      trial: trial.name,
      hyperparams,
      outcome,
      value: values?.[manifest.metric] ?? null,
      values,
      violation: scored === null ? null : violation(scored, manifest.constraints),
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
    trials,
  };
}

function runExecutable(manifest: SamplerManifest, history: SamplerHistory, historyPath: string, outputPath: string): Record<string, string>[] {
  const sampler = `the sampler ${manifest.sampler_label}`;
  const command = [manifest.executable!, SAMPLER_FLAGS.history, historyPath, SAMPLER_FLAGS.output, outputPath];
  const run = spawnSync(command[0]!, command.slice(1), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const where = `databazel: ${manifest.label}: ${sampler} (batch ${manifest.batch})`;
  const tail = `${run.stdout ?? ""}${run.stderr ?? ""}`.trimEnd().split("\n").slice(-20).join("\n");
  const rerun = `Reproduce it with: ${command.join(" ")}`;
  if (run.error || run.status !== 0) {
    const cause = run.error ? `could not run: ${run.error.message}` : run.signal ? `was killed by ${run.signal}` : `failed with exit code ${run.status}`;
    throw new UserFacingError(`${where} ${cause}.\n${tail ? `Its last lines:\n${tail}\n` : ""}${rerun}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(outputPath, "utf8"));
  } catch (err) {
    throw new UserFacingError(
      `${where} wrote no valid JSON to ${SAMPLER_FLAGS.output} (${(err as Error).message}).\n` +
        `Fix: write a JSON array of ${history.count} objects, one per new trial, e.g. [{"lr": "0.01"}].\n${rerun}`,
    );
  }
  const checked = checkProposals(parsed, history);
  if ("problem" in checked) {
    throw new UserFacingError(
      `${where} ${checked.problem}.\n` +
        `Fix: write exactly ${history.count} configurations, each giving every parameter of space a value inside it, ` +
        `none repeating an earlier trial or another of the batch (the history is in ${historyPath}).\n${rerun}`,
    );
  }
  return checked.proposals;
}

/**
 * A built-in sampler's batch. By one metric without constraints, TPE; by several objectives or
 * with constraints, its multi-objective form (MO-TPE) or NSGA-II, each on every objective's value.
 */
function builtIn(manifest: SamplerManifest, history: SamplerHistory): Record<string, string>[] {
  const { objectives, constraints, seed } = manifest;
  const common = { space: history.space, count: history.count, seed };
  if (manifest.sampler === "tpe" && objectives.length === 1 && constraints.length === 0) {
    return proposeTpe({ ...common, history: history.trials, goal: manifest.goal });
  }
  // A trial that failed, or whose objectives are not all finite, is no one's parent nor good.
  const observations: MultiObservation[] = history.trials.map((t) => ({
    hyperparams: t.hyperparams,
    values: t.values === null ? null : objectives.map((o) => t.values![o.name]!),
    violation: t.violation ?? 0,
  }));
  const goals = objectives.map((o) => o.goal);
  return manifest.sampler === "nsga2" ? proposeNsga2({ ...common, history: observations, goals }) : proposeMotpe({ ...common, history: observations, goals });
}

main(async (argv) => {
  const flags = parseFlags(argv, new Set());
  const manifest = readSamplerManifest(one(flags, SAMPLER_ACTION_FLAGS.manifest));
  const historyPath = one(flags, SAMPLER_ACTION_FLAGS.history);
  const outputPath = one(flags, SAMPLER_ACTION_FLAGS.proposals);
  const outputs = [historyPath, outputPath, ...manifest.proposals.map((p) => p.hyperparams)];
  try {
    const history = readHistory(manifest);
    writeFileSync(historyPath, stableJson(history));
    let proposed: Record<string, string>[];
    if (manifest.sampler === "executable") {
      proposed = runExecutable(manifest, history, historyPath, outputPath);
    } else {
      try {
        proposed = builtIn(manifest, history);
      } catch (err) {
        throw new UserFacingError(
          `databazel: ${manifest.label}: the ${manifest.sampler === "nsga2" ? "NSGA-II" : "TPE"} sampler cannot propose batch ${manifest.batch}: ${(err as Error).message}\n` +
            "Fix: widen space (a continuous distribution, or more choices), or lower n_trials.",
        );
      }
      writeFileSync(outputPath, stableJson(proposed));
    }
    manifest.proposals.forEach((p, i) => writeFileSync(p.hyperparams, stableJson({ ...manifest.fixed, ...proposed[i]! })));
  } catch (err) {
    // No partial batch: a later build proposes it again.
    for (const path of outputs) discard(path);
    throw err;
  }
});
