// Renders the HTML report a manifest describes.
import { ContractError } from "../lib/main.ts";
import { evaluateReport } from "./evaluate.ts";
import type { ReportManifest } from "../formats/report-manifest.ts";
import { modelReport } from "./model.ts";
import { searchReport } from "./search.ts";

export function renderReport(manifest: ReportManifest): string {
  switch (manifest.kind) {
    case "search":
      return searchReport(manifest);
    case "model":
      return modelReport(manifest);
    case "evaluate":
      return evaluateReport(manifest);
    default:
      throw new ContractError(`databazel: unknown report kind ${JSON.stringify((manifest as { kind: unknown }).kind)}`);
  }
}
