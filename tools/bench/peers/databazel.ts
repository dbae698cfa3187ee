// databazel: a consumer workspace (tools/bench/fixtures/peers/databazel: bazel_dep +
// local_path_override to this repository) with py_binary train and eval scripts and one
// hyperparam_search. The "Python once" variant registers databazel's python_once_toolchain
// (@databazel//databazel:python_once.bzl, declared in the fixture's BUILD.bazel), as
// docs/python.md tells users to: each script's py_binary launcher is a shell script that starts
// Python once instead of twice.
// Bazel always runs through tools/bazel, with --disk_cache= so that nothing comes from a shared
// disk cache: a full run after `bazel clean` executes every action.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bazelQuietly, launcher, processes } from "../bazel.ts";
import { copyFixtures, fillInRepoRoot, fixtureText } from "../fixtures.ts";
import { copyScripts, grids, type Grid } from "./scripts.ts";
import { timed, ToolFailed, type Measurement, type Session, type Tool } from "./run.ts";

/** The fixture's BUILD.bazel with the grid's //:search. */
function buildFile(grid: Grid): string {
  return `${fixtureText("peers/databazel/BUILD.bazel")}
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

/**
 * The first lines of the train script's launchers a build left (the search builds it for the
 * exec configuration): "#!/bin/sh" from python_once_toolchain, Python's shebang from Bazel's own.
 */
function trainLaunchers(dir: string): string[] {
  const out = join(dir, "bazel-out");
  return readdirSync(out)
    .map((config) => join(out, config, "bin", "train"))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path, "utf8").split("\n", 1)[0] ?? "");
}

/** The columns: py_binary's own launcher (Python twice), or python_once_toolchain's (Python once). */
export const DATABAZEL_COLUMNS = { stub: "databazel", once: "databazel, Python once" } as const;

export function databazelTool(extraFlags: string[], python: keyof typeof DATABAZEL_COLUMNS = "stub"): Tool {
  return {
    column: DATABAZEL_COLUMNS[python],
    async setup(n, root): Promise<Session> {
      const dir = join(root, python === "stub" ? "databazel" : "databazel-python-once");
      mkdirSync(dir);
      const { original, changed } = grids(n);
      copyScripts(dir);
      copyFixtures(dir, [{ dir: "common", files: [".bazelrc"] }, { dir: "peers/databazel", files: ["MODULE.bazel"] }]);
      fillInRepoRoot(dir);
      if (python === "once") {
        appendFileSync(join(dir, "MODULE.bazel"), '\n# py_binary starts Python once (BUILD.bazel\'s python_once_toolchain).\nregister_toolchains("//:python_once")\n');
      }
      writeFileSync(join(dir, "BUILD.bazel"), buildFile(original));
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
          const m = await build(cap);
          // The column measures the launcher it names, or the benchmark stops.
          const launchers = m.timedOut ? [] : trainLaunchers(dir);
          if (!m.timedOut && (launchers.length === 0 || launchers.some((line) => (line === "#!/bin/sh") !== (python === "once")))) {
            throw new ToolFailed(`${DATABAZEL_COLUMNS[python]}: the train script's launchers begin ${JSON.stringify(launchers)}, not the column's`);
          }
          return m;
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
