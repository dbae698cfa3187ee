// DatabazelEval: runs the user's eval executable under the databazel contract.
// Called by the evaluate and hyperparam_search rules; see databazel/private/actions.bzl.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { EVAL_FLAGS, ENV_VARS, PATH_LIST_SEPARATOR } from "../contract.ts";
import { all, one, optional, parseFlags } from "../shim/cli.ts";
import { digest } from "../shim/digest.ts";
import { stableJson } from "../shim/json.ts";
import { ContractError, main } from "../shim/main.ts";
import { metricsProblem } from "../shim/metrics.ts";
import { discard } from "../shim/outputs.ts";
import { failureMessage, runScript } from "../shim/run-script.ts";

main(async (argv) => {
  const flags = parseFlags(argv);
  const label = one(flags, "--shim_label");
  const trial = optional(flags, "--shim_trial");
  const executable = one(flags, "--shim_executable");
  const recordPath = one(flags, "--shim_record");
  const logPath = one(flags, "--shim_log");

  const model = one(flags, EVAL_FLAGS.model);
  const testData = all(flags, EVAL_FLAGS.test_data);
  const metrics = one(flags, EVAL_FLAGS.metrics);

  const command = [
    executable,
    EVAL_FLAGS.model,
    model,
    ...testData.flatMap((path) => [EVAL_FLAGS.test_data, path]),
    EVAL_FLAGS.metrics,
    metrics,
  ];
  const env = {
    [ENV_VARS.model]: model,
    [ENV_VARS.test_data]: testData.join(PATH_LIST_SEPARATOR.env),
    [ENV_VARS.metrics]: metrics,
  };

  const who = trial ? `${label} (trial ${trial})` : label;
  const run = await runScript(command, env, logPath);
  const fail = (cause: string, fix?: string): never => {
    discard(metrics);
    throw new ContractError(
      failureMessage({ label: who, what: "the eval executable", cause, tail: run.tail, command, ...(fix ? { fix } : {}) }),
    );
  };
  if (run.exitCode !== 0) {
    fail(run.signal ? `was killed by ${run.signal}.` : `failed with exit code ${run.exitCode}.`);
  }
  const fixMetrics =
    `write a JSON object whose leaves are numbers (nesting allowed), e.g. {"accuracy": 0.97}, ` +
    `to the path given by ${EVAL_FLAGS.metrics} (also in $${ENV_VARS.metrics}).`;
  if (!existsSync(metrics)) fail(`exited 0 but did not write the metrics at ${metrics}.`, fixMetrics);
  const problem = metricsProblem(readFileSync(metrics, "utf8"));
  if (problem) fail(`exited 0 but the metrics at ${metrics} ${problem}.`, fixMetrics);

  writeFileSync(
    recordPath,
    stableJson({
      databazel_run_record: 1,
      kind: "eval",
      label,
      trial: trial ?? null,
      command,
      exit_code: run.exitCode,
      duration_ms: run.durationMs,
      inputs: { model: digest(model), test_data: testData.map(digest), executable: digest(executable) },
      outputs: { metrics: digest(metrics) },
    }),
  );
});
