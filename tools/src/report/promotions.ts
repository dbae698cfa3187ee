// The promotions of a search with a scheduler (successive halving, Hyperband; the leaderboard's
// `schedule`): per bracket, a chart of the epochs each trial trained, cut by the rungs, and a
// table of every trial's metric and decision at each rung.
import type { Goal, LeaderboardJson, Ranked, Schedule } from "../formats/leaderboard.ts";
import { esc, formatNumber } from "./html.ts";
import { figure, legend, linearScale, px, type LegendItem } from "./svg.ts";

type Bracket = Schedule["brackets"][number];
type Rung = Bracket["rungs"][number];
type Entry = Rung["trials"][number];

export type LaneStatus = "completed" | "pruned" | "failed";

/** What names a bracket in ids: its number, and its iteration after the first (so one iteration's pages keep their ids). */
const bracketKey = (bracket: Bracket): string => `${bracket.iteration > 1 ? `${bracket.iteration}-` : ""}${bracket.bracket}`;

/** One trial of a bracket: where it got and how. */
export interface Lane {
  trial: string;
  /** Its entry at each rung of the bracket; undefined at the rungs it did not reach. */
  entries: (Entry | undefined)[];
  /** The index of the last rung it reached. */
  reached: number;
  status: LaneStatus;
  /** The leaderboard's outcome ("succeeded", "pruned", "failed", ...). */
  outcome: string;
  /** The epochs it trained. */
  trained: number;
  /** The epochs it was training to: more than `trained` for a trial that failed on the way. */
  target: number;
  rank: number | undefined;
  best: boolean;
}

const COLORS: Record<LaneStatus | "best", string> = {
  completed: "#4e79a7",
  best: "#d4a72c",
  pruned: "#c4cad1",
  failed: "#cf222e",
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Better first by the goal, missing values last. */
function byValue(goal: Goal): (a: number | null | undefined, b: number | null | undefined) => number {
  return (a, b) => {
    if (a == null || b == null) return Number(a == null) - Number(b == null);
    return goal === "maximize" ? b - a : a - b;
  };
}

/**
 * The trials of a bracket, ordered by how far they got (the last rung they reached), then by
 * their metric there, then as declared.
 */
export function lanes(bracket: Bracket, trials: readonly Ranked[], goal: Goal, best: string, declared: Map<string, number>): Lane[] {
  const rows = new Map(trials.map((t) => [t.trial, t]));
  const names = [...new Set(bracket.rungs.flatMap((r) => r.trials.map((e) => e.trial)))];
  const better = byValue(goal);
  const result = names.map((trial): Lane => {
    const entries = bracket.rungs.map((r) => r.trials.find((e) => e.trial === trial));
    const reached = entries.reduce((last, e, i) => (e ? i : last), 0);
    const row = rows.get(trial);
    const entry = entries[reached]!;
    const outcome = row?.outcome ?? (entry.outcome === "succeeded" && entry.decision === "stop" ? "pruned" : entry.outcome);
    const status: LaneStatus = outcome === "succeeded" ? "completed" : outcome === "pruned" ? "pruned" : "failed";
    const target = bracket.rungs[reached]!.epochs;
    // A trial that failed trained what the rung before asked for, at least.
    const trained = row?.epochs ?? (status === "failed" ? (reached > 0 ? bracket.rungs[reached - 1]!.epochs : 0) : target);
    return { trial, entries, reached, status, outcome, trained, target: Math.max(target, trained), rank: row?.rank, best: trial === best };
  });
  return result.sort(
    (a, b) =>
      b.reached - a.reached ||
      better(a.entries[a.reached]?.value, b.entries[b.reached]?.value) ||
      (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0),
  );
}

/** "rung 2: 3 epochs, keep 1 of 3"; the last rung: "rung 3: 9 epochs, final (1 trial)". */
export function rungLabel(rung: Rung, index: number): string {
  const head = `rung ${index + 1}: ${plural(rung.epochs, "epoch")}`;
  return rung.keep === null ? `${head}, final (${plural(rung.trials.length, "trial")})` : `${head}, keep ${rung.keep} of ${rung.trials.length}`;
}

/** Cuts the middle out of a long name, keeping both ends (trial names differ at either). */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}\u2026${text.slice(text.length - (max - 1 - head))}`;
}

// Text is 11 px system-ui: about 6.2 px a character, a little wider for safety.
const CHAR = 6.3;
const PLOT_WIDTH = 440;
const ROW = 18;
const BAR = 10;
const LABEL_LINE = 15;
const MAX_NAME = 46;

function entryText(metric: string, rung: Rung, i: number, e: Entry): string {
  const where = rung.keep === null ? "on the test data" : "on the validation data";
  const value = e.value === null ? e.outcome : `${metric} ${formatNumber(e.value)} ${where}`;
  const decision = e.decision === "final" ? "" : ` \u2192 ${e.decision}${e.forced ? " (continue_trials)" : ""}`;
  return `rung ${i + 1} \u00b7 ${plural(rung.epochs, "epoch")}: ${value}${decision}`;
}

function laneTitle(metric: string, bracket: Bracket, lane: Lane): string {
  const lines = [`${lane.trial}${lane.best ? " (best)" : ""}`];
  const status =
    lane.status === "completed"
      ? `trained ${plural(lane.trained, "epoch")}, to the last rung`
      : lane.status === "pruned"
        ? `pruned after ${plural(lane.trained, "epoch")}, at rung ${lane.reached + 1}`
        : `${lane.outcome} on the way to ${plural(lane.target, "epoch")} (rung ${lane.reached + 1})`;
  lines.push(status);
  bracket.rungs.forEach((rung, i) => {
    const e = lane.entries[i];
    if (e) lines.push(entryText(metric, rung, i, e));
  });
  return lines.join("\n");
}

/** The chart of one bracket: a bar per trial from 0 to the epochs it trained, a line per rung. */
export function promotionChart(board: LeaderboardJson, bracket: Bracket, ls: Lane[], title: string, longestName: number): string {
  const schedule = board.schedule!;
  const nameChars = Math.min(MAX_NAME, Math.max(4, longestName));
  const nameWidth = Math.round(nameChars * CHAR) + 12;
  const left = nameWidth + 8;
  const right = left + PLOT_WIDTH;
  const width = right + 24;
  const top = 8;
  const plotTop = top + bracket.rungs.length * LABEL_LINE + 8;
  const bottom = plotTop + ls.length * ROW;
  const height = bottom + 46;
  const x = linearScale([0, schedule.max_epochs], [left, right], { pad: 0, integer: true });
  const parts: string[] = [];

  // The epoch axis, with a faint grid; max_epochs always has a tick (nice ticks may stop short).
  const end = x.at(schedule.max_epochs);
  const ticks = [...x.ticks.filter((t) => Math.abs(t.at - end) >= 24), { at: end, label: formatNumber(schedule.max_epochs) }];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${px(t.at)}" x2="${px(t.at)}" y1="${plotTop}" y2="${bottom}"/>`);
    parts.push(`<line class="axis" x1="${px(t.at)}" x2="${px(t.at)}" y1="${bottom}" y2="${bottom + 4}"/>`);
    parts.push(`<text x="${px(t.at)}" y="${bottom + 16}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${plotTop}" y2="${bottom}"/>`);
  parts.push(`<text class="axis-title" x="${px((left + right) / 2)}" y="${bottom + 36}" text-anchor="middle">epochs trained</text>`);

  // A bar per trial.
  ls.forEach((lane, j) => {
    const cy = plotTop + j * ROW + ROW / 2;
    const shown = shorten(lane.trial, MAX_NAME);
    const full = shown === lane.trial ? "" : `<title>${esc(lane.trial)}</title>`;
    parts.push(
      `<text class="lane${lane.best ? " best" : ""}" x="${nameWidth}" y="${px(cy)}" dy="0.32em" text-anchor="end">${full}${esc(shown)}</text>`,
    );
    const color = lane.best ? COLORS.best : COLORS[lane.status];
    const cls = `bar ${lane.status}${lane.best ? " best" : ""}`;
    const title = `<title>${esc(laneTitle(board.metric, bracket, lane))}</title>`;
    const y = px(cy - BAR / 2);
    const attrs = `data-trial="${esc(lane.trial)}" data-outcome="${esc(lane.outcome)}" data-epochs="${lane.trained}" data-rung="${lane.reached + 1}"`;
    const w = x.at(lane.trained) - left;
    const fill = lane.status === "failed" ? "#ffebe9" : color;
    const stroke = lane.best ? ` stroke="#1f2328" stroke-width="1.2"` : lane.status === "failed" ? ` stroke="${color}"` : "";
    parts.push(`<g class="lane-bar" ${attrs}>`);
    parts.push(`<rect class="${cls}" x="${left}" y="${y}" width="${px(Math.max(w, 1.5))}" height="${BAR}" rx="2" fill="${fill}"${stroke}>${title}</rect>`);
    if (lane.target > lane.trained) {
      // Where a failed trial was going: dashed, up to the rung it did not reach.
      parts.push(
        `<rect class="bar attempt" x="${px(x.at(lane.trained))}" y="${y}" width="${px(x.at(lane.target) - x.at(lane.trained))}" height="${BAR}" rx="2" ` +
          `fill="none" stroke="${COLORS.failed}" stroke-dasharray="3 2">${title}</rect>`,
      );
      // After the dashed box, or inside its end when that would leave the drawing.
      const outside = x.at(lane.target) + 4 + lane.outcome.length * CHAR <= width;
      parts.push(
        `<text class="failed-mark" x="${px(x.at(lane.target) + (outside ? 4 : -4))}" y="${px(cy)}" dy="0.32em" ` +
          `text-anchor="${outside ? "start" : "end"}" fill="${COLORS.failed}">${esc(lane.outcome)}</text>`,
      );
    }
    parts.push(`</g>`);
  });

  // A cut line per rung, labelled on its own line above the bars (a staircase, so labels never meet).
  bracket.rungs.forEach((rung, i) => {
    const cx = x.at(rung.epochs);
    const ly = top + 11 + i * LABEL_LINE;
    const label = rungLabel(rung, i);
    const fits = cx + 4 + label.length * CHAR <= width - 2;
    parts.push(
      `<line class="cut" data-rung="${i + 1}" data-epochs="${rung.epochs}" x1="${px(cx)}" x2="${px(cx)}" y1="${ly - 9}" y2="${bottom}" stroke="#57606a" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text class="cut-label" data-rung="${i + 1}" x="${px(fits ? cx + 4 : cx - 4)}" y="${ly}" text-anchor="${fits ? "start" : "end"}">${esc(label)}</text>`,
    );
  });

  const present = new Set(ls.map((l) => l.status));
  const items: LegendItem[] = [
    ...(ls.some((l) => l.status === "completed" && !l.best) ? [{ label: "trained to the last rung", color: COLORS.completed }] : []),
    ...(ls.some((l) => l.best) ? [{ label: "best trial of the search", color: COLORS.best }] : []),
    ...(present.has("pruned") ? [{ label: "pruned at a rung", color: COLORS.pruned }] : []),
    ...(present.has("failed") ? [{ label: "failed", color: COLORS.failed }] : []),
  ];
  return figure({
    name: `promotions-${bracketKey(bracket)}`,
    xScale: "linear",
    title,
    body: parts.join("\n"),
    width,
    height,
    legend: items,
  });
}

/** Every trial of a bracket at every rung: its metric and the decision taken there. */
export function rungTable(board: LeaderboardJson, bracket: Bracket, ls: Lane[]): string {
  const head = bracket.rungs
    .map((rung, i) => {
      const detail = rung.keep === null ? `${plural(rung.epochs, "epoch")} \u00b7 final, test data` : `${plural(rung.epochs, "epoch")} \u00b7 keep ${rung.keep} of ${rung.trials.length}`;
      return `<th scope="col" class="num" data-rung="${i + 1}">rung ${i + 1}<br><span class="detail">${esc(detail)}</span></th>`;
    })
    .join("");
  const body = ls.map((lane) => {
    const cells = bracket.rungs.map((rung, i) => {
      const e = lane.entries[i];
      if (!e) return `<td class="rung none"></td>`;
      const value = e.value === null ? "" : formatNumber(e.value);
      const failed = e.outcome !== "succeeded";
      const word = failed ? e.outcome : e.decision;
      const forced = e.forced ? ` <span class="forced" title="continue_trials made it go on">continue_trials</span>` : "";
      const title = esc(entryText(board.metric, rung, i, e));
      return (
        `<td class="rung ${failed ? "failed" : e.decision}" data-rung="${i + 1}" data-decision="${e.decision}"${e.forced ? ` data-forced="true"` : ""} title="${title}">` +
        `<span class="v">${esc(value)}</span> <span class="d">${esc(word)}</span>${forced}</td>`
      );
    });
    const rank = lane.rank === undefined ? "" : String(lane.rank);
    return `<tr data-trial="${esc(lane.trial)}" class="${lane.status}${lane.best ? " best" : ""}"><td class="trial">${esc(lane.trial)}</td>${cells.join("")}<td class="num">${esc(rank)}</td></tr>`;
  });
  return (
    `<div class="scroll"><table class="rungs" id="rungs-${bracketKey(bracket)}" data-bracket="${bracket.bracket}">\n` +
    `<thead><tr><th scope="col">trial</th>${head}<th scope="col" class="num">rank</th></tr></thead>\n` +
    `<tbody>\n${body.join("\n")}\n</tbody>\n</table></div>`
  );
}

/** The Promotions section's body: what the scheduler did, then per bracket its chart and table. */
export function promotions(board: LeaderboardJson, declared: Map<string, number>): string {
  const schedule = board.schedule!;
  const better = board.goal === "maximize" ? "higher" : "lower";
  const all = schedule.brackets.map((b) => ({ bracket: b, lanes: lanes(b, board.trials, board.goal, board.best, declared) }));
  const trials = all.reduce((n, b) => n + b.lanes.length, 0);
  // One name column for every bracket, so their epoch axes line up.
  const longest = Math.max(0, ...all.flatMap((b) => b.lanes.map((l) => l.trial.length)));
  const forced = schedule.brackets.some((b) => b.rungs.some((r) => r.trials.some((e) => e.forced)));
  const epochs = all.reduce((n, b) => n + b.lanes.reduce((m, l) => m + l.trained, 0), 0);
  const rule =
    `at each rung only the best (about 1 in ${schedule.reduction_factor}) by ${board.metric} on the validation data (${better} is better) go on, ` +
    `up to ${plural(schedule.max_epochs, "epoch")}, and the others are pruned.`;
  const how =
    schedule.scheduler === "hyperband"
      ? `Hyperband, reduction factor ${schedule.reduction_factor}: ${plural(schedule.brackets.length, "bracket")} of successive halving` +
        `${schedule.iterations > 1 ? ` (its brackets run ${schedule.iterations} times, each with new configurations)` : ""}, ` +
        `each starting its trials at a different number of epochs; in each, ${rule}`
      : `Successive halving, reduction factor ${schedule.reduction_factor}: every trial trains ` +
        `${plural(schedule.brackets[0]?.rungs[0]?.epochs ?? schedule.min_epochs, "epoch")}; ${rule}`;
  const cost = `${plural(epochs, "epoch")} trained in all, where training all ${trials} trials ${plural(schedule.max_epochs, "epoch")} would take ${trials * schedule.max_epochs}.`;
  const intro = `<p class="hint">${esc(how)} ${esc(cost)}</p>`;
  const blocks = all.map(({ bracket, lanes: ls }) => {
    const first = bracket.rungs[0]!.epochs;
    const span = first === schedule.max_epochs ? plural(first, "epoch") : `${first} \u2192 ${schedule.max_epochs} epochs`;
    const title =
      schedule.scheduler === "hyperband"
        ? `${schedule.iterations > 1 ? `Iteration ${bracket.iteration}, bracket` : "Bracket"} ${bracket.bracket}: ${plural(ls.length, "trial")}, ${span}`
        : `Successive halving: ${plural(ls.length, "trial")}, ${span}`;
    return (
      `<div class="bracket" data-bracket="${bracket.bracket}"${schedule.iterations > 1 ? ` data-iteration="${bracket.iteration}"` : ""}>\n${promotionChart(board, bracket, ls, title, longest)}\n` +
      `<div class="rung-table">\n${rungTable(board, bracket, ls)}\n</div>\n</div>`
    );
  });
  return (
    `${intro}\n` +
    `<p class="hint">Bars: the epochs each trial trained, those that got furthest first; dashed lines: the rungs. ` +
    `The tables give each trial's ${esc(board.metric)} at each rung (on the validation data; at the last rung on the test data) and the decision` +
    (forced ? `; <span class="forced">continue_trials</span> marks a trial that went on because continue_trials names it, though it was not among the best.</p>\n` : `.</p>\n`) +
    blocks.join("\n")
  );
}
