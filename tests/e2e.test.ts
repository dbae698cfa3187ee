// The consumer workspaces under e2e/, built from scratch (a fresh output base each) through
// the launcher: Bzlmod with Python and shell scripts, and WORKSPACE mode.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { pinnedNodeFromNodeModules } from "./harness/workspace.ts";

const outputBases: { outputBase: string; cwd: string }[] = [];

const copies: string[] = [];

/**
 * A copy of e2e/smoke that takes the pinned Node from this repository's node_modules: the
 * offline Bazel has no npm, and e2e/smoke itself stays as a consumer elsewhere (the registry's
 * presubmit) uses it, fetching the pinned Node with npm.
 */
function smokeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-e2e-smoke-ws-"));
  copies.push(dir);
  cpSync(join(repoRoot, "e2e", "smoke"), dir, { recursive: true, filter: (src) => !/\/bazel-[^/]*$/.test(src) });
  const module = readFileSync(join(dir, "MODULE.bazel"), "utf8").replace('path = "../.."', `path = ${JSON.stringify(repoRoot)}`);
  writeFileSync(join(dir, "MODULE.bazel"), [module, ...pinnedNodeFromNodeModules()].join("\n"));
  return dir;
}

/** Builds everything in an e2e workspace from scratch and returns a reader of its bazel-bin. */
async function buildFromScratch(name: string): Promise<(rel: string) => string> {
  const cwd = name === "smoke" ? smokeCopy() : join(repoRoot, "e2e", name);
  const outputBase = mkdtempSync(join(tmpdir(), `databazel-e2e-${name}-`));
  outputBases.push({ outputBase, cwd });
  // No convenience symlinks: the workspace's own (from a developer's builds) stay as they are.
  await bazel([`--output_base=${outputBase}`, "build", "--experimental_convenience_symlinks=ignore", "//..."], { cwd });
  const bin = (await bazel([`--output_base=${outputBase}`, "info", "bazel-bin"], { cwd })).stdout.trim();
  return (rel) => readFileSync(join(bin, rel), "utf8");
}

afterAll(async () => {
  for (const { outputBase, cwd } of outputBases) {
    await bazel([`--output_base=${outputBase}`, "shutdown"], { cwd, allowFailure: true });
    rmSync(outputBase, { recursive: true, force: true });
  }
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe("e2e/smoke: bazel_dep + local_path_override, a py_binary and a shell script", () => {
  it("trains, evaluates and searches", async () => {
    const read = await buildFromScratch("smoke");
    const model = JSON.parse(read("line.model")) as { a: number; b: number };
    expect(model.a).toBeCloseTo(2, 0);
    expect(model.b).toBeCloseTo(1, 0);
    const metrics = JSON.parse(read("line_eval.metrics.json")) as { mse: number; examples: number };
    expect(metrics.examples).toBe(3);
    expect(metrics.mse).toBeLessThan(0.1);
    const board = JSON.parse(read("search.leaderboard.json")) as { best: string; goal: string; trials: unknown[] };
    expect(board.goal).toBe("minimize");
    expect(board.trials).toHaveLength(3);
    expect(board.best).toBe("l2_0.0");
    expect(read("search.best_model")).toBe(read("line.model"));
  });
});

describe("e2e/workspace: WORKSPACE mode with databazel_dependencies()", () => {
  it("trains, evaluates and searches", async () => {
    const read = await buildFromScratch("workspace");
    expect(read("m.model")).toContain('hyperparams={"lr":"0.05"}');
    expect(JSON.parse(read("m_eval.metrics.json"))).toHaveProperty("accuracy");
    expect((JSON.parse(read("search.leaderboard.json")) as { best: string }).best).toBe("lr_0.05");
  });
});
