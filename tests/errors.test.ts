// Bad input gets a clear message that says what is wrong and how to fix it: from the shims, and
// never with a partial output left behind. The errors raised at analysis time (every check of a
// macro's or rule's arguments) are pinned by analysistest failure tests
// (tests/analysis/BUILD.bazel), which `bazel test //...` runs in a second; tests/bad-target-alone
// checks that each fails its own target, not its package.
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";

const LOADS = [
  'load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model")',
  'load("@rules_shell//shell:sh_binary.bzl", "sh_binary")',
  "",
].join("\n");

const SEARCH_ARGS = `
    training_data = "//:data.csv",
    test_data = "//:data.csv",
    train_executable = "//:train",
    eval_executable = "//:eval",`;

function search(args: string): string {
  return `${LOADS}hyperparam_search(\n    name = "s",${SEARCH_ARGS}\n${args}\n)\n`;
}

function script(name: string, body: string): Record<string, string> {
  return {
    [`${name}/${name}.sh`]: `#!/bin/sh\n${body}\n`,
    [`${name}/BUILD.bazel`]: `${LOADS}sh_binary(name = "${name}", srcs = ["${name}.sh"], visibility = ["//visibility:public"])\n`,
  };
}

/** Scripts that break the contract in one way each, beside the good ones. */
const BAD_SCRIPTS = {
  // Exits 0 and writes nothing.
  ...script("no_model", "exit 0"),
  // Prints, writes half a model, then crashes.
  ...script(
    "crash",
    'for i in 1 2 3; do echo "step $i"; done\nwhile [ $# -gt 0 ]; do [ "$1" = --model ] && echo partial >"$2"; shift; done\necho "Traceback: boom" >&2\nexit 3',
  ),
  ...script("bad_json", 'while [ $# -gt 0 ]; do [ "$1" = --metrics ] && echo "{accuracy: 0.9" >"$2"; shift; done'),
  ...script(
    "not_number",
    'while [ $# -gt 0 ]; do [ "$1" = --metrics ] && echo \'{"accuracy": "high", "loss": 0.1}\' >"$2"; shift; done',
  ),
  ...script("no_accuracy", 'while [ $# -gt 0 ]; do [ "$1" = --metrics ] && echo \'{"loss": 0.1}\' >"$2"; shift; done'),
};

let ws = "";

beforeAll(() => {
  ws = consumerWorkspace(
    {
      "BUILD.bazel": `${LOADS}sh_binary(name = "train", srcs = ["train.sh"], visibility = ["//visibility:public"])
sh_binary(name = "eval", srcs = ["eval.sh"], visibility = ["//visibility:public"])
exports_files(["data.csv"])
`,
      "data.csv": "x\n1\n",
      ...BAD_SCRIPTS,
      "train_no_model/BUILD.bazel": `${LOADS}model(name = "m", training_data = "//:data.csv", train_executable = "//no_model")\n`,
      "train_crash/BUILD.bazel": `${LOADS}model(name = "m", training_data = "//:data.csv", train_executable = "//crash")\n`,
      "eval_bad_json/BUILD.bazel": `${LOADS}evaluate(name = "e", model = "//train_ok:m", test_data = "//:data.csv", eval_executable = "//bad_json")\n`,
      "eval_not_number/BUILD.bazel": `${LOADS}evaluate(name = "e", model = "//train_ok:m", test_data = "//:data.csv", eval_executable = "//not_number")\n`,
      "train_ok/BUILD.bazel": `${LOADS}model(name = "m", training_data = "//:data.csv", train_executable = "//:train", visibility = ["//visibility:public"])\n`,
      // A script file without the execute permission (the harness makes only *.sh executable), named directly.
      "plain_exec/train.py": "print('never runs')\n",
      "plain_exec/BUILD.bazel": `${LOADS}model(name = "m", training_data = "//:data.csv", train_executable = "train.py")\n`,
      // Two targets that name the same output file.
      "same_out/BUILD.bazel": `${LOADS}model(name = "a", training_data = "//:data.csv", train_executable = "//:train", out = "x.bin")
model(name = "b", training_data = "//:data.csv", train_executable = "//:train", out = "x.bin")
`,
      "missing_metric/BUILD.bazel": `${LOADS}hyperparam_search(
    name = "s",
    training_data = "//:data.csv",
    test_data = "//:data.csv",
    train_executable = "//:train",
    eval_executable = "//no_accuracy",
    grid = {"lr": ["0.1"]},
    metric = "accuracy",
)
`,
    },
    [],
  );
  for (const script of ["train.sh", "eval.sh"]) copyFileSync(join(repoRoot, "tests", "rules", script), join(ws, script));
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

async function buildFails(target: string): Promise<string> {
  const result = await bazel(["build", target], { cwd: ws, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return result.all ?? "";
}

describe("two targets that name the same output file", () => {
  // A rule cannot see other targets' outputs, so databazel cannot say it first; Bazel's report
  // (then a dump of both actions) starts with the file and both targets, and the docs of `out`
  // say the name must be unique in the package.
  it("Bazel names the file and both targets first", async () => {
    const output = await buildFails("//same_out:all");
    expect(output).toMatch(/ERROR: file 'same_out\/x\.bin' is generated by these conflicting actions:\nLabel: \/\/same_out:[ab], \/\/same_out:[ab]\n/);
  });
});

describe("contract errors from the shims", () => {
  it("a train script that exits 0 without writing the model", async () => {
    const output = await buildFails("//train_no_model:m");
    expect(output).toContain("//train_no_model:m: the train executable exited 0 but did not write the model at");
    expect(output).toContain("Fix: write the trained model to the path given by --model (also in $DATABAZEL_MODEL)");
    // The execution root itself, so that the command works without `bazel` on PATH.
    const root = (await bazel(["info", "execution_root"], { cwd: ws })).stdout.trim();
    expect(output).toContain(
      `Reproduce it with (from the execution root, which \`bazel info execution_root\` prints):\n  cd ${root} && bazel-out/`,
    );
  });

  it("a train_executable that is a plain file without the execute permission, before it runs", async () => {
    const output = await buildFails("//plain_exec:m");
    expect(output).toContain(
      "//plain_exec:m: the train executable plain_exec/train.py (train_executable) is not executable: " +
        "it is a plain file without the execute permission, so it cannot run.",
    );
    expect(output).toContain("Fix: make it executable (chmod +x plain_exec/train.py");
    expect(output).toContain('or wrap it in a rule that runs it, e.g. sh_binary(name = "train", srcs = ["train.py"])');
    expect(output).not.toContain("exit code 127");
  });

  it("a script that crashes: its last lines, and no partial model left behind", async () => {
    const output = await buildFails("//train_crash:m");
    expect(output).toContain("//train_crash:m: the train executable failed with exit code 3.");
    expect(output).toMatch(/\| step 3\n\s+\| Traceback: boom/);
    expect(output).toContain("--training_data data.csv --model bazel-out/");
    expect(existsSync(join(ws, "bazel-bin", "train_crash", "m.model"))).toBe(false);
  });

  it("an eval script that writes malformed JSON", async () => {
    const output = await buildFails("//eval_bad_json:e");
    expect(output).toMatch(/the eval executable exited 0 but the metrics at \S+ is not valid JSON/);
    expect(output).toContain('Fix: write a JSON object whose leaves are numbers (nesting allowed), e.g. {"accuracy": 0.97}');
    expect(existsSync(join(ws, "bazel-bin", "eval_bad_json", "e.metrics.json"))).toBe(false);
  });

  it("an eval script that writes non-numbers", async () => {
    const output = await buildFails("//eval_not_number:e");
    expect(output).toContain('has a leaf that is not a number: metrics.accuracy is "high" (string)');
  });

  it("a search metric the eval script does not write", async () => {
    const output = await buildFails("//missing_metric:s");
    expect(output).toContain('trial lr_0.1 has no numeric metric "accuracy"');
    expect(output).toContain("Its metrics are: loss.");
  });
});
