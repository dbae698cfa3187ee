// Runs the bundled databazel CLI (databazel/private/bundles/databazel.cjs) as a user would, with its output captured.
import { execa, type Result } from "execa";
import { join } from "node:path";
import { repoRoot } from "./bazel.ts";

export const cliBundle = join(repoRoot, "databazel", "private", "bundles", "databazel.cjs");

export type CliResult = Result<{ reject: false }>;

/** `node databazel/private/bundles/databazel.cjs ARGS` in `cwd` (the repository by default); never throws on exit codes. */
export async function databazel(args: string[], cwd: string = repoRoot): Promise<CliResult> {
  return execa(process.execPath, [cliBundle, ...args], { cwd, reject: false, stdin: "ignore" });
}
