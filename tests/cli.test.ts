// The databazel CLI (tools/src/cli, bundled to databazel/private/bundles/databazel.cjs) against real builds:
// the mnist targets in this repository, and a fresh consumer workspace where nothing is built
// yet, so that the CLI has to build what it reads.
import { execa } from "execa";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../tools/src/cli/args.ts";
import { LEADERBOARD_FORMAT } from "../tools/src/formats/leaderboard.ts";
import { TEST_PREFIX } from "../tools/src/tensorboard/runs.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { cliBundle, databazel } from "./harness/cli.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const bin = join(repoRoot, "bazel-bin", "mnist");
const read = (path: string): string => readFileSync(path, "utf8");
const readJson = <T>(path: string): T => JSON.parse(read(path)) as T;
const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

interface Board {
  best: string;
  trials: { rank: number; trial: string; value: number }[];
}

interface DiffRow {
  name: string;
  a: string | number | null;
  b: string | number | null;
  change: number | string | null;
}

interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
}

interface Lineage {
  label: string;
  kind: string;
  trial: string | null;
  hyperparams: Record<string, string>;
  seed: number | null;
  model: FileRecord;
  training_data: (FileRecord & { model?: string })[];
  executable: FileRecord;
  segments: { epochs: { start: number; end: number } | null; init_checkpoint: FileRecord | null; output: FileRecord }[];
  parent_models: { label: string; model: string }[];
  lineage: { path: string; model?: string }[];
}

/** The cells of the table row whose first cell is `name` (cells are separated by 2+ spaces). */
function tableRow(text: string, name: string): string[] | undefined {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s{2,}/))
    .find((cells) => cells[0] === name);
}

beforeAll(async () => {
  await bazel([
    "build",
    "//mnist:bzl_search",
    "//mnist:bzl_eval",
    "//mnist:bzl_checkpointed_eval",
    "--output_groups=+records,+report",
  ]);
});

describe("databazel show", () => {
  it("prints the leaderboard sorted best first, the best marked with * and no colour when not a terminal", async () => {
    const result = await databazel(["show", "//mnist:bzl_search"]);
    expect(result.exitCode, result.stderr).toBe(0);
    console.log(result.stdout);
    const board = readJson<Board>(join(bin, "bzl_search.leaderboard.json"));
    expect(result.stdout).toContain("//mnist:bzl_search: 4 trials ranked by accuracy");
    expect(result.stdout).not.toContain("\x1b[");
    const lines = result.stdout.split("\n");
    const header = lines.find((l) => /^\s+rank\s+trial/.test(l))!;
    expect(header.trim().split(/\s+/)).toEqual(["rank", "trial", "epochs", "hidden", "lr", "model", "accuracy", "examples", "loss", "params"]);
    const rows = lines.slice(lines.indexOf(header) + 1).filter((l) => l.trim() !== "");
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.slice(1).trim().split(/\s+/)[1])).toEqual(board.trials.map((t) => t.trial));
    expect(rows.map((r) => Number(r.slice(1).trim().split(/\s+/)[0]))).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.startsWith("*")).toBe(true);
    expect(rows[0]).toContain(board.best);
    expect(rows.slice(1).every((r) => !r.startsWith("*"))).toBe(true);
    const accuracy = rows.map((r) => Number(r.slice(1).trim().split(/\s+/)[6]));
    expect([...accuracy].sort((x, y) => y - x)).toEqual(accuracy);
  });

  it("--json prints the leaderboard that is in bazel-bin", async () => {
    const result = await databazel(["show", "//mnist:bzl_search", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readJson(join(bin, "bzl_search.leaderboard.json")));
  });

  it("--csv and --md print the search's CSV and Markdown tables", async () => {
    const csv = await databazel(["show", "//mnist:bzl_search", "--csv"]);
    expect(csv.exitCode, csv.stderr).toBe(0);
    expect(csv.stdout.split("\n")[0]).toBe("rank,trial,epochs,hidden,lr,model,accuracy,examples,loss,params");
    expect(`${csv.stdout}\n`).toBe(read(join(bin, "bzl_search.leaderboard.csv")));
    const md = await databazel(["show", "//mnist:bzl_search", "--md"]);
    expect(`${md.stdout}\n`).toBe(read(join(bin, "bzl_search.leaderboard.md")));
  });

  it("on a model: a usage error that says what the label is and what show expects", async () => {
    const result = await databazel(["show", "//mnist:bzl_training"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("//mnist:bzl_training is a model target (ModelInfo)");
    expect(result.stderr).toContain("`databazel show` expects a hyperparam_search target (SearchInfo)");
    expect(result.stdout).toBe("");
  });
});

describe("databazel diff", () => {
  it("two models: hyperparameters side by side, and the last point of their learning curves, with B - A", async () => {
    const result = await databazel(["diff", "//mnist:bzl_training", "//mnist:bzl_checkpointed"]);
    expect(result.exitCode, result.stderr).toBe(0);
    console.log(result.stdout);
    expect(tableRow(result.stdout, "name")).toEqual(["name", "//mnist:bzl_training", "//mnist:bzl_checkpointed", "change"]);
    expect(tableRow(result.stdout, "hidden")).toEqual(["hidden", "128", "128", "0"]);
    expect(tableRow(result.stdout, "lr")).toEqual(["lr", "0.1", "0.1", "0"]);
    expect(tableRow(result.stdout, "model")).toEqual(["model", "mlp", "mlp"]);
    // bzl_checkpointed trains 8 epochs through its epochs attribute, bzl_training 5 as a hyperparameter.
    expect(tableRow(result.stdout, "epochs")).toEqual(["epochs", "5", "8", "+3"]);
    expect(tableRow(result.stdout, "epoch")).toEqual(["epoch", "5", "8", "+3"]);

    const json = JSON.parse((await databazel(["diff", "//mnist:bzl_training", "//mnist:bzl_checkpointed", "--json"])).stdout) as {
      metrics: DiffRow[];
    };
    const curve = (name: string): Record<string, number> => readJson<Record<string, number>[]>(join(bin, `${name}.curve.json`)).at(-1)!;
    const loss = json.metrics.find((r) => r.name === "loss")!;
    expect(loss.a).toBe(curve("bzl_training").loss);
    expect(loss.b).toBe(curve("bzl_checkpointed").loss);
    expect(loss.change as number).toBeCloseTo(curve("bzl_checkpointed").loss! - curve("bzl_training").loss!, 5);
  });

  it("two evaluations: their metrics with the change in accuracy, and their models' hyperparameters", async () => {
    const result = await databazel(["diff", "//mnist:bzl_eval", "//mnist:bzl_checkpointed_eval"]);
    expect(result.exitCode, result.stderr).toBe(0);
    console.log(result.stdout);
    const a = readJson<{ accuracy: number }>(join(bin, "bzl_eval.metrics.json")).accuracy;
    const b = readJson<{ accuracy: number }>(join(bin, "bzl_checkpointed_eval.metrics.json")).accuracy;
    const row = tableRow(result.stdout, "accuracy")!;
    expect(row.slice(0, 3)).toEqual(["accuracy", String(a), String(b)]);
    expect(Number(row[3])).toBeCloseTo(b - a, 6);
    expect(row[3]!.startsWith(b > a ? "+" : b < a ? "-" : "0")).toBe(true);
    expect(tableRow(result.stdout, "hidden")).toEqual(["hidden", "128", "128", "0"]);
    expect(result.stdout).toContain("evaluation of //mnist:bzl_training");

    const json = JSON.parse((await databazel(["diff", "//mnist:bzl_eval", "//mnist:bzl_checkpointed_eval", "--json"])).stdout) as {
      metrics: DiffRow[];
    };
    expect(json.metrics.find((r) => r.name === "accuracy")).toMatchObject({ a, b });
  });

  it("a search: its best trial's hyperparameters and metrics", async () => {
    const result = await databazel(["diff", "//mnist:bzl_search", "//mnist:bzl_eval", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { a: { source: string }; metrics: DiffRow[] };
    const board = readJson<Board>(join(bin, "bzl_search.leaderboard.json"));
    expect(json.a.source).toContain(board.best);
    expect(json.metrics.find((r) => r.name === "accuracy")!.a).toBe(board.trials[0]!.value);
  });
});

describe("databazel lineage", () => {
  it("a checkpointed model: 4 segments chained by init_checkpoint, the data's digests, the label", async () => {
    const result = await databazel(["lineage", "//mnist:bzl_checkpointed", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const l = JSON.parse(result.stdout) as Lineage;
    expect(l.label).toBe("//mnist:bzl_checkpointed");
    expect(l.kind).toBe("model");
    expect(l.seed).toBe(1);
    expect(l.hyperparams).toEqual({ hidden: "128", lr: "0.1", model: "mlp" });
    expect(l.segments.map((s) => s.epochs)).toEqual([0, 2, 4, 6].map((start) => ({ start, end: start + 2 })));
    expect(l.segments[0]!.init_checkpoint).toBeNull();
    l.segments.slice(1).forEach((s, i) => {
      expect(s.init_checkpoint!.sha256).toBe(l.segments[i]!.output.sha256);
      expect(s.init_checkpoint!.sha256).toBe(sha256(join(bin, `bzl_checkpointed.segments/epoch_${2 * (i + 1)}.ckpt`)));
    });
    expect(l.model.sha256).toBe(sha256(join(bin, "bzl_checkpointed.model")));
    const idx = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"];
    expect(l.training_data.map((f) => f.path.split("/").at(-1))).toEqual(idx);
    expect(l.training_data.map((f) => f.sha256)).toEqual(idx.map((f) => sha256(join(bin, "data", "npm", f))));
    expect(l.parent_models).toEqual([]);
    expect(l.lineage.map((f) => f.path)).toContain("mnist/dist/train.cjs");

    const text = await databazel(["lineage", "//mnist:bzl_checkpointed"]);
    expect(text.exitCode, text.stderr).toBe(0);
    console.log(text.stdout);
    expect(text.stdout).toContain("//mnist:bzl_checkpointed: a model");
    expect(text.stdout).toContain("Training: 4 segments");
    for (const e of ["epochs 0–2", "epochs 2–4", "epochs 4–6", "epochs 6–8"]) expect(text.stdout).toContain(e);
    expect(text.stdout.match(/init_checkpoint /g)).toHaveLength(3);
    for (const f of l.training_data) expect(text.stdout).toContain(f.sha256);
  });

  it("a model trained in one action: its data, its train executable's digest, its hyperparameters", async () => {
    const result = await databazel(["lineage", "//mnist:bzl_training", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const l = JSON.parse(result.stdout) as Lineage;
    expect(l.label).toBe("//mnist:bzl_training");
    expect(l.hyperparams).toEqual({ epochs: "5", hidden: "128", lr: "0.1", model: "mlp" });
    expect(l.segments).toHaveLength(1);
    expect(l.segments[0]).toMatchObject({ epochs: null, init_checkpoint: null });
    expect(l.model.sha256).toBe(sha256(join(bin, "bzl_training.model")));
    const execRoot = await bazelInfo("execution_root");
    expect(l.executable.path).toMatch(/\/mnist\/train_bin$/);
    expect(l.executable.sha256).toBe(sha256(join(execRoot, l.executable.path)));
  });

  it("a search: the best trial's training", async () => {
    const result = await databazel(["lineage", "//mnist:bzl_search", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const l = JSON.parse(result.stdout) as Lineage;
    const board = readJson<Board>(join(bin, "bzl_search.leaderboard.json"));
    expect(l).toMatchObject({ label: "//mnist:bzl_search", kind: "search", trial: board.best });
    expect(l.model.sha256).toBe(sha256(join(bin, "bzl_search.best_model")));
  });

  it("on an evaluation: a usage error that points at the model it scores", async () => {
    const result = await databazel(["lineage", "//mnist:bzl_eval"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("//mnist:bzl_eval is an evaluate target");
    expect(result.stderr).toContain("databazel lineage //mnist:bzl_training");
  });
});

describe("databazel open", () => {
  it("--print prints the absolute path of the report under bazel-bin", async () => {
    const result = await databazel(["open", "//mnist:bzl_search", "--print"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const path = result.stdout.trim();
    expect(isAbsolute(path)).toBe(true);
    expect(path.endsWith("/mnist/bzl_search.report.html")).toBe(true);
    expect(path.startsWith(await bazelInfo("bazel-bin"))).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});

describe("usage and errors", () => {
  it("--help prints the usage; the bundle runs by itself (#!/usr/bin/env node, executable)", async () => {
    expect(read(cliBundle).startsWith("#!/usr/bin/env node\n")).toBe(true);
    const result = await execa(cliBundle, ["--help"], { cwd: repoRoot, stdin: "ignore" });
    expect(result.stdout).toContain("databazel show LABEL");
    expect(result.stdout).toContain("databazel lineage LABEL");
  });

  it("a label that is not a databazel target: says what it is, exits 2", async () => {
    const show = await databazel(["show", "//mnist:prepare_data"]);
    expect(show.exitCode).toBe(2);
    expect(show.stderr).toContain("//mnist:prepare_data is a node_binary rule, not a databazel target");
    expect(show.stderr).toContain("expects a hyperparam_search target");
    const lineage = await databazel(["lineage", "//mnist:train"]);
    expect(lineage.exitCode).toBe(2);
    expect(lineage.stderr).toContain("//mnist:train is a filegroup rule, not a databazel target");
  });

  it("a label that does not exist: Bazel's error, a non-zero exit", async () => {
    const result = await databazel(["diff", "//mnist:bzl_eval", "//mnist:no_such_target"]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("//mnist:no_such_target");
    expect(result.stderr).toContain("no such target");
  });

  it("--no-build: for the commands that read outputs; --build, once needed to rebuild, is still accepted", () => {
    for (const command of [["show", "//:s"], ["diff", "//:a", "//:b"], ["lineage", "//:s"], ["open", "//:s"], ["report", "//:all"], ["export", "--tensorboard", "tb", "//:s"]]) {
      expect(parseArgs([...command, "--no-build"]).noBuild, command[0]).toBe(true);
      expect(parseArgs(command).noBuild, command[0]).toBe(false);
    }
    expect(parseArgs(["show", "//:s", "--build"])).toMatchObject({ command: { name: "show", label: "//:s" }, noBuild: false });
    expect(() => parseArgs(["watch", "//:s", "--no-build"])).toThrow(
      "databazel watch: --no-build is for the commands that read what a build left (show, diff, lineage, open, report, export); watch follows a build.\nRun `databazel --help` for usage.",
    );
    expect(() => parseArgs(["build", "//:s", "--no-build"])).toThrow("; build is one.");
    expect(() => parseArgs(["build", "//:s", "--nope"])).toThrow("databazel build: unknown flag --nope (it takes none).");
  });

  it("wrong arguments: exit 2 with a pointer to --help", async () => {
    for (const args of [
      ["frobnicate", "//x"],
      ["show"],
      ["show", "//mnist:bzl_search", "--nope"],
      ["diff", "//mnist:bzl_eval"],
      ["report"],
      ["report", "//mnist:all", "--output"],
      ["show", "//mnist:bzl_search", "--output", "x.html"],
    ]) {
      const result = await databazel(args);
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("databazel --help");
    }
  });
});

describe("in a consumer workspace where nothing is built yet", () => {
  // A fresh workspace has its own output base, so its outputs are certainly missing, and
  // nothing else (another test, the shared server of this repository) builds them first.
  let ws = "";
  beforeAll(() => {
    ws = scriptWorkspace({
      "BUILD.bazel": `${scriptTargets()}${scriptSearch({ grid: { lr: ["0.1", "0.05"], hidden: ["32", "64"] } })}
model(
    name = "parent",
    training_data = "data.csv",
    train_executable = ":train",
    hyperparams = {"lr": "0.2"},
)

model(
    name = "distilled",
    training_data = ":parent",
    train_executable = ":train",
    hyperparams = {"lr": "0.3"},
)

evaluate(
    name = "parent_eval",
    model = ":parent",
    test_data = "data.csv",
    eval_executable = ":eval",
)
${scriptSearch({ name: "random", space: { lr: "loguniform(0.001, 0.1)", hidden: "choice(32, 64)" }, n_trials: 5, seed: 3 })}`,
    });
  });
  afterAll(async () => {
    if (ws) await removeWorkspace(ws);
  });

  it("show builds the search first, with Bazel's progress on stderr, then prints its leaderboard", async () => {
    expect(existsSync(join(ws, "bazel-bin"))).toBe(false);
    const first = await databazel(["show", "//:search"], ws);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain("databazel: building //:search");
    expect(first.stderr).toContain("Build completed successfully");
    const board = readJson<Board>(join(ws, "bazel-bin", "search.leaderboard.json"));
    expect(board.best).toBe("hidden_64__lr_0.05");
    expect(first.stdout.split("\n").find((l) => l.startsWith("*"))).toContain(board.best);

    // Built again (nothing to do): the same table.
    const again = await databazel(["show", "//:search"], ws);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain("databazel: building //:search to bring it up to date (--no-build skips this)");
    expect(again.stderr).toContain("Build completed successfully");
    expect(again.stdout).toBe(first.stdout);
  });

  it("show --no-build on a leaderboard from an older databazel says so and how to rebuild it; show without it rebuilds it", async () => {
    const path = join(ws, "bazel-bin", "search.leaderboard.json");
    // A format 1 leaderboard: before trial outcomes.
    const current = readJson<{ trials: Record<string, unknown>[] }>(path);
    const old = { ...current, format: 1, trials: current.trials.map(({ outcome: _o, error: _e, ...t }) => t) };
    chmodSync(path, 0o644);
    writeFileSync(path, JSON.stringify(old));
    const stale = await databazel(["show", "//:search", "--no-build"], ws);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).not.toContain("Build completed");
    expect(stale.stderr).toMatch(
      new RegExp(
        `databazel: error: \\S+search\\.leaderboard\\.json is a leaderboard in format 1 \\(written by an older databazel\\); ` +
          `this databazel reads format ${LEADERBOARD_FORMAT}\\.\\nFix: rebuild it \\(bazel build //:search\\)\\.`,
      ),
    );
    // Bazel sees that an output changed, and makes it again. (--build, once the way to build
    // outputs that exist, is still accepted.)
    const rebuilt = await databazel(["show", "//:search", "--build"], ws);
    expect(rebuilt.exitCode, rebuilt.stderr).toBe(0);
    expect(readJson<{ format: number }>(path).format).toBe(LEADERBOARD_FORMAT);
  });

  it("lineage builds the model and marks the model it was trained on", async () => {
    const result = await databazel(["lineage", "//:distilled", "--json"], ws);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain("databazel: building //:distilled");
    const l = JSON.parse(result.stdout) as Lineage;
    expect(l.label).toBe("//:distilled");
    expect(l.parent_models.map((p) => p.label)).toEqual(["//:parent"]);
    expect(l.training_data).toHaveLength(1);
    expect(l.training_data[0]!.model).toBe("//:parent");
    expect(l.training_data[0]!.sha256).toBe(sha256(join(ws, "bazel-bin", "parent.model")));
    expect(l.lineage.find((f) => f.model === "//:parent")?.path).toMatch(/\/parent\.model$/);
  });

  it("report: one index page of every search, model and evaluation a pattern names, built first, the same bytes each time", async () => {
    const out = join(ws, "index.html");
    const first = await databazel(["report", "//:all", "--output", out], ws);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/databazel: building [^\n]*\/\/:parent_eval/);
    expect(first.stderr).toContain(`databazel: wrote the index of //:all to ${out}`);
    const html = read(out);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/https?:\/\/|\bsrc\s*=|<link\b|url\(/i);
    const listed = (table: string): string[] => {
      const at = html.indexOf(`<table id="${table}"`);
      return at < 0 ? [] : [...html.slice(at, html.indexOf("</table>", at)).matchAll(/<tr data-target="([^"]*)"/g)].map((m) => m[1]!);
    };
    expect(listed("searches")).toEqual(["//:random", "//:search"]);
    expect(listed("models")).toEqual(["//:distilled", "//:parent"]);
    expect(listed("evaluations")).toEqual(["//:parent_eval"]);
    expect(html).not.toMatch(/data-target="\/\/:(train|eval)"/);
    // Each search: its row links to its section, which has its best trial and a line per trial.
    for (const [name, trials] of [["search", 4], ["random", 5]] as const) {
      const board = readJson<Board>(join(ws, "bazel-bin", `${name}.leaderboard.json`));
      expect(html).toContain(`<td class="target"><a href="#target-${name}">//:${name}</a></td>`);
      const at = html.indexOf(`<section id="target-${name}"`);
      expect(at, name).toBeGreaterThan(0);
      const body = html.slice(at, html.indexOf("</section>", at));
      expect(body).toContain(`best: <b>${board.best}</b>`);
      expect(body.match(/<polyline class="pc-line /g), name).toHaveLength(trials);
      expect(body).toContain(`${trials} succeeded`);
    }
    expect(html.slice(html.indexOf(`<section id="target-random"`))).toContain(`data-axis="lr" data-scale="log"`);
    // Each target's report is linked, and there.
    const links = [...html.matchAll(/<a class="report-link" href="file:\/\/([^"]*)">report<\/a>/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links.map((l) => l.split("/").at(-1))).toEqual([
      "random.report.html", "search.report.html", "distilled.report.html", "parent.report.html", "parent_eval.report.html",
    ]);
    for (const link of links) expect(existsSync(link), link).toBe(true);

    // Nothing left to build: the same page, to stdout too.
    const again = await databazel(["report", "//:all"], ws);
    expect(again.exitCode, again.stderr).toBe(0);
    // (execa drops the last newline)
    expect(`${again.stdout}\n` === html).toBe(true);

    // open with a pattern: the same index, kept under the output base.
    const opened = await databazel(["open", "//:all", "--print"], ws);
    expect(opened.exitCode, opened.stderr).toBe(0);
    const path = opened.stdout.trim();
    expect(path).toBe(join(await bazelInfo("output_base", { cwd: ws }), "databazel-index", "all.html"));
    expect(read(path) === html).toBe(true);
    // One label is still that target's own report.
    const one = await databazel(["open", "//:random", "--print"], ws);
    expect(one.stdout.trim().endsWith("/random.report.html")).toBe(true);
    // Several labels: the index of those.
    const two = await databazel(["report", "//:parent", "//:random"], ws);
    expect(two.exitCode, two.stderr).toBe(0);
    expect(two.stdout).toContain(`<tr data-target="//:random">`);
    expect(two.stdout).not.toContain(`data-target="//:search"`);

    const none = await databazel(["report", "//:train"], ws);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("//:train names no model, evaluate or hyperparam_search target");
  });

  it("never shows stale results: after an edit to the eval script, show, diff, open and export build first; --no-build reads the last build's, and says so", async () => {
    // eval.sh's accuracy peaks at lr = 0.05 (state A: the best trial is hidden_64__lr_0.05);
    // moved to 0.1 (state B) the best is hidden_64__lr_0.1. Each step switches state, so what
    // bazel-bin holds before the command is the other state's.
    const evalScript = join(ws, "eval.sh");
    const original = read(evalScript);
    const state = (s: "A" | "B"): void => writeFileSync(evalScript, s === "A" ? original : original.replace("d = lr - 0.05", "d = lr - 0.1"));
    const BEST = { A: "hidden_64__lr_0.05", B: "hidden_64__lr_0.1" };
    expect(original).toContain("d = lr - 0.05");
    const digests = (dir: string): Record<string, string> => {
      const out: Record<string, string> = {};
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name));
          else out[relative(dir, join(d, e.name))] = sha256(join(d, e.name));
        }
      };
      walk(dir);
      return out;
    };
    try {
      const exportA = await databazel(["export", "--tensorboard", join(ws, "tb-A"), "//:search"], ws);
      expect(exportA.exitCode, exportA.stderr).toBe(0);
      const boardA = await databazel(["show", "//:search", "--json"], ws);
      expect((JSON.parse(boardA.stdout) as Board).best).toBe(BEST.A);

      // show: --no-build prints the old leaderboard with the note; show builds, and its --json stays clean.
      state("B");
      const stale = await databazel(["show", "//:search", "--json", "--no-build"], ws);
      expect(stale.exitCode, stale.stderr).toBe(0);
      expect(stale.stdout).toBe(boardA.stdout);
      expect(stale.stderr).toContain("databazel: --no-build: showing the outputs from the last build, which may be stale");
      expect(stale.stderr).not.toContain("Build completed");
      const table = await databazel(["show", "//:search", "--no-build"], ws);
      expect(table.stdout.split("\n").find((l) => l.startsWith("*"))).toContain(BEST.A);
      const fresh = await databazel(["show", "//:search", "--json"], ws);
      expect(fresh.exitCode, fresh.stderr).toBe(0);
      expect(fresh.stderr).toContain("databazel: building //:search to bring it up to date");
      expect(fresh.stderr).toContain("Build completed successfully");
      expect((JSON.parse(fresh.stdout) as Board).best).toBe(BEST.B);

      // diff
      state("A");
      const diffed = await databazel(["diff", "//:search", "//:parent_eval", "--json"], ws);
      expect(diffed.exitCode, diffed.stderr).toBe(0);
      expect((JSON.parse(diffed.stdout) as { a: { source: string } }).a.source).toBe(`search; its best trial ${BEST.A}`);
      const staleDiff = await databazel(["diff", "//:search", "//:parent_eval", "--json", "--no-build"], ws);
      expect((JSON.parse(staleDiff.stdout) as { a: { source: string } }).a.source).toBe(`search; its best trial ${BEST.A}`);

      // open: the index it writes, and the search's own report.
      state("B");
      const opened = await databazel(["open", "//:all", "--print"], ws);
      expect(opened.exitCode, opened.stderr).toBe(0);
      const index = read(opened.stdout.trim());
      const section = index.slice(index.indexOf(`<section id="target-search"`));
      expect(section).toContain(`best: <b>${BEST.B}</b>`);
      const staleOpen = await databazel(["open", "//:all", "--print", "--no-build"], ws);
      expect(staleOpen.stderr).toContain("databazel: --no-build: opening the outputs from the last build, which may be stale");

      // export: --no-build writes the old results; export writes the new ones.
      const exportB = await databazel(["export", "--tensorboard", join(ws, "tb-B"), "//:search", "--no-build"], ws);
      expect(exportB.exitCode, exportB.stderr).toBe(0);
      expect(digests(join(ws, "tb-B"))).not.toEqual(digests(join(ws, "tb-A")));
      state("A");
      const staleExport = await databazel(["export", "--tensorboard", join(ws, "tb-stale"), "//:search", "--no-build"], ws);
      expect(staleExport.exitCode, staleExport.stderr).toBe(0);
      expect(staleExport.stderr).toContain("databazel: --no-build: exporting the outputs from the last build, which may be stale");
      expect(digests(join(ws, "tb-stale"))).toEqual(digests(join(ws, "tb-B")));
      const exportA2 = await databazel(["export", "--tensorboard", join(ws, "tb-A2"), "//:search"], ws);
      expect(exportA2.exitCode, exportA2.stderr).toBe(0);
      expect(exportA2.stderr).toContain("Build completed successfully");
      // The trial's test accuracy, a scalar summary (tag, then simple_value: float32), is state A's.
      const accuracy = (dir: string, value: number): boolean => {
        const tag = Buffer.from(`${TEST_PREFIX}accuracy`);
        const float = Buffer.alloc(4);
        float.writeFloatLE(value);
        const scalar = Buffer.concat([Buffer.from([0x0a, tag.length]), tag, Buffer.from([0x15]), float]);
        return readFileSync(join(dir, "search", "hidden_64__lr_0.05", "events.out.tfevents.0.databazel")).includes(scalar);
      };
      // hidden_64__lr_0.05: accuracy = 0.9 - (0.05 - peak)^2 - 1/64.
      const [inA, inB] = [0.884375, 0.881875];
      expect([accuracy(join(ws, "tb-A"), inA), accuracy(join(ws, "tb-A"), inB)]).toEqual([true, false]);
      expect([accuracy(join(ws, "tb-stale"), inA), accuracy(join(ws, "tb-stale"), inB)]).toEqual([false, true]);
      expect([accuracy(join(ws, "tb-A2"), inA), accuracy(join(ws, "tb-A2"), inB)]).toEqual([true, false]);

      // A build that fails: Bazel's error and a non-zero exit, not the last build's table.
      writeFileSync(evalScript, original.replace("set -eu\n", "set -eu\necho 'eval.sh: broken on purpose' >&2\nexit 3\n"));
      const broken = await databazel(["show", "//:search"], ws);
      console.log(broken.stderr);
      expect(broken.exitCode).toBe(1);
      expect(broken.stdout).toBe("");
      expect(broken.stderr).toContain("eval.sh: broken on purpose");
      expect(broken.stderr).toContain("databazel: error: bazel build //:search failed");
      expect(broken.stderr).toMatch(/^ERROR: /m);
    } finally {
      writeFileSync(evalScript, original);
    }
  });

  it("--no-build when an output is missing: says which, and how to build it", async () => {
    const path = join(ws, "bazel-bin", "random.leaderboard.json");
    rmSync(path);
    const result = await databazel(["show", "//:random", "--no-build"], ws);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /databazel: error: --no-build, but \/\/:random has not been built: an output it reads is missing:\n {2}bazel-out\/\S+\/random\.leaderboard\.json\nFix: leave out --no-build, and the CLI builds it first\./,
    );
    const built = await databazel(["show", "//:random"], ws);
    expect(built.exitCode, built.stderr).toBe(0);
    expect(existsSync(path)).toBe(true);
  });
});
