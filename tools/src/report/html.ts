// HTML building blocks: escaping, the page shell (inline CSS and script), tables, inputs.
//
// The page is self-contained (no external URL, font or script; a Content-Security-Policy
// forbids loading any) so it opens offline straight from bazel-bin, and it is deterministic:
// the same inputs give the same bytes.
//
// Sorting: every <table class="sortable"> sorts by a column when its header is clicked (again:
// the other way). The page URL's hash sorts the first sortable table on load (a search's
// leaderboard, an evaluation's per-class table), and clicks on that table update the hash:
//   REPORT.html#sort=<column>&dir=asc|desc      e.g. bzl_search.report.html#sort=loss&dir=desc
// <column> is the header's data-key: "rank", "trial", a hyperparameter's or a metric's name
// (URL-encoded). Numeric columns sort as numbers, empty cells last; ties keep the first order.
import { readFileSync } from "node:fs";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { formatNumber } from "../leaderboard/render.ts";

export { formatNumber };

/** Escapes text for element content and for quoted attribute values alike. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Reads and parses a JSON file the manifest names; a bad file is reported by path. */
export function readJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserFacingError(`databazel: the report cannot read ${what} at ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new UserFacingError(`databazel: the report cannot parse ${what} at ${path}: ${(err as Error).message}`);
  }
}

/** True when a hyperparameter value reads as a number ("0.1", "1e-5"; not "" nor "abc"). */
export function isNumeric(text: string): boolean {
  return text.trim() !== "" && Number.isFinite(Number(text));
}

export interface Column {
  /** The key the sort hash names; also the header text unless `header` is given. */
  key: string;
  header?: string;
  numeric: boolean;
  className?: string;
}

export interface Cell {
  /** What the cell shows (escaped here). */
  text: string;
  /** The raw value sorting uses; the text when absent. */
  value?: string;
}

export interface TableOptions {
  id?: string;
  className?: string;
  /** Per row: extra attributes of its <tr> (already escaped), e.g. ` class="best"`. */
  rowAttrs?: (index: number) => string;
}

export function table(columns: Column[], rows: Cell[][], options: TableOptions = {}): string {
  const head = columns
    .map((c) => {
      const cls = [c.numeric ? "num" : "", c.className ?? ""].filter(Boolean).join(" ");
      return `<th data-key="${esc(c.key)}" data-type="${c.numeric ? "num" : "str"}"${cls ? ` class="${cls}"` : ""} scope="col">${esc(c.header ?? c.key)}</th>`;
    })
    .join("");
  const body = rows
    .map((cells, i) => {
      const tds = cells
        .map((cell, j) => {
          const col = columns[j];
          const cls = [col?.numeric ? "num" : "", col?.className ?? ""].filter(Boolean).join(" ");
          // Long values are cut off by CSS; the tooltip shows them whole.
          const title = cell.text.length > 40 ? ` title="${esc(cell.text)}"` : "";
          return `<td data-v="${esc(cell.value ?? cell.text)}"${cls ? ` class="${cls}"` : ""}${title}>${esc(cell.text)}</td>`;
        })
        .join("");
      return `<tr${options.rowAttrs?.(i) ?? ""}>${tds}</tr>`;
    })
    .join("\n");
  const attrs = `${options.id ? ` id="${esc(options.id)}"` : ""}${options.className ? ` class="${esc(options.className)}"` : ""}`;
  return `<div class="scroll"><table${attrs}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** A two-column name/value table (hyperparameters, scalar metrics). */
export function keyValueTable(id: string, keyHeader: string, valueHeader: string, entries: [string, string | number][]): string {
  const rows = entries.map(([k, v]) => [{ text: k }, { text: typeof v === "number" ? formatNumber(v) : v, value: String(v) }]);
  const numeric = entries.length > 0 && entries.every(([, v]) => typeof v === "number");
  return table(
    [
      { key: keyHeader, numeric: false },
      { key: valueHeader, numeric },
    ],
    rows,
    { id, className: "kv" },
  );
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}

/** A short note where a chart or table would be, saying why it is not. */
export function note(text: string, missing?: string): string {
  return `<p class="note"${missing ? ` data-missing="${esc(missing)}"` : ""}>${esc(text)}</p>`;
}

export interface Page {
  /** The rule kind, shown above the title: "model", "evaluate", "hyperparam_search". */
  kind: string;
  label: string;
  /** A line of already-escaped HTML under the title. */
  subtitle: string;
  sections: string[];
}

export function page(p: Page): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${esc(p.label)} · ${esc(p.kind)} report</title>
<style>${CSS}</style>
</head>
<body data-kind="${esc(p.kind)}">
<header>
<p class="kind">databazel · ${esc(p.kind)}</p>
<h1>${esc(p.label)}</h1>
<p class="sub">${p.subtitle}</p>
</header>
<main>
${p.sections.join("\n")}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--accent:#0969da;--best:#fff4c2}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 32px 12px;border-bottom:1px solid var(--line);background:var(--panel)}
header h1{margin:2px 0 4px;font-size:22px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.kind{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:12px}
.sub{margin:0;color:var(--muted)}
.sub b,.sub code{color:var(--fg)}
main{padding:8px 32px 32px;max-width:1400px}
h2{font-size:17px;margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.note,.hint{color:var(--muted);margin:6px 0}
.note{font-style:italic}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--panel);font-weight:600}
td{max-width:28em;overflow:hidden;text-overflow:ellipsis}
.num{text-align:right}
th.metric,td.metric{font-weight:600}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th:hover{color:var(--accent)}
table.sortable th::after{content:"";display:inline-block;width:1em;color:var(--accent)}
table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
tr.best td{background:var(--best)}
tr.best td:first-child{box-shadow:inset 3px 0 0 #d4a72c}
tr.failed td{color:var(--muted)}
tr.failed td.outcome{color:#cf222e;font-weight:600}
tr.pruned td.outcome{color:var(--muted);font-style:italic}
td.outcome[data-v=succeeded]{color:#1a7f37}
td.outcome[data-v=failed],td.outcome[data-v=timed_out],td.outcome[data-v=diverged]{color:#cf222e;font-weight:600}
td.outcome::before{content:"";display:inline-block;width:7px;height:7px;margin:0 6px 1px 0;border-radius:50%;background:currentColor}
.pruned-count{color:var(--fg)}
.badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:8px;background:#d4a72c;color:#fff;font-size:11px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);max-width:100%}
figcaption{font-weight:600;margin:0 0 4px}
svg.chart{display:block;width:560px;max-width:100%;height:auto}
svg.chart text{font-size:11px;fill:var(--muted)}
svg.chart .axis-title{font-size:12px;fill:var(--fg)}
svg.chart .grid{stroke:#eaeef2}
svg.chart .axis{stroke:#8c959f}
svg.chart .point{stroke:#fff;stroke-width:1}
svg.chart .point.best{stroke:#1f2328;stroke-width:2}
svg.chart .point.faded{opacity:.6}
svg.chart .line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
svg.chart .series.best .line{stroke-width:3.5}
svg.chart .series.faded{opacity:.3}
svg.chart .series.faded .line{stroke-width:1.25}
svg.chart.dim .series{opacity:.15}
svg.chart.dim .series.on{opacity:1}
svg.chart.dim .series.on .line{stroke-width:4}
.legend{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;max-width:560px}
.legend li{display:flex;align-items:center;gap:5px;cursor:default}
.legend .swatch{width:18px;height:0;border-top:3px solid}
.legend .dash1{border-top-style:dashed}
.legend .dash2{border-top-style:dotted}
.legend li.faded{color:var(--muted)}
.legend li.faded .swatch{opacity:.4}
.legend .tag{color:var(--muted);font-style:italic}
.bracket{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin:0 0 20px}
svg.chart[data-chart^=promotions] text.lane{font-size:11px;fill:var(--fg)}
svg.chart[data-chart^=promotions] text.lane.best{font-weight:700}
svg.chart[data-chart^=promotions] text.cut-label{font-size:11px;fill:var(--fg);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart[data-chart^=promotions] text.failed-mark{font-size:10px;fill:#cf222e;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart[data-chart^=promotions] .lane-bar:hover rect.bar{filter:brightness(.9)}
table.rungs th .detail{font-weight:400;color:var(--muted);font-size:11.5px}
table.rungs th{vertical-align:bottom}
table.rungs td{padding:2px 10px}
table.rungs td.trial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;max-width:none}
table.rungs td.rung{text-align:right}
table.rungs td.rung .d{display:inline-block;min-width:4.6em;text-align:left;font-size:12px}
table.rungs td.continue .d{color:#1a7f37;font-weight:600}
table.rungs td.stop .d{color:var(--muted)}
table.rungs td.final .d{color:#0969da;font-weight:600}
table.rungs td.failed .d{color:#cf222e;font-weight:600}
table.rungs td.stop .v{color:var(--muted)}
table.rungs tr.best td{background:var(--best)}
.forced{display:inline-block;padding:0 5px;border-radius:8px;background:#ddf4ff;color:#0969da;font-size:11px;font-weight:600}
svg.chart .pc-line{stroke-width:1.6;stroke-linejoin:round;opacity:.9}
svg.chart .pc-line.pruned{stroke-width:1.2;opacity:.55}
svg.chart .pc-line.failed{stroke-width:1.4;opacity:.8}
svg.chart .pc-line.best{stroke-width:3.5;opacity:1}
svg.chart .pc-line:hover{stroke-width:4;opacity:1}
svg.chart .pc-axis text.tick,svg.chart text.tick.no-value{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.chart .pc-axis .axis{stroke:#57606a}
svg.chart .axis-note{font-size:10.5px;font-style:italic}
table.index td.target,table.top td.trial,table.index td.trial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
table.index td.hp,table.top td.hp{max-width:36em;color:var(--muted)}
table.top tr.best td{background:var(--best)}
.count[data-outcome=succeeded]{color:#1a7f37}
.count[data-outcome=pruned]{color:var(--muted);font-style:italic}
.count[data-outcome=failed],.count[data-outcome=timed_out],.count[data-outcome=diverged]{color:#cf222e;font-weight:600}
a{color:var(--accent)}
.none{color:var(--muted)}
section.target{margin-top:28px}
section.target h2{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15.5px}
.facts{margin:4px 0 10px}
table.top{margin-bottom:6px}
table.matrix td{text-align:right;min-width:3.2em;border:1px solid #fff}
table.matrix th{text-align:center}
table.matrix th[scope=row]{text-align:right}
table.matrix td.zero{color:#c4c9ce}
`;

// Sorting (see the file header) and legend hover highlighting; reads data only from the DOM.
const SCRIPT = `
(function () {
  function sortTable(table, key, dir) {
    var ths = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var col = -1;
    for (var i = 0; i < ths.length; i++) if (ths[i].getAttribute("data-key") === key) { col = i; break; }
    if (col < 0) return false;
    var numeric = ths[col].getAttribute("data-type") === "num";
    var sign = dir === "desc" ? -1 : 1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { if (!r.hasAttribute("data-order")) r.setAttribute("data-order", String(i)); });
    function value(r) {
      var v = r.cells[col] ? r.cells[col].getAttribute("data-v") : "";
      return numeric ? (v === "" || v === null ? NaN : Number(v)) : (v || "");
    }
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      if (numeric) {
        if (isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;
        if (!isNaN(x) && x !== y) return sign * (x - y);
      } else if (x !== y) {
        return sign * (x < y ? -1 : 1);
      }
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    ths.forEach(function (th, i) {
      th.setAttribute("aria-sort", i === col ? (dir === "desc" ? "descending" : "ascending") : "none");
    });
    return true;
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
  tables.forEach(function (table, t) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      function go() {
        var key = th.getAttribute("data-key");
        var dir = th.getAttribute("aria-sort") === "ascending" ? "desc" : "asc";
        sortTable(table, key, dir);
        if (t === 0) {
          try { history.replaceState(null, "", "#sort=" + encodeURIComponent(key) + "&dir=" + dir); } catch (e) {}
        }
      }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
  });
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var key = params.get("sort");
    if (key !== null && tables[0]) sortTable(tables[0], key, params.get("dir") === "desc" ? "desc" : "asc");
  }
  fromHash();
  window.addEventListener("hashchange", fromHash);
  Array.prototype.forEach.call(document.querySelectorAll("figure"), function (fig) {
    var svg = fig.querySelector("svg.chart");
    Array.prototype.forEach.call(fig.querySelectorAll(".legend li[data-series]"), function (li) {
      var n = li.getAttribute("data-series");
      li.addEventListener("mouseenter", function () {
        svg.classList.add("dim");
        Array.prototype.forEach.call(svg.querySelectorAll('.series[data-series="' + n + '"]'), function (g) { g.classList.add("on"); });
      });
      li.addEventListener("mouseleave", function () {
        svg.classList.remove("dim");
        Array.prototype.forEach.call(svg.querySelectorAll(".series.on"), function (g) { g.classList.remove("on"); });
      });
    });
  });
})();
`;
