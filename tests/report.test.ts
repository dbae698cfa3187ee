// The HTML reports of the mnist targets: self-contained, deterministic, and working in a real
// browser (headless Chromium): the leaderboard sorts from the URL hash, the charts and the
// confusion matrix are there. Screenshots are kept under test-artifacts/ for a human to look at.
import { execa } from "execa";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../tools/src/report/render.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { artifacts, chromiumForReports, dumpDom, keepScreenshot } from "./harness/chromium.ts";
import { databazel } from "./harness/cli.ts";

const bin = join(repoRoot, "bazel-bin", "mnist");
const REPORTS = ["bzl_search", "bzl_random_search", "bzl_eval", "bzl_checkpointed"];
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

interface Board {
  best: string;
  trials: { trial: string; rank: number; value: number; metrics: Record<string, number> }[];
}

let scratch = "";
/** The report's copy in scratch: file:// URLs of plain files, away from bazel-bin's symlinks. */
const report = (name: string): string => join(scratch, `${name}.report.html`);

/** The leaderboard's trials, in the DOM's row order. */
const rowTrials = (dom: string): string[] => [...dom.matchAll(/<tr data-trial="([^"]*)"/g)].map((m) => m[1]!);
/** The markup of the chart named `name`, or "" when there is none. */
const chart = (dom: string, name: string): string => {
  const start = dom.indexOf(`<svg class="chart" data-chart="${name}"`);
  return start < 0 ? "" : dom.slice(start, dom.indexOf("</svg>", start));
};
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
/** The labels of a 560 x 320 chart's x axis, in order. */
const xTicks = (svg: string): string[] =>
  [...svg.matchAll(/<text x="[\d.]+" y="290" text-anchor="middle">(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => m[1]!);
/** The parallel-coordinates chart's axes: name, scale and tick labels, left to right. */
const pcAxes = (svg: string): { name: string; scale: string; ticks: string[] }[] =>
  [...svg.matchAll(/<g class="pc-axis" data-axis="([^"]*)" data-scale="(\w+)">([\s\S]*?)<\/g>/g)].map((a) => ({
    name: a[1]!,
    scale: a[2]!,
    ticks: [...a[3]!.matchAll(/<text class="tick"[^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => m[1]!),
  }));

beforeAll(async () => {
  await bazel(["build", ...REPORTS.map((r) => `//mnist:${r}`)]);
  scratch = mkdtempSync(join(tmpdir(), "databazel-reports-"));
  for (const name of REPORTS) copyFileSync(join(bin, `${name}.report.html`), report(name));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("reports", () => {
  it("are self-contained: no external URL, no src= reference", () => {
    for (const name of REPORTS) {
      const html = readFileSync(report(name), "utf8");
      expect(html, name).not.toMatch(/https?:\/\//i);
      expect(html, name).not.toMatch(/\bsrc\s*=/i);
      expect(html, name).not.toMatch(/<link\b|@import|url\(/i);
      expect(html, name).toMatch(/^<!doctype html>/);
    }
  });

  it("are deterministic: the generator run again on the same manifests writes the same bytes", async () => {
    const execRoot = await bazelInfo("execution_root");
    for (const name of REPORTS) {
      const again = join(scratch, `${name}.again.html`);
      const generator = join(repoRoot, "databazel", "private", "bundles", "report.cjs");
      await execa(process.execPath, [generator, "--manifest", join(bin, `${name}.report.json`), "--output", again], { cwd: execRoot });
      expect(readFileSync(again, "utf8") === readFileSync(report(name), "utf8"), name).toBe(true);
    }
  });

  it("escape odd names and values, pick log and categorical axes, and say when there is no curve", () => {
    const dir = mkdtempSync(join(tmpdir(), "databazel-report-odd-"));
    const file = (name: string, value: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const names = [`a<b>&"c'`, "<img src=x onerror=alert(1)>", "plain"];
    const lrs = ["0.0001", "0.01", "0.1"];
    const opts = ["sgd", `</script><script>alert(1)</script>`, "adam"];
    const board = {
      format: 4,
      label: "//odd:<search>",
      metric: "accuracy",
      goal: "maximize",
      best: names[0],
      objectives: [{ name: "accuracy", goal: "maximize" }],
      constraints: [],
      select: null,
      front: [names[0]],
      trials: names.map((trial, i) => ({
        rank: i + 1,
        trial,
        hyperparams: { lr: lrs[i], opt: opts[i] },
        seed: 0,
        outcome: "succeeded",
        error: null,
        value: 0.9 - i / 10,
        metrics: { accuracy: 0.9 - i / 10 },
        model: "m",
        bracket: null,
        rung: null,
        epochs: null,
        iteration: null,
        pareto_rank: null,
        crowding: null,
        violation: null,
      })),
      schedule: null,
    };
    const html = renderReport({
      kind: "search",
      label: "//odd:<search>",
      metric: "accuracy",
      goal: "maximize",
      objectives: [{ name: "accuracy", goal: "maximize" as const }],
      leaderboard: file("board.json", board),
      trials: names.map((name, i) => ({ name, metrics: file(`m${i}.json`, { accuracy: 0.9 }), curve: file(`c${i}.json`, []) })),
      space: {},
      grid: {},
    });
    rmSync(dir, { recursive: true, force: true });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>&");
    expect(count(html, /<script>/g)).toBe(1);
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    // Without the space's kinds: log because the values span three decades, categories because they are words.
    expect(chart(html, "metric-vs-lr")).toContain(`data-x-scale="log"`);
    expect(chart(html, "metric-vs-opt")).toContain(`data-x-scale="band"`);
    const parallel = chart(html, "parallel-coordinates");
    expect(count(parallel, /<polyline class="pc-line /g)).toBe(3);
    expect(parallel).toContain(`data-trial="&#60;img src=x onerror=alert(1)&#62;"`);
    expect(parallel).not.toContain("<img");
    expect(html).toContain(`data-missing="learning-curves"`);
    expect(html).not.toContain(`id="confusion-matrix"`);
    expect(html).not.toContain(`id="promotions-section"`);
  });

  it("the space's kinds pick the axes; parallel coordinates draw every trial, by outcome; the leaderboard shows each outcome", () => {
    const dir = mkdtempSync(join(tmpdir(), "databazel-report-kinds-"));
    const file = (name: string, value: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    // lr spans 1.2 decades: without its kind, it would be drawn on a linear axis. act's options
    // come first-seen in the order sigmoid, tanh, relu; the space lists relu, tanh, sigmoid.
    const rows: [string, string, string, string, string, number | null][] = [
      ["t1", "0.002", "sigmoid", "1", "succeeded", 0.91],
      ["t2", "0.004", "tanh", "2", "succeeded", 0.85],
      ["t3", "0.006", "relu", "3", "succeeded", 0.8],
      ["t4", "0.009", "sigmoid", "4", "pruned", 0.6],
      ["t5", "0.02", "tanh", "2", "failed", null],
      ["t6", "0.03", "relu", "3", "diverged", null],
    ];
    const board = {
      format: 4,
      label: "//kinds:search",
      metric: "accuracy",
      goal: "maximize",
      best: "t1",
      objectives: [{ name: "accuracy", goal: "maximize" }],
      constraints: [],
      select: null,
      front: ["t1"],
      trials: rows.map(([trial, lr, act, layers, outcome, value], i) => ({
        rank: i + 1,
        trial,
        hyperparams: { act, layers, lr },
        seed: 0,
        outcome,
        error: outcome === "succeeded" ? null : `${outcome} on purpose`,
        value,
        metrics: value === null ? {} : { accuracy: value },
        model: "m",
        bracket: null,
        rung: null,
        epochs: outcome === "pruned" ? 1 : null,
        iteration: outcome === "pruned" ? 1 : null,
        pareto_rank: null,
        crowding: null,
        violation: null,
      })),
      schedule: null,
    };
    const space = {
      act: { kind: "choice" as const, low: 0, high: 0, choices: ["relu", "tanh", "sigmoid"] },
      layers: { kind: "int" as const, low: 1, high: 4, choices: [] },
      lr: { kind: "loguniform" as const, low: 0.001, high: 0.1, choices: [] },
    };
    const manifest = {
      kind: "search" as const,
      label: "//kinds:search",
      metric: "accuracy",
      goal: "maximize" as const,
      objectives: [{ name: "accuracy", goal: "maximize" as const }],
      leaderboard: file("board.json", board),
      trials: rows.map(([name], i) => ({ name, metrics: file(`m${i}.json`, {}), curve: file(`c${i}.json`, []) })),
      space,
      grid: {},
    };
    const html = renderReport(manifest);
    const withoutKinds = renderReport({ ...manifest, space: {} });
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, "report-kinds-fixture.html"), html);
    rmSync(dir, { recursive: true, force: true });

    // The scatter of accuracy against lr: a log axis with a tick per decade of loguniform(0.001, 0.1).
    expect(chart(html, "metric-vs-lr")).toContain(`data-x-scale="log"`);
    expect(xTicks(chart(html, "metric-vs-lr"))).toEqual(["0.001", "0.01", "0.1"]);
    expect(chart(html, "metric-vs-lr")).toContain(">lr (log scale)</text>");
    expect(chart(withoutKinds, "metric-vs-lr")).toContain(`data-x-scale="linear"`);
    // choice: a category per option, in the space's order.
    expect(chart(html, "metric-vs-act")).toContain(`data-x-scale="band"`);
    expect(xTicks(chart(html, "metric-vs-act"))).toEqual(["relu", "tanh", "sigmoid"]);
    expect(xTicks(chart(withoutKinds, "metric-vs-act"))).toEqual(["sigmoid", "tanh", "relu"]);
    expect(xTicks(chart(html, "metric-vs-layers"))).toEqual(["1", "2", "3", "4"]);

    // Parallel coordinates: an axis per hyperparameter, the metric's last, and a line per trial.
    const parallel = chart(html, "parallel-coordinates");
    const axes = pcAxes(parallel);
    expect(axes.map((a) => `${a.name}:${a.scale}`)).toEqual(["act:band", "layers:linear", "lr:log", "accuracy \u2191:metric"]);
    expect(axes[0]!.ticks).toEqual(["relu", "tanh", "sigmoid"]);
    expect(axes[1]!.ticks).toEqual(["1", "2", "3", "4"]);
    expect(axes[2]!.ticks).toEqual(["0.001", "0.01", "0.1"]);
    expect(parallel).toMatch(/data-axis="lr" data-scale="log">[\s\S]*?>log scale<\/text>/);
    expect(chart(withoutKinds, "parallel-coordinates")).toContain(`data-axis="lr" data-scale="linear"`);

    const lines = [...parallel.matchAll(/<polyline class="pc-line (\w+)( best)?" data-trial="(\w+)" data-outcome="(\w+)" points="([^"]*)" fill="none" stroke="(#[0-9a-f]{6})"( stroke-dasharray="([\d ]+)")?>/g)];
    expect(lines).toHaveLength(rows.length);
    const line = (trial: string) => lines.find((l) => l[3] === trial)!;
    // Drawn pruned first, then the failures, then the completed worst to best: the best is on top.
    expect(lines.map((l) => l[3])).toEqual(["t4", "t5", "t6", "t3", "t2", "t1"]);
    expect(line("t1")[2]).toBe(" best");
    expect(line("t4").slice(1, 2).concat(line("t4")[6]!, line("t4")[8]!)).toEqual(["pruned", "#8c959f", "5 4"]);
    for (const t of ["t5", "t6"]) expect([line(t)[1], line(t)[6], line(t)[8]]).toEqual(["failed", "#cf222e", "2 3"]);
    // Trials without a metric end on the "no value" mark below the metric's axis.
    const noValue = /<circle class="no-value" cx="[\d.]+" cy="([\d.]+)"/.exec(parallel)![1];
    for (const t of ["t5", "t6"]) expect(line(t)[5]!.split(" ").at(-1)!.split(",")[1]).toBe(noValue);
    expect(parallel).toContain(">no value</text>");
    // Completed trials are coloured by accuracy, darker for better.
    const luminance = (hex: string): number => [1, 3, 5].reduce((sum, i, k) => sum + parseInt(hex.slice(i, i + 2), 16) * [0.2126, 0.7152, 0.0722][k]!, 0);
    const [l1, l2, l3] = ["t1", "t2", "t3"].map((t) => luminance(line(t)[6]!));
    expect(l1!).toBeLessThan(l2!);
    expect(l2!).toBeLessThan(l3!);
    expect(parallel).toMatch(/<g class="colour-bar" data-worst="0.8" data-best="0.91">/);
    expect(count(parallel, /<rect [^>]*fill="#[0-9a-f]{6}"\/>/g)).toBe(24);
    // Every point of a line is on its axis: the x of each vertex is that of an axis.
    const axisX = [...parallel.matchAll(/<g class="pc-axis"[^>]*>\n<line class="axis" x1="([\d.]+)"/g)].map((m) => m[1]);
    expect(line("t1")[5]!.split(" ").map((p) => p.split(",")[0])).toEqual(axisX);
    // The legend names the dashed and dotted lines.
    expect(html).toContain("pruned: metric at the rung it stopped at");
    expect(html).toContain("failed, timed out or diverged: no metric");

    // The leaderboard: every trial's outcome, right after its name.
    const head = html.slice(html.indexOf(`<table id="leaderboard"`), html.indexOf("</thead>", html.indexOf(`<table id="leaderboard"`)));
    expect([...head.matchAll(/data-key="([^"]*)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(["rank", "trial", "outcome"]);
    const outcomes = [...html.matchAll(/<tr data-trial="(\w+)"[^>]*><td[^>]*>\d+<\/td><td[^>]*>\w+<\/td><td data-v="(\w+)" class="outcome">/g)];
    expect(outcomes.map((m) => `${m[1]}:${m[2]}`)).toEqual(rows.map((r) => `${r[0]}:${r[4]}`));
  });

  it("scheduler: escape odd names in the promotions, style pruned trials apart from failed ones, mark continue_trials", () => {
    const dir = mkdtempSync(join(tmpdir(), "databazel-report-scheduler-"));
    const file = (name: string, value: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const [a, img, plain, d] = [`a<b>&"c'`, "<img src=x onerror=alert(1)>", "plain", "</script><script>alert(1)</script>"];
    const trial = (name: string, rank: number, outcome: string, rung: number, epochs: number | null, value: number | null, error: string | null) => ({
      rank,
      trial: name,
      hyperparams: { lr: String(rank / 10) },
      seed: 0,
      outcome,
      error,
      value,
      metrics: value === null ? {} : { accuracy: value },
      model: "m",
      bracket: 0,
      iteration: 1,
      rung,
      epochs,
      pareto_rank: null,
      crowding: null,
      violation: null,
    });
    const entry = (name: string, value: number | null, decision: string, forced = false, outcome = "succeeded") => ({ trial: name, outcome, value, decision, forced });
    // a trains to the end; img is pruned at rung 2 after continue_trials kept it at rung 1; plain
    // fails on its way to rung 2; d is pruned at rung 1.
    const board = {
      format: 4,
      label: "//odd:<scheduler>",
      metric: "accuracy",
      goal: "maximize",
      best: a,
      objectives: [{ name: "accuracy", goal: "maximize" }],
      constraints: [],
      select: null,
      front: [a],
      trials: [
        trial(a, 1, "succeeded", 3, 9, 0.9, null),
        trial(img, 2, "pruned", 2, 3, 0.75, "pruned at epoch 3 (rung 2 of 3): not among the 1 best of 3 on the validation data"),
        trial(d, 3, "pruned", 1, 1, 0.4, "pruned at epoch 1 (rung 1 of 3): not among the 2 best of 4 on the validation data"),
        trial(plain, 4, "failed", 2, null, null, "<b>exit 3</b>"),
      ],
      schedule: {
        scheduler: "successive_halving",
        min_epochs: 1,
        max_epochs: 9,
        reduction_factor: 3,
        iterations: 1,
        brackets: [
          {
            iteration: 1,
            bracket: 0,
            rungs: [
              { epochs: 1, keep: 2, trials: [entry(a, 0.7, "continue"), entry(img, 0.5, "continue", true), entry(plain, 0.6, "continue"), entry(d, 0.3, "stop")] },
              { epochs: 3, keep: 1, trials: [entry(a, 0.8, "continue"), entry(img, 0.75, "stop"), entry(plain, null, "stop", false, "failed")] },
              { epochs: 9, keep: null, trials: [entry(a, 0.9, "final")] },
            ],
          },
        ],
      },
    };
    const names = [a, img, plain, d];
    const curves = [
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((epoch) => ({ epoch, loss: 1 / epoch })),
      [1, 2, 3].map((epoch) => ({ epoch, loss: 1.2 / epoch })),
      [{ epoch: 1, loss: 2 }],
      [{ epoch: 1, loss: 3 }],
    ];
    const html = renderReport({
      kind: "search",
      label: "//odd:<scheduler>",
      metric: "accuracy",
      goal: "maximize",
      objectives: [{ name: "accuracy", goal: "maximize" as const }],
      leaderboard: file("board.json", board),
      trials: names.map((name, i) => ({ name, metrics: file(`m${i}.json`, { accuracy: 0.9 }), curve: file(`c${i}.json`, curves[i]) })),
      space: {},
      grid: { lr: ["0.1", "0.2", "0.3", "0.4"] },
    });
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, "report-scheduler-fixture.html"), html);
    rmSync(dir, { recursive: true, force: true });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>exit");
    expect(count(html, /<script>/g)).toBe(1);
    expect(html).toContain(`&#60;img src=x onerror=alert(1)&#62;`);
    // Pruned trials are normal rows with their outcome; only the failure is styled as one.
    expect(html).toMatch(/<tr data-trial="&#60;img[^"]*" data-rank="2" class="pruned" data-outcome="pruned">/);
    expect(html).toMatch(/<tr data-trial="plain" data-rank="4" class="failed" data-outcome="failed">/);
    expect(html).toContain(`<span class="pruned-count">2 pruned</span>`);
    expect(html).toContain(`<span class="failed-count">1 did not succeed</span>`);
    const leaderboardHead = html.slice(html.indexOf(`<table id="leaderboard"`), html.indexOf("</thead>", html.indexOf(`<table id="leaderboard"`)));
    expect([...leaderboardHead.matchAll(/data-key="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "rank", "trial", "outcome", "rung", "epochs_trained", "lr", "accuracy", "error",
    ]);
    const promotions = chart(html, "promotions-0");
    expect(count(promotions, /<line class="cut"/g)).toBe(3);
    expect(promotions).toContain(">rung 1: 1 epoch, keep 2 of 4</text>");
    expect(promotions).toContain(">rung 3: 9 epochs, final (1 trial)</text>");
    // Furthest first: a, img, then the failure (it reached rung 2), then d.
    expect([...promotions.matchAll(/<g class="lane-bar" data-trial="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "a&#60;b&#62;&#38;&#34;c&#39;", "&#60;img src=x onerror=alert(1)&#62;", "plain", "&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;",
    ]);
    expect(promotions).toMatch(/<rect class="bar completed best"/);
    expect(promotions).toMatch(/<g class="lane-bar" data-trial="plain" data-outcome="failed" data-epochs="1" data-rung="2">\n<rect class="bar failed"[^>]*>[\s\S]*?<\/rect>\n<rect class="bar attempt"/);
    const rungs = html.slice(html.indexOf(`<table class="rungs"`), html.indexOf("</table>", html.indexOf(`<table class="rungs"`)));
    expect(rungs).toMatch(/<td class="rung continue" data-rung="1" data-decision="continue" data-forced="true"[^>]*><span class="v">0.5<\/span> <span class="d">continue<\/span> <span class="forced"/);
    expect(rungs).toMatch(/<td class="rung failed" data-rung="2" data-decision="stop"[^>]*><span class="v"><\/span> <span class="d">failed<\/span>/);
    const loss = chart(html, "learning-curves");
    expect(count(loss, /<g class="series faded"/g)).toBe(2);
    expect(count(loss, /<g class="series best"/g)).toBe(1);
  });
});

describe("reports in headless Chromium", () => {
  let chromium = "";
  let skip = "";

  beforeAll(async () => ({ chromium, skip } = await chromiumForReports()));

  const shoot = (name: string): Promise<void> => keepScreenshot(chromium, report(name), `report-${name}`);

  it("search: one leaderboard row per trial, the best marked, the URL hash sorts it", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const board = readJson<Board>(join(bin, "bzl_search.leaderboard.json"));

    const unsorted = await dumpDom(chromium, report("bzl_search"));
    expect(rowTrials(unsorted)).toEqual(board.trials.map((t) => t.trial));
    expect(unsorted).toMatch(new RegExp(`<tr data-trial="${board.best}" data-rank="1" class="best"`));
    expect(count(unsorted, /<tr [^>]*class="best"/g)).toBe(1);

    const byLoss = await dumpDom(chromium, report("bzl_search"), "#sort=loss&dir=desc");
    const lossDesc = [...board.trials].sort((a, b) => b.metrics.loss! - a.metrics.loss!).map((t) => t.trial);
    expect(lossDesc).not.toEqual(board.trials.map((t) => t.trial));
    expect(rowTrials(byLoss)).toEqual(lossDesc);
    expect(byLoss).toMatch(/<th data-key="loss"[^>]*aria-sort="descending"/);

    const byName = await dumpDom(chromium, report("bzl_search"), "#sort=trial&dir=asc");
    expect(rowTrials(byName)).toEqual(board.trials.map((t) => t.trial).sort());

    // Clicks: a copy of the page that clicks the loss header twice once loaded (asc, then desc).
    const clicked = join(scratch, "clicked.html");
    const click = `document.querySelector('th[data-key="loss"]').click();`;
    writeFileSync(clicked, readFileSync(report("bzl_search"), "utf8") + `<script>${click}${click}</script>\n`);
    expect(rowTrials(await dumpDom(chromium, clicked))).toEqual(lossDesc);
  });

  it("search: a chart per varying hyperparameter, every trial's learning curve, the best trial's confusion matrix", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const dom = await dumpDom(chromium, report("bzl_search"));
    for (const hp of ["hidden", "lr"]) {
      const svg = chart(dom, `metric-vs-${hp}`);
      expect(svg, hp).not.toBe("");
      // Trials on the same spot share a point: the points account for all 4 trials, one of them the best.
      const shares = [...svg.matchAll(/<circle class="point[^"]*"[^>]*data-trials="(\d+)"/g)].map((m) => Number(m[1]));
      expect(shares.reduce((a, b) => a + b, 0), hp).toBe(4);
      expect(count(svg, /<circle class="point best"/g), hp).toBe(1);
    }
    for (const fixed of ["epochs", "model"]) expect(chart(dom, `metric-vs-${fixed}`), fixed).toBe("");
    for (const curves of ["learning-curves", "learning-curves-accuracy"]) {
      const svg = chart(dom, curves);
      expect(count(svg, /<g class="series[^"]*"/g), curves).toBe(4);
      expect(count(svg, /<path class="line" d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}"/g), curves).toBe(4);
    }
    expect(dom).toContain(`<table id="confusion-matrix"`);
    expect(count(dom.slice(dom.indexOf(`id="confusion-matrix"`)), /<th scope="row">/g)).toBe(10);
    await shoot("bzl_search");
  });

  it("random search: the loguniform lr on a log axis, each choice's options as categories, parallel coordinates of every trial", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const board = readJson<Board & { trials: { outcome: string }[] }>(join(bin, "bzl_random_search.leaderboard.json"));
    const dom = await dumpDom(chromium, report("bzl_random_search"));
    // space: lr loguniform(0.01, 0.3), l2 uniform(0, 0.0001), batch choice(16, 32, 64), hidden choice(32, 64, 128).
    const lr = chart(dom, "metric-vs-lr");
    expect(lr).toContain(`data-x-scale="log"`);
    expect(xTicks(lr)).toEqual(["0.01", "0.02", "0.05", "0.1", "0.2"]);
    expect(chart(dom, "metric-vs-l2")).toContain(`data-x-scale="linear"`);
    expect(xTicks(chart(dom, "metric-vs-l2"))[0]).toBe("0");
    for (const [hp, options] of [["batch", ["16", "32", "64"]], ["hidden", ["32", "64", "128"]]] as const) {
      expect(chart(dom, `metric-vs-${hp}`), hp).toContain(`data-x-scale="band"`);
      expect(xTicks(chart(dom, `metric-vs-${hp}`)), hp).toEqual(options);
    }
    const parallel = chart(dom, "parallel-coordinates");
    const axes = pcAxes(parallel);
    expect(axes.map((a) => `${a.name}:${a.scale}`)).toEqual(["batch:band", "hidden:band", "l2:linear", "lr:log", "accuracy \u2191:metric"]);
    expect(axes[3]!.ticks).toEqual(["0.01", "0.02", "0.05", "0.1", "0.2"]);
    const lines = [...parallel.matchAll(/<polyline class="pc-line (\w+)( best)?" data-trial="([^"]*)"/g)];
    expect(lines.map((l) => l[3]).sort()).toEqual(board.trials.map((t) => t.trial).sort());
    expect(lines.every((l) => l[1] === "completed")).toBe(true);
    expect(lines.filter((l) => l[2]).map((l) => l[3])).toEqual([board.best]);
    expect(lines.at(-1)![3]).toBe(board.best);
    // Every trial succeeded: the leaderboard says so in its outcome column, third.
    expect(dom).toMatch(/<th data-key="trial"[^>]*>trial<\/th><th data-key="outcome"/);
    expect(count(dom, /<td data-v="succeeded" class="outcome">succeeded<\/td>/g)).toBe(board.trials.length);
    await shoot("bzl_random_search");
  });

  it("index (databazel report): every target listed and linked, each search's section with its parallel coordinates", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const targets = REPORTS.map((r) => `//mnist:${r}`);
    const result = await databazel(["report", ...targets, "--output", report("index")]);
    expect(result.exitCode, result.stderr).toBe(0);
    const dom = await dumpDom(chromium, report("index"));
    const rows = [...dom.matchAll(/<tr data-target="([^"]*)">/g)].map((m) => m[1]);
    expect(rows).toEqual(["//mnist:bzl_random_search", "//mnist:bzl_search", "//mnist:bzl_checkpointed", "//mnist:bzl_eval"]);
    expect(rows.sort()).toEqual([...targets].sort());
    for (const search of ["bzl_random_search", "bzl_search"]) {
      const board = readJson<Board>(join(bin, `${search}.leaderboard.json`));
      const row = new RegExp(
        `<tr data-target="//mnist:${search}"><td class="target"><a href="#(target-mnist-${search})">//mnist:${search}</a></td>` +
          `<td class="num" data-v="${board.trials.length}">${board.trials.length}</td>[\\s\\S]*?<td class="trial" title="${board.best}">${board.best}</td>`,
      ).exec(dom);
      expect(row, search).not.toBeNull();
      const at = dom.indexOf(`<section id="${row![1]}"`);
      expect(at, search).toBeGreaterThan(0);
      expect(count(chart(dom.slice(at), "parallel-coordinates"), /<polyline class="pc-line /g), search).toBe(board.trials.length);
    }
    const links = [...dom.matchAll(/<a class="report-link" href="([^"]*)">report<\/a>/g)].map((m) => m[1]!.split("/").at(-1));
    expect(links).toEqual(["bzl_random_search.report.html", "bzl_search.report.html", "bzl_checkpointed.report.html", "bzl_eval.report.html"]);
    await keepScreenshot(chromium, report("index"), "report-index", "1280,2400");
  });

  it("evaluate: metrics, per-class table and confusion matrix of bzl_eval", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const metrics = readJson<{ accuracy: number; confusion_matrix: number[][] }>(join(bin, "bzl_eval.metrics.json"));
    const dom = await dumpDom(chromium, report("bzl_eval"));
    expect(dom).toContain(`<b id="model-label">//mnist:bzl_training</b>`);
    expect(dom).toMatch(new RegExp(`<td data-v="accuracy"[^>]*>accuracy</td><td data-v="${metrics.accuracy}"`));
    const perClass = dom.slice(dom.indexOf(`<table id="per-class"`), dom.indexOf("</table>", dom.indexOf(`<table id="per-class"`)));
    expect(count(perClass, /<tr/g)).toBe(11);
    const matrix = dom.slice(dom.indexOf(`<table id="confusion-matrix"`));
    const diagonal = [...matrix.matchAll(/<td class="diag"[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(diagonal).toEqual(metrics.confusion_matrix.map((row, i) => row[i]));
    await shoot("bzl_eval");
  });

  it("model: learning curve and the four segment runs of bzl_checkpointed", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const dom = await dumpDom(chromium, report("bzl_checkpointed"));
    const loss = chart(dom, "learning-curves");
    expect(count(loss, /<path class="line"/g)).toBe(1);
    expect(count(loss, /<circle /g)).toBe(8);
    expect(chart(dom, "learning-curves-accuracy")).not.toBe("");
    const runs = dom.slice(dom.indexOf(`<table id="runs"`), dom.indexOf("</table>", dom.indexOf(`<table id="runs"`)));
    expect([...runs.matchAll(/<td data-v="(\d+)\u2013(\d+)"/g)].map((m) => `${m[1]}-${m[2]}`)).toEqual(["0-2", "2-4", "4-6", "6-8"]);
    await shoot("bzl_checkpointed");
  });

});
