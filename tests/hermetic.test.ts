// Trials see only their declared inputs under Bazel's DEFAULT flags, as in a consumer workspace
// whose .bazelrc says nothing about sandboxing: there the train and eval shims run as persistent
// workers WITHOUT Bazel's sandbox, in the execution root, and stage each script's inputs
// themselves (tools/src/shim/stage.ts). A file the script reads but the target does not declare
// is not there, so it can never be a silent, uncached dependency.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawns } from "../tools/bench/execution-log.ts";
import { bazel, bazelInfo } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { needsStage, Stage, STAGE_DIR } from "../tools/src/shim/stage.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";

const ARGS = `while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --metrics) metrics=$2 ;;
    --output_dir) out=$2 ;;
    --init_checkpoint) init=$2 ;;
    --training_data) data=$2 ;;
    --end_epoch) end=$2 ;;
  esac
  shift 2
done`;

const sh = (body: string): string => `#!/bin/sh\nset -eu\nmodel="" metrics="" out="" init="" data="" end=""\n${ARGS}\n${body}\n`;

let ws = "";

beforeAll(() => {
  ws = consumerWorkspace({
    // Bazel's defaults for sandboxing and strategies: no --worker_sandboxing, no --spawn_strategy.
    ".bazelrc": ["common --noenable_workspace", "common --lockfile_mode=off", "build --nosandbox_debug", ""].join("\n"),
    "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "evaluate", "model")
load("@rules_python//python:py_binary.bzl", "py_binary")
load("@rules_python//python:py_library.bzl", "py_library")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "peek_train", srcs = ["peek_train.sh"])

sh_binary(name = "peek_eval", srcs = ["peek_eval.sh"])

sh_binary(name = "maybe_train", srcs = ["maybe_train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])

sh_binary(name = "sh_train", srcs = ["sh_train.sh"], data = ["helper.txt"])

py_library(name = "lib", srcs = ["lib.py"])

py_binary(name = "py_train", srcs = ["py_train.py"], data = ["helper.txt"], deps = [":lib"])

sh_binary(name = "dir_train", srcs = ["dir_train.sh"])

sh_binary(name = "dir_eval", srcs = ["dir_eval.sh"])

sh_binary(name = "slow_train", srcs = ["slow_train.sh"])

# Reads undeclared.txt, a file of the workspace that is no input of it.
model(name = "peeks", training_data = "data.csv", train_executable = ":peek_train")

evaluate(name = "peeks_eval", model = ":sh", test_data = "data.csv", eval_executable = ":peek_eval")

# Reads undeclared.txt when it can see it: the model would silently depend on it.
model(name = "maybe", training_data = "data.csv", train_executable = ":maybe_train")

# Declared inputs: the data, the executable's runfiles (data, a py_library), --output_dir extras.
model(name = "sh", training_data = "data.csv", train_executable = ":sh_train")

model(name = "py", training_data = "data.csv", train_executable = ":py_train")

# A directory model in segments: each continues from the previous one's directory.
model(
    name = "dir",
    training_data = "data.csv",
    train_executable = ":dir_train",
    model_is_dir = True,
    epochs = 2,
    checkpoint_every = 1,
)

evaluate(name = "dir_evaluation", model = ":dir", test_data = "data.csv", eval_executable = ":dir_eval")

model(name = "slow", training_data = "data.csv", train_executable = ":slow_train", train_timeout = "1s")
`,
    "peek_train.sh": sh('cat undeclared.txt >"$model"'),
    "peek_eval.sh": sh('cat undeclared.txt >/dev/null\necho \'{"a": 1}\' >"$metrics"'),
    "maybe_train.sh": sh('if [ -e undeclared.txt ]; then cat undeclared.txt; else echo absent; fi >"$model"'),
    "eval.sh": sh('echo \'{"a": 1}\' >"$metrics"'),
    // The shim's own Node and bundle are the action's tools, not the script's inputs: not staged.
    "sh_train.sh": sh(
      '[ ! -e external ] || { echo "staged: $(ls -R external)" >&2; exit 9; }\n' +
        'cat "$data" "$0.runfiles/_main/helper.txt" >"$model"\necho extra >"$out/extra.txt"',
    ),
    "py_train.py": `import os, sys
import lib

args = sys.argv
model = args[args.index("--model") + 1]
out = args[args.index("--output_dir") + 1]
data = args[args.index("--training_data") + 1]
helper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helper.txt")
with open(model, "w") as f:
    f.write(lib.GREETING + open(data).read() + open(helper).read())
with open(os.path.join(out, "extra.txt"), "w") as f:
    f.write("extra\\n")
`,
    "lib.py": 'GREETING = "from lib\\n"\n',
    "dir_train.sh": sh(
      'before=0\n[ -z "$init" ] || before=$(cat "$init/epochs")\necho $((before + 1)) >"$model/epochs"\n' +
        'echo "[{\\"epoch\\": $end, \\"loss\\": 0.5}]" >"$out/curve.json"',
    ),
    "dir_eval.sh": sh('echo "{\\"epochs\\": $(cat "$model/epochs")}" >"$metrics"'),
    "slow_train.sh": sh('echo started >"$model"\nsleep 60'),
    "undeclared.txt": "version 1\n",
    "helper.txt": "helper\n",
    "data.csv": "x\n1\n",
  });
  writeFileSync(
    join(ws, "MODULE.bazel"),
    readFileSync(join(ws, "MODULE.bazel"), "utf8") + '\nbazel_dep(name = "rules_python", version = "0.40.0")\n',
  );
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

const bin = (rel: string): string => readFileSync(join(ws, "bazel-bin", rel), "utf8");

async function buildFails(target: string): Promise<string> {
  const result = await bazel(["build", target], { cwd: ws, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return result.all;
}

/** What the output base holds of databazel's stages: nothing once every action has ended. */
async function stagesLeft(): Promise<string[]> {
  const dir = join(await bazelInfo("output_base", { cwd: ws }), "databazel-stage");
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe("under Bazel's default flags (no --worker_sandboxing)", () => {
  it("runs the train and eval shims as persistent workers", async () => {
    const log = join(ws, "exec.log");
    await bazel(["build", "//:sh", "//:peeks_eval", "--keep_going", `--execution_log_json_file=${log}`], { cwd: ws, allowFailure: true });
    const runners = new Set(spawns(log).filter((s) => s.mnemonic === "DatabazelTrain" || s.mnemonic === "DatabazelEval").map((s) => s.runner));
    expect([...runners]).toEqual(["worker"]);
  });

  it("a train script cannot read a workspace file it does not declare, and the message says why", async () => {
    const output = await buildFails("//:peeks");
    const root = await bazelInfo("execution_root", { cwd: ws });
    expect(output).toContain("databazel: //:peeks: the train executable failed with exit code 1.");
    expect(output).toMatch(/undeclared\.txt: No such file/);
    expect(output).toContain(
      "Fix: if it could not find a file, it sees only its declared inputs: add the file to training_data, or to the data of train_executable (its runfiles).",
    );
    // The command to rerun it names the real execution root, not the stage it ran in.
    expect(output).toContain(`\n  cd ${root} && bazel-out/`);
  });

  it("an eval script neither", async () => {
    const output = await buildFails("//:peeks_eval");
    expect(output).toContain("databazel: //:peeks_eval: the eval executable failed with exit code 1.");
    expect(output).toMatch(/undeclared\.txt: No such file/);
    expect(output).toContain(
      "Fix: if it could not find a file, it sees only its declared inputs: add the file to test_data, or to the data of eval_executable (its runfiles).",
    );
  });

  it("changing an undeclared file never serves a model built from its old contents", async () => {
    await bazel(["build", "//:maybe"], { cwd: ws });
    expect(bin("maybe.model")).toBe("absent\n");
    writeFileSync(join(ws, "undeclared.txt"), "version 2\n");
    await bazel(["build", "//:maybe"], { cwd: ws });
    expect(bin("maybe.model")).toBe("absent\n");
  });

  it("declared inputs are there: the data, a sh_binary's and a py_binary's runfiles; outputs and --output_dir extras arrive", async () => {
    await bazel(["build", "//:sh", "//:py"], { cwd: ws });
    expect(bin("sh.model")).toBe("x\n1\nhelper\n");
    expect(bin("sh.extras/extra.txt")).toBe("extra\n");
    expect(bin("py.model")).toBe("from lib\nx\n1\nhelper\n");
    expect(bin("py.extras/extra.txt")).toBe("extra\n");
  });

  it("a directory model in segments: each segment reads the previous one's directory, the eval reads the last", async () => {
    await bazel(["build", "//:dir_evaluation"], { cwd: ws });
    expect(JSON.parse(bin("dir_evaluation.metrics.json"))).toEqual({ epochs: 2 });
  });

  it("a timed-out script leaves nothing behind, nor does any other action", async () => {
    const output = await buildFails("//:slow");
    expect(output).toContain("databazel: //:slow: the train executable timed out after 1s.");
    expect(await stagesLeft()).toEqual([]);
  });

  it("databazel build still shows a running trial's epochs (its progress comes from the staged curve)", async () => {
    writeFileSync(
      join(ws, "BUILD.bazel"),
      readFileSync(join(ws, "BUILD.bazel"), "utf8") +
        `
sh_binary(name = "epochs_train", srcs = ["epochs_train.sh"])

model(name = "epochs", training_data = "data.csv", train_executable = ":epochs_train")
`,
    );
    writeFileSync(
      join(ws, "epochs_train.sh"),
      sh(
        'curve=""\nfor e in 1 2 3 4; do\n  sleep 1\n  curve="$curve${curve:+,}{\\"epoch\\": $e, \\"loss\\": 0.$e}"\n' +
          '  echo "[$curve]" >"$out/curve.json.tmp" && mv "$out/curve.json.tmp" "$out/curve.json"\ndone\necho done >"$model"',
      ),
      { mode: 0o755 },
    );
    const result = await databazel(["build", "//:epochs"], ws);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.split("\n").some((l) => /running, epoch [1-3]\b/.test(l)), result.stdout).toBe(true);
    expect(bin("epochs.extras/curve.json")).toContain('"epoch": 4');
    expect(await stagesLeft()).toEqual([]);
  });
});

describe("the stage (tools/src/shim/stage.ts)", () => {
  /** An output base with an execution root holding inputs, an undeclared file and a runfiles tree. */
  function outputBase(): { ob: string; root: string } {
    const ob = mkdtempSync(join(tmpdir(), "databazel-stage-unit-"));
    const root = join(ob, "execroot", "_main");
    const files: Record<string, string> = {
      "data.csv": "x\n",
      "undeclared.txt": "no\n",
      "bazel-out/bin/train": "#!/bin/sh\n",
      "bazel-out/bin/train.runfiles/_main/helper.txt": "helper\n",
      "bazel-out/bin/images/a.txt": "a\n",
      "bazel-out/bin/images/b.txt": "b\n",
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(root, rel, ".."), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    mkdirSync(join(root, "bazel-out/bin/out.extras"), { recursive: true });
    return { ob, root };
  }

  it("is needed by a persistent worker's request outside Bazel's sandboxes only", () => {
    expect(needsStage([], "/ob/execroot/_main")).toBe(true);
    expect(needsStage(undefined, "/ob/execroot/_main")).toBe(false);
    expect(needsStage([], "/ob/bazel-workers/worker-3-DatabazelTrain/_main")).toBe(false);
    expect(needsStage([], "/ob/sandbox/processwrapper-sandbox/7/execroot/_main")).toBe(false);
  });

  it("holds the declared inputs only, moves the outputs into the execution root, and deletes nothing of it", () => {
    const { ob, root } = outputBase();
    try {
      const stage = new Stage({
        execRoot: root,
        inputs: ["data.csv", "bazel-out/bin/train", "bazel-out/bin/images/a.txt", "bazel-out/bin/images/b.txt"],
        executable: "bazel-out/bin/train",
        directories: ["bazel-out/bin/images"],
        outputFiles: ["bazel-out/bin/out.model"],
        outputDirs: ["bazel-out/bin/out.extras"],
      });
      expect(stage.where("bazel-out/bin/out.model")).toBe("bazel-out/bin/out.model");
      stage.open();
      const at = (rel: string): string => join(stage.dir, rel);
      expect(stage.dir).toMatch(new RegExp(`^${ob}/${STAGE_DIR}/${process.pid}-[^/]+/_main$`));
      expect(readFileSync(at("data.csv"), "utf8")).toBe("x\n");
      expect(existsSync(at("undeclared.txt"))).toBe(false);
      expect(readFileSync(at("bazel-out/bin/train.runfiles/_main/helper.txt"), "utf8")).toBe("helper\n");
      // A declared directory is one symlink, not one per file.
      expect(lstatSync(at("bazel-out/bin/images")).isSymbolicLink()).toBe(true);
      expect(readdirSync(at("bazel-out/bin/out.extras"))).toEqual([]);
      expect(stage.where("bazel-out/bin/out.model")).toBe(at("bazel-out/bin/out.model"));

      writeFileSync(at("bazel-out/bin/out.model"), "model\n");
      writeFileSync(at("bazel-out/bin/out.extras/curve.json"), "[]\n");
      stage.collect();
      stage.remove();
      expect(readFileSync(join(root, "bazel-out/bin/out.model"), "utf8")).toBe("model\n");
      expect(readFileSync(join(root, "bazel-out/bin/out.extras/curve.json"), "utf8")).toBe("[]\n");
      expect(readdirSync(join(ob, STAGE_DIR))).toEqual([]);
      // Deleting the stage's symlinks left what they pointed to.
      expect(readdirSync(join(root, "bazel-out/bin/images"))).toEqual(["a.txt", "b.txt"]);
      expect(readFileSync(join(root, "bazel-out/bin/train.runfiles/_main/helper.txt"), "utf8")).toBe("helper\n");
      expect(readFileSync(join(root, "data.csv"), "utf8")).toBe("x\n");
    } finally {
      rmSync(ob, { recursive: true, force: true });
    }
  });

  it("deletes a stage whose worker died, and keeps a live one's", () => {
    const { ob, root } = outputBase();
    try {
      const dead = spawnSync("true").pid!;
      const stages = join(ob, STAGE_DIR);
      mkdirSync(join(stages, `${dead}-left`, "_main"), { recursive: true });
      symlinkSync(join(root, "data.csv"), join(stages, `${dead}-left`, "_main", "data.csv"));
      mkdirSync(join(stages, "1-init"), { recursive: true });
      const stage = new Stage({ execRoot: root, inputs: [], executable: "bazel-out/bin/train", directories: [], outputFiles: [], outputDirs: [] });
      stage.open();
      expect(readdirSync(stages).sort()).toEqual(["1-init", stage.dir.split("/").at(-2)!].sort());
      stage.remove();
      expect(readFileSync(join(root, "data.csv"), "utf8")).toBe("x\n");
    } finally {
      rmSync(ob, { recursive: true, force: true });
    }
  });
});
