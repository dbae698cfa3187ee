// Makes sure a Bazel is there before any test runs: on a fresh machine the launcher provisions
// the offline Bazel first (a minute or two), and that output belongs at the top of the log.
import { execa } from "execa";
import { launcher, repoRoot } from "./bazel.ts";

export default async function setup(): Promise<void> {
  console.log("databazel tests: preparing Bazel through tools/bazel ...");
  await execa(launcher, ["info", "release"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
}
