// The index of many targets (`databazel open //pkg:all`, `databazel report //pkg/...`): one
// self-contained page that lists every search, model and evaluation, each with what matters at a
// glance and a link to its own report. A search also gets a section of its own: its best trial,
// its top trials with their outcomes, and its parallel coordinates.
//
// It is drawn from the same manifests as the targets' reports (tools/src/formats/report-manifest.ts),
// with their paths readable from the current directory, so it shows what the reports show.
// Deterministic: the same entries (in any order) give the same bytes.
import { readLeaderboard, type LeaderboardJson, type Ranked } from "../formats/leaderboard.ts";
import type { EvaluateReportManifest, ModelReportManifest, SearchReportManifest } from "../formats/report-manifest.ts";
import { scalarMetrics } from "../lib/metrics.ts";
import { readCurve } from "./curves.ts";
import { esc, formatNumber, note, page, readJson, section } from "./html.ts";
import { parallelChart } from "./parallel.ts";
import { paramKinds } from "./search.ts";

interface Common {
  /** The target's label, as the user writes it (//pkg:name). */
  label: string;
  /** A link to the target's own report, or null when it has none. */
  report: string | null;
}

export type IndexEntry =
  | (Common & { kind: "search"; manifest: SearchReportManifest })
  | (Common & { kind: "model"; manifest: ModelReportManifest | null; hyperparams: Record<string, string> })
  | (Common & { kind: "evaluate"; manifest: EvaluateReportManifest });

/** How many of a search's trials its section lists. */
const TOP = 5;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An id for a target's section: its label's letters and digits, made unique. */
function anchors(labels: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const label of labels) {
    const base = `target-${label.replace(/^@*\/\//, "").replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-|-$/g, "")}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    out.set(label, id);
  }
  return out;
}

/** "5 succeeded · 12 pruned": how many trials ended each way, in a fixed order. */
function outcomeCounts(trials: readonly Ranked[]): string {
  const order = ["succeeded", "pruned", "failed", "timed_out", "diverged"];
  const counts = new Map<string, number>();
  for (const t of trials) counts.set(t.outcome, (counts.get(t.outcome) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || compare(a, b));
  return keys.map((k) => `<span class="count" data-outcome="${esc(k)}">${counts.get(k)} ${esc(k)}</span>`).join(" \u00b7 ");
}

const reportLink = (href: string | null): string => (href ? `<a class="report-link" href="${esc(href)}">report</a>` : `<span class="none">no report</span>`);

interface Search {
  entry: Extract<IndexEntry, { kind: "search" }>;
  board: LeaderboardJson;
  id: string;
}

export function indexReport(title: string, given: readonly IndexEntry[]): string {
  const entries = [...given].sort((a, b) => compare(a.label, b.label));
  const ids = anchors(entries.map((e) => e.label));
  const searches: Search[] = entries.flatMap((e) =>
    e.kind === "search" ? [{ entry: e, board: readLeaderboard(e.manifest.leaderboard, e.label), id: ids.get(e.label)! }] : [],
  );
  const models = entries.filter((e): e is Extract<IndexEntry, { kind: "model" }> => e.kind === "model");
  const evaluations = entries.filter((e): e is Extract<IndexEntry, { kind: "evaluate" }> => e.kind === "evaluate");

  const counts = [
    searches.length ? `${searches.length} search${searches.length === 1 ? "" : "es"}` : "",
    models.length ? plural(models.length, "model") : "",
    evaluations.length ? plural(evaluations.length, "evaluation") : "",
  ].filter(Boolean);
  const subtitle = `${esc(counts.join(" \u00b7 ") || "no databazel targets")} \u00b7 click a search for its best trials; <i>report</i> opens a target's own report`;

  const sections: string[] = [];
  if (searches.length) sections.push(section("searches-section", "Searches", searchTable(searches)));
  if (models.length) sections.push(section("models-section", "Models", modelTable(models)));
  if (evaluations.length) sections.push(section("evaluations-section", "Evaluations", evaluationTable(evaluations)));
  if (entries.length === 0) sections.push(note("The targets hold no model, evaluate or hyperparam_search target."));
  for (const s of searches) sections.push(searchSection(s));
  return page({ kind: "index", label: title, subtitle, sections });
}

function searchTable(searches: Search[]): string {
  const rows = searches.map(({ entry, board, id }) => {
    const best = board.trials.find((t) => t.trial === board.best);
    const arrow = board.goal === "maximize" ? "\u2191" : "\u2193";
    return (
      `<tr data-target="${esc(entry.label)}">` +
      `<td class="target"><a href="#${esc(id)}">${esc(entry.label)}</a></td>` +
      `<td class="num" data-v="${board.trials.length}">${board.trials.length}</td>` +
      `<td class="outcomes">${outcomeCounts(board.trials)}</td>` +
      `<td>${esc(board.metric)} ${arrow}</td>` +
      `<td class="num metric" data-v="${best?.value ?? ""}">${best?.value == null ? "" : esc(formatNumber(best.value))}</td>` +
      `<td class="trial" title="${esc(board.best)}">${esc(board.best)}</td>` +
      `<td>${reportLink(entry.report)}</td></tr>`
    );
  });
  return (
    `<div class="scroll"><table id="searches" class="index">\n` +
    `<thead><tr><th scope="col">search</th><th scope="col" class="num">trials</th><th scope="col">outcomes</th>` +
    `<th scope="col">metric</th><th scope="col" class="num">best</th><th scope="col">best trial</th><th scope="col"></th></tr></thead>\n` +
    `<tbody>\n${rows.join("\n")}\n</tbody>\n</table></div>`
  );
}

/** The last value of the first curve key that matches, e.g. the final loss. */
function lastOf(curve: Record<string, number>[], match: RegExp): { key: string; value: number } | undefined {
  const last = curve[curve.length - 1];
  if (!last) return undefined;
  const key = Object.keys(last)
    .filter((k) => k !== "epoch" && match.test(k))
    .sort()[0];
  return key === undefined ? undefined : { key, value: last[key]! };
}

function modelTable(models: Extract<IndexEntry, { kind: "model" }>[]): string {
  const rows = models.map((m) => {
    const curve = m.manifest ? readCurve(m.manifest.curve) : [];
    const hyperparams = m.manifest
      ? readJson<Record<string, string>>(m.manifest.hyperparams, `the hyperparameters of ${m.label}`)
      : m.hyperparams;
    const loss = lastOf(curve, /loss/i);
    const accuracy = lastOf(curve, /acc/i);
    const hp = Object.keys(hyperparams)
      .sort()
      .map((k) => `${k} = ${hyperparams[k]}`)
      .join(", ");
    const cell = (v: { key: string; value: number } | undefined): string =>
      v ? `<td class="num" data-v="${v.value}" title="${esc(v.key)}">${esc(formatNumber(v.value))}</td>` : `<td class="num"></td>`;
    return (
      `<tr data-target="${esc(m.label)}"><td class="target">${esc(m.label)}</td>` +
      `<td class="num">${curve.length || ""}</td>${cell(loss)}${cell(accuracy)}` +
      `<td class="hp" title="${esc(hp)}">${esc(hp)}</td><td>${reportLink(m.report)}</td></tr>`
    );
  });
  return (
    `<div class="scroll"><table id="models" class="index">\n` +
    `<thead><tr><th scope="col">model</th><th scope="col" class="num">epochs</th><th scope="col" class="num">final loss</th>` +
    `<th scope="col" class="num">final accuracy</th><th scope="col">hyperparameters</th><th scope="col"></th></tr></thead>\n` +
    `<tbody>\n${rows.join("\n")}\n</tbody>\n</table></div>\n` +
    `<p class="hint">Final loss and accuracy: the last epoch of the learning curve (on the training data, as the training script wrote it).</p>`
  );
}

function evaluationTable(evaluations: Extract<IndexEntry, { kind: "evaluate" }>[]): string {
  const metrics = evaluations.map((e) => scalarMetrics(readJson<unknown>(e.manifest.metrics, `the metrics of ${e.label}`)));
  // The metrics at the top level (accuracy, loss, ...), at most six, in name order.
  const names = [...new Set(metrics.flatMap((m) => Object.keys(m).filter((k) => !k.includes("."))))].sort().slice(0, 6);
  const rows = evaluations.map((e, i) => {
    const cells = names.map((n) => {
      const v = metrics[i]![n];
      return v === undefined ? `<td class="num"></td>` : `<td class="num" data-v="${v}">${esc(formatNumber(v))}</td>`;
    });
    return (
      `<tr data-target="${esc(e.label)}"><td class="target">${esc(e.label)}</td><td>${esc(e.manifest.model_label)}</td>` +
      `${cells.join("")}<td>${reportLink(e.report)}</td></tr>`
    );
  });
  const head = names.map((n) => `<th scope="col" class="num">${esc(n)}</th>`).join("");
  return (
    `<div class="scroll"><table id="evaluations" class="index">\n` +
    `<thead><tr><th scope="col">evaluation</th><th scope="col">model</th>${head}<th scope="col"></th></tr></thead>\n` +
    `<tbody>\n${rows.join("\n")}\n</tbody>\n</table></div>`
  );
}

/** A search's section: what it found, its top trials and its parallel coordinates. */
function searchSection({ entry, board, id }: Search): string {
  const m = entry.manifest;
  const trials = [...board.trials].sort((a, b) => a.rank - b.rank);
  const best = trials.find((t) => t.trial === board.best);
  const schedule = board.schedule;
  const scheduler = schedule === null ? "" : schedule.scheduler === "hyperband" ? "Hyperband" : "successive halving";
  const facts =
    `${plural(trials.length, "trial")} (${outcomeCounts(trials)}) \u00b7 ${esc(board.metric)}, ` +
    `${board.goal === "maximize" ? "higher" : "lower"} is better` +
    (best?.value != null ? ` \u00b7 best: <b>${esc(best.trial)}</b> with ${esc(formatNumber(best.value))}` : "") +
    (schedule ? ` \u00b7 ${esc(scheduler)}, ${schedule.min_epochs} to ${schedule.max_epochs} epochs` : "") +
    (entry.report ? ` \u00b7 <a class="report-link" href="${esc(entry.report)}">the full report</a>` : "");

  const declared = new Map(m.trials.map((t, i) => [t.name, i]));
  const byDeclaration = [...trials].sort((a, b) => (declared.get(a.trial) ?? 0) - (declared.get(b.trial) ?? 0));
  const names = [...new Set(byDeclaration.flatMap((t) => Object.keys(t.hyperparams)))];
  const varying = names.filter((h) => new Set(trials.map((t) => t.hyperparams[h] ?? "")).size > 1);
  const top = trials.slice(0, TOP).map((t) => {
    const hp = varying.map((h) => `${h} = ${t.hyperparams[h] ?? ""}`).join(", ");
    return (
      `<tr data-trial="${esc(t.trial)}" data-outcome="${esc(t.outcome)}"${t.trial === board.best ? ` class="best"` : ""}>` +
      `<td class="num">${t.rank}</td><td class="trial" title="${esc(t.trial)}">${esc(t.trial)}</td><td class="outcome" data-v="${esc(t.outcome)}">${esc(t.outcome)}</td>` +
      `<td class="num metric">${t.value === null ? "" : esc(formatNumber(t.value))}</td><td class="hp" title="${esc(hp)}">${esc(hp)}</td></tr>`
    );
  });
  const more = trials.length > TOP ? `<p class="hint">and ${plural(trials.length - TOP, "more trial")}: see the full report.</p>` : "";
  const table =
    `<div class="scroll"><table class="top">\n<thead><tr><th scope="col" class="num">rank</th><th scope="col">trial</th><th scope="col">outcome</th>` +
    `<th scope="col" class="num">${esc(board.metric)}</th><th scope="col">hyperparameters</th></tr></thead>\n<tbody>\n${top.join("\n")}\n</tbody>\n</table></div>${more}`;
  const chart = varying.length
    ? parallelChart({ metric: board.metric, goal: board.goal, best: board.best, hyperparams: varying, kinds: paramKinds(m), trials: byDeclaration })
    : note("No hyperparameter varies between the trials.", "parallel-coordinates");
  return `<section id="${esc(id)}" class="target" data-kind="search">\n<h2>${esc(entry.label)}</h2>\n<p class="facts">${facts}</p>\n${table}\n${chart}\n</section>`;
}
