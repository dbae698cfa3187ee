// Plain-text tables for the terminal, and the styling used when stdout is a terminal.

export interface Style {
  bold(text: string): string;
  /** The best row of a leaderboard. */
  highlight(text: string): string;
}

export const plain: Style = { bold: (t) => t, highlight: (t) => t };

const ansi: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  highlight: (t) => `\x1b[1;32m${t}\x1b[0m`,
};

/** ANSI styling when the stream is a terminal (or FORCE_COLOR is set), unless NO_COLOR is set. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  if (env.NO_COLOR) return plain;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return ansi;
  if (env.FORCE_COLOR === "0") return plain;
  return stream.isTTY ? ansi : plain;
}

export interface Column {
  header: string;
  align?: "left" | "right";
}

export interface TableOptions {
  style?: Style;
  /** Rows to highlight (by index into `rows`). */
  highlight?: (row: number) => boolean;
  /** Put before every line. */
  indent?: string;
}

/** Numbers (and empty cells) right-aligned, text left-aligned. */
export function looksNumeric(cells: readonly string[]): boolean {
  const nonEmpty = cells.filter((c) => c !== "" && c !== "—");
  return nonEmpty.length > 0 && nonEmpty.every((c) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(c));
}

/** Columns separated by two spaces, headers bold; trailing spaces trimmed. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const style = options.style ?? plain;
  const indent = options.indent ?? "";
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? "";
        const width = widths[i]!;
        return c.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const out = [indent + style.bold(line(columns.map((c) => c.header)))];
  rows.forEach((row, i) => {
    const text = line(row);
    out.push(indent + (options.highlight?.(i) ? style.highlight(text) : text));
  });
  return out.join("\n") + "\n";
}

/** Columns for a header and rows, numeric columns right-aligned. */
export function autoColumns(headers: readonly string[], rows: readonly (readonly string[])[]): Column[] {
  return headers.map((header, i) => ({
    header,
    align: looksNumeric(rows.map((r) => r[i] ?? "")) ? "right" : "left",
  }));
}
