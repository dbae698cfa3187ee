// Consumer workspaces for the integration tests: a fresh directory whose MODULE.bazel loads
// databazel from this repository, as a user's would with local_path_override.
import { rmSync } from "node:fs";
import { bazel, makeWorkspace, repoRoot } from "./bazel.ts";

export function consumerWorkspace(
  files: Record<string, string>,
  copy: string[] = [],
  databazelPath: string = repoRoot,
): string {
  return makeWorkspace(
    {
      "MODULE.bazel": [
        'module(name = "consumer")',
        "",
        'bazel_dep(name = "databazel")',
        `local_path_override(module_name = "databazel", path = ${JSON.stringify(databazelPath)})`,
        "",
        'bazel_dep(name = "rules_shell", version = "0.4.1")',
        "",
      ].join("\n"),
      ".bazelrc": ["common --noenable_workspace", "common --lockfile_mode=off", "build --nosandbox_debug", ""].join(
        "\n",
      ),
      ...files,
    },
    copy,
  );
}

/** Stops the workspace's Bazel server and deletes the workspace. */
export async function removeWorkspace(dir: string): Promise<void> {
  await bazel(["shutdown"], { cwd: dir, allowFailure: true });
  rmSync(dir, { recursive: true, force: true });
}
