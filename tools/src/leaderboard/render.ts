// Renders a ranked leaderboard as CSV and Markdown; the CLI and the leaderboard action share it.
import { hyperparamNames, type Goal, type LeaderboardJson, type Ranked } from "../formats/leaderboard.ts";

/** A leaderboard with its columns: sorted hyperparameter names, then the metric, then the others. */
export interface Leaderboard {
  label: string;
  metric: string;
  goal: Goal;
  hyperparamNames: string[];
  metricNames: string[];
  /** Whether some trial did not succeed: then the outcome and error columns are shown. */
  hasFailures: boolean;
  /** Whether the search had a scheduler: then the rung and epochs_trained columns are shown. */
  scheduled: boolean;
  /** Whether it was Hyperband: then the bracket column is shown too. */
  brackets: boolean;
  trials: Ranked[];
}

/** The columns of a leaderboard file, with its trials best first. */
export function toLeaderboard(json: LeaderboardJson): Leaderboard {
  return {
    label: json.label,
    metric: json.metric,
    goal: json.goal,
    hyperparamNames: hyperparamNames(json.trials),
    metricNames: [...new Set(json.trials.flatMap((t) => Object.keys(t.metrics)))].sort(),
    hasFailures: json.trials.some((t) => t.outcome !== "succeeded"),
    scheduled: json.schedule !== null,
    brackets: json.schedule?.scheduler === "hyperband",
    trials: [...json.trials].sort((a, b) => a.rank - b.rank),
  };
}

export function columns(board: Leaderboard): string[] {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return [
    "rank",
    "trial",
    ...(board.brackets ? ["bracket"] : []),
    ...(board.scheduled ? ["rung", "epochs_trained"] : []),
    ...board.hyperparamNames,
    board.metric,
    ...others,
    ...(board.hasFailures ? ["outcome", "error"] : []),
  ];
}

export function row(board: Leaderboard, t: Ranked): string[] {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return [
    String(t.rank),
    t.trial,
    ...[...(board.brackets ? [t.bracket] : []), ...(board.scheduled ? [t.rung, t.epochs] : [])].map((n) => (n === null ? "" : String(n))),
    ...board.hyperparamNames.map((h) => t.hyperparams[h] ?? ""),
    t.value === null ? "" : formatNumber(t.value),
    ...others.map((m) => (t.metrics[m] === undefined ? "" : formatNumber(t.metrics[m]))),
    ...(board.hasFailures ? [t.outcome, t.error ?? ""] : []),
  ];
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

function csvField(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(board: Leaderboard): string {
  const lines = [columns(board), ...board.trials.map((t) => row(board, t))];
  return lines.map((fields) => fields.map(csvField).join(",")).join("\n") + "\n";
}

function mdCell(cell: string): string {
  return cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function toMarkdown(board: Leaderboard): string {
  const header = columns(board);
  const lines = [
    `Leaderboard of \`${board.label}\`: ${board.metric}, ${board.goal === "maximize" ? "higher" : "lower"} is better; best in bold.`,
    "",
    `| ${header.map(mdCell).join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---:" : "---")).join(" | ")} |`,
    ...board.trials.map((t) => {
      const cells = row(board, t).map(mdCell);
      return `| ${(t.rank === 1 ? cells.map((c) => (c ? `**${c}**` : c)) : cells).join(" | ")} |`;
    }),
  ];
  return lines.join("\n") + "\n";
}
