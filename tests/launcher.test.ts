// The launcher answers like Bazel: with the offline Bazel, `version` and `--version` say which
// Bazel it runs (Debian's build has no label for Bazel's own `version` to print), and no command
// prints the warning Debian's bazelrc used to cause (`--host_javabase`, a no-op in Bazel 7).
import { execa } from "execa";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launcher, makeWorkspace, repoRoot } from "./harness/bazel.ts";

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

describe("DATABAZEL_CACHE", () => {
  /** Where the disk cache keeps a blob with these bytes. */
  function blob(diskCache: string, content: string): string {
    const sha = createHash("sha256").update(content).digest("hex");
    return join(diskCache, "cas", sha.slice(0, 2), sha);
  }

  it("moves the output root and the default disk cache; a bazelrc or a command line that turns it off still does", async () => {
    const defaultCache = process.env.DATABAZEL_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "databazel");
    const cache = mkdtempSync(join(tmpdir(), "databazel-cache-"));
    // The provisioned root, shared (provisioning another takes minutes); all else is this cache's.
    symlinkSync(realpathSync(join(defaultCache, "bazel-7.7.1")), join(cache, "bazel-7.7.1"));
    const nonce = `${process.pid}-${Date.now()}`;
    const out = (name: string): string => `${name} ${nonce}\n`;
    const ws = makeWorkspace({
      "MODULE.bazel": 'module(name = "moved_cache")\n',
      // As this repository's and the examples' .bazelrc do.
      ".bazelrc": "common --noenable_workspace\ncommon --lockfile_mode=off\nbuild --disk_cache=~/.cache/databazel/disk-cache\n",
      "BUILD.bazel": ["kept", "unkept", "nested"]
        .map((name) => `genrule(name = "${name}", outs = ["${name}.txt"], cmd = "echo ${out(name).trim()} >$@")\n`)
        .join("") + '# buildifier: disable=native-sh-binary\nsh_binary(name = "rebuild", srcs = ["rebuild.sh"])\n',
      // What `bazel run` starts calls Bazel again, as the databazel CLI does.
      "rebuild.sh": '#!/bin/sh\ncd "$BUILD_WORKSPACE_DIRECTORY" && exec "$DATABAZEL_BAZEL" build //:nested\n',
    });
    // A workspace whose .bazelrc turns the disk cache off, as the test workspaces' do.
    const offWs = makeWorkspace({
      "MODULE.bazel": 'module(name = "no_disk_cache")\n',
      ".bazelrc": "common --noenable_workspace\ncommon --lockfile_mode=off\nbuild --disk_cache=\n",
      "BUILD.bazel": `genrule(name = "rcoff", outs = ["rcoff.txt"], cmd = "echo ${out("rcoff").trim()} >$@")\n`,
    });
    const run = (args: string[], cwd = ws) =>
      execa(launcher, args, {
        cwd,
        all: true,
        reject: false,
        stdin: "ignore",
        env: { DATABAZEL_CACHE: cache, DATABAZEL_BAZEL: "", DATABAZEL_BAZEL_MODE: "offline" },
      });
    const moved = join(cache, "disk-cache");
    const home = join(homedir(), ".cache", "databazel", "disk-cache");
    try {
      const info = await run(["info", "output_base"]);
      expect(info.exitCode, info.all).toBe(0);
      expect(info.stdout.startsWith(join(cache, "output_user_root") + "/")).toBe(true);

      const kept = await run(["build", "//:kept"]);
      expect(kept.exitCode, kept.all).toBe(0);
      expect(existsSync(blob(moved, out("kept"))), `no ${out("kept").trim()} in ${moved}`).toBe(true);
      expect(existsSync(blob(home, out("kept")))).toBe(false);

      const unkept = await run(["build", "--disk_cache=", "//:unkept"]);
      expect(unkept.exitCode, unkept.all).toBe(0);
      expect(existsSync(blob(moved, out("unkept")))).toBe(false);
      expect(existsSync(blob(home, out("unkept")))).toBe(false);

      const rcoff = await run(["build", "//:rcoff"], offWs);
      expect(rcoff.exitCode, rcoff.all).toBe(0);
      expect(existsSync(blob(moved, out("rcoff")))).toBe(false);
      expect(existsSync(blob(home, out("rcoff")))).toBe(false);

      const nested = await run(["run", "//:rebuild"]);
      expect(nested.exitCode, nested.all).toBe(0);
      expect(existsSync(blob(moved, out("nested"))), nested.all).toBe(true);
      expect(existsSync(blob(home, out("nested")))).toBe(false);
    } finally {
      await run(["shutdown"]);
      await run(["shutdown"], offWs);
      // The mount namespace this cache's launcher started (a `sleep infinity`), then the cache.
      const holder = Number(readFileSync(join(cache, "namespace.pid"), "utf8").trim());
      if (holder > 1) process.kill(holder);
      rmSync(cache, { recursive: true, force: true });
      rmSync(ws, { recursive: true, force: true });
      rmSync(offWs, { recursive: true, force: true });
    }
  });
});

describe("the offline root's npm (tools/offline-bazel/install-npm.sh)", () => {
  it("gets the host's registry, scoped registries, proxy and CA file, never its credentials", async () => {
    const dir = mkdtempSync(join(tmpdir(), "databazel-npmrc-"));
    try {
      // A root that already has its npm: the script only writes the configuration.
      const root = join(dir, "root");
      mkdirSync(join(root, "usr", "bin"), { recursive: true });
      writeFileSync(join(root, "usr", "bin", "npm"), "#!/bin/sh\n", { mode: 0o755 });
      writeFileSync(join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n");
      writeFileSync(
        join(dir, "npmrc"),
        [
          "registry=https://registry.example.internal/npm/",
          "@corp:registry=https://corp.example.internal/",
          "https-proxy=http://proxy.example.internal:3128/",
          `cafile=${join(dir, "ca.pem")}`,
          "//registry.example.internal/npm/:_authToken=SECRET-TOKEN",
          "",
        ].join("\n"),
      );
      const result = await execa(join(repoRoot, "tools", "offline-bazel", "install-npm.sh"), [root], {
        all: true,
        reject: false,
        // Without the npm_config_* variables that `npx vitest` passes down: they would win.
        extendEnv: false,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key))),
          NPM_CONFIG_USERCONFIG: join(dir, "npmrc"),
          NPM_CONFIG_NOPROXY: "localhost",
        },
      });
      expect(result.exitCode, result.all).toBe(0);
      const npmrc = readFileSync(join(root, "etc", "npmrc"), "utf8");
      expect(npmrc.split("\n")).toEqual(
        expect.arrayContaining([
          "registry=https://registry.example.internal/npm/",
          "@corp:registry=https://corp.example.internal/",
          "https-proxy=http://proxy.example.internal:3128/",
          "noproxy[]=localhost",
          "cafile=/etc/databazel/npm-cafile.pem",
        ]),
      );
      expect(npmrc).not.toContain("SECRET-TOKEN");
      expect(npmrc).not.toContain("_authToken");
      expect(readFileSync(join(root, "etc", "databazel", "npm-cafile.pem"), "utf8")).toBe(readFileSync(join(dir, "ca.pem"), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
