// A cache that lost blobs never fails a build. The failure needs all of these:
//   - results served from the cache (after `bazel clean`, a crash, in another clone) under
//     Bazel's default --remote_download_outputs=toplevel, which downloads only the requested
//     outputs: the output base knows every other one by its digest alone. (Outputs of actions
//     that ran in this output base are on disk: building, losing the cache and changing the
//     search does not fail.)
//   - the cache then loses those blobs: the directory deleted, or trimmed by Bazel's GC;
//   - within --experimental_remote_cache_ttl (3 h) of that build, a change makes an action run
//     that reads them: a rung's decision, a trial continuing from its checkpoint, the next TPE
//     batch's evaluations and proposal. Bazel cannot fetch them: exit code 39.
// A server restart in between changes nothing: the on-disk action cache knows the same digests.
// Bazel's GC deletes cache files oldest first until the cache fits; here it keeps nothing, the
// one trim whose lost blobs a test can name in advance.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEDULER_HEADER, schedulerSearch } from "./harness/scheduler.ts";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { cacheHitsByMnemonic, executedByMnemonic, loggedBuild, type LoggedBuild } from "./harness/execution-log.ts";
import { samplerSearch, samplerWorkspace } from "./harness/sampler.ts";
import { removeWorkspace } from "./harness/workspace.ts";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";

// Two brackets: 3 trials at 1 epoch, the best going on to 3 (one decision), and 2 at 3 epochs.
const hyperband = (continueTrials: string[]): string =>
  schedulerSearch("hyperband", {
    space: { lr: "loguniform(0.001, 1)" },
    seed: 1,
    scheduler: "hyperband",
    min_epochs: 1,
    max_epochs: 3,
    reduction_factor: 3,
    continue_trials: continueTrials,
  });

// Batches of 2: a third batch makes batch 2's validation evaluations and batch 3's proposal run.
const tpe = (nTrials: number): string => samplerSearch({ name: "tpe", sampler: "tpe", nTrials, batchSize: 2 });

const TARGETS = ["//:hyperband", "//:tpe"];
/** Bazel's own message for an input its cache lost; it names no flag (Bazel 7.7.1). */
const LOST = "Failed to fetch blobs because they do not exist remotely";
const RETRYING = "Found transient remote cache error, retrying the build";

let ws = "";
let scratch = "";
/** A disk cache holding every result of the searches as they start, filled once. */
let seedCache = "";
/** The trial of the first bracket that its decision stopped, which the change continues. */
let pruned = "";
let step = 0;

const setSearches = (changed: boolean): void =>
  writeFileSync(join(ws, "BUILD.bazel"), SCHEDULER_HEADER + hyperband(changed ? [pruned] : []) + tpe(changed ? 6 : 4));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const board = (name: string): LeaderboardJson => readJson<LeaderboardJson>(join(ws, "bazel-bin", `${name}.leaderboard.json`));

const build = (flags: string[], allowFailure = false): Promise<LoggedBuild> => loggedBuild([...TARGETS, ...flags], { cwd: ws, logDir: scratch, allowFailure });

/** The disk cache lines of e2e/smoke/.bazelrc, which the README tells users to copy, with `cache` as the directory. */
function recommendedLines(cache: string): string[] {
  const lines = readFileSync(join(repoRoot, "e2e", "smoke", ".bazelrc"), "utf8")
    .split("\n")
    .filter((l) => /^build --(disk_cache|experimental_disk_cache|remote_download|experimental_remote_cache)/.test(l))
    .map((l) => l.replace(/^build /, "").replace(/^--disk_cache=.*/, `--disk_cache=${cache}`));
  expect(lines.some((l) => l.startsWith("--experimental_disk_cache_gc_max_size="))).toBe(true);
  return lines;
}

const entries = (cache: string): string[] =>
  ["ac", "cas"].flatMap((kind) => (existsSync(join(cache, kind)) ? readdirSync(join(cache, kind), { recursive: true, withFileTypes: true }) : []))
    .filter((e) => e.isFile())
    .map((e) => e.name);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Loss = "deleted" | "trimmed";

/**
 * From the searches as they start: a fresh copy of the seed cache, `bazel clean`, a build served
 * wholly from that cache with `flags`, then the cache loses every blob (`loss`), and the
 * searches change. Returns the cache directory.
 */
async function cachedThenLost(flags: (cache: string) => string[], loss: Loss): Promise<string> {
  const cache = join(scratch, `cache-${step++}`);
  cpSync(seedCache, cache, { recursive: true });
  setSearches(false);
  await bazel(["clean"], { cwd: ws });
  // Bazel's own GC, made to run at once and keep nothing, when the server goes idle after this build.
  const gc = loss === "trimmed" ? ["--experimental_disk_cache_gc_max_size=1", "--experimental_disk_cache_gc_idle_delay=0s"] : [];
  const { log } = await build([...flags(cache), ...gc]);
  expect(executedByMnemonic(log), "the searches came from the cache").toEqual({});
  expect(cacheHitsByMnemonic(log)).toMatchObject({ DatabazelPromote: 1, DatabazelSampler: 1 });
  if (loss === "deleted") {
    rmSync(cache, { recursive: true, force: true });
  } else {
    for (const deadline = Date.now() + 60_000; entries(cache).length > 0 && Date.now() < deadline; ) await sleep(200);
    expect(entries(cache), "Bazel's GC trimmed the disk cache").toEqual([]);
  }
  setSearches(true);
  return cache;
}

// What the changed build runs when every output it reads is in bazel-out: the continued
// trial's segment from 1 to 3 epochs and batch 3's two trials; the decision, the proposal of
// batch 3, and the evaluations of batch 2 (on the validation data, for the proposal) and of the
// new segments.
const ONLY_THE_CHANGE = { DatabazelTrain: 3, DatabazelPromote: 1, DatabazelSampler: 1, DatabazelEval: 5 };
// What it runs when Bazel had to forget every output it knew only by digest: both searches
// again, every segment (8 of Hyperband, 6 TPE trials) and both proposals, as the lost bytes
// were the only copy.
const WHOLE_SEARCHES = { DatabazelTrain: 14, DatabazelPromote: 1, DatabazelSampler: 2, DatabazelEval: 18 };

/** The changed searches are whole (the pruned trial continued to 3 epochs, TPE has 6 trials), and ran `expected`. */
function expectChangedSearches(log: string, expected: Record<string, number>): void {
  expect(board("hyperband").trials.find((t) => t.trial === pruned)).toMatchObject({ outcome: "succeeded", epochs: 3 });
  expect(board("tpe").trials).toHaveLength(6);
  expect(executedByMnemonic(log)).toMatchObject(expected);
}

beforeAll(async () => {
  ws = samplerWorkspace(""); // its BUILD.bazel is setSearches'
  scratch = mkdtempSync(join(tmpdir(), "databazel-lost-blobs-"));
  seedCache = join(scratch, "seed-cache");
  pruned = "";
  setSearches(false);
  await build([`--disk_cache=${seedCache}`]);
  const stopped = board("hyperband").trials.filter((t) => t.bracket === 1 && t.outcome === "pruned");
  expect(stopped.length).toBe(2);
  pruned = stopped[0]!.trial;
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("with Bazel's defaults (--remote_download_outputs=toplevel, no retries)", () => {
  const defaults = (cache: string): string[] => [`--disk_cache=${cache}`];

  it("a deleted disk cache fails the changed build with exit code 39; the same build again completes", async () => {
    const cache = await cachedThenLost(defaults, "deleted");
    // A server restart changes nothing: the on-disk action cache knows the same digests.
    await bazel(["shutdown"], { cwd: ws });
    const { result } = await build(defaults(cache), true);
    expect(result.exitCode, result.all).toBe(39);
    // Without --keep_going the build stops at the first action that cannot fetch its inputs:
    // which of the two searches' actions that is depends on scheduling.
    const hyperbandLost = new RegExp(`Promoting the best 1 of 3 trials of //:hyperband after 1 epochs failed: ${LOST}`);
    const tpeLost = new RegExp(`Evaluating //:tpe trial b2_t\\d on the validation data failed: ${LOST}`);
    expect(hyperbandLost.test(result.all) || tpeLost.test(result.all), result.all).toBe(true);
    expect(result.all).toMatch(/Missing digest: [0-9a-f]{64}\/\d+ for bazel-out\/[^/]+\/bin\/(hyperband|tpe)\/\S+/);
    // The failure made Bazel forget the lost outputs: the next build runs what made them.
    const { log } = await build(defaults(cache));
    expectChangedSearches(log, WHOLE_SEARCHES);
  });

  it("a disk cache trimmed by Bazel's GC fails the changed build the same way", async () => {
    const cache = await cachedThenLost(defaults, "trimmed");
    const { result } = await build(defaults(cache), true);
    expect(result.exitCode, result.all).toBe(39);
    expect(result.all).toContain(LOST);
  });
});

// Why building, losing the cache and rebuilding often does not fail: Bazel counts on a blob the
// cache served for --experimental_remote_cache_ttl (3 hours by default), then checks the cache
// again, finds nothing and runs the action.
describe("past --experimental_remote_cache_ttl", () => {
  const shortTtl = (cache: string): string[] => [`--disk_cache=${cache}`, "--experimental_remote_cache_ttl=1s"];

  it("Bazel no longer counts on the lost blobs: the changed build runs what made them", async () => {
    const cache = await cachedThenLost(shortTtl, "deleted");
    await sleep(2_000);
    const { result, log } = await build(shortTtl(cache));
    expect(result.all).not.toContain(LOST);
    expectChangedSearches(log, WHOLE_SEARCHES);
  });
});

// Bazel's message names no remedy; the databazel CLI, which runs the build, says what to add.
describe("the databazel CLI, with Bazel's defaults", () => {
  const defaults = (cache: string): string[] => [`--disk_cache=${cache}`];
  const FIX = [
    "Fix: build again: Bazel has forgotten the lost outputs and runs the actions that made them. So that a build never stops on it, add to your .bazelrc:",
    "  build --experimental_remote_cache_eviction_retries=5",
    "  build --remote_download_outputs=all",
  ].join("\n");

  it("databazel build: Bazel's exit code 39, and what to add to .bazelrc", async () => {
    const cache = await cachedThenLost(defaults, "deleted");
    const result = await databazel(["build", "//:hyperband", "--", ...defaults(cache)], ws);
    expect(result.exitCode, result.stderr).toBe(39);
    expect(result.stderr).toContain(LOST);
    expect(result.stderr).toContain("databazel: the cache lost outputs of earlier actions that this build reads (a disk cache trimmed by its GC or deleted");
    expect(result.stderr).toContain(FIX);
  });

  it("a command that builds what it reads (databazel show): the same advice", async () => {
    const cache = await cachedThenLost(defaults, "deleted");
    const result = await databazel(["show", "//:tpe", "--", ...defaults(cache)], ws);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/databazel: error: bazel build (@@)?\/\/:tpe failed \(exit 39\): the cache lost outputs of earlier actions/);
    expect(result.stderr).toContain(FIX);
  });
});

describe("with --experimental_remote_cache_eviction_retries alone (toplevel, as --config=remote downloads)", () => {
  const retries = (cache: string): string[] => [`--disk_cache=${cache}`, "--experimental_remote_cache_eviction_retries=5"];

  it("a disk cache trimmed by Bazel's GC: Bazel builds again, running what made the lost outputs", async () => {
    const cache = await cachedThenLost(retries, "trimmed");
    const { result, log } = await build(retries(cache));
    expect(result.all).toContain(LOST);
    expect(result.all).toContain(RETRYING);
    // The execution log is the last attempt's.
    expectChangedSearches(log, WHOLE_SEARCHES);
  });
});

describe("with --remote_download_outputs=all alone", () => {
  const all = (cache: string): string[] => [`--disk_cache=${cache}`, "--remote_download_outputs=all"];

  it("a deleted disk cache: every input is in bazel-out, nothing is fetched", async () => {
    const cache = await cachedThenLost(all, "deleted");
    const { result, log } = await build(all(cache));
    expect(result.all).not.toContain(LOST);
    expectChangedSearches(log, ONLY_THE_CHANGE);
  });
});

describe("with the disk cache lines the README recommends (e2e/smoke/.bazelrc)", () => {
  it("has both remedies", () => {
    expect(recommendedLines("X")).toEqual(expect.arrayContaining(["--remote_download_outputs=all", "--experimental_remote_cache_eviction_retries=5"]));
  });

  for (const loss of ["deleted", "trimmed"] as const) {
    it(`a disk cache ${loss === "deleted" ? "deleted" : "trimmed by Bazel's GC"}: the changed build completes`, async () => {
      const cache = await cachedThenLost(recommendedLines, loss);
      const { result, log } = await build(recommendedLines(cache));
      expect(result.all).not.toContain(LOST);
      expectChangedSearches(log, ONLY_THE_CHANGE);
    });
  }
});
