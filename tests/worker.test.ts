// The train, eval and digest helpers run as persistent workers by default (Node starts once per
// worker, not once per action), and as plain spawns when a strategy says so. Both must give the
// same outputs and the same messages, keep the sandbox, and survive a worker that was killed.
import { execa } from "execa";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawns } from "../tools/bench/execution-log.ts";
import { bazel, bazelInfo } from "./harness/bazel.ts";
import { PLAIN_SPAWNS, WORKER_MNEMONICS } from "./harness/strategies.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";


const SCRIPT_ARGS = `while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
    --metrics) metrics=$2 ;;
  esac
  shift 2
done`;

let ws = "";

beforeAll(() => {
  ws = consumerWorkspace({
    "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "hyperparam_search", "model")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])

sh_binary(name = "fail", srcs = ["fail.sh"])

sh_binary(name = "peek", srcs = ["peek.sh"])

hyperparam_search(
    name = "search",
    training_data = "train.csv",
    test_data = "test.csv",
    train_executable = ":train",
    eval_executable = ":eval",
    grid = {"lr": ["0.1", "0.2", "0.3"]},
    metric = "accuracy",
)

model(name = "fails", training_data = "train.csv", train_executable = ":fail")

# Reads a file of the workspace that is not one of its inputs.
model(name = "peeks", training_data = "train.csv", train_executable = ":peek")
`,
    "train.sh": `#!/bin/sh\nset -eu\n${SCRIPT_ARGS}\necho "hp=$hp" >"$model"\n`,
    "eval.sh": `#!/bin/sh\nset -eu\n${SCRIPT_ARGS}\nprintf '{"accuracy": 0.%s}\\n' "$(cksum <"$model" | cut -c1-6)" >"$metrics"\n`,
    "fail.sh": "#!/bin/sh\necho 'loading data'\necho 'out of patience' >&2\nexit 3\n",
    "peek.sh": `#!/bin/sh\nset -eu\n${SCRIPT_ARGS}\ncat undeclared.txt >"$model"\n`,
    "undeclared.txt": "not an input\n",
    "train.csv": "x,y\n1,0\n",
    "test.csv": "x,y\n2,1\n",
  });
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

/** Which runner ran each helper's spawns, by mnemonic. */
function runners(log: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of spawns(log)) {
    if (s.mnemonic && WORKER_MNEMONICS.includes(s.mnemonic)) out[s.mnemonic] = [...new Set([...(out[s.mnemonic] ?? []), s.runner ?? "?"])];
  }
  return out;
}

/** sha256 of every model, metrics file and digests file of the search; run records less their durations. */
function outputs(): Record<string, string> {
  const bin = join(ws, "bazel-bin");
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/(model|metrics\.json|digests\.json|run\.(train|eval)\.json|leaderboard\.json)$/.test(name)) {
        let text = readFileSync(path, "utf8");
        if (/run\.(train|eval)\.json$/.test(name)) text = text.replace(/"duration_ms": \d+/, '"duration_ms": 0');
        out[relative(bin, path)] = createHash("sha256").update(text).digest("hex");
      }
    }
  };
  walk(join(bin, "search"));
  for (const name of readdirSync(bin)) {
    if (/^search\.(.*\.digests|leaderboard)\.json$/.test(name)) {
      out[name] = createHash("sha256").update(readFileSync(join(bin, name))).digest("hex");
    }
  }
  return out;
}

async function buildFails(target: string, flags: string[] = []): Promise<string> {
  const result = await bazel(["build", target, ...flags], { cwd: ws, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return result.all;
}

/** The shim's message, from its first line to the command to rerun. */
function shimMessage(output: string): string {
  const match = /^databazel: \/\/:fails: [\s\S]*?\n {2}cd .*$/m.exec(output);
  if (!match) throw new Error(`no databazel message in:\n${output}`);
  return match[0];
}

describe("persistent workers", () => {
  it("run train, eval and digest by default, with the same outputs as plain spawns", async () => {
    const workerLog = join(ws, "worker.log");
    await bazel(["build", "//:search", `--execution_log_json_file=${workerLog}`], { cwd: ws });
    expect(runners(workerLog)).toEqual({ DatabazelTrain: ["worker"], DatabazelEval: ["worker"], DatabazelDigest: ["worker"] });
    const fromWorkers = outputs();
    expect(Object.keys(fromWorkers).length).toBeGreaterThanOrEqual(12);

    await bazel(["clean"], { cwd: ws });
    const plainLog = join(ws, "plain.log");
    await bazel(["build", "//:search", ...PLAIN_SPAWNS, `--execution_log_json_file=${plainLog}`], { cwd: ws });
    for (const used of Object.values(runners(plainLog))) expect(used).not.toContain("worker");
    expect(outputs()).toEqual(fromWorkers);
  });

  it("fail with the same message as a plain spawn, naming the real execution root", async () => {
    const root = await bazelInfo("execution_root", { cwd: ws });
    const fromWorker = shimMessage(await buildFails("//:fails"));
    const plain = shimMessage(await buildFails("//:fails", PLAIN_SPAWNS));
    expect(fromWorker).toBe(plain);
    expect(fromWorker).toContain("//:fails: the train executable failed with exit code 3.");
    expect(fromWorker).toContain("  | out of patience");
    expect(fromWorker).toContain(`\n  cd ${root} && bazel-out/`);
  });

  it("are sandboxed: a script cannot read a file that is not an input", async () => {
    const output = await buildFails("//:peeks");
    expect(output).toMatch(/undeclared\.txt: No such file/);
  });

  it("come back after being killed", async () => {
    await bazel(["build", "//:search"], { cwd: ws });
    const outputBase = await bazelInfo("output_base", { cwd: ws });
    const pgrep = await execa("pgrep", ["-f", "(train_shim|eval_shim|digest)\\.cjs --persistent_worker"], { reject: false });
    // Only this workspace's workers (they run in its output base): other tests build meanwhile.
    const pids = pgrep.stdout.split("\n").filter((pid) => {
      try {
        // The offline Bazel runs in a root of its own, which prefixes the path seen from here.
        return pid !== "" && readlinkSync(`/proc/${pid}/cwd`).includes(outputBase + "/");
      } catch {
        return false;
      }
    });
    expect(pids.length).toBeGreaterThan(0);
    await execa("kill", ["-KILL", ...pids]);
    // A changed grid value: new train and eval actions, for the killed workers' successors.
    const build = readFileSync(join(ws, "BUILD.bazel"), "utf8");
    writeFileSync(join(ws, "BUILD.bazel"), build.replace('"0.3"', '"0.4"'));
    const log = join(ws, "again.log");
    await bazel(["build", "//:search", `--execution_log_json_file=${log}`], { cwd: ws });
    expect(runners(log)).toMatchObject({ DatabazelTrain: ["worker"], DatabazelEval: ["worker"] });
  });
});
