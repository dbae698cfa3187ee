// The benchmark's tables as Markdown: regret per task and method at each budget, mean ranks, and
// the Wilcoxon tests of databazel's methods against Optuna's.
import type { Comparison } from "./comparisons.ts";
import type { MethodCost } from "./costs.ts";
import type { RankTable } from "./ranks.ts";
import { cumulativeTime, regretAfter } from "./regret.ts";
import type { Study, TaskInfo, WallTime } from "./results.ts";

export const fmt = (v: number): string => (Number.isNaN(v) ? "–" : v === 0 ? "0" : v.toPrecision(3));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function table(head: string[], align: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${align.join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Per task: each method's mean regret over seeds at each budget, simulated training and wall time per study. */
export function regretTable(studies: Study[], task: TaskInfo, methods: string[], budgets: number[], walls: WallTime[]): string {
  const largest = budgets[budgets.length - 1]!;
  const rows = methods.map((method) => {
    const own = studies.filter((s) => s.task === task.task && s.method === method);
    const wall = walls.filter((w) => w.task === task.task && w.method === method).map((w) => w.seconds);
    return [
      method,
      ...budgets.map((b) => fmt(mean(own.map((s) => regretAfter(s, task, b))))),
      String(Math.round(mean(own.map((s) => cumulativeTime(s)[largest - 1]!)))),
      mean(wall).toFixed(2),
    ];
  });
  return table(
    ["method", ...budgets.map((b) => `regret after ${b}`), `simulated training, ${largest} trials (s)`, "wall time per study (s)"],
    ["---", ...budgets.map(() => "---:"), "---:", "---:"],
    rows,
  );
}

/** Mean ranks after a budget: a row per task and one over every task (1 is the best). */
export function rankTable(ranks: RankTable): string {
  const rows = ranks.perTask.map((t) => [t.task, String(t.seeds), ...t.ranks.map((r) => r.toFixed(2))]);
  rows.push([`**all**`, String(ranks.perTask.reduce((n, t) => n + t.seeds, 0)), ...ranks.overall.map((r) => `**${r.toFixed(2)}**`)]);
  return table(["task", "seeds", ...ranks.methods], ["---", "---:", ...ranks.methods.map(() => "---:")], rows);
}

/** The Wilcoxon tests: databazel's method against Optuna's (or another `counterpart`), per task and over all. */
export function comparisonTable(rows: Comparison[], counterpart = "Optuna", budget = "budget"): string {
  return table(
    [budget, "databazel", counterpart, "task", "pairs", "databazel better / worse / same", "median difference", "W", "p", "test"],
    ["---:", "---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---"],
    rows.map((c) => [
      String(c.budget),
      c.databazel,
      c.optuna,
      c.task,
      String(c.test.pairs),
      `${c.better} / ${c.worse} / ${c.same}`,
      fmt(c.medianDifference),
      String(c.test.statistic),
      c.test.method === "none" ? "–" : c.test.p < 0.05 ? `**${c.test.p.toPrecision(3)}**` : c.test.p.toPrecision(3),
      c.test.method,
    ]),
  );
}

/** What each method's search costs: wall time per study and per trial, and its share of the simulated training. */
export function costTable(costs: MethodCost[]): string {
  return table(
    ["method", "studies", "wall time per study (s, median)", "wall time per trial (ms, median)", "share of a trial's simulated training (median)"],
    ["---", "---:", "---:", "---:", "---:"],
    costs.map((c) => [c.method, String(c.studies), c.wallPerStudy.toFixed(2), (c.wallPerTrial * 1000).toFixed(1), `${(c.shareOfTraining * 100).toPrecision(2)} %`]),
  );
}
