// Makes sure a Bazel is there before any test runs: on a fresh machine the launcher provisions
// the offline Bazel first (a minute or two), and that output belongs at the top of the log.
// Then the test servers' class archive is made while the first test files run (a server that
// starts before it is there starts as usual); the run waits for it before it ends.
import { execa } from "execa";
import { launcher, repoRoot } from "./bazel.ts";
import { makeServerClasses } from "./server-classes.ts";

export default async function setup(): Promise<() => Promise<void>> {
  console.log("databazel tests: preparing Bazel through tools/bazel ...");
  await execa(launcher, ["info", "release"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
  const classes = makeServerClasses()
    .catch((error: unknown) => String(error))
    .then((problem) => problem && console.warn(`databazel tests: no class archive for test servers (each starts a second slower): ${problem}`));
  return async () => {
    await classes;
  };
}
