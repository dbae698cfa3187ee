// DatabazelEval: runs the user's eval executable under the databazel contract.
// Called by the evaluate and hyperparam_search rules; see databazel/private/actions/eval.bzl.
import { existsSync, readFileSync } from "node:fs";
import { ENV_VARS, EVAL_FLAGS, PATH_LIST_SEPARATOR } from "../contract.ts";
import { all, one, parseFlags } from "../lib/flags.ts";
import { writeRunRecord } from "../formats/run-record.ts";
import { runRecordBase, runUnderContract, shimFlags } from "../shim/contract-run.ts";
import { digest } from "../shim/digest.ts";
import { main } from "../lib/main.ts";
import { metricsProblem } from "../lib/metrics.ts";
import { discard } from "../lib/outputs.ts";

const FIX_METRICS =
  `write a JSON object whose leaves are numbers (nesting allowed), e.g. {"accuracy": 0.97}, ` +
  `to the path given by ${EVAL_FLAGS.metrics} (also in $${ENV_VARS.metrics}).`;

main(async (argv) => {
  const flags = parseFlags(argv);
  const shim = shimFlags(flags);
  const model = one(flags, EVAL_FLAGS.model);
  const testData = all(flags, EVAL_FLAGS.test_data);
  const metrics = one(flags, EVAL_FLAGS.metrics);

  const command = [
    shim.executable,
    EVAL_FLAGS.model,
    model,
    ...testData.flatMap((path) => [EVAL_FLAGS.test_data, path]),
    EVAL_FLAGS.metrics,
    metrics,
  ];
  const run = await runUnderContract({
    shim,
    what: "the eval executable",
    command,
    env: {
      [ENV_VARS.model]: model,
      [ENV_VARS.test_data]: testData.join(PATH_LIST_SEPARATOR.env),
      [ENV_VARS.metrics]: metrics,
    },
    discard: () => discard(metrics),
    check: () => {
      if (!existsSync(metrics)) return { cause: `exited 0 but did not write the metrics at ${metrics}.`, fix: FIX_METRICS };
      const problem = metricsProblem(readFileSync(metrics, "utf8"));
      return problem ? { cause: `exited 0 but the metrics at ${metrics} ${problem}.`, fix: FIX_METRICS } : undefined;
    },
  });

  writeRunRecord(shim.recordPath, {
    ...runRecordBase(shim, command, run),
    kind: "eval",
    inputs: { model: digest(model), test_data: testData.map(digest), executable: digest(shim.executable) },
    outputs: { metrics: digest(metrics) },
  });
});
