// Renders a ranked leaderboard as CSV and Markdown; the CLI and the aggregate action share it.

export interface Ranked {
  rank: number;
  trial: string;
  hyperparams: Record<string, string>;
  seed: number;
  /** The value of the search's metric. */
  value: number;
  /** Every scalar metric, by dotted name. */
  metrics: Record<string, number>;
  model: string;
}

export interface Leaderboard {
  label: string;
  metric: string;
  goal: "maximize" | "minimize";
  hyperparamNames: string[];
  metricNames: string[];
  trials: Ranked[];
}

export function columns(board: Leaderboard): string[] {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return ["rank", "trial", ...board.hyperparamNames, board.metric, ...others];
}

export function row(board: Leaderboard, t: Ranked): string[] {
  const others = board.metricNames.filter((m) => m !== board.metric);
  return [
    String(t.rank),
    t.trial,
    ...board.hyperparamNames.map((h) => t.hyperparams[h] ?? ""),
    formatNumber(t.value),
    ...others.map((m) => (t.metrics[m] === undefined ? "" : formatNumber(t.metrics[m]))),
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
      return `| ${(t.rank === 1 ? cells.map((c) => `**${c}**`) : cells).join(" | ")} |`;
    }),
  ];
  return lines.join("\n") + "\n";
}
