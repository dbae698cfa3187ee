// e2e/optuna_sampler: a hyperparam_search whose later batches come from Optuna's TPE,
// through databazel's sampler contract, with Optuna from PyPI by rules_python's pip.parse and a
// hash-locked requirements file. Where PyPI cannot be reached, the test says so and skips.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { executedByMnemonic } from "./harness/execution-log.ts";
import { pypiUnreachable } from "./harness/pypi.ts";
import { e2eWorkspaceCopy } from "./harness/workspace.ts";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";

let ws = "";
let outputBase = "";
let scratch = "";
/** Why Optuna could not be installed, when it could not. */
let unavailable = "";

async function build(log: string): Promise<{ exitCode: number; output: string }> {
  const result = await bazel(
    [`--output_base=${outputBase}`, "build", "--disk_cache=", `--execution_log_json_file=${log}`, "//:search"],
    { cwd: ws, allowFailure: true },
  );
  return { exitCode: result.exitCode ?? 1, output: String(result.all) };
}

const bin = (rel: string): string => join(ws, "bazel-bin", rel);
const files = ["search/batches/batch_2.proposals.json", "search/batches/batch_3.proposals.json", "search.leaderboard.json"];
const snapshot = (): string[] => files.map((f) => readFileSync(bin(f), "utf8"));

let first: string[] = [];
let executed: Record<string, number> = {};

beforeAll(async () => {
  ws = e2eWorkspaceCopy("optuna_sampler");
  outputBase = mkdtempSync(join(tmpdir(), "databazel-e2e-optuna-"));
  scratch = mkdtempSync(join(tmpdir(), "databazel-optuna-logs-"));
  const log = join(scratch, "first.json");
  const result = await build(log);
  if (result.exitCode !== 0) {
    // Only PyPI out of reach skips; any other failure (a wrong hash, a broken sampler) is reported.
    const offline = pypiUnreachable(result.output);
    if (!offline) throw new Error(`bazel build //:search in e2e/optuna_sampler failed:\n${result.output}`);
    unavailable = offline;
    return;
  }
  executed = executedByMnemonic(log);
  first = snapshot();
}, 900_000);

afterAll(async () => {
  if (ws) await bazel([`--output_base=${outputBase}`, "shutdown"], { cwd: ws, allowFailure: true });
  for (const dir of [ws, outputBase, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("e2e/optuna_sampler: Optuna's TPE as a sampler executable, from PyPI", () => {
  it("builds 3 batches of 4 in one build, batches 2 and 3 proposed by Optuna inside the space", (context) => {
    if (unavailable) context.skip(`Optuna could not be installed from PyPI here: ${unavailable}`);
    expect(executed["DatabazelSampler"]).toBe(2);
    const board = JSON.parse(first[2]!) as LeaderboardJson;
    expect(board.trials).toHaveLength(12);
    for (const batch of [0, 1]) {
      const proposals = JSON.parse(first[batch]!) as { lr: number; momentum: number; optimizer: string; width: number }[];
      expect(proposals).toHaveLength(4);
      for (const p of proposals) {
        expect(p.lr).toBeGreaterThanOrEqual(0.0001);
        expect(p.lr).toBeLessThanOrEqual(1);
        expect(p.momentum).toBeGreaterThanOrEqual(0);
        expect(p.momentum).toBeLessThanOrEqual(0.99);
        expect(["sgd", "adam"]).toContain(p.optimizer);
        expect(Number.isInteger(p.width) && p.width >= 8 && p.width <= 256).toBe(true);
      }
      // The leaderboard shows the values Optuna proposed for the batch's trials.
      const trials = board.trials.filter((t) => t.trial.startsWith(`b${batch + 2}_`)).sort((a, b) => a.trial.localeCompare(b.trial));
      expect(trials.map((t) => Number(t.hyperparams["lr"]))).toEqual(proposals.map((p) => p.lr));
    }
  });

  it("proposes byte-identical batches, and the same leaderboard, after bazel clean", async (context) => {
    if (unavailable) context.skip(`Optuna could not be installed from PyPI here: ${unavailable}`);
    await bazel([`--output_base=${outputBase}`, "clean"], { cwd: ws });
    const again = await build(join(scratch, "second.json"));
    expect(again.exitCode, again.output).toBe(0);
    expect(executedByMnemonic(join(scratch, "second.json"))["DatabazelSampler"]).toBe(2);
    expect(snapshot()).toEqual(first);
  });
});
