// `databazel show LABEL`: a hyperparam_search's leaderboard, best first; for a search by several
// objectives then its Pareto front; for a search with a scheduler (successive halving,
// Hyperband) then its rungs, with who went on at each.
import { readLeaderboard, type Goal, type Schedule } from "../formats/leaderboard.ts";
import { columns, formatNumber, row, toCsv, toLeaderboard, toMarkdown, type Leaderboard } from "../leaderboard/render.ts";
import { stableJson } from "../lib/json.ts";
import { objectivesInWords, renderFront } from "./front.ts";
import type { ShowFormat } from "./args.ts";
import { autoColumns, renderTable, type Style } from "./table.ts";
import { UsageError } from "./errors.ts";
import type { Target } from "../formats/providers.ts";
import { queryOneTarget, displayLabel, ensureAllOutputs, ensureOutputs, isPattern, kindOf, queryTargets, requireKind, type Workspace } from "./targets.ts";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The terminal table: a marker column ("*" on the best trial), best first, the best highlighted;
 * then `front` (the Pareto front's section, for a search by several objectives); for a search
 * with a scheduler, its rungs after it.
 */
export function renderLeaderboard(board: Leaderboard, style: Style, schedule: Schedule | null = null, front = ""): string {
  const better = board.goal === "maximize" ? "higher" : "lower";
  const headers = ["", ...columns(board)];
  const rows = board.trials.map((t) => [t.rank === 1 ? "*" : "", ...row(board, t)]);
  // A pruned trial did not fail: a rung stopped it on purpose, and it has a value.
  const failed = board.trials.filter((t) => t.outcome !== "succeeded" && t.outcome !== "pruned").length;
  const pruned = board.trials.filter((t) => t.outcome === "pruned").length;
  const ranking =
    board.objectives.length > 1
      ? `Pareto fronts of ${objectivesInWords(board.objectives)}${board.constrained ? ", those that break a constraint after those that keep them all" : ""}; * marks the selected trial.`
      : `${board.metric} (${board.goal}: ${better} is better); * marks the best.`;
  const title =
    `${board.label}: ${plural(board.trials.length, "trial")} ranked by ${ranking}` +
    (pruned ? ` ${pruned} ${pruned === 1 ? "was" : "were"} pruned at a rung and rank after those that trained to the last rung.` : "") +
    (failed ? ` ${failed} did not succeed and rank last.` : "");
  const table = renderTable(autoColumns(headers, rows), rows, {
    style,
    highlight: (i) => board.trials[i]?.rank === 1,
  });
  return `${style.bold(title)}\n\n${table}${front ? `\n${front}` : ""}${schedule ? `\n${renderRungs(schedule, board.metric, board.goal, style)}` : ""}`;
}

/**
 * One line per rung: how many trials trained to it, and which went on with their metric on
 * the validation data, best first; at the last rung, the trials' final metric (test data).
 *   bracket 2, rung 1: 9 trials at 1 epoch, 3 go on: a (0.76), b (0.75), c (0.744)
 * Successive halving has one bracket, so its lines start at "rung".
 */
export function renderRungs(schedule: Schedule, metric: string, goal: Goal, style: Style): string {
  const hyperband = schedule.scheduler === "hyperband";
  const sign = goal === "maximize" ? -1 : 1;
  const bestFirst = <T extends { value: number | null }>(entries: T[]): T[] =>
    [...entries].sort((a, b) => (a.value === null || b.value === null ? Number(a.value === null) - Number(b.value === null) : sign * (a.value - b.value)));
  // "a (0.76)"; a trial continue_trials made go on: "a (0.51, continue_trials)".
  const scored = (e: { trial: string; value: number | null; forced: boolean }): string =>
    `${e.trial} (${[e.value === null ? "" : formatNumber(e.value), e.forced ? "continue_trials" : ""].filter(Boolean).join(", ")})`;
  const title =
    `Rungs (${hyperband ? "Hyperband" : "successive halving"}, reduction factor ${schedule.reduction_factor}): ` +
    `${metric} on the validation data, at the last rung on the test data.`;
  const blocks = schedule.brackets.map((bracket) =>
    bracket.rungs
      .map((rung, i) => {
        const head = `${schedule.iterations > 1 ? `iteration ${bracket.iteration}, ` : ""}${hyperband ? `bracket ${bracket.bracket}, ` : ""}rung ${i + 1}: ${plural(rung.trials.length, "trial")} at ${plural(rung.epochs, "epoch")}`;
        const broken = rung.trials.filter((e) => e.outcome !== "succeeded");
        const failures = broken.length ? `; ${broken.length} did not succeed: ${broken.map((e) => `${e.trial} (${e.outcome})`).join(", ")}` : "";
        const ok = rung.trials.filter((e) => e.outcome === "succeeded");
        if (rung.keep === null) return `${head}, final: ${bestFirst(ok).map(scored).join(", ") || "none"}${failures}`;
        const on = bestFirst(ok.filter((e) => e.decision === "continue"));
        const goes = on.length === 0 ? "none goes on" : `${on.length} go${on.length === 1 ? "es" : ""} on: ${on.map(scored).join(", ")}`;
        return `${head}, ${goes}${failures}`;
      })
      .join("\n"),
  );
  return `${style.bold(title)}\n${blocks.join(hyperband ? "\n\n" : "\n")}\n`;
}

export function show(ws: Workspace, label: string, format: ShowFormat, style: Style): string {
  if (isPattern(label)) return showPattern(ws, label, format, style);
  const target = queryOneTarget(ws, label);
  requireKind(
    ws,
    target,
    "show",
    ["search"],
    (kind) =>
      `Compare its ${kind === "model" ? "hyperparameters and learning curve" : "metrics"} with another target's: ` +
      `databazel diff ${displayLabel(target.label)} OTHER_LABEL` +
      (kind === "model" ? `; what produced it: databazel lineage ${displayLabel(target.label)}` : ""),
  );
  const [path] = ensureOutputs(ws, target, [target.search!.leaderboard_json]);
  return format_(target, path!, format, style);
}

/**
 * `databazel show //pkg/...`: every search the pattern names, one after another under its
 * label, built in one `bazel build`. JSON and CSV take one search: several would not parse.
 */
function showPattern(ws: Workspace, pattern: string, format: ShowFormat, style: Style): string {
  const searches = queryTargets(ws, pattern)
    .filter((t) => kindOf(t) === "search")
    .sort((a, b) => (displayLabel(a.label) < displayLabel(b.label) ? -1 : 1));
  const labels = searches.map((t) => displayLabel(t.label));
  if (searches.length === 0) throw new UsageError(`${pattern} names no hyperparam_search target: show prints a search's leaderboard.`);
  if (searches.length > 1 && (format === "json" || format === "csv")) {
    throw new UsageError(
      `databazel show --${format} prints one search, and ${pattern} names ${searches.length} (${labels.join(", ")}).\n` +
        `Fix: name one, e.g. databazel show --${format} ${labels[0]}; or leave out --${format} to see them all.`,
    );
  }
  const paths = ensureAllOutputs(ws, searches.map((target) => ({ target, paths: [target.search!.leaderboard_json] })));
  if (searches.length === 1) return format_(searches[0]!, paths[0]![0]!, format, style);
  const heading = (label: string): string => (format === "md" ? `## ${label}` : style.bold(label));
  return searches.map((t, i) => `${heading(labels[i]!)}\n\n${format_(t, paths[i]![0]!, format, style)}`).join("\n\n");
}

/** One search's leaderboard, read from its JSON at `path`, in `format`. */
function format_(target: Target, path: string, format: ShowFormat, style: Style): string {
  const json = readLeaderboard(path, displayLabel(target.label));
  const board = toLeaderboard(json);
  switch (format) {
    case "json":
      return stableJson(json);
    case "csv":
      return toCsv(board);
    case "md":
      return toMarkdown(board);
    default:
      return renderLeaderboard(board, style, json.schedule, json.objectives.length > 1 ? renderFront(json, style) : "");
  }
}
