// `databazel show LABEL`: a hyperparam_search's leaderboard, best first.
import { readLeaderboard } from "../formats/leaderboard.ts";
import { columns, row, toCsv, toLeaderboard, toMarkdown, type Leaderboard } from "../leaderboard/render.ts";
import { stableJson } from "../lib/json.ts";
import type { ShowFormat } from "./args.ts";
import { autoColumns, renderTable, type Style } from "./table.ts";
import { describe, displayLabel, ensureOutputs, requireKind, type Workspace } from "./targets.ts";

/** The terminal table: a marker column ("*" on the best trial), best first, the best highlighted. */
export function renderLeaderboard(board: Leaderboard, style: Style): string {
  const better = board.goal === "maximize" ? "higher" : "lower";
  const headers = ["", ...columns(board)];
  const rows = board.trials.map((t) => [t.rank === 1 ? "*" : "", ...row(board, t)]);
  const failed = board.trials.filter((t) => t.outcome !== "succeeded").length;
  const title =
    `${board.label}: ${board.trials.length} trial${board.trials.length === 1 ? "" : "s"} ranked by ` +
    `${board.metric} (${board.goal}: ${better} is better); * marks the best.` +
    (failed ? ` ${failed} did not succeed and rank last.` : "");
  return `${style.bold(title)}\n\n${renderTable(autoColumns(headers, rows), rows, {
    style,
    highlight: (i) => board.trials[i]?.rank === 1,
  })}`;
}

export function show(ws: Workspace, label: string, format: ShowFormat, style: Style): string {
  const target = describe(ws, label);
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
  const json = readLeaderboard(path!, displayLabel(target.label));
  const board = toLeaderboard(json);
  switch (format) {
    case "json":
      return stableJson(json);
    case "csv":
      return toCsv(board);
    case "md":
      return toMarkdown(board);
    default:
      return renderLeaderboard(board, style);
  }
}
