// The "Pareto front" section `databazel show` prints after the leaderboard of a search by several
// objectives: the front's trials with each objective's value, and which one was selected, and why.
import type { LeaderboardJson } from "../formats/leaderboard.ts";
import type { Objective } from "../formats/objectives.ts";
import { formatNumber } from "../leaderboard/render.ts";
import { autoColumns, renderTable, type Style } from "./table.ts";

/** "accuracy (maximize) and params (minimize)"; with three or more, commas before the "and". */
export function objectivesInWords(objectives: readonly Objective[]): string {
  const each = objectives.map((o) => `${o.name} (${o.goal})`);
  return each.length < 3 ? each.join(" and ") : `${each.slice(0, -1).join(", ")} and ${each.at(-1)}`;
}

/** Why the selected trial was picked from the front, as `select` says. */
export function selectReason(select: string | null): string {
  return select === null || select === "knee"
    ? `the knee: nearest the ideal point, each objective scaled to [0, 1] over the front (select = "knee")`
    : `best by ${select} (select = "${select}")`;
}

/**
 * The section: a title line, a table of the front's trials in leaderboard order (the selected
 * first) with a marker column ("*" on the selected one) and one column per objective, and a
 * line that names the selected trial and why it was picked.
 */
export function renderFront(json: LeaderboardJson, style: Style): string {
  const both = json.objectives.length === 2 ? "both" : "every objective";
  // The front is of the trials that trained to the end (with a scheduler) and keep every constraint.
  const among = [
    ...(json.schedule ? ["trained to the last rung"] : []),
    ...(json.constraints.length ? [`keep ${json.constraints.map((c) => `${c.metric} ${c.op} ${formatNumber(c.bound)}`).join(" and ")}`] : []),
  ];
  const n = json.front.length;
  const title =
    `Pareto front of ${objectivesInWords(json.objectives)}: ${n} trial${n === 1 ? "" : "s"} that no other trial beats on ${both}` +
    `${among.length ? ` among the trials that ${among.join(" and ")}` : ""}.`;
  if (n === 0) return `${style.bold(title)}\n`;
  const byName = new Map(json.trials.map((t) => [t.trial, t]));
  const headers = ["", "trial", ...json.objectives.map((o) => o.name)];
  const rows = json.front.map((name) => {
    const values = byName.get(name)?.metrics ?? {};
    return [name === json.best ? "*" : "", name, ...json.objectives.map((o) => (values[o.name] === undefined ? "" : formatNumber(values[o.name]!)))];
  });
  const table = renderTable(autoColumns(headers, rows), rows, { style, highlight: (i) => json.front[i] === json.best });
  return `${style.bold(title)}\n\n${table}* selected: ${json.best}, ${selectReason(json.select)}.\n`;
}
