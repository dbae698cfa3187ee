// `databazel report PATTERN...` and `databazel open PATTERN...`: the index of every search, model
// and evaluation the patterns name (tools/src/report/index-page.ts), drawn from the manifests of
// their reports after building whatever of them is missing.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FILE_SUFFIXES } from "../formats/files.ts";
import { readReportManifest, resolveManifestPaths, type ReportManifest } from "../formats/report-manifest.ts";
import { indexReport, type IndexEntry } from "../report/index-page.ts";
import { CliError, UsageError } from "./errors.ts";
import { displayLabel, ensureAllOutputs, hostPath, kindOf, queryTargets, type Workspace } from "./targets.ts";

/** The index page of the databazel targets `patterns` name (their union), built first as needed. */
export function renderIndex(ws: Workspace, patterns: string[]): string {
  const expression = patterns.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(" + ");
  const targets = queryTargets(ws, expression)
    .filter((t) => kindOf(t) !== undefined)
    .sort((a, b) => (displayLabel(a.label) < displayLabel(b.label) ? -1 : 1));
  if (targets.length === 0) {
    throw new UsageError(`${patterns.join(" ")} ${patterns.length === 1 ? "names" : "name"} no model, evaluate or hyperparam_search target.`);
  }
  // Each target's report and the manifest it was drawn from (<name>.report.json beside it).
  const wanted = targets.map((target) => {
    const html = target.output_groups.report?.find((p) => p.endsWith(FILE_SUFFIXES.report_html));
    const paths = html ? [html, html.slice(0, -FILE_SUFFIXES.report_html.length) + FILE_SUFFIXES.report_manifest] : [];
    return { target, paths };
  });
  const built = ensureAllOutputs(ws, wanted);
  const entries = targets.map((target, i): IndexEntry => {
    const label = displayLabel(target.label);
    const [html, manifestPath] = built[i]!;
    const manifest = manifestPath ? resolveManifestPaths(readReportManifest(manifestPath), (p) => hostPath(ws, p)) : null;
    const report = html ? pathToFileURL(html).href : null;
    const kind = kindOf(target)!;
    const expect = <K extends ReportManifest["kind"]>(k: K): Extract<ReportManifest, { kind: K }> => {
      if (manifest?.kind !== k) throw new CliError(`${label} is a ${kind} target, but its report is a ${manifest?.kind ?? "missing"} report.`);
      return manifest as Extract<ReportManifest, { kind: K }>;
    };
    switch (kind) {
      case "search":
        return { kind, label, report, manifest: expect("search") };
      case "evaluate":
        return { kind, label, report, manifest: expect("evaluate") };
      case "model":
        // A model that databazel did not train (model_file) has no report: its hyperparameters only.
        return { kind, label, report, manifest: manifest ? expect("model") : null, hyperparams: target.model?.hyperparams ?? {} };
    }
  });
  return indexReport(patterns.join(" "), entries);
}

/** `databazel report`: the index, written to `output` (then its path is printed) or to stdout. */
export function report(ws: Workspace, patterns: string[], output: string | null): string {
  const html = renderIndex(ws, patterns);
  if (output === null || output === "-") return html;
  writeFileSync(output, html);
  ws.log(`databazel: wrote the index of ${patterns.join(" ")} to ${output}`);
  return "";
}

/** Where `databazel open PATTERN...` keeps the index: under the output base, named by the patterns. */
export function indexPath(ws: Workspace, patterns: string[]): string {
  const name = patterns
    .join("+")
    .replace(/^@*\/\//, "")
    .replace(/[^A-Za-z0-9_.+-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 120);
  return join(ws.bazel.outputBase(), "databazel-index", `${name || "root"}.html`);
}

/** Writes the index where `open` keeps it; returns its path. */
export function writeIndex(ws: Workspace, patterns: string[]): string {
  const html = renderIndex(ws, patterns);
  const path = indexPath(ws, patterns);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, html);
  return path;
}
