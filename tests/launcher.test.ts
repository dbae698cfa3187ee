// The launcher answers like Bazel: with the offline Bazel, `version` and `--version` say which
// Bazel it runs (Debian's build has no label for Bazel's own `version` to print), and no command
// prints the warning Debian's bazelrc used to cause (`--host_javabase`, a no-op in Bazel 7).
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { launcher, repoRoot } from "./harness/bazel.ts";

/** tools/bazel with the offline Bazel, whatever else this machine could pick. */
async function offline(args: string[], cwd: string = repoRoot): Promise<{ exitCode: number | undefined; stdout: string; all: string }> {
  const result = await execa(launcher, args, {
    cwd,
    all: true,
    reject: false,
    stdin: "ignore",
    env: { DATABAZEL_BAZEL: "", DATABAZEL_BAZEL_MODE: "offline" },
  });
  return { exitCode: result.exitCode, stdout: result.stdout, all: result.all };
}

describe("tools/bazel with the offline Bazel", () => {
  it("`version` names Bazel 7.7.1, Debian's package and the root it runs in", async () => {
    const result = await offline(["version"]);
    expect(result.exitCode, result.all).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("Build label: 7.7.1");
    expect(lines[1]).toMatch(/^Package: Debian's bazel-bootstrap 7\.7\.1\+\S+$/);
    expect(result.stdout).toContain("Launcher: tools/bazel, the offline Bazel in its own root filesystem");
    expect(result.stdout).toMatch(/^Root filesystem: \/\S+\/bazel-7\.7\.1$/m);
    expect(result.all).not.toContain("Version information not available");
    // Bazel's own form for scripts.
    const gnu = await offline(["version", "--gnu_format"]);
    expect(gnu.exitCode, gnu.all).toBe(0);
    expect(gnu.stdout).toBe("bazel 7.7.1");
  });

  it("`--version` keeps Bazel's first words and says which Bazel it is", async () => {
    const result = await offline(["--version"]);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toMatch(/^bazel 7\.7\.1 \(Debian's bazel-bootstrap 7\.7\.1\+\S+, the offline Bazel of tools\/bazel\)$/);
    // After startup options too, as Bazel takes them.
    const startup = await offline(["--output_base=/nonexistent/unused", "version", "--gnu_format"]);
    expect(startup.stdout).toBe("bazel 7.7.1");
  });

  it("DATABAZEL_BAZEL naming the launcher itself means: pick as usual (no loop)", async () => {
    const result = await execa(launcher, ["version", "--gnu_format"], {
      cwd: repoRoot,
      all: true,
      reject: false,
      stdin: "ignore",
      timeout: 60_000,
      env: { DATABAZEL_BAZEL: launcher, DATABAZEL_BAZEL_MODE: "offline", DATABAZEL_VERBOSE: "1" },
    });
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toBe("bazel 7.7.1");
    expect(result.stderr).toContain(`databazel: DATABAZEL_BAZEL=${launcher} is this launcher: picking a Bazel as usual`);
  });

  it("other commands are Bazel's own, and none prints the host_javabase warning", async () => {
    const release = await offline(["info", "release"]);
    expect(release.exitCode, release.all).toBe(0);
    // Debian's build reports no release: the launcher leaves `info` as Bazel answers it.
    expect(release.stdout).toBe("development version");
    const query = await offline(["query", "//databazel:node_toolchain_type"]);
    expect(query.exitCode, query.all).toBe(0);
    const build = await offline(["build", "--nobuild", "//databazel/private/bundles:checked_in"]);
    expect(build.exitCode, build.all).toBe(0);
    for (const result of [release, query, build]) {
      expect(result.all).not.toContain("host_javabase");
      expect(result.all).not.toMatch(/WARNING: Option '[^']+' is deprecated/);
    }
  });
});
