// DatabazelPropose: proposes the next batch of a search with `sampler = "tpe"` from every earlier
// trial's hyperparameters and validation metric (tools/src/sampler/tpe.ts), and writes one
// hyperparameter file per new trial. Called by databazel/private/sampler.bzl; the manifest's
// shape is tools/src/formats/propose.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { PROPOSE_FLAGS } from "../formats/action-flags.ts";
import { readOutcome } from "../formats/outcome.ts";
import { readProposeManifest, type DistributionFields } from "../formats/propose.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { stableJson } from "../lib/json.ts";
import { ContractError, main } from "../lib/main.ts";
import { metricAt } from "../lib/metrics.ts";
import { parseJsonAllowingNonFinite } from "../lib/nonfinite-json.ts";
import { discard } from "../lib/outputs.ts";
import { proposeTpe, type Distribution, type Observation } from "../sampler/tpe.ts";

function toDistribution(d: DistributionFields): Distribution {
  return d.kind === "choice" ? { kind: "choice", choices: d.choices } : { kind: d.kind, low: d.low, high: d.high };
}

main(async (argv) => {
  const flags = parseFlags(argv, new Set());
  const manifest = readProposeManifest(one(flags, PROPOSE_FLAGS.manifest));
  const space = Object.fromEntries(Object.entries(manifest.space).map(([k, d]) => [k, toDistribution(d)]));
  const history: Observation[] = manifest.history.map((trial) => {
    const all = JSON.parse(readFileSync(trial.hyperparams, "utf8")) as Record<string, string>;
    const hyperparams = Object.fromEntries(Object.keys(space).map((k) => [k, all[k] ?? ""]));
    const { outcome } = readOutcome(trial.outcome);
    const value = outcome === "succeeded" ? metricAt(parseJsonAllowingNonFinite(readFileSync(trial.metrics, "utf8")), manifest.metric) : undefined;
    // A failed, diverged or pruned trial is a bad one for the sampler.
    return { hyperparams, value: value !== undefined && Number.isFinite(value) ? value : null };
  });
  let proposed: Record<string, string>[];
  try {
    proposed = proposeTpe({ space, history, goal: manifest.goal, count: manifest.proposals.length, seed: manifest.seed });
  } catch (err) {
    throw new ContractError(
      `databazel: ${manifest.label}: the TPE sampler cannot propose batch ${manifest.batch}: ${(err as Error).message}\n` +
        "Fix: widen space (a continuous distribution, or more choices), or lower n_trials.",
    );
  }
  try {
    manifest.proposals.forEach((p, i) => writeFileSync(p.hyperparams, stableJson({ ...manifest.fixed, ...proposed[i]! })));
  } catch (err) {
    for (const p of manifest.proposals) discard(p.hyperparams);
    throw err;
  }
});
