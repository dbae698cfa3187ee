// The report and `databazel show` of the searches with a scheduler //tests/scheduler:halving (successive
// halving: 9 trials, rungs at 1, 3 and 9 epochs) and //tests/scheduler:hyperband: the promotions
// chart cut by the rungs, the rung tables, pruned trials dimmed in the learning curves and not
// counted as failures, and the rung lines `databazel show` prints. The report is checked in
// headless Chromium; screenshots are kept under test-artifacts/ for a human to look at.
import { execa } from "execa";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { chromiumForReports, dumpDom, keepScreenshot } from "./harness/chromium.ts";
import { databazel } from "./harness/cli.ts";

const bin = join(repoRoot, "bazel-bin", "tests", "scheduler");
const SEARCHES = ["halving", "hyperband"];
const board = (name: string): LeaderboardJson => JSON.parse(readFileSync(join(bin, `${name}.leaderboard.json`), "utf8")) as LeaderboardJson;

let scratch = "";
/** The report's copy in scratch: file:// URLs of plain files, away from bazel-bin's symlinks. */
const report = (name: string): string => join(scratch, `${name}.report.html`);
/** The markup of the chart named `name`, or "" when there is none. */
const chart = (dom: string, name: string): string => {
  const start = dom.indexOf(`<svg class="chart" data-chart="${name}"`);
  return start < 0 ? "" : dom.slice(start, dom.indexOf("</svg>", start));
};
const between = (text: string, start: string, end: string): string => {
  const at = text.indexOf(start);
  return at < 0 ? "" : text.slice(at, text.indexOf(end, at));
};
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const attrs = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1]!);

beforeAll(async () => {
  await bazel(["build", ...SEARCHES.map((s) => `//tests/scheduler:${s}`)]);
  scratch = mkdtempSync(join(tmpdir(), "databazel-scheduler-reports-"));
  for (const name of SEARCHES) copyFileSync(join(bin, `${name}.report.html`), report(name));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the report of a search with a scheduler", () => {
  it("is self-contained and deterministic", async () => {
    const execRoot = await bazelInfo("execution_root");
    const generator = join(repoRoot, "databazel", "private", "bundles", "report.cjs");
    for (const name of SEARCHES) {
      const html = readFileSync(report(name), "utf8");
      expect(html, name).not.toMatch(/https?:\/\//i);
      expect(html, name).not.toMatch(/\bsrc\s*=/i);
      const again = join(scratch, `${name}.again.html`);
      await execa(process.execPath, [generator, "--manifest", join(bin, `${name}.report.json`), "--output", again], { cwd: execRoot });
      expect(readFileSync(again, "utf8") === html, name).toBe(true);
    }
  });
});

describe("the report of a search with a scheduler in headless Chromium", () => {
  let chromium = "";
  let skip = "";

  beforeAll(async () => ({ chromium, skip } = await chromiumForReports()));

  const shoot = (name: string, size: string): Promise<void> => keepScreenshot(chromium, report(name), `report-scheduler-${name}`, size);

  it("halving: a promotions chart with the 3 rungs' cut lines, each trial's bar to the epochs it trained, the winner highlighted", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const json = board("halving");
    const dom = await dumpDom(chromium, report("halving"));
    expect(dom).toContain(`<section id="promotions-section">`);
    const svg = chart(dom, "promotions-0");
    expect(svg).not.toBe("");
    // The cut lines, at 1, 3 and 9 epochs, each labelled with its rung, epochs and how many go on.
    expect(attrs(svg, /<line class="cut" data-rung="\d" data-epochs="(\d+)"/g)).toEqual(["1", "3", "9"]);
    expect(attrs(svg, /<text class="cut-label"[^>]*>([^<]*)<\/text>/g)).toEqual([
      "rung 1: 1 epoch, keep 3 of 9",
      "rung 2: 3 epochs, keep 1 of 3",
      "rung 3: 9 epochs, final (1 trial)",
    ]);
    // A bar per trial, furthest first: the epochs each trained, as the leaderboard says.
    const bars = [...svg.matchAll(/<g class="lane-bar" data-trial="([^"]*)" data-outcome="([^"]*)" data-epochs="(\d+)"/g)];
    expect(bars).toHaveLength(9);
    const epochs = new Map(json.trials.map((t) => [t.trial, t.epochs]));
    for (const [, trial, outcome, trained] of bars) {
      expect(Number(trained), trial).toBe(epochs.get(trial!));
      expect(outcome, trial).toBe(json.trials.find((t) => t.trial === trial)!.outcome);
    }
    const trained = bars.map((b) => Number(b[3]));
    expect(trained).toEqual([...trained].sort((x, y) => y - x));
    expect(trained.filter((e) => e === 9)).toHaveLength(1);
    expect(bars[0]![1]).toBe(json.best);
    expect(count(svg, /<rect class="bar completed best"/g)).toBe(1);
    expect(count(svg, /<rect class="bar pruned"/g)).toBe(8);
    expect(count(svg, /<rect class="bar failed"/g)).toBe(0);
    // The bars' lengths follow the epochs: the winner's reaches the last cut line.
    const cut9 = Number(/<line class="cut" data-rung="3" data-epochs="9" x1="([\d.]+)"/.exec(svg)![1]);
    const winner = /<rect class="bar completed best" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    expect(Number(winner[1]) + Number(winner[2])).toBeCloseTo(cut9, 0);

    // The rung table: every trial's validation metric and decision at each rung.
    const table = between(dom, `<table class="rungs" id="rungs-0"`, "</table>");
    const decisions = (rung: number): string[] => attrs(table, new RegExp(`data-rung="${rung}" data-decision="(\\w+)"`, "g"));
    expect(decisions(1).sort()).toEqual([...Array(3).fill("continue"), ...Array(6).fill("stop")]);
    expect(decisions(2).sort()).toEqual(["continue", "stop", "stop"]);
    expect(decisions(3)).toEqual(["final"]);
    const rung1 = json.schedule!.brackets[0]!.rungs[0]!.trials;
    for (const e of rung1) {
      const name = e.trial.replace(/\./g, "\\.");
      expect(table, e.trial).toMatch(
        new RegExp(`<tr data-trial="${name}"[^>]*><td class="trial">${name}</td><td class="rung ${e.decision}" data-rung="1"[^>]*><span class="v">${e.value}</span>`),
      );
    }
    expect(table).not.toContain("data-forced");
    await shoot("halving", "1280,2100");
  });

  it("halving: pruned trials are dimmed in the learning curves, ranked after the completed one, and not styled as failures", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const json = board("halving");
    const pruned = json.trials.filter((t) => t.outcome === "pruned");
    expect(pruned).toHaveLength(8);
    // A copy of the page that writes the computed opacity of each curve into the DOM once loaded.
    const probe = join(scratch, "halving-probe.html");
    const script =
      `document.querySelectorAll('svg[data-chart="learning-curves"] g.series').forEach(function (g) {` +
      `g.setAttribute("data-opacity", getComputedStyle(g).opacity); });`;
    writeFileSync(probe, readFileSync(report("halving"), "utf8") + `<script>${script}</script>\n`);
    const dom = await dumpDom(chromium, probe);
    const curves = chart(dom, "learning-curves");
    const series = [...curves.matchAll(/<g class="series([^"]*)" data-series="(\d+)" data-opacity="([\d.]+)"/g)];
    expect(series).toHaveLength(9);
    const faded = series.filter((s) => s[1]!.includes("faded"));
    expect(faded).toHaveLength(8);
    for (const s of faded) expect(Number(s[3])).toBeLessThan(0.5);
    const normal = series.filter((s) => !s[1]!.includes("faded"));
    expect(normal.map((s) => s[1]!.trim())).toEqual(["best"]);
    expect(Number(normal[0]![3])).toBe(1);
    // The legend names them pruned.
    const legend = between(dom.slice(dom.indexOf(`data-chart="learning-curves"`)), `<ul class="legend">`, "</ul>");
    expect(count(legend, /<li data-series="\d+" class="faded">[^<]*<span class="swatch"[^>]*><\/span>[^<]*<span class="tag">pruned<\/span>/g)).toBe(8);

    // Leaderboard: the completed trial first, then the pruned ones as normal rows with their outcome.
    const rows = [...dom.matchAll(/<tr data-trial="([^"]*)" data-rank="(\d+)"(?: class="(\w+)")? data-outcome="(\w+)"/g)];
    expect(rows.map((r) => r[1])).toEqual(json.trials.map((t) => t.trial));
    expect(rows[0]![3]).toBe("best");
    expect(rows.slice(1).map((r) => `${r[3]}:${r[4]}`)).toEqual(Array(8).fill("pruned:pruned"));
    expect(dom).not.toContain(`class="failed"`);
    expect(dom).not.toContain("did not succeed");
    expect(dom).toContain(`<span class="pruned-count">8 pruned</span>`);
    const head = between(dom, `<table id="leaderboard"`, "</thead>");
    expect(attrs(head, /data-key="([^"]*)"/g)).toEqual(["rank", "trial", "outcome", "rung", "epochs_trained", "lr", "accuracy", "seen_epochs", "error"]);
    // The outcome cell of a pruned row is not red, that of a failure would be.
    const color = join(scratch, "halving-color.html");
    const colorScript = `document.body.setAttribute("data-color", getComputedStyle(document.querySelector('tr.pruned td.outcome')).color);`;
    writeFileSync(color, readFileSync(report("halving"), "utf8") + `<script>${colorScript}</script>\n`);
    expect(/<body [^>]*data-color="([^"]*)"/.exec(await dumpDom(chromium, color))![1]).toBe("rgb(101, 109, 118)");
  });

  it("hyperband: a chart and a rung table per bracket, and the bracket column", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const json = board("hyperband");
    const dom = await dumpDom(chromium, report("hyperband"));
    const brackets = json.schedule!.brackets;
    expect(brackets.map((b) => b.bracket)).toEqual([2, 1, 0]);
    for (const b of brackets) {
      const svg = chart(dom, `promotions-${b.bracket}`);
      expect(count(svg, /<line class="cut"/g), `bracket ${b.bracket}`).toBe(b.rungs.length);
      expect(count(svg, /<g class="lane-bar"/g), `bracket ${b.bracket}`).toBe(b.rungs[0]!.trials.length);
      expect(dom).toContain(`<table class="rungs" id="rungs-${b.bracket}"`);
    }
    expect(attrs(chart(dom, "promotions-1"), /<text class="cut-label"[^>]*>([^<]*)<\/text>/g)).toEqual([
      "rung 1: 3 epochs, keep 1 of 5",
      "rung 2: 9 epochs, final (1 trial)",
    ]);
    expect(count(chart(dom, "promotions-0"), /<rect class="bar completed best"/g)).toBe(1);
    expect(count(chart(dom, "promotions-2"), /<rect class="bar completed"/g)).toBe(1);
    const head = between(dom, `<table id="leaderboard"`, "</thead>");
    expect(attrs(head, /data-key="([^"]*)"/g).slice(0, 6)).toEqual(["rank", "trial", "outcome", "bracket", "rung", "epochs_trained"]);
    expect(count(chart(dom, "learning-curves"), /<g class="series[^"]*faded/g)).toBe(json.trials.filter((t) => t.outcome === "pruned").length);
    await shoot("hyperband", "1280,3000");
  });

  it("hyperband: parallel coordinates on a log lr axis, a line per trial, the pruned ones grey and dashed", async (context) => {
    if (!chromium) context.skip(`no chromium: ${skip}`);
    const json = board("hyperband");
    const dom = await dumpDom(chromium, report("hyperband"));
    // space = {"lr": "loguniform(0.001, 1)"}: a tick per decade, on the scatter and on the parallel axis.
    const scatter = chart(dom, "metric-vs-lr");
    expect(scatter).toContain(`data-x-scale="log"`);
    expect(attrs(scatter, /<text x="[\d.]+" y="290" text-anchor="middle">([^<]*)<\/text>/g)).toEqual(["0.001", "0.01", "0.1", "1"]);
    const svg = chart(dom, "parallel-coordinates");
    const axes = [...svg.matchAll(/<g class="pc-axis" data-axis="([^"]*)" data-scale="(\w+)">([\s\S]*?)<\/g>/g)];
    expect(axes.map((a) => `${a[1]}:${a[2]}`)).toEqual(["lr:log", "accuracy \u2191:metric"]);
    expect(attrs(axes[0]![3]!, /<text class="tick"[^>]*>([^<]*)<\/text>/g)).toEqual(["0.001", "0.01", "0.1", "1"]);
    // One line per trial; the 12 pruned grey and dashed, under the 5 that trained to the end.
    const lines = [...svg.matchAll(/<polyline class="pc-line (\w+)( best)?" data-trial="([^"]*)" data-outcome="(\w+)" points="[^"]*" fill="none" stroke="(#[0-9a-f]{6})"( stroke-dasharray="([\d ]+)")?/g)];
    expect(lines).toHaveLength(json.trials.length);
    expect(new Set(lines.map((l) => l[3]))).toEqual(new Set(json.trials.map((t) => t.trial)));
    for (const l of lines) expect(l[4], l[3]).toBe(json.trials.find((t) => t.trial === l[3])!.outcome);
    const pruned = lines.filter((l) => l[1] === "pruned");
    expect(pruned).toHaveLength(12);
    expect(new Set(pruned.map((l) => `${l[5]} ${l[7]}`))).toEqual(new Set(["#8c959f 5 4"]));
    expect(lines.slice(0, 12).every((l) => l[1] === "pruned")).toBe(true);
    const completed = lines.filter((l) => l[1] === "completed");
    expect(completed.every((l) => l[6] === undefined)).toBe(true);
    // The best is drawn last, in the darkest colour; the others' colours follow their accuracy.
    expect(lines.at(-1)![3]).toBe(json.best);
    expect(lines.at(-1)![2]).toBe(" best");
    expect(new Set(completed.map((l) => l[5])).size).toBe(completed.length);
    // The computed stroke of the pruned lines is dashed in the browser too.
    const probe = join(scratch, "hyperband-probe.html");
    const script =
      `document.querySelectorAll('svg[data-chart="parallel-coordinates"] polyline').forEach(function (p) {` +
      `p.setAttribute("data-dash", getComputedStyle(p).strokeDasharray); });`;
    writeFileSync(probe, readFileSync(report("hyperband"), "utf8") + `<script>${script}</script>\n`);
    const probed = chart(await dumpDom(chromium, probe), "parallel-coordinates");
    expect(count(probed, /class="pc-line pruned"[^>]*data-dash="5px, 4px"/g)).toBe(12);
    expect(count(probed, /class="pc-line completed[^"]*"[^>]*data-dash="none"/g)).toBe(5);
  });
});

describe("databazel show on a search with a scheduler", () => {
  it("halving: after the leaderboard, a line per rung with who went on and their validation metric", async () => {
    const result = await databazel(["show", "//tests/scheduler:halving"]);
    expect(result.exitCode, result.stderr).toBe(0);
    console.log(result.stdout);
    const out = result.stdout;
    expect(out).toContain("//tests/scheduler:halving: 9 trials ranked by accuracy");
    expect(out).toContain("8 were pruned at a rung and rank after those that trained to the last rung.");
    expect(out).not.toContain("did not succeed");
    const lines = out.split("\n");
    const header = lines.find((l) => /^\s+rank\s+trial/.test(l))!;
    expect(header.trim().split(/\s+/)).toEqual(["rank", "trial", "rung", "epochs_trained", "lr", "accuracy", "seen_epochs", "outcome", "error"]);
    // The rung lines, from the schedule: the trials that go on, best first by the validation metric.
    const rungs = board("halving").schedule!.brackets[0]!.rungs;
    const on = (i: number): string =>
      rungs[i]!.trials
        .filter((t) => t.decision === "continue")
        .sort((a, b) => b.value! - a.value!)
        .map((t) => `${t.trial} (${t.value})`)
        .join(", ");
    const rungLines = lines.filter((l) => /^rung \d/.test(l));
    expect(rungLines).toEqual([
      `rung 1: 9 trials at 1 epoch, 3 go on: ${on(0)}`,
      `rung 2: 3 trials at 3 epochs, 1 goes on: ${on(1)}`,
      `rung 3: 1 trial at 9 epochs, final: ${rungs[2]!.trials[0]!.trial} (${rungs[2]!.trials[0]!.value})`,
    ]);
    expect(rungLines[0]).toMatch(/^rung 1: 9 trials at 1 epoch, 3 go on: lr_0\.05 \(0\.76\), lr_0\.1 \([\d.]+\), lr_0\.02 \([\d.]+\)$/);
    expect(lines.indexOf(rungLines[0]!)).toBeGreaterThan(lines.indexOf(header) + 9);
  });

  it("hyperband: the rungs of each bracket, prefixed with the bracket", async () => {
    const result = await databazel(["show", "//tests/scheduler:hyperband"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.split("\n").filter((l) => l.startsWith("bracket "));
    expect(lines.map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "bracket 2, rung 1",
      "bracket 2, rung 2",
      "bracket 2, rung 3",
      "bracket 1, rung 1",
      "bracket 1, rung 2",
      "bracket 0, rung 1",
    ]);
    expect(lines[0]).toMatch(/^bracket 2, rung 1: 9 trials at 1 epoch, 3 go on: \S+ \([\d.]+\), \S+ \([\d.]+\), \S+ \([\d.]+\)$/);
    expect(lines[3]).toMatch(/^bracket 1, rung 1: 5 trials at 3 epochs, 1 goes on: \S+ \([\d.]+\)$/);
    expect(lines[5]).toMatch(/^bracket 0, rung 1: 3 trials at 9 epochs, final: /);
    expect(result.stdout).toContain("12 were pruned at a rung");
  });

  it("--json, --csv and --md are the leaderboard files, without the rung lines", async () => {
    const jsonOut = await databazel(["show", "//tests/scheduler:halving", "--json"]);
    expect(JSON.parse(jsonOut.stdout)).toEqual(board("halving"));
    const csv = await databazel(["show", "//tests/scheduler:halving", "--csv"]);
    expect(`${csv.stdout}\n`).toBe(readFileSync(join(bin, "halving.leaderboard.csv"), "utf8"));
    const md = await databazel(["show", "//tests/scheduler:halving", "--md"]);
    expect(`${md.stdout}\n`).toBe(readFileSync(join(bin, "halving.leaderboard.md"), "utf8"));
  });
});
