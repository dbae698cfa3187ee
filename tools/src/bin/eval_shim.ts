// DatabazelEval: runs the user's eval executable under the databazel contract.
// Called by the evaluate and hyperparam_search rules; see databazel/private/actions/eval.bzl.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ENV_VARS, EVAL_FLAGS, PATH_LIST_SEPARATOR } from "../contract.ts";
import { SHIM_FLAGS } from "../formats/action-flags.ts";
import { all, one, optional, parseFlags } from "../lib/flags.ts";
import { writeOutcome } from "../formats/outcome.ts";
import { writeRunRecord } from "../formats/run-record.ts";
import { runRecordBase, runUnderContract, SHIM_BOOLEANS, shimFlags } from "../shim/contract-run.ts";
import type { Problem } from "../shim/problem.ts";
import { dataDigester, digest, inputDigester } from "../shim/digest.ts";
import { main } from "../helper/main.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { stageFor } from "../shim/stage.ts";
import { firstNonNumericLeaf, metricAt, metricsProblem, scalarMetrics } from "../lib/metrics.ts";
import { parseJsonAllowingNonFinite } from "../lib/nonfinite-json.ts";
import { discard } from "../lib/outputs.ts";

const FIX_METRICS =
  `write a JSON object whose leaves are numbers (nesting allowed), e.g. {"accuracy": 0.97}, ` +
  `to the path given by ${EVAL_FLAGS.metrics} (also in $${ENV_VARS.metrics}).`;

/**
 * Inside a search: metrics that meet the contract but lack the search's metric are a mistake in
 * the BUILD file or the script, the same for every trial, so the build fails at the first eval
 * (never a recorded trial failure) instead of after every trial has trained.
 */
function missingMetric(text: string, wanted: readonly string[], label: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = parseJsonAllowingNonFinite(text);
  } catch {
    return undefined; // metricsProblem says what is wrong with it
  }
  // Only metrics that meet the contract; NaN and infinities too (divergence() judges those).
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  if (firstNonNumericLeaf(parsed, "metrics", true) !== undefined) return undefined;
  const metric = wanted.find((name) => metricAt(parsed, name) === undefined);
  if (metric === undefined) return undefined;
  const written = Object.keys(scalarMetrics(parsed));
  // One metric is the search's `metric`; several are its objectives and constrained metrics.
  const attribute = wanted.length === 1 ? "metric" : "objectives or constraints";
  return (
    `databazel: ${label}: ${wanted.length === 1 ? `metric = "${metric}"` : `the search ranks by "${metric}", which`} is not among the metrics the eval executable wrote ` +
    `(${written.length ? written.join(", ") : "none"}), so no trial can be ranked.\n` +
    `Fix: set ${attribute} to ${wanted.length === 1 ? "one of them" : "metrics among them"}${written.length && wanted.length === 1 ? `, e.g. metric = "${written[0]}"` : ""}, ` +
    `or make the eval executable write "${metric}".`
  );
}

/** Inside a search that records failures: a search metric that is not a finite number means the trial diverged. */
function divergence(text: string, wanted: readonly string[]): Problem | undefined {
  let parsed: unknown;
  try {
    parsed = parseJsonAllowingNonFinite(text);
  } catch {
    return undefined; // metricsProblem says what is wrong with it
  }
  const metric = wanted.find((name) => !Number.isFinite(metricAt(parsed, name) ?? NaN));
  if (metric === undefined) return undefined;
  const value = metricAt(parsed, metric);
  return {
    cause: value === undefined ? `exited 0 but did not write the search metric "${metric}".` : `wrote ${metric} = ${value}: the model diverged.`,
    fix: `make training stable for these hyperparameters (e.g. a lower learning rate), or narrow the search to exclude them.`,
    outcome: "diverged",
  };
}

main(async (argv, request) => {
  const flags = parseFlags(argv, new Set([...SHIM_BOOLEANS, SHIM_FLAGS.skip_pruned]));
  const shim = shimFlags(flags);
  const inputs = inputDigester(request.inputDigests);
  const model = one(flags, EVAL_FLAGS.model);
  const testData = all(flags, EVAL_FLAGS.test_data);
  const metrics = one(flags, EVAL_FLAGS.metrics);
  // The metrics the search ranks by (its metric, or its objectives and constrained metrics).
  const searchMetrics = all(flags, SHIM_FLAGS.search_metric);

  const command = [
    shim.executable,
    EVAL_FLAGS.model,
    model,
    ...testData.flatMap((path) => [EVAL_FLAGS.test_data, path]),
    EVAL_FLAGS.metrics,
    metrics,
  ];
  const { run, outcome } = await runUnderContract({
    shim,
    upstreamOutcome: optional(flags, SHIM_FLAGS.train_outcome),
    passPruned: flags.has(SHIM_FLAGS.skip_pruned),
    what: "the eval executable",
    executableAttr: "eval_executable",
    timeoutAttr: "eval_timeout",
    dataAttr: "test_data",
    // A worker that Bazel did not sandbox runs the script in a stage of its declared inputs.
    stage: stageFor(request.inputPaths, shim.executable, { directories: [model, ...testData], outputFiles: [metrics], outputDirs: [] }),
    command,
    env: {
      [ENV_VARS.model]: model,
      [ENV_VARS.test_data]: testData.join(PATH_LIST_SEPARATOR.env),
      [ENV_VARS.metrics]: metrics,
    },
    discard: () => discard(metrics),
    check: () => {
      if (!existsSync(metrics)) return { cause: `exited 0 but did not write the metrics at ${metrics}.`, fix: FIX_METRICS };
      const text = readFileSync(metrics, "utf8");
      const missing = searchMetrics.length === 0 ? undefined : missingMetric(text, searchMetrics, shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label);
      if (missing) {
        discard(metrics);
        throw new UserFacingError(missing);
      }
      const diverged = shim.recordFailures && searchMetrics.length > 0 ? divergence(text, searchMetrics) : undefined;
      if (diverged) return diverged;
      const problem = metricsProblem(text);
      return problem ? { cause: `exited 0 but the metrics at ${metrics} ${problem}.`, fix: FIX_METRICS } : undefined;
    },
  });
  // A trial that did not succeed has no metrics; its run record says why.
  if (outcome.outcome !== "succeeded") writeFileSync(metrics, "{}\n");

  writeOutcome(shim.outcomePath, outcome);
  writeRunRecord(shim.recordPath, {
    ...runRecordBase(shim, command, run, outcome),
    kind: "eval",
    inputs: {
      model: inputs(model),
      test_data: testData.map(dataDigester(shim.dataDigests, inputs)),
      executable: inputs(shim.executable),
    },
    outputs: { metrics: digest(metrics) },
  });
});
