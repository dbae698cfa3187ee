// The consumer workspaces under e2e/ through the launcher: Bzlmod with Python and shell scripts
// (a copy of e2e/smoke, built from scratch), and WORKSPACE mode (e2e/workspace, built in place
// with the README's command).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { e2eWorkspaceCopy, gitStatus } from "./harness/workspace.ts";

const copies: string[] = [];

/** Workspaces this file ran Bazel in, with their default output base: their servers go at the end. */
const cliWorkspaces: string[] = [];

function smokeCopy(): string {
  const dir = e2eWorkspaceCopy("smoke");
  copies.push(dir);
  return dir;
}

/** The copy of e2e/smoke that "trains, evaluates and searches" built, for the tests after it. */
let builtSmoke = "";

/**
 * Builds everything in a copy of e2e/smoke from scratch, in the copy's own output base, and
 * returns a reader of its bazel-bin. No disk cache (e2e/smoke's .bazelrc has one, as users'
 * should): every action runs.
 */
async function buildSmokeFromScratch(): Promise<(rel: string) => string> {
  const cwd = smokeCopy();
  cliWorkspaces.push(cwd);
  await bazel(["build", "--disk_cache=", "//..."], { cwd });
  builtSmoke = cwd;
  const bin = (await bazel(["info", "bazel-bin"], { cwd })).stdout.trim();
  return (rel) => readFileSync(join(bin, rel), "utf8");
}

/**
 * Builds e2e/NAME in place with the README's command and nothing appended (its own output base,
 * kept for the next run as a user's is), and returns a reader of its bazel-bin. Its server is
 * shut down after the file.
 */
async function buildInPlace(name: string): Promise<(rel: string) => string> {
  const cwd = join(repoRoot, "e2e", name);
  cliWorkspaces.push(cwd);
  const before = await gitStatus(cwd);
  await bazel(["build", "//..."], { cwd });
  // The convenience symlinks are there, and git ignores them.
  expect(existsSync(join(cwd, "bazel-bin"))).toBe(true);
  expect(await gitStatus(cwd)).toBe(before);
  return (rel) => readFileSync(join(cwd, "bazel-bin", rel), "utf8");
}

afterAll(async () => {
  for (const cwd of cliWorkspaces) await bazel(["shutdown"], { cwd, allowFailure: true });
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe("e2e/smoke: bazel_dep + local_path_override, a py_binary and a shell script", () => {
  it("trains, evaluates and searches", async () => {
    const read = await buildSmokeFromScratch();
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

    // fine_tune (e2e/smoke/fine_tune.bzl) is built from databazel_lib alone.
    const base = JSON.parse(read("line.model")) as { a: number };
    const tuned = JSON.parse(read("tuned.model")) as { a: number };
    expect(tuned.a).not.toBe(base.a);
    expect(tuned.a).toBeCloseTo(2, 0);
    expect((JSON.parse(read("tuned_eval.metrics.json")) as { mse: number }).mse).toBeLessThan(0.1);
    const distilled = JSON.parse(read("distill_search.leaderboard.json")) as { best: string; trials: unknown[] };
    expect(distilled.trials).toHaveLength(2);
    expect(distilled.best).toBe("l2_0.0");
  });

  it("databazel lineage follows a databazel_lib rule back to the model it fine-tuned", async () => {
    // The copy the test above built, or (run alone) a fresh one that the CLI builds first.
    const cwd = builtSmoke || smokeCopy();
    if (!builtSmoke) cliWorkspaces.push(cwd);
    const result = await databazel(["lineage", "//:tuned", "--json"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    const lineage = JSON.parse(result.stdout) as {
      parent_models: { label: string }[];
      segments: { init_checkpoint: { model?: string } | null }[];
    };
    expect(lineage.parent_models.map((p) => p.label)).toEqual(["//:line"]);
    expect(lineage.segments).toHaveLength(1);
    expect(lineage.segments[0]!.init_checkpoint?.model).toBe("//:line");

    const search = await databazel(["lineage", "//:distill_search", "--json"], cwd);
    expect(search.exitCode, search.stderr).toBe(0);
    const labels = (JSON.parse(search.stdout) as { parent_models: { label: string }[] }).parent_models.map((p) => p.label);
    expect(labels).toEqual(expect.arrayContaining(["//:tuned", "//:line"]));
  });
});

describe("e2e/smoke: the CLI as a Bazel target, `bazel run @databazel//:databazel`", () => {
  /** `bazel run @databazel//:databazel -- ARGS` through the launcher, in `cwd`. */
  const cli = (cwd: string, args: string[]) =>
    bazel(["run", "--ui_event_filters=-info", "--noshow_progress", "@databazel//:databazel", "--", ...args], { cwd });
  /** How many Bazel servers a command started: the CLI's own calls must reach the server that ran it. */
  const serversStarted = (output: string): number => output.split("\n").filter((l) => l.includes("Starting local Bazel server")).length;

  it("show, diff and lineage from the consumer, with the Bazel that started them", async () => {
    const cwd = smokeCopy();
    cliWorkspaces.push(cwd);

    const show = await cli(cwd, ["show", "//:search"]);
    expect(show.stdout).toContain("//:search: 3 trials ranked by mse (minimize: lower is better); * marks the best.");
    expect(show.stdout).toMatch(/^\*\s+1\s+l2_0\.0\s+0\.0\s/m);
    expect(show.stdout.split("\n").filter((l) => /^\s+[23]\s+l2_/.test(l))).toHaveLength(2);
    // Nothing was built in the fresh copy: the CLI built the search, in the same server.
    expect(show.all).toContain("databazel: building //:search");
    expect(serversStarted(show.all)).toBeLessThanOrEqual(1);

    // A pattern: every search it names, each under its label.
    const all = await cli(cwd, ["show", "//..."]);
    expect(all.stdout).toMatch(/^\/\/:distill_search\n\n\/\/:distill_search: 2 trials ranked by mse/m);
    expect(all.stdout).toMatch(/^\/\/:search\n\n\/\/:search: 3 trials ranked by mse/m);
    const many = await bazel(["run", "--ui_event_filters=-info", "--noshow_progress", "@databazel//:databazel", "--", "show", "--json", "//..."], { cwd, allowFailure: true });
    expect(many.exitCode).not.toBe(0);
    expect(many.all).toContain("databazel show --json prints one search, and //... names 2 (//:distill_search, //:search).");
    expect(many.all).toContain("Fix: name one, e.g. databazel show --json //:distill_search; or leave out --json to see them all.");

    const diff = await cli(cwd, ["diff", "//:line_eval", "//:tuned_eval", "--json"]);
    const rows = JSON.parse(diff.stdout) as { a: { label: string }; b: { label: string }; hyperparams: { name: string; a: unknown; b: unknown }[]; metrics: { name: string }[] };
    expect([rows.a.label, rows.b.label]).toEqual(["//:line_eval", "//:tuned_eval"]);
    expect(rows.hyperparams.find((r) => r.name === "l2")).toMatchObject({ a: "0.0", b: "10.0" });
    expect(rows.metrics.map((r) => r.name)).toContain("mse");
    expect(serversStarted(diff.all)).toBe(0);

    const lineage = await cli(cwd, ["lineage", "//:tuned", "--json"]);
    expect((JSON.parse(lineage.stdout) as { parent_models: { label: string }[] }).parent_models.map((p) => p.label)).toEqual(["//:line"]);
    expect(serversStarted(lineage.all)).toBe(0);
  });

  it("works in the directory `bazel run` was started from", async () => {
    const cwd = copies.at(-1)!;
    const sub = join(cwd, "notes");
    mkdirSync(sub);
    await cli(sub, ["export", "--tensorboard", "tb", "//:search"]);
    // DIR is relative to where the user ran Bazel, not to the CLI's runfiles.
    expect(readdirSync(join(sub, "tb", "search")).sort()).toEqual(expect.arrayContaining(["l2_0.0", "l2_1.0", "l2_100.0"]));
  });
});

describe("e2e/workspace: WORKSPACE mode with databazel_dependencies()", () => {
  it("cd e2e/workspace && ../../tools/bazel build //... trains, evaluates and searches", async () => {
    const read = await buildInPlace("workspace");
    expect(read("m.model")).toContain('hyperparams={"lr":"0.05"}');
    expect(JSON.parse(read("m_eval.metrics.json"))).toHaveProperty("accuracy");
    expect((JSON.parse(read("search.leaderboard.json")) as { best: string }).best).toBe("lr_0.05");
  });
});
