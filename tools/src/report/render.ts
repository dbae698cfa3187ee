// Renders the HTML report a manifest describes.
import { UserFacingError } from "../lib/user-facing-error.ts";
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
      throw new UserFacingError(`databazel: unknown report kind ${JSON.stringify((manifest as { kind: unknown }).kind)}`);
  }
}
