// Renders a ranked leaderboard as CSV and Markdown; the CLI and the leaderboard action share it.
import { hyperparamNames, type Goal, type LeaderboardJson, type Ranked } from "../formats/leaderboard.ts";
import type { Objective } from "../formats/objectives.ts";

/** A leaderboard with its columns: sorted hyperparameter names, then the metric, then the others. */
export interface Leaderboard {
  label: string;
  metric: string;
  goal: Goal;
  /** More than one: the columns show each objective and the Pareto rank. */
  objectives: Objective[];
  /** Whether the search has constraints: then the violation column is shown. */
  constrained: boolean;
  /** The Pareto front's trials. */
  front: Set<string>;
  hyperparamNames: string[];
  metricNames: string[];
  /** Whether some trial did not succeed: then the outcome and error columns are shown. */
  hasFailures: boolean;
  /** Whether the search had a scheduler: then the rung and epochs_trained columns are shown. */
  scheduled: boolean;
  /** Whether it was Hyperband: then the bracket column is shown too. */
  brackets: boolean;
  /** Whether Hyperband ran its brackets more than once: then the iteration column is shown too. */
  iterations: boolean;
  trials: Ranked[];
}

/** The columns of a leaderboard file, with its trials best first. */
export function toLeaderboard(json: LeaderboardJson): Leaderboard {
  return {
    label: json.label,
    metric: json.metric,
    goal: json.goal,
    objectives: json.objectives,
    constrained: json.constraints.length > 0,
    front: new Set(json.front),
    hyperparamNames: hyperparamNames(json.trials),
    metricNames: [...new Set(json.trials.flatMap((t) => Object.keys(t.metrics)))].sort(),
    hasFailures: json.trials.some((t) => t.outcome !== "succeeded"),
    scheduled: json.schedule !== null,
    brackets: json.schedule?.scheduler === "hyperband",
    iterations: (json.schedule?.iterations ?? 1) > 1,
    trials: [...json.trials].sort((a, b) => a.rank - b.rank),
  };
}

/** The metrics shown first: the search's metric, or every objective in order. */
function leadMetrics(board: Leaderboard): string[] {
  return board.objectives.length > 1 ? board.objectives.map((o) => o.name) : [board.metric];
}

/** Several objectives or constraints: trials are placed on Pareto fronts. */
const paretoColumns = (board: Leaderboard): boolean => board.objectives.length > 1 || board.constrained;

export function columns(board: Leaderboard): string[] {
  const lead = leadMetrics(board);
  const others = board.metricNames.filter((m) => !lead.includes(m));
  return [
    "rank",
    "trial",
    ...(paretoColumns(board) ? ["pareto_rank"] : []),
    ...(board.constrained ? ["violation"] : []),
    ...(board.iterations ? ["iteration"] : []),
    ...(board.brackets ? ["bracket"] : []),
    ...(board.scheduled ? ["rung", "epochs_trained"] : []),
    ...board.hyperparamNames,
    ...lead,
    ...others,
    ...(board.hasFailures ? ["outcome", "error"] : []),
  ];
}

export function row(board: Leaderboard, t: Ranked): string[] {
  const lead = leadMetrics(board);
  const others = board.metricNames.filter((m) => !lead.includes(m));
  const number = (n: number | null | undefined): string => (n === null || n === undefined ? "" : formatNumber(n));
  return [
    String(t.rank),
    t.trial,
    ...(paretoColumns(board) ? [number(t.pareto_rank)] : []),
    ...(board.constrained ? [number(t.violation)] : []),
    ...[...(board.iterations ? [t.iteration] : []), ...(board.brackets ? [t.bracket] : []), ...(board.scheduled ? [t.rung, t.epochs] : [])].map((n) => (n === null ? "" : String(n))),
    ...board.hyperparamNames.map((h) => t.hyperparams[h] ?? ""),
    ...(lead.length > 1 ? lead.map((m) => number(t.metrics[m])) : [number(t.value)]),
    ...others.map((m) => number(t.metrics[m])),
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
  const better = (goal: Goal): string => (goal === "maximize" ? "higher" : "lower");
  const what =
    board.objectives.length > 1
      ? `${board.objectives.map((o) => `${o.name} (${better(o.goal)} is better)`).join(", ")}; the Pareto front's trials have pareto_rank 1; best (picked from the front) in bold.`
      : `${board.metric}, ${better(board.goal)} is better; best in bold.`;
  const lines = [
    `Leaderboard of \`${board.label}\`: ${what}`,
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
