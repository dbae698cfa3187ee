// The report of a hyperparam_search: leaderboard, the metric against each hyperparameter,
// every trial's learning curve, and the best trial's confusion matrix.
import { readLeaderboard, type Ranked } from "../formats/leaderboard.ts";
import { confusionMatrix } from "./classes.ts";
import { curveCharts, readCurve } from "./curves.ts";
import { esc, formatNumber, isNumeric, note, page, readJson, section, table, type Cell, type Column } from "./html.ts";
import type { SearchReportManifest } from "../formats/report-manifest.ts";
import { scatterChart, valueScale } from "./svg.ts";

export function searchReport(m: SearchReportManifest): string {
  const board = readLeaderboard(m.leaderboard, m.label);
  // Declaration order, for stable categories and colours whatever the ranking.
  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const trials = board.trials;
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const hyperparams = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const best = trials.find((t) => t.trial === board.best);
  const better = m.goal === "maximize" ? "higher" : "lower";
  const failed = trials.filter((t) => t.outcome !== "succeeded").length;

  const subtitle =
    `${trials.length} trial${trials.length === 1 ? "" : "s"} · metric <code>${esc(m.metric)}</code> (${esc(m.goal)}: ${better} is better)` +
    (best?.value != null ? ` · best: <b>${esc(best.trial)}</b> with ${esc(m.metric)} = ${esc(formatNumber(best.value))}` : "") +
    (failed ? ` · <span class="failed-count">${failed} did not succeed</span>` : "");

  const sections = [
    section("leaderboard-section", "Leaderboard", leaderboardTable(m, trials, hyperparams, board.best)),
    section(
      "hyperparameters-section",
      `${m.metric} by hyperparameter`,
      metricCharts(m, byDeclaration.filter((t) => t.value !== null), hyperparams, board.best),
    ),
    section(
      "curves-section",
      "Learning curves",
      curveCharts(
        m.trials.map((t) => ({ name: t.name, curve: readCurve(t.curve), best: t.name === board.best })),
        true,
      ),
    ),
  ];
  const bestTrial = m.trials.find((t) => t.name === board.best);
  const matrix = bestTrial && confusionMatrix(readJson<unknown>(bestTrial.metrics, `the metrics of trial ${bestTrial.name}`));
  if (matrix) sections.push(section("confusion-section", `Confusion matrix of the best trial, ${board.best}`, matrix));
  return page({ kind: "hyperparam_search", label: m.label, subtitle, sections });
}

function leaderboardTable(m: SearchReportManifest, trials: Ranked[], hyperparams: string[], best: string): string {
  const others = [...new Set(trials.flatMap((t) => Object.keys(t.metrics)))].filter((k) => k !== m.metric).sort();
  const failures = trials.some((t) => t.outcome !== "succeeded");
  const columns: Column[] = [
    { key: "rank", numeric: true },
    { key: "trial", numeric: false },
    ...hyperparams.map((h) => ({ key: h, numeric: trials.every((t) => isNumeric(t.hyperparams[h] ?? "")), className: "hp" })),
    { key: m.metric, header: `${m.metric} ${m.goal === "maximize" ? "\u2191" : "\u2193"}`, numeric: true, className: "metric" },
    ...others.map((k) => ({ key: k, numeric: true })),
    ...(failures ? [{ key: "outcome", numeric: false, className: "outcome" }, { key: "error", numeric: false, className: "error" }] : []),
  ];
  const num = (v: number | null | undefined): Cell => (v == null ? { text: "" } : { text: formatNumber(v), value: String(v) });
  const rows = trials.map((t): Cell[] => [
    { text: String(t.rank) },
    { text: t.trial },
    ...hyperparams.map((h) => ({ text: t.hyperparams[h] ?? "" })),
    num(t.value),
    ...others.map((k) => num(t.metrics[k])),
    ...(failures ? [{ text: t.outcome }, { text: t.error ?? "" }] : []),
  ]);
  return (
    `<p class="hint">Click a column to sort; the best trial is highlighted` +
    (failures ? "; trials that did not succeed rank last, with their error." : ".") +
    `</p>\n` +
    table(columns, rows, {
      id: "leaderboard",
      className: "sortable",
      rowAttrs: (i) => {
        const t = trials[i]!;
        const cls = t.trial === best ? "best" : t.outcome !== "succeeded" ? "failed" : "";
        return ` data-trial="${esc(t.trial)}" data-rank="${t.rank}"${cls ? ` class="${cls}"` : ""} data-outcome="${t.outcome}"`;
      },
    })
  );
}

function metricCharts(m: SearchReportManifest, trials: Ranked[], hyperparams: string[], best: string): string {
  const varying = hyperparams.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  if (varying.length === 0) return note("No hyperparameter varies between the trials: nothing to plot.", "metric-vs");
  const charts = varying.map((h) => {
    const values = trials.map((t) => t.hyperparams[h] ?? "");
    const numeric = values.every(isNumeric);
    return scatterChart({
      name: `metric-vs-${h}`,
      title: `${m.metric} against ${h}`,
      xTitle: h,
      yTitle: m.metric,
      x: valueScale(values, numeric),
      points: trials.map((t, i) => ({
        x: values[i]!,
        y: t.value ?? 0,
        best: t.trial === best,
        label: `${t.trial}\n${h} = ${values[i]}\n${m.metric} = ${formatNumber(t.value ?? 0)}${t.trial === best ? " (best)" : ""}`,
      })),
    });
  });
  const fixed = hyperparams
    .filter((h) => !varying.includes(h))
    .map((h) => `${esc(h)} = ${esc(trials[0]?.hyperparams[h] ?? "")}`);
  const same = fixed.length ? `Same in every trial: ${fixed.join(", ")}. ` : "";
  return `<p class="hint">${same}The best trial is the larger, gold point.</p>\n<div class="charts">\n${charts.join("\n")}\n</div>`;
}
