// The multi-objective run's report from its results: the Markdown tables printed to the terminal
// (and pasted into README.md) and a small HTML page (one chart per task), from the same figures.
// The measure is the hypervolume in each task's fixed space (mo-hypervolume.ts); ranks and tests
// compare hypervolume regret, which on one (task, seed) orders the methods exactly as hypervolume.
import { pairedComparison, type Comparison } from "./comparisons.ts";
import { methodCosts } from "./costs.ts";
import { summarize } from "./curves.ts";
import { chart, escapeHtml, legend, markdownTableHtml, page } from "./html.ts";
import { MO_DATABAZEL_METHODS, MO_OPTUNA_METHODS } from "./methods.ts";
import { frontSize, hypervolumeAfter, hypervolumeRegretAfter, hypervolumeRegretCurve, LOG_SCALE_OBJECTIVES, tableHypervolume } from "./mo-hypervolume.ts";
import type { MoResults, MoStudy, MoTaskInfo } from "./mo-results.ts";
import { ranksOf, type RankTable } from "./ranks.ts";
import { hasStudy, type WallTime } from "./results.ts";
import { comparisonTable, costTable, fmt, rankTable } from "./tables.ts";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function table(head: string[], align: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${align.join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function studyOf(results: MoResults, task: string, seed: number, method: string): MoStudy {
  const study = results.studies.find((s) => s.task === task && s.seed === seed && s.method === method);
  if (!study) throw new Error(`no study of ${method} on ${task}, seed ${seed}`);
  return study;
}

const infoOf = (results: MoResults, task: string): MoTaskInfo => results.taskInfo.find((t) => t.task === task)!;
const ranIn = (results: MoResults) => (task: string, seed: number, method: string) => hasStudy(results.studies, task, seed, method);
const regretOf = (results: MoResults, budget: number) => (task: string, seed: number, method: string) =>
  hypervolumeRegretAfter(studyOf(results, task, seed, method), infoOf(results, task), budget);

/** Per task: each method's mean hypervolume over seeds at each budget, its front's size and wall time. */
export function moTaskTable(results: MoResults, info: MoTaskInfo, walls: WallTime[]): string {
  const largest = results.budgets[results.budgets.length - 1]!;
  const rows = results.methods.map((method) => {
    const own = results.studies.filter((s) => s.task === info.task && s.method === method);
    const wall = walls.filter((w) => w.task === info.task && w.method === method).map((w) => w.seconds);
    return [
      method,
      ...results.budgets.map((b) => fmt(mean(own.map((s) => hypervolumeAfter(s, info, b))))),
      fmt(mean(own.map((s) => hypervolumeRegretAfter(s, info, largest)))),
      mean(own.map((s) => frontSize(s, info, largest))).toFixed(1),
      wall.length ? mean(wall).toFixed(2) : "–",
    ];
  });
  return table(
    ["method", ...results.budgets.map((b) => `hypervolume after ${b}`), `regret after ${largest}`, `front size after ${largest}`, "wall time per study (s)"],
    ["---", ...results.budgets.map(() => "---:"), "---:", "---:", "---:"],
    rows,
  );
}

/** Mean hypervolume ranks after `budget` trials over the tasks and seeds (1 the best). */
export function moRanks(results: MoResults, budget: number): RankTable {
  return ranksOf(results.tasks, results.seeds, results.methods, budget, regretOf(results, budget), ranIn(results));
}

/**
 * Optuna's best sampler after `budget`: the lowest mean rank over every task and seed among the
 * Optuna methods that ran (ties to the one listed first). Undefined when none ran.
 */
export function bestOptuna(results: MoResults, budget: number): string | undefined {
  const ranks = moRanks(results, budget);
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  ranks.methods.forEach((m, i) => {
    if (MO_OPTUNA_METHODS.includes(m) && ranks.overall[i]! < bestRank) {
      best = m;
      bestRank = ranks.overall[i]!;
    }
  });
  return best;
}

/** Each databazel method against Optuna's best sampler at each budget: per task and over all tasks. */
export function moComparisons(results: MoResults): Comparison[] {
  const out: Comparison[] = [];
  const ran = ranIn(results);
  for (const budget of results.budgets) {
    const optuna = bestOptuna(results, budget);
    if (!optuna) continue;
    const regret = regretOf(results, budget);
    for (const databazel of results.methods.filter((m) => MO_DATABAZEL_METHODS.includes(m))) {
      const groups = results.tasks.length > 1 ? [...results.tasks.map((t) => [t]), results.tasks] : [results.tasks];
      for (const tasks of groups) {
        const pairs = tasks.flatMap((task) => results.seeds.filter((seed) => ran(task, seed, databazel) && ran(task, seed, optuna)).map((seed) => [regret(task, seed, databazel), regret(task, seed, optuna)] as const));
        const label = tasks.length === 1 ? tasks[0]! : "all";
        out.push(
          pairedComparison(
            budget,
            databazel,
            optuna,
            label,
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            tasks.length === 1,
          ),
        );
      }
    }
  }
  return out;
}

const SPACE_NOTE =
  "Hypervolume in a space fixed per task by its whole table: each objective scaled from the best (0) to the worst (1) value any run of any configuration recorded, minimized " +
  `(${[...LOG_SCALE_OBJECTIVES].join(", ")} by its logarithm), reference point (1, 1): the table's worst in both. ` +
  "Regret: the hypervolume of the table's own front for the seed (every configuration, with the run that seed's trials see) minus the study's; 0 when a study found the whole front.";

const TEST_NOTE =
  "Wilcoxon signed-rank test, two-sided, of each databazel method's hypervolume regret against that of Optuna's best sampler at the budget (the lowest mean rank), paired by task and seed; " +
  "\"median difference\" is databazel's regret minus Optuna's (negative: databazel's hypervolume is larger). Pairs with equal regret are dropped; with no tied differences left, p is exact, " +
  "otherwise from the normal approximation with the tie correction (column \"test\"). p < 0.05 in bold. With n pairs an exact two-sided p is never below 2/2^n.";

const RANK_NOTE = "On each task and seed the methods are ranked by hypervolume after the budget (1 the largest; ties share their mean rank), then averaged.";

function heading(results: MoResults, info: MoTaskInfo): string {
  const objectives = info.objectives.map((o) => `${o.name} ${o.goal}d, ${fmt(o.best)} to ${fmt(o.worst)}`).join("; ");
  return `${info.task} (${objectives}; the table's hypervolume ${fmt(mean(results.seeds.map((seed) => tableHypervolume(info, seed))))})`;
}

/** The sections as Markdown: per task the hypervolumes, then mean ranks, tests and costs. */
export function moMarkdownReport(results: MoResults, walls: WallTime[]): string {
  const out: string[] = [];
  out.push(`\`${results.command}\`\n`);
  out.push(SPACE_NOTE + "\n");
  for (const info of results.taskInfo) {
    out.push(`### ${heading(results, info)}\n`);
    out.push(moTaskTable(results, info, walls) + "\n");
  }
  if (results.taskInfo.length === 0 || results.seeds.length === 0) return out.join("\n");
  for (const budget of results.budgets) {
    out.push(`### Mean hypervolume rank after ${budget} trials\n`);
    out.push(rankTable(moRanks(results, budget)) + "\n");
  }
  const tests = moComparisons(results);
  if (tests.length) {
    out.push("### databazel against Optuna's best sampler (Wilcoxon signed-rank on hypervolume regret)\n");
    out.push(comparisonTable(tests) + "\n");
    out.push(TEST_NOTE + "\n");
  }
  out.push("### What the search costs\n");
  out.push(costTable(methodCosts(results.studies, walls, results.methods)) + "\n");
  return out.join("\n");
}

/** The HTML page: per task, hypervolume regret against trials (one chart), and the tables. */
export function moHtmlReport(results: MoResults, walls: WallTime[], when: string): string {
  const sections = results.taskInfo.map((info) => {
    const bands = results.methods.map((m) => {
      const curves = results.seeds.map((seed) => hypervolumeRegretCurve(studyOf(results, info.task, seed, m), info));
      const n = Math.min(...curves.map((c) => c.length));
      return summarize(
        m,
        Array.from({ length: n }, (_, i) => i + 1),
        curves.map((c) => c.slice(0, n)),
      );
    });
    return {
      heading: heading(results, info),
      body: `<div class="charts">\n${chart(`${info.task}: hypervolume regret against trials`, "trials", bands)}\n</div>\n${markdownTableHtml(moTaskTable(results, info, walls))}`,
    };
  });
  const title = "databazel HPO benchmark: multi-objective tasks";
  const head = `<p><code>${escapeHtml(results.command)}</code>, ${escapeHtml(when)}. ${escapeHtml(SPACE_NOTE)} Lines: the mean over seeds; bands: the lowest to the highest seed; a regret of 0 is drawn at the bottom, labelled 0.</p>\n${legend(results.methods)}`;
  if (results.taskInfo.length === 0 || results.seeds.length === 0) return page(title, `${head}<p>No task and seed finished by every method yet.</p>`, sections);
  sections.push({ heading: "Mean hypervolume ranks", body: `<p class="note">${escapeHtml(RANK_NOTE)}</p>\n${results.budgets.map((b) => `<h3>After ${b} trials</h3>\n${markdownTableHtml(rankTable(moRanks(results, b)))}`).join("\n")}` });
  const tests = moComparisons(results);
  if (tests.length) sections.push({ heading: "databazel against Optuna's best sampler (Wilcoxon signed-rank)", body: `<p class="note">${escapeHtml(TEST_NOTE)}</p>\n${markdownTableHtml(comparisonTable(tests))}` });
  sections.push({ heading: "What the search costs", body: markdownTableHtml(costTable(methodCosts(results.studies, walls, results.methods))) });
  return page(title, head, sections);
}
