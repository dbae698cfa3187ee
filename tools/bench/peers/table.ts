// The Markdown table of the medians: one row per size and phase, one column per tool, and
// each databazel column's time over Snakemake's.
import { median, type Measurement, type Phase } from "./run.ts";

/** results[n][column][phase]: one measurement per repetition that ran. */
export type Results = Record<number, Record<string, Partial<Record<Phase, Measurement[]>>>>;

export interface Cell {
  /** The median in seconds; undefined when the phase was not measured. */
  seconds?: number;
  /** Some repetition overran the cap: the cell shows "> cap s". */
  timedOut: boolean;
}

export function cell(ms: Measurement[] | undefined): Cell {
  if (!ms || ms.length === 0) return { timedOut: false };
  if (ms.some((m) => m.timedOut)) return { seconds: ms[0]!.seconds, timedOut: true };
  return { seconds: median(ms.map((m) => m.seconds)), timedOut: false };
}

const show = (c: Cell, cap: number) =>
  c.timedOut ? `> ${cap} s` : c.seconds === undefined ? "—" : c.seconds.toFixed(2);

export function phaseLabel(phase: Phase, n: number, rerun: number): string {
  switch (phase) {
    case "full":
      return "full run";
    case "fullCold":
      return "full run, cold Bazel server";
    case "noop":
      return "no-op rerun";
    case "change":
      return `one grid value changed (${rerun} of ${n} trials rerun)`;
  }
}

export function table(
  results: Results,
  columns: string[],
  cap: number,
  rerunOf: (n: number) => number,
): string {
  const ratios = columns.includes("Snakemake") ? columns.filter((c) => c.startsWith("databazel")) : [];
  const head = ["N trials", "phase", ...columns, ...ratios.map((c) => `${c} / Snakemake`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`];
  for (const [nText, byColumn] of Object.entries(results)) {
    const n = Number(nText);
    for (const phase of ["full", "fullCold", "noop", "change"] as const) {
      const cells = columns.map((c) => cell(byColumn[c]?.[phase]));
      if (cells.every((c) => c.seconds === undefined)) continue;
      const row = [String(n), phaseLabel(phase, n, rerunOf(n)), ...cells.map((c) => show(c, cap))];
      const s = cell(byColumn["Snakemake"]?.[phase]);
      for (const column of ratios) {
        const d = cell(byColumn[column]?.[phase]);
        row.push(
          d.seconds !== undefined && s.seconds !== undefined && !d.timedOut && !s.timedOut
            ? (d.seconds / s.seconds).toFixed(2)
            : "—",
        );
      }
      lines.push(`| ${row.join(" | ")} |`);
    }
  }
  return lines.join("\n");
}
