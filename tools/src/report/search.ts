// The report of a hyperparam_search: leaderboard (with every trial's outcome), with several
// objectives the Pareto front charts and the hypervolume over trials, the promotions of
// a search with a scheduler, the parallel coordinates of every trial, the metric against each
// hyperparameter, every trial's learning curve, and the best trial's confusion matrix.
import { readLeaderboard, type LeaderboardJson, type Ranked } from "../formats/leaderboard.ts";
import { columns as boardColumns, row as boardRow, toLeaderboard } from "../leaderboard/render.ts";
import { confusionMatrix } from "./classes.ts";
import { curveCharts, readCurve } from "./curves.ts";
import { esc, formatNumber, isNumeric, note, page, readJson, section, table, type Cell, type Column } from "./html.ts";
import type { SearchReportManifest } from "../formats/report-manifest.ts";
import { frontCharts } from "./front-chart.ts";
import { hypervolumeChart } from "./hypervolume-curve.ts";
import { parallelChart } from "./parallel.ts";
import { promotions } from "./promotions.ts";
import { scatterChart, valueScale, type ParamKind } from "./svg.ts";

/** Trials that failed, timed out or diverged: a pruned trial is not one, it was stopped on purpose. */
const isFailure = (t: { outcome: string }): boolean => t.outcome !== "succeeded" && t.outcome !== "pruned";

export function searchReport(m: SearchReportManifest): string {
  const board = readLeaderboard(m.leaderboard, m.label);
  // Declaration order, for stable categories and colours whatever the ranking.
  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const trials = board.trials;
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const hyperparams = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const best = trials.find((t) => t.trial === board.best);
  const better = m.goal === "maximize" ? "higher" : "lower";
  const failed = trials.filter(isFailure).length;
  const pruned = trials.filter((t) => t.outcome === "pruned").length;
  const schedule = board.schedule;
  const scheduler = schedule === null ? "" : schedule.scheduler === "hyperband" ? "Hyperband" : "successive halving";

  const multi = board.objectives.length > 1;
  const subtitle =
    (multi
      ? paretoSubtitle(board, best)
      : `${trials.length} trial${trials.length === 1 ? "" : "s"} · metric <code>${esc(m.metric)}</code> (${esc(m.goal)}: ${better} is better)` +
        (best?.value != null ? ` · best: <b>${esc(best.trial)}</b> with ${esc(m.metric)} = ${esc(formatNumber(best.value))}` : "")) +
    (schedule ? ` · ${esc(scheduler)}, ${esc(schedule.min_epochs)} to ${esc(schedule.max_epochs)} epochs` : "") +
    (pruned ? ` · <span class="pruned-count">${pruned} pruned</span>` : "") +
    (failed ? ` · <span class="failed-count">${failed} did not succeed</span>` : "");

  const outcomes = new Map(trials.map((t) => [t.trial, t]));
  const kinds = paramKinds(m);
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  const sections = [
    section("leaderboard-section", "Leaderboard", leaderboardTable(board, hyperparams)),
    ...(multi
      ? [
          section("pareto-section", "Pareto front", frontCharts(board, byDeclaration, hypervolumeChart(byDeclaration, board.objectives))),
        ]
      : []),
    ...(schedule ? [section("promotions-section", "Promotions", promotions(board, declared))] : []),
    section(
      "parallel-section",
      "Parallel coordinates",
      varying.length
        ? parallelChart({
            metric: m.metric,
            goal: m.goal,
            best: board.best,
            hyperparams: varying,
            kinds,
            trials: byDeclaration,
            ...(multi ? { objectives: board.objectives } : {}),
          })
        : note("No hyperparameter varies between the trials: nothing to plot.", "parallel-coordinates"),
    ),
    section(
      "hyperparameters-section",
      `${m.metric} by hyperparameter`,
      metricCharts(m, byDeclaration.filter((t) => t.value !== null), hyperparams, board.best, kinds),
    ),
    section(
      "curves-section",
      "Learning curves",
      curveCharts(
        m.trials.map((t) => {
          const stopped = outcomes.get(t.name)?.outcome === "pruned";
          return { name: t.name, curve: readCurve(t.curve), best: t.name === board.best, faded: stopped, tag: stopped ? "pruned" : undefined };
        }),
        true,
        pruned ? "Faint: the trials pruned at a rung, up to the epoch they were stopped at." : undefined,
      ),
    ),
  ];
  const bestTrial = m.trials.find((t) => t.name === board.best);
  const matrix = bestTrial && confusionMatrix(readJson<unknown>(bestTrial.metrics, `the metrics of trial ${bestTrial.name}`));
  if (matrix) sections.push(section("confusion-section", `Confusion matrix of the best trial, ${board.best}`, matrix));
  return page({ kind: "hyperparam_search", label: m.label, subtitle, sections });
}

/** The subtitle of a search by several objectives: what it ranks by, and the selected trial. */
function paretoSubtitle(board: LeaderboardJson, best: Ranked | undefined): string {
  const n = board.trials.length;
  const objectives = board.objectives.map((o) => `<code>${esc(o.name)}</code> (${esc(o.goal)})`).join(", ");
  const constraints = board.constraints.map((c) => `<code>${esc(`${c.metric} ${c.op} ${formatNumber(c.bound)}`)}</code>`).join(", ");
  const why = board.select === "knee" ? "the knee of the front" : `best by ${board.select}`;
  const values = best ? board.objectives.map((o) => `${o.name} = ${formatNumber(best.metrics[o.name] ?? NaN)}`).join(", ") : "";
  return (
    `${n} trial${n === 1 ? "" : "s"} · objectives ${objectives}` +
    (constraints ? ` · constraint${board.constraints.length === 1 ? "" : "s"} ${constraints}` : "") +
    ` · Pareto front of ${board.front.length}` +
    (best ? ` · selected (${esc(why)}): <b>${esc(best.trial)}</b> with ${esc(values)}` : "")
  );
}

/**
 * The leaderboard's columns and cells are those of its CSV and Markdown (tools/src/leaderboard/render.ts):
 * rank, trial, with several objectives or constraints the pareto_rank (and the violation with
 * constraints), with a scheduler the bracket (Hyperband), rung and epochs_trained, the
 * hyperparameters, the metric (or every objective), the other metrics, the outcome, and the
 * error when not all succeeded.
 */
function leaderboardTable(json: LeaderboardJson, hyperparams: string[]): string {
  const board = toLeaderboard(json);
  // The report keeps the hyperparameters in declaration order; render.ts sorts them.
  board.hyperparamNames = hyperparams;
  const trials = board.trials;
  // Every trial's outcome is shown, also when all succeeded (the CSV then has no outcome column).
  const withOutcome = !board.hasFailures;
  const keys = [...boardColumns(board), ...(withOutcome ? ["outcome"] : [])];
  // The lead metrics: every objective with several, else the metric alone (as render.ts's row()).
  const multi = board.objectives.length > 1;
  const lead = multi ? board.objectives : [{ name: board.metric, goal: board.goal }];
  const others = board.metricNames.filter((k) => !lead.some((o) => o.name === k));
  const paretoColumns = (multi || board.constrained ? 1 : 0) + (board.constrained ? 1 : 0);
  const schedulerColumns = (board.iterations ? 1 : 0) + (board.brackets ? 1 : 0) + (board.scheduled ? 2 : 0);
  // Column i's role, by position: the layout of render.ts's columns().
  const schedStart = 2 + paretoColumns;
  const hpStart = schedStart + schedulerColumns;
  const metricAt = hpStart + hyperparams.length;
  const othersAt = metricAt + lead.length;
  const columns = keys.map((key, i): Column => {
    if (i < 2) return { key, numeric: key === "rank" };
    if (i < schedStart) return { key, numeric: true, className: "pareto" };
    if (i < hpStart) return { key, numeric: true, className: "sched" };
    if (i < metricAt) {
      const h = hyperparams[i - hpStart]!;
      return { key, numeric: trials.every((t) => isNumeric(t.hyperparams[h] ?? "")), className: "hp" };
    }
    if (i < othersAt) return { key, header: `${key} ${lead[i - metricAt]!.goal === "maximize" ? "\u2191" : "\u2193"}`, numeric: true, className: "metric" };
    if (i < othersAt + others.length) return { key, numeric: true };
    return { key, numeric: false, className: key };
  });
  const rawOf = (t: Ranked, i: number): number | null | undefined => {
    if (i === 2 && paretoColumns > 0) return t.pareto_rank;
    if (i === 3 && paretoColumns > 1) return t.violation;
    if (i >= metricAt && i < othersAt) return multi ? t.metrics[lead[i - metricAt]!.name] : t.value;
    if (i >= othersAt && i < othersAt + others.length) return t.metrics[others[i - othersAt]!];
    return undefined;
  };
  const rows = trials.map((t): Cell[] =>
    [...boardRow(board, t), ...(withOutcome ? [t.outcome] : [])].map((text, i): Cell => {
      // Numbers sort by their full value, not the shown digits.
      const raw = rawOf(t, i);
      return raw == null ? { text } : { text, value: String(raw) };
    }),
  );
  // The outcome goes right after the trial's name, where it is seen without scrolling.
  const at = keys.length - (withOutcome ? 1 : 2);
  const order = [0, 1, at, ...keys.map((_, i) => i).filter((i) => i > 1 && i !== at)];
  const failures = trials.some(isFailure);
  const pruned = trials.some((t) => t.outcome === "pruned");
  const hint =
    (multi ? `; trials rank by Pareto front (pareto_rank 1 is the front, the selected trial first), then by ${json.metric}` : "") +
    (pruned ? "; the trials that trained to the last rung rank first, then the pruned ones, those stopped later first, scored at their last checkpoint" : "") +
    (failures ? "; trials that did not succeed rank last, with their error" : "");
  return (
    `<p class="hint">Click a column to sort; the best trial is highlighted${esc(hint)}.</p>\n` +
    table(
      order.map((i) => columns[i]!),
      rows.map((cells) => order.map((i) => cells[i]!)),
      {
        id: "leaderboard",
        className: "sortable",
        rowAttrs: (i) => {
          const t = trials[i]!;
          const cls = t.trial === json.best ? "best" : t.outcome === "pruned" ? "pruned" : isFailure(t) ? "failed" : "";
          return ` data-trial="${esc(t.trial)}" data-rank="${t.rank}"${cls ? ` class="${cls}"` : ""} data-outcome="${esc(t.outcome)}"`;
        },
      },
    )
  );
}

/** What the search says each hyperparameter is: a distribution of its space, or its grid's values. */
export function paramKinds(m: Pick<SearchReportManifest, "space" | "grid">): Map<string, ParamKind> {
  const kinds = new Map<string, ParamKind>();
  for (const [name, values] of Object.entries(m.grid)) kinds.set(name, { kind: "grid", values });
  for (const [name, d] of Object.entries(m.space)) kinds.set(name, { kind: d.kind, low: d.low, high: d.high, choices: d.choices });
  return kinds;
}

function metricCharts(m: SearchReportManifest, trials: Ranked[], hyperparams: string[], best: string, kinds: Map<string, ParamKind>): string {
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  if (varying.length === 0) return note("No hyperparameter varies between the trials: nothing to plot.", "metric-vs");
  const charts = varying.map((h) => {
    const values = trials.map((t) => t.hyperparams[h] ?? "");
    return scatterChart({
      name: `metric-vs-${h}`,
      title: `${m.metric} against ${h}`,
      xTitle: h,
      yTitle: m.metric,
      x: valueScale(values, kinds.get(h)),
      points: trials.map((t, i) => ({
        x: values[i]!,
        y: t.value ?? 0,
        best: t.trial === best,
        faded: t.outcome === "pruned",
        label:
          `${t.trial}\n${h} = ${values[i]}\n${m.metric} = ${formatNumber(t.value ?? 0)}${t.trial === best ? " (best)" : ""}` +
          (t.outcome === "pruned" ? `\npruned after ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}` : ""),
      })),
    });
  });
  const fixed = hyperparams
    .filter((h) => !varying.includes(h))
    .map((h) => `${esc(h)} = ${esc(trials[0]?.hyperparams[h] ?? "")}`);
  const same = fixed.length ? `Same in every trial: ${fixed.join(", ")}. ` : "";
  const faint = trials.some((t) => t.outcome === "pruned") ? " Grey: trials pruned at a rung, scored at their last checkpoint." : "";
  return `<p class="hint">${same}The best trial is the larger, gold point.${faint}</p>\n<div class="charts">\n${charts.join("\n")}\n</div>`;
}
