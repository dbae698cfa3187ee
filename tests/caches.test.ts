// Caches users already run: after `bazel clean`, a rebuild with a disk cache, or with a real
// HTTP remote cache (nginx), executes no train, eval or aggregate action; nor does a build in a
// copy of the workspace at another path. Read from Bazel's execution log, not from timing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { cacheHitsByMnemonic, executedByMnemonic } from "./harness/execution-log.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { findNginx, startNginxCache, type CacheServer } from "./harness/nginx.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const MNEMONICS = ["DatabazelTrain", "DatabazelEval", "DatabazelLeaderboard"];
let ws = "";
let scratch = "";
let step = 0;

const SEARCH = scriptTargets() + scriptSearch({ grid: { lr: ["0.1", "0.05"], hidden: ["32", "64"] } });

beforeAll(() => {
  ws = scriptWorkspace({ "BUILD.bazel": SEARCH });
  scratch = mkdtempSync(join(tmpdir(), "databazel-caches-"));
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  rmSync(scratch, { recursive: true, force: true });
});

/** Builds from scratch twice with the cache flags: the second build must come from the cache. */
async function cleanRebuild(flags: string[]): Promise<{ executed: Record<string, number>; hits: Record<string, number> }> {
  const log = join(scratch, `exec-${step++}.json`);
  await bazel(["clean"], { cwd: ws });
  await bazel(["build", "//:search", ...flags], { cwd: ws });
  await bazel(["clean"], { cwd: ws });
  const result = await bazel(["build", "//:search", ...flags, `--execution_log_json_file=${log}`], { cwd: ws });
  console.log(result.all?.split("\n").find((line) => line.includes("processes:")));
  return { executed: executedByMnemonic(log), hits: cacheHitsByMnemonic(log) };
}

describe("caches", () => {
  it("--disk_cache: a rebuild after bazel clean executes no train, eval or aggregate action", async () => {
    const { executed, hits } = await cleanRebuild([`--disk_cache=${join(scratch, "disk-cache")}`]);
    for (const mnemonic of MNEMONICS) expect(executed[mnemonic] ?? 0, mnemonic).toBe(0);
    expect(hits).toMatchObject({ DatabazelTrain: 4, DatabazelEval: 4, DatabazelLeaderboard: 1 });
  });

  it("--disk_cache: a copy of the workspace at another path executes no train, eval or aggregate action", async () => {
    // Another clone: same files, another directory, its own output base. Its action keys hold
    // no host path, and the Node is the pinned one from an external repository, so they match.
    const copy = scriptWorkspace({ "BUILD.bazel": SEARCH });
    const flags = [`--disk_cache=${join(scratch, "shared-disk-cache")}`];
    try {
      expect(copy).not.toBe(ws);
      await bazel(["clean"], { cwd: ws });
      await bazel(["build", "//:search", ...flags], { cwd: ws });
      const log = join(scratch, "exec-copy.json");
      const result = await bazel(["build", "//:search", ...flags, `--execution_log_json_file=${log}`], { cwd: copy });
      console.log(`second clone: ${result.all?.split("\n").find((line) => line.includes("processes:"))}`);
      const executed = executedByMnemonic(log);
      for (const mnemonic of MNEMONICS) expect(executed[mnemonic] ?? 0, mnemonic).toBe(0);
      expect(cacheHitsByMnemonic(log)).toMatchObject({ DatabazelTrain: 4, DatabazelEval: 4, DatabazelLeaderboard: 1 });
    } finally {
      await removeWorkspace(copy);
    }
  });

  describe("--remote_cache with nginx", () => {
    let server: CacheServer | undefined;
    let skip = "";

    beforeAll(async () => {
      const nginx = await findNginx();
      if ("reason" in nginx) skip = nginx.reason;
      else server = await startNginxCache(nginx.path, join(scratch, "nginx"));
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("a rebuild after bazel clean executes no train, eval or aggregate action", async (context) => {
      if (!server) context.skip(`no nginx: ${skip}`);
      const { executed, hits } = await cleanRebuild([`--remote_cache=${server!.url}`]);
      for (const mnemonic of MNEMONICS) expect(executed[mnemonic] ?? 0, mnemonic).toBe(0);
      expect(hits).toMatchObject({ DatabazelTrain: 4, DatabazelEval: 4, DatabazelLeaderboard: 1 });
    });
  });
});
