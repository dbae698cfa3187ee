// DatabazelReport: writes the self-contained HTML report of a model, an evaluation or a search
// from the manifest databazel/private/actions/report.bzl writes (see tools/src/formats/report-manifest.ts).
import { writeFileSync } from "node:fs";
import { REPORT_FLAGS } from "../formats/action-flags.ts";
import { readReportManifest } from "../formats/report-manifest.ts";
import { one, parseFlags } from "../lib/flags.ts";
import { main } from "../helper/main.ts";
import { renderReport } from "../report/render.ts";

main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = readReportManifest(one(flags, REPORT_FLAGS.manifest));
  writeFileSync(one(flags, REPORT_FLAGS.output), renderReport(manifest));
});
