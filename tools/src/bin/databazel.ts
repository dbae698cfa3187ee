#!/usr/bin/env node
// `npx databazel`: shows leaderboards, diffs, lineage and reports of databazel targets, and
// exports searches to TensorBoard.
// See tools/src/cli/args.ts for the commands, and the README's "The databazel CLI".
import { run } from "../cli/main.ts";

void Promise.resolve(run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
