// The multi-fidelity run's report from its results: the Markdown tables printed to the terminal (and
// pasted into README.md) and the HTML page, from the same figures. Regret is measured at the full
// fidelity against the function's known optimum; a method's final regret is that after all its
// epochs (mf-regret.ts), and it is what the ranks and the tests compare.
import { pairedComparison, type Comparison } from "./comparisons.ts";
import { chart, escapeHtml, legend, markdownTableHtml, page } from "./html.ts";
import type { MfResults, MfStudy } from "./mf-results.ts";
import { epochsSpent, mfBand, mfRegret } from "./mf-regret.ts";
import { ranksOf, type RankTable } from "./ranks.ts";
import { hasStudy, type WallTime } from "./results.ts";
import { comparisonTable, fmt, rankTable } from "./tables.ts";

/** databazel's Hyperband against each baseline at the same epochs (issue 27's Hyperband target). */
export const MF_COUNTERPARTS: [databazel: string, other: string][] = [
  ["databazel_hyperband", "optuna_hyperband"],
  ["databazel_hyperband", "dehb"],
  ["databazel_hyperband", "ray_asha"],
];

const TEST_NOTE =
  "Wilcoxon signed-rank test, two-sided, of databazel's Hyperband's final regret against each baseline's, paired by task and seed, at the same epoch budget. " +
  "Pairs with equal regret are dropped; with no tied differences left, p is exact, otherwise from the normal approximation with the tie correction (column \"test\"). " +
  "p < 0.05 in bold. With n pairs an exact two-sided p is never below 2/2^n: 0.25 for 3 seeds of one task; it takes 6 pairs for p < 0.05.";

const RANK_NOTE = "On each task and seed the methods are ranked by final regret (1 the best; ties share their mean rank), then averaged. A study with no evaluation at the full fidelity ranks last.";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function table(head: string[], align: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${align.join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** A study's regret at the full fidelity after all its epochs; +Infinity if none reached it (so it ranks last). */
export function finalRegret(study: MfStudy, optimum: number): number {
  return mfRegret(study.evaluations, optimum, Number.POSITIVE_INFINITY).best ?? Number.POSITIVE_INFINITY;
}

function studyOf(results: MfResults, task: string, seed: number, method: string): MfStudy {
  const study = results.studies.find((s) => s.task === task && s.seed === seed && s.method === method);
  if (!study) throw new Error(`no study of ${method} on ${task}, seed ${seed}`);
  return study;
}

const optimumOf = (results: MfResults, task: string): number => results.taskInfo.find((t) => t.task === task)!.optimum;

/** Final regret of `method` on `task`, `seed`. */
const regretOf = (results: MfResults) => (task: string, seed: number, method: string) => finalRegret(studyOf(results, task, seed, method), optimumOf(results, task));

/** Per task: each method's figures, the mean over seeds (final regret also its lowest and highest). */
export function mfTaskTable(results: MfResults, task: string, walls: WallTime[]): string {
  const optimum = optimumOf(results, task);
  const rows = results.methods.map((method) => {
    const own = results.studies.filter((s) => s.task === task && s.method === method);
    const finals = own.map((s) => finalRegret(s, optimum));
    const incumbents = own.map((s) => mfRegret(s.evaluations, optimum, Number.POSITIVE_INFINITY).incumbent ?? Number.POSITIVE_INFINITY);
    const wall = walls.filter((w) => w.task === task && w.method === method).map((w) => w.seconds);
    const avg = (f: (s: MfStudy) => number) => mean(own.map(f)).toFixed(1);
    return [
      method,
      fmt(mean(finals)),
      `${fmt(Math.min(...finals))} – ${fmt(Math.max(...finals))}`,
      fmt(mean(incumbents)),
      avg((s) => s.configurations),
      avg((s) => s.evaluations.filter((e) => e.full).length),
      avg((s) => epochsSpent(s.evaluations)),
      String(Math.round(mean(own.map((s) => s.evaluations.reduce((sum, e) => sum + (Number.isFinite(e.runtime) ? e.runtime : 0), 0))))),
      wall.length ? mean(wall).toFixed(2) : "–",
    ];
  });
  return table(
    ["method", "final regret (mean)", "lowest – highest seed", "incumbent's regret (mean)", "configurations", "evaluations at full fidelity", "epochs", "simulated training (s)", "wall time per study (s)"],
    ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
    rows,
  );
}

/** Final regret, the mean over seeds: a row per task, a column per method. */
export function mfFinalTable(results: MfResults): string {
  const rows = results.taskInfo.map((t) => [t.task, String(results.seeds.length), ...results.methods.map((m) => fmt(mean(results.seeds.map((seed) => regretOf(results)(t.task, seed, m)))))]);
  return table(["task", "seeds", ...results.methods], ["---", "---:", ...results.methods.map(() => "---:")], rows);
}

/** Mean ranks by final regret over the tasks and seeds. */
export function mfRanks(results: MfResults): RankTable {
  return ranksOf(results.tasks, results.seeds, results.methods, results.budget, regretOf(results), ranIn(results));
}

/** Whether the results hold the study: a stopped run's last tasks lack some seeds (completePart). */
const ranIn = (results: MfResults) => (task: string, seed: number, method: string) => hasStudy(results.studies, task, seed, method);

/** databazel's Hyperband against each baseline that ran: per task and over all. */
export function mfComparisons(results: MfResults): Comparison[] {
  const out: Comparison[] = [];
  const regret = regretOf(results);
  const ran = ranIn(results);
  for (const [databazel, other] of MF_COUNTERPARTS) {
    if (!results.methods.includes(databazel) || !results.methods.includes(other)) continue;
    const groups = results.tasks.length > 1 ? [...results.tasks.map((t) => [t]), results.tasks] : [results.tasks];
    for (const tasks of groups) {
      const both = (task: string) => results.seeds.filter((seed) => ran(task, seed, databazel) && ran(task, seed, other));
      const pairs = tasks.flatMap((task) => both(task).map((seed) => [regret(task, seed, databazel), regret(task, seed, other)] as const));
      const label = tasks.length === 1 ? tasks[0]! : "all";
      out.push(pairedComparison(results.budget, databazel, other, label, pairs.map((p) => p[0]), pairs.map((p) => p[1]), tasks.length === 1));
    }
  }
  return out;
}

function intro(results: MfResults): string {
  return (
    `Every study spends at most ${results.budget} epochs (databazel's Hyperband study: 3 brackets from 9 to 81 epochs by 3; its successive halving spends 567), seeds ${results.seeds.join(", ")}. ` +
    `Regret: the noise-free loss of the best configuration evaluated at the full fidelity (81 epochs) minus the function's optimum; final regret after all the study's epochs; ` +
    `incumbent's regret: that of the full-fidelity evaluation with the lowest noisy loss (the method's own pick).` +
    (results.methods.includes("ray_asha") ? " " + rayNote(results) : "")
  );
}

/** Why ray_asha's figures are not those of another run: said wherever they are shown. */
export function rayNote(results: MfResults): string {
  return (
    `ray_asha: Ray Tune ${results.versions?.["ray"] ?? "(version not recorded)"}'s ASHAScheduler (grace period 9, max 81, reduction factor 3) on random search seeded with the study's seed, two trials at a time, ` +
    `stopped at the same epochs; it is NOT deterministic (asynchronous promotions depend on which trial reports first), so its studies, and results.json with them, differ from run to run. ` +
    `Its trials count in the order their last epoch was reported; its wall time is the study's, without starting Ray.`
  );
}

/** The sections as Markdown: final regret per task and method, mean ranks and tests. */
export function mfMarkdownReport(results: MfResults, walls: WallTime[]): string {
  const out: string[] = [];
  out.push(`\`${results.command}\`\n`);
  out.push(intro(results) + "\n");
  out.push(`### Final regret (mean over seeds)\n`);
  out.push(mfFinalTable(results) + "\n");
  for (const t of results.taskInfo) {
    out.push(`### ${t.task} (optimum ${t.optimum})\n`);
    out.push(mfTaskTable(results, t.task, walls) + "\n");
  }
  // A run stopped before every method finished a (task, seed): nothing to rank or test yet.
  if (results.taskInfo.length === 0 || results.seeds.length === 0) return out.join("\n");
  out.push(`### Mean rank by final regret\n`);
  out.push(rankTable(mfRanks(results)) + "\n");
  const tests = mfComparisons(results);
  if (tests.length) {
    out.push("### databazel's Hyperband against the baselines (Wilcoxon signed-rank)\n");
    out.push(comparisonTable(tests, "baseline", "epochs") + "\n");
    out.push(TEST_NOTE + "\n");
  }
  return out.join("\n");
}

/** The HTML page: per task, regret at the full fidelity against epochs spent, and the tables. */
export function mfHtmlReport(results: MfResults, walls: WallTime[], when: string): string {
  const sections = results.taskInfo.map((t) => {
    const bands = results.methods.map((m) =>
      mfBand(
        m,
        results.seeds.map((seed) => studyOf(results, t.task, seed, m).evaluations),
        t.optimum,
      ),
    );
    return {
      heading: `${t.task}: loss, minimized; optimum ${t.optimum}`,
      body: `${legend(results.methods)}\n<div class="charts">\n${chart(`${t.task}: regret at ${t.maxEpochs} epochs against epochs spent`, "epochs spent", bands)}\n</div>\n${markdownTableHtml(mfTaskTable(results, t.task, walls))}`,
    };
  });
  sections.push({ heading: "Final regret (mean over seeds)", body: markdownTableHtml(mfFinalTable(results)) });
  if (results.taskInfo.length === 0 || results.seeds.length === 0) return page("databazel HPO benchmark: multi-fidelity tasks", `<p>No task and seed finished by every method yet.</p>`, sections);
  sections.push({ heading: "Mean ranks", body: `<p class="note">${escapeHtml(RANK_NOTE)}</p>\n${markdownTableHtml(rankTable(mfRanks(results)))}` });
  const tests = mfComparisons(results);
  if (tests.length) sections.push({ heading: "databazel's Hyperband against the baselines (Wilcoxon signed-rank)", body: `<p class="note">${escapeHtml(TEST_NOTE)}</p>\n${markdownTableHtml(comparisonTable(tests, "baseline", "epochs"))}` });
  const head =
    `<p><code>${escapeHtml(results.command)}</code>, ${escapeHtml(when)}. ${escapeHtml(intro(results))} ` +
    `Lines: the mean over seeds; bands: the lowest to the highest seed. The evaluations count in the order they would run one after another ` +
    `(databazel's Hyperband: the most aggressive bracket first, rung by rung; a build runs them side by side); a curve starts when every seed has an evaluation at the full fidelity. ` +
    `A regret of 0 is drawn at the bottom, labelled 0. Solid: databazel; dashed and dotted: the baselines.</p>`;
  return page("databazel HPO benchmark: multi-fidelity tasks", head, sections);
}
