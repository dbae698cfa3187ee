// `databazel show LABEL`: a hyperparam_search's leaderboard, best first.
import { readFileSync } from "node:fs";
import { columns, row, toCsv, toMarkdown, type Leaderboard, type Ranked } from "../leaderboard/render.ts";
import { stableJson } from "../lib/json.ts";
import type { ShowFormat } from "./args.ts";
import { CliError } from "./errors.ts";
import { autoColumns, renderTable, type Style } from "./table.ts";
import { describe, displayLabel, ensureOutputs, requireKind, type Workspace } from "./targets.ts";

/** The leaderboard JSON the DatabazelAggregate action writes. */
export interface LeaderboardJson {
  label: string;
  metric: string;
  goal: "maximize" | "minimize";
  best: string;
  trials: Ranked[];
}

export function readLeaderboard(path: string): LeaderboardJson {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LeaderboardJson;
  } catch (err) {
    throw new CliError(`cannot read the leaderboard ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The leaderboard with the columns the aggregate action uses (sorted hyperparameter and metric names). */
export function toLeaderboard(json: LeaderboardJson): Leaderboard {
  const names = (pick: (t: Ranked) => object): string[] => [...new Set(json.trials.flatMap((t) => Object.keys(pick(t))))].sort();
  return {
    label: json.label,
    metric: json.metric,
    goal: json.goal,
    hyperparamNames: names((t) => t.hyperparams),
    metricNames: names((t) => t.metrics),
    trials: [...json.trials].sort((a, b) => a.rank - b.rank),
  };
}

/** The terminal table: a marker column ("*" on the best trial), best first, the best highlighted. */
export function renderLeaderboard(board: Leaderboard, style: Style): string {
  const better = board.goal === "maximize" ? "higher" : "lower";
  const headers = ["", ...columns(board)];
  const rows = board.trials.map((t) => [t.rank === 1 ? "*" : "", ...row(board, t)]);
  const title =
    `${board.label}: ${board.trials.length} trial${board.trials.length === 1 ? "" : "s"} ranked by ` +
    `${board.metric} (${board.goal}: ${better} is better); * marks the best.`;
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
  const json = readLeaderboard(path!);
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
