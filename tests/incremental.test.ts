// A search is an incremental build: changing one grid value re-runs only the trials it
// touches. Counted from Bazel's execution log, which lists the spawns that really ran.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptSearch } from "./harness/build-file.ts";
import { loggedBuild } from "./harness/execution-log.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

function buildFile(lrs: string[]): string {
  return scriptTargets() + scriptSearch({ grid: { lr: lrs, hidden: ["32", "64"] } });
}

let ws = "";
const buildAndCount = async (): Promise<Record<string, number>> => (await loggedBuild(["//:search"], { cwd: ws, logDir: ws })).executed;

beforeAll(() => {
  ws = scriptWorkspace({ "BUILD.bazel": buildFile(["0.1", "0.05"]) });
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

describe("incremental search", () => {
  it("runs every trial once on the first build", async () => {
    expect(await buildAndCount()).toMatchObject({ DatabazelTrain: 4, DatabazelEval: 4, DatabazelLeaderboard: 1 });
  });

  it("runs nothing when nothing changed", async () => {
    const counts = await buildAndCount();
    expect(counts.DatabazelTrain ?? 0).toBe(0);
    expect(counts.DatabazelEval ?? 0).toBe(0);
    expect(counts.DatabazelLeaderboard ?? 0).toBe(0);
  });

  it("re-runs only the trials a changed grid value touches", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), buildFile(["0.1", "0.01"]));
    const counts = await buildAndCount();
    expect(counts.DatabazelTrain).toBe(2);
    expect(counts.DatabazelEval).toBe(2);
    expect(counts.DatabazelLeaderboard).toBe(1);
  });
});
