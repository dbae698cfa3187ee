#!/usr/bin/env node
// `npx databazel`, or `bazel run @databazel//:databazel --`: shows leaderboards, diffs, lineage
// and reports of databazel targets, and exports searches to TensorBoard.
// See tools/src/cli/args.ts for the commands, and docs/cli.md.
import { bazelRunDirectory } from "../cli/bazel.ts";
import { run } from "../cli/main.ts";

// Started by `bazel run`, the CLI runs in its runfiles: work where the user ran Bazel instead, so
// that labels and paths (export --tensorboard DIR) resolve as they would for Bazel there.
const workingDirectory = bazelRunDirectory();
if (workingDirectory) process.chdir(workingDirectory);

void Promise.resolve(run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
