// The views of a multi-objective search (no Bazel): the report's Pareto front charts, hypervolume
// curve, parallel coordinates and leaderboard table, `databazel show`'s front section, and the
// TensorBoard export's metrics. Leaderboards are written by hand here, and every expected value
// (front order, staircase corners, hypervolumes, the text) is worked out by hand in comments.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderFront } from "../tools/src/cli/front.ts";
import { renderLeaderboard } from "../tools/src/cli/show.ts";
import { plain } from "../tools/src/cli/table.ts";
import type { LeaderboardJson, Ranked } from "../tools/src/formats/leaderboard.ts";
import type { Objective } from "../tools/src/formats/objectives.ts";
import { toLeaderboard } from "../tools/src/leaderboard/render.ts";
import { compactLabel, frontChart, frontLine, objectivePairs } from "../tools/src/report/front-chart.ts";
import { hypervolumeCurve } from "../tools/src/report/hypervolume-curve.ts";
import { renderReport } from "../tools/src/report/render.ts";
import { hypervolume, referencePoint, toMinimized } from "../tools/src/pareto/front.ts";
import { runEventFile } from "../tools/src/tensorboard/runs.ts";
import { rankingScalars, searchMetricInfos } from "../tools/src/tensorboard/search-metrics.ts";

const ACCURACY: Objective = { name: "accuracy", goal: "maximize" };
const PARAMS: Objective = { name: "params", goal: "minimize" };
const LATENCY: Objective = { name: "latency_ms", goal: "minimize" };

function trial(name: string, rank: number, metrics: Record<string, number>, pareto: number | null, violation: number | null, outcome: Ranked["outcome"] = "succeeded"): Ranked {
  return {
    rank,
    trial: name,
    hyperparams: { hidden: String(rank * 8), lr: "0.1" },
    seed: 0,
    outcome,
    error: outcome === "succeeded" ? null : "the eval exited with status 1",
    value: outcome === "succeeded" ? (metrics.accuracy ?? null) : null,
    metrics,
    model: `m/${name}`,
    bracket: null,
    iteration: null,
    rung: null,
    epochs: null,
    pareto_rank: pareto,
    crowding: null,
    violation,
  };
}

/*
 * Two objectives and a constraint latency_ms <= 4. Values are dyadic so sums are exact.
 *   a: accuracy 0.875, params 240, latency 3   front
 *   b: accuracy 0.5,   params 80,  latency 1   front
 *   c: a duplicate of b                        front (equal values share a front)
 *   d: accuracy 0.25,  params 160, latency 2   dominated by b
 *   e: accuracy 1,     params 40,  latency 9   infeasible, violation 5
 *   f: failed
 *   g: accuracy 0.625, params 400, latency 2   dominated by a
 * The knee: over the front a is (0, 1) scaled, b (1, 0): a tie, to the better accuracy, a.
 * Leaderboard order: a, b, c (front), g, d (front 2, by accuracy), e (infeasible), f (failed).
 */
const m = (accuracy: number, params: number, latency_ms: number): Record<string, number> => ({ accuracy, params, latency_ms });
const two: LeaderboardJson = {
  format: 4,
  label: "//x:search",
  metric: "accuracy",
  goal: "maximize",
  objectives: [ACCURACY, PARAMS],
  constraints: [{ metric: "latency_ms", op: "<=", bound: 4 }],
  select: "knee",
  best: "a",
  front: ["a", "b", "c"],
  trials: [
    trial("a", 1, m(0.875, 240, 3), 1, 0),
    trial("b", 2, m(0.5, 80, 1), 1, 0),
    trial("c", 3, m(0.5, 80, 1), 1, 0),
    trial("g", 4, m(0.625, 400, 2), 2, 0),
    trial("d", 5, m(0.25, 160, 2), 2, 0),
    trial("e", 6, m(1, 40, 9), 3, 5),
    trial("f", 7, {}, null, null, "failed"),
  ],
  schedule: null,
};
const declared = ["a", "b", "c", "d", "e", "f", "g"];
const byDeclaration = (board: LeaderboardJson, order: string[]): Ranked[] => order.map((n) => board.trials.find((t) => t.trial === n)!);

/*
 * Three objectives, no constraints:
 *   p: accuracy 0.5,   params 200, latency 11   front
 *   q: accuracy 0.875, params 360, latency 1    front
 *   r: accuracy 0.25,  params 40,  latency 6    front
 *   s: accuracy 0.25,  params 360, latency 11   dominated by p
 */
const m3 = (accuracy: number, params: number, latency_ms: number): Record<string, number> => ({ accuracy, params, latency_ms });
const three: LeaderboardJson = {
  ...two,
  objectives: [ACCURACY, PARAMS, LATENCY],
  constraints: [],
  select: "accuracy",
  best: "q",
  front: ["q", "p", "r"],
  trials: [trial("q", 1, m3(0.875, 360, 1), 1, 0), trial("p", 2, m3(0.5, 200, 11), 1, 0), trial("r", 3, m3(0.25, 40, 6), 1, 0), trial("s", 4, m3(0.25, 360, 11), 2, 0)],
};

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;
/** The attribute `name` of every element matching `re` (a regex of the element's start). */
const circles = (svg: string): { cls: string; cx: number; cy: number; trials: string }[] =>
  [...svg.matchAll(/<circle class="([^"]*)" cx="([^"]*)" cy="([^"]*)"[^>]*data-trials="([^"]*)"/g)].map((x) => ({ cls: x[1]!, cx: Number(x[2]), cy: Number(x[3]), trials: x[4]! }));

describe("the front chart of two objectives", () => {
  const svg = frontChart(two, byDeclaration(two, declared), ACCURACY, PARAMS);
  const points = circles(svg);

  it("draws every trial with values once, duplicates on one marker; the failed trial not at all", () => {
    // a, b+c, d, e, g: five markers for six trials.
    expect(points.map((p) => p.trials)).toEqual(["e", "d", "g", "b c", "a"]);
    expect(svg).not.toMatch(/data-trials="[^"]*\bf\b/);
  });

  it("marks each kind: the selected trial, the front, dominated (dimmed) and infeasible (hollow)", () => {
    expect(points.map((p) => p.cls)).toEqual(["point infeasible", "point dominated", "point dominated", "point front", "point best front"]);
    expect(count(svg, /class="point dominated"[^>]*opacity="0.35"/g)).toBe(2);
    expect(count(svg, /class="point infeasible"[^>]*fill="none"/g)).toBe(1);
    // The legend names what is drawn, and nothing pruned.
    expect([...svg.matchAll(/<li data-kind="(\w+)"/g)].map((x) => x[1])).toEqual(["best", "front", "line", "dominated", "infeasible"]);
  });

  it("joins the front along x with a staircase under the dominated markers' layer and under the front's", () => {
    // Along accuracy: b (0.5), c (0.5, declared after b), a (0.875).
    expect(svg).toContain(`class="front-line"`);
    expect(svg).toMatch(/<path class="front-line" [^>]*data-trials="b c a"/);
    const d = svg.match(/<path class="front-line" d="([^"]*)"/)![1]!;
    const corners = d
      .slice(1)
      .split("L")
      .map((p) => p.split(",").map(Number));
    // b, then the corner at the worse of each (accuracy 0.5, params 240), then a; c repeats b.
    const b = points.find((p) => p.trials === "b c")!;
    const a = points.find((p) => p.trials === "a")!;
    expect(corners).toEqual([
      [b.cx, b.cy],
      [b.cx, a.cy],
      [a.cx, a.cy],
    ]);
    // Drawn after the dominated and infeasible markers, before the front's.
    expect(svg.indexOf("front-line")).toBeGreaterThan(svg.indexOf(`data-trials="g"`));
    expect(svg.indexOf("front-line")).toBeLessThan(svg.indexOf(`data-trials="b c"`));
  });

  it("puts the worse values at each corner, whichever way each objective goes", () => {
    expect(frontLine(byDeclaration(two, declared), two.front, ACCURACY, PARAMS, true)).toEqual({
      trials: ["b", "c", "a"],
      corners: [
        [0.5, 80],
        [0.5, 80],
        [0.5, 80],
        [0.5, 240],
        [0.875, 240],
      ],
    });
    // Both minimized (latency against params), e (40, 9) and b (80, 1): the corner at the larger of each, (80, 9).
    const minMin = frontLine(byDeclaration(two, declared), ["b", "e"], PARAMS, LATENCY, true);
    expect(minMin).toEqual({ trials: ["e", "b"], corners: [[40, 9], [80, 9], [80, 1]] });
  });

  it("says on its axes which way is better, and names the trial and its values when hovered", () => {
    expect(svg).toContain(">accuracy, higher is better</text>");
    expect(svg).toContain(">params, lower is better</text>");
    expect(svg).toContain("<title>a (selected: the knee)\naccuracy = 0.875\nparams = 240\nlatency_ms = 3 (constraint &#60;= 4)\non the Pareto front</title>");
    expect(svg).toContain("<title>e\naccuracy = 1\nparams = 40\nlatency_ms = 9 (constraint &#60;= 4)\ninfeasible: violation 5</title>");
    expect(svg).toContain("<title>b\naccuracy = 0.5\nparams = 80\nlatency_ms = 1 (constraint &#60;= 4)\non the Pareto front\n\nc\n");
    expect(svg).toContain("dominated: Pareto front 2</title>");
  });

  it("says so when no trial has values to draw", () => {
    expect(frontChart(two, [two.trials[6]!], ACCURACY, PARAMS)).toBe(
      `<p class="note" data-missing="pareto-front-accuracy-params">No trial has values of both accuracy and params: nothing to plot.</p>`,
    );
  });

  it("writes large ticks short", () => {
    expect([compactLabel("200000"), compactLabel("1500000"), compactLabel("8000"), compactLabel("8000", 1000), compactLabel("0.5")]).toEqual(["200k", "1.5M", "8000", "8k", "0.5"]);
  });
});

describe("the front charts of three objectives", () => {
  it("draw one chart per pair, the front joined by a dashed polyline", () => {
    expect(objectivePairs(three.objectives).map(([x, y]) => `${x.name}-${y.name}`)).toEqual(["accuracy-params", "accuracy-latency_ms", "params-latency_ms"]);
    const svg = frontChart(three, byDeclaration(three, ["p", "q", "r", "s"]), PARAMS, LATENCY);
    expect(svg).toContain(`data-chart="pareto-front-params-latency_ms"`);
    // Along params: r (40), p (200), q (360); a polyline has no corners between them.
    expect(svg).toMatch(/<path class="front-line" d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+" [^>]*stroke-dasharray="5 4" data-trials="r p q"/);
    expect(circles(svg).map((p) => `${p.trials}:${p.cls}`)).toEqual(["s:point dominated", "p:point front", "r:point front", "q:point best front"]);
    expect(svg).toContain("<title>q (selected: best by accuracy)\n");
  });
});

describe("the hypervolume over trials", () => {
  it("counts the feasible trials that succeeded, in declaration order, up to the reference over all of them", () => {
    /*
     * Minimized: a (-0.875, 240), b and c (-0.5, 80), d (-0.25, 160), g (-0.625, 400); e is
     * infeasible and f failed. Reference: accuracy -0.25 + 0.625 / 10 = -0.1875, params
     * 400 + 320 / 10 = 432. After a: 0.6875 * 192 = 132. With b: + 0.3125 * (240 - 80) = 50,
     * 182. c, d (dominated by b), e, f and g (dominated by a) add nothing.
     */
    expect(hypervolumeCurve(byDeclaration(two, declared), two.objectives)).toEqual({ reference: [-0.1875, 432], values: [132, 182, 182, 182, 182, 182, 182] });
  });

  it("in three objectives too", () => {
    /*
     * Reference: (-0.25 + 0.0625, 360 + 32, 11 + 1) = (-0.1875, 392, 12).
     * p: 0.3125 * 192 * 1 = 60. q: 0.6875 * 32 * 11 = 242, less p and q's common box
     * (-0.5, 360, 11): 0.3125 * 32 * 1 = 10: 292. r: 0.0625 * 352 * 6 = 132, less r with p
     * (-0.25, 200, 11): 12, r with q (-0.25, 360, 6): 12, plus all three (-0.25, 360, 11): 2:
     * 402. s is dominated by p.
     */
    expect(hypervolumeCurve(byDeclaration(three, ["p", "q", "r", "s"]), three.objectives)).toEqual({ reference: [-0.1875, 392, 12], values: [60, 292, 402, 402] });
  });

  it("equals the hypervolume of every counted trial so far, on 60 trials of values in tens (integer sums and reference, so exact)", () => {
    // A fixed sequence (a linear congruential generator); every 7th trial infeasible, every 11th failed, every 13th pruned.
    let state = 7;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) % 50;
    const trials = Array.from({ length: 60 }, (_, i) => {
      const outcome = i % 11 === 3 ? "failed" : i % 13 === 5 ? "pruned" : "succeeded";
      const violation = outcome === "failed" ? null : i % 7 === 2 ? 1 : 0;
      return trial(`t${i}`, i + 1, outcome === "failed" ? {} : m3(next() * 10, next() * 10, next() * 10), outcome === "failed" ? null : 1, violation, outcome);
    });
    const curve = hypervolumeCurve(trials, three.objectives)!;
    const counted = trials.map((t) => (t.outcome === "succeeded" && t.violation === 0 ? toMinimized([t.metrics.accuracy!, t.metrics.params!, t.metrics.latency_ms!], ["maximize", "minimize", "minimize"]) : undefined));
    const all = counted.filter((v) => v !== undefined);
    expect(curve.reference).toEqual(referencePoint(all));
    const expected = counted.map((_, n) => hypervolume(counted.slice(0, n + 1).filter((v) => v !== undefined), curve.reference));
    expect(curve.values).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(5);
  });

  it("is undefined when no trial counts", () => {
    expect(hypervolumeCurve([two.trials[5]!, two.trials[6]!], two.objectives)).toBeUndefined();
  });
});

describe("databazel show", () => {
  it("lists the front after the table, the selected trial marked and why", () => {
    expect(renderFront(two, plain)).toBe(
      [
        "Pareto front of accuracy (maximize) and params (minimize): 3 trials that no other trial beats on both among the trials that keep latency_ms <= 4.",
        "",
        "   trial  accuracy  params",
        "*  a         0.875     240",
        "   b           0.5      80",
        "   c           0.5      80",
        `* selected: a, the knee: nearest the ideal point, each objective scaled to [0, 1] over the front (select = "knee").`,
        "",
      ].join("\n"),
    );
    expect(renderFront(three, plain)).toBe(
      [
        "Pareto front of accuracy (maximize), params (minimize) and latency_ms (minimize): 3 trials that no other trial beats on every objective.",
        "",
        "   trial  accuracy  params  latency_ms",
        "*  q         0.875     360           1",
        "   p           0.5     200          11",
        "   r          0.25      40           6",
        `* selected: q, best by accuracy (select = "accuracy").`,
        "",
      ].join("\n"),
    );
  });

  it("says, with a scheduler, that the front is of the trials that trained to the end", () => {
    const schedule: LeaderboardJson["schedule"] = { scheduler: "successive_halving", min_epochs: 1, max_epochs: 9, reduction_factor: 3, iterations: 1, brackets: [] };
    expect(renderFront({ ...two, schedule }, plain).split("\n")[0]).toBe(
      "Pareto front of accuracy (maximize) and params (minimize): 3 trials that no other trial beats on both among the trials that trained to the last rung and keep latency_ms <= 4.",
    );
  });

  it("says the objectives in the table's header line, and puts the front between the table and the rungs", () => {
    const text = renderLeaderboard(toLeaderboard(two), plain, null, renderFront(two, plain));
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "//x:search: 7 trials ranked by Pareto fronts of accuracy (maximize) and params (minimize), those that break a constraint after those that keep them all; * marks the selected trial. 1 did not succeed and rank last.",
    );
    expect(lines[2]).toBe("   rank  trial  pareto_rank  violation  hidden   lr  accuracy  params  latency_ms  outcome    error");
    // The table's 7 rows, a blank line, then the section.
    expect(lines[10]).toBe("");
    expect(lines[11]).toMatch(/^Pareto front of accuracy/);
  });

  it("leaves a search by one metric as it was", () => {
    const one: LeaderboardJson = { ...two, objectives: [ACCURACY], constraints: [], select: null, front: ["a"], trials: two.trials.map((t) => ({ ...t, violation: t.violation === null ? null : 0 })) };
    const text = renderLeaderboard(toLeaderboard(one), plain, null);
    expect(text.split("\n")[0]).toBe("//x:search: 7 trials ranked by accuracy (maximize: higher is better); * marks the best. 1 did not succeed and rank last.");
    expect(text).not.toContain("Pareto");
  });
});

describe("the TensorBoard export", () => {
  it("lists every objective first, with its direction, then the other metrics, the ranking's and the curves'", () => {
    const infos = searchMetricInfos(two, ["loss", "params", "latency_ms", "accuracy"], ["loss", "accuracy"]);
    expect(infos.map((i) => i.tag)).toEqual(["test/accuracy", "test/params", "test/latency_ms", "test/loss", "pareto/rank", "pareto/violation", "accuracy", "loss"]);
    expect(infos[1]!.description).toBe("params on the test data, objective 2 of 2 the search ranks by (minimize)");
    expect(infos[2]!.description).toBe("latency_ms on the test data");
  });

  it("keeps a search by one metric's list as it was: the metric first, no ranking", () => {
    const infos = searchMetricInfos({ metric: "loss", goal: "minimize", objectives: [{ name: "loss", goal: "minimize" }], constraints: [] }, ["accuracy", "loss"], []);
    expect(infos).toEqual([
      { tag: "test/loss", description: "loss on the test data, the metric the search ranks by (minimize)" },
      { tag: "test/accuracy", description: "accuracy on the test data" },
    ]);
  });

  it("gives each ranked trial its Pareto front and violation as scalars, beside the final metrics", () => {
    expect(rankingScalars(two, two.trials[5]!)).toEqual([
      { tag: "pareto/rank", value: 3 },
      { tag: "pareto/violation", value: 5 },
    ]);
    expect(rankingScalars(two, two.trials[6]!)).toEqual([]);
    expect(rankingScalars(three, three.trials[3]!)).toEqual([{ tag: "pareto/rank", value: 2 }]);
    const run = { hparams: {}, curve: [], metrics: { accuracy: 0.5 }, outcome: "succeeded" as const, training: [], evalSeconds: 0, epochs: null };
    const file = runEventFile({ ...run, ranking: rankingScalars(two, two.trials[1]!) });
    expect(file.includes("pareto/rank")).toBe(true);
    expect(file.includes("pareto/violation")).toBe(true);
    // Without a ranking, the bytes are those of before.
    expect(runEventFile({ ...run, ranking: [] }).equals(runEventFile(run))).toBe(true);
  });
});

describe("the search report", () => {
  const dir = mkdtempSync(join(tmpdir(), "databazel-pareto-views-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, value: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  const render = (board: LeaderboardJson, order: string[]): string =>
    renderReport({
      kind: "search",
      label: board.label,
      metric: board.metric,
      goal: board.goal,
      objectives: board.objectives,
      leaderboard: file(`${board.objectives.length}.json`, board),
      trials: order.map((name, i) => ({ name, metrics: file(`m${i}.json`, {}), curve: file(`c${i}.json`, []) })),
      space: {},
      grid: {},
    });
  const section = (html: string, id: string): string => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf("</section>", html.indexOf(`<section id="${id}">`)));

  it("has the front chart and the hypervolume beside it, for two objectives", () => {
    const html = render(two, declared);
    const pareto = section(html, "pareto-section");
    expect(count(pareto, /<svg class="chart" data-chart="pareto-front-/g)).toBe(1);
    expect(pareto).toContain(`data-chart="hypervolume"`);
    // One dot per trial on the curve.
    expect(count(section(pareto, "pareto-section").slice(pareto.indexOf(`data-chart="hypervolume"`)), /<circle cx=/g)).toBe(7);
    expect(html).toContain("selected (the knee of the front): <b>a</b> with accuracy = 0.875, params = 240");
  });

  it("draws three charts for three objectives", () => {
    const pareto = section(render(three, ["p", "q", "r", "s"]), "pareto-section");
    expect([...pareto.matchAll(/data-chart="(pareto-front-[^"]+)"/g)].map((x) => x[1])).toEqual([
      "pareto-front-accuracy-params",
      "pareto-front-accuracy-latency_ms",
      "pareto-front-params-latency_ms",
    ]);
  });

  it("shows every objective and the pareto_rank in the leaderboard table, each objective's values sorting as numbers", () => {
    const board = section(render(two, declared), "leaderboard-section");
    expect([...board.matchAll(/<th data-key="([^"]+)"[^>]*>([^<]+)</g)].map((x) => `${x[1]}:${x[2]}`)).toEqual([
      "rank:rank",
      "trial:trial",
      "outcome:outcome",
      "pareto_rank:pareto_rank",
      "violation:violation",
      "hidden:hidden",
      "lr:lr",
      "accuracy:accuracy \u2191",
      "params:params \u2193",
      "latency_ms:latency_ms",
      "error:error",
    ]);
    expect(board).toContain(`<td data-v="240" class="num metric">240</td>`);
  });

  it("gives the parallel coordinates an axis per objective", () => {
    const html = render(two, declared);
    const parallel = section(html, "parallel-section");
    expect([...parallel.matchAll(/data-axis="([^"]+)"/g)].map((x) => x[1])).toEqual(["hidden", "accuracy \u2191", "params \u2193"]);
  });

  it("has no Pareto section for a search by one metric", () => {
    const one: LeaderboardJson = { ...two, objectives: [ACCURACY], constraints: [], select: null, front: ["a"] };
    const html = render(one, declared);
    expect(html).not.toContain("pareto-section");
    expect(html).not.toContain("pareto-front");
  });
});
