// The launcher's own failures say what to do: provisioning without root, with a mirror that
// does not serve Debian sid, and an unknown DATABAZEL_BAZEL_MODE. None of these touches the
// provisioned Bazel: each uses a scratch cache directory.
import { execa } from "execa";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launcher, repoRoot } from "./harness/bazel.ts";

const provision = join(repoRoot, "tools", "offline-bazel", "provision.sh");
const scratch = mkdtempSync(join(tmpdir(), "databazel-launcher-"));
chmodSync(scratch, 0o777);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("launcher and provisioning errors", () => {
  it("provisioning as a user who is not root", async () => {
    const result = await execa("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", provision, join(scratch, "root")], {
      reject: false,
      all: true,
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain("provisioning the offline Bazel needs root (it runs debootstrap and chroot)");
    expect(result.all).toContain("Fix: run this command as root once, or point DATABAZEL_BAZEL at a Bazel 7.7.1 binary you have.");
  });

  it("a mirror that does not serve Debian sid", async () => {
    const root = join(scratch, "no-mirror");
    const result = await execa(provision, [root], {
      reject: false,
      all: true,
      env: { DATABAZEL_DEBIAN_MIRROR: "http://127.0.0.1:9/debian" },
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain("databazel: error: debootstrap failed");
    expect(result.all).toContain("Fix: check that the mirror above serves 'sid', or set DATABAZEL_DEBIAN_MIRROR.");
    // Nothing half-made is left: only the log the message names.
    const left = (await execa("ls", [scratch])).stdout.split("\n");
    expect(left.filter((name) => name.startsWith("no-mirror"))).toEqual(["no-mirror.partial.log"]);
  });

  it("an unknown DATABAZEL_BAZEL_MODE", async () => {
    const result = await execa(launcher, ["info", "release"], {
      cwd: repoRoot,
      reject: false,
      all: true,
      env: { DATABAZEL_BAZEL_MODE: "cloud", DATABAZEL_CACHE: scratch },
    });
    expect(result.exitCode).toBe(2);
    expect(result.all).toContain("databazel: error: DATABAZEL_BAZEL_MODE=cloud is not one of: bazelisk, offline.");
  });
});
