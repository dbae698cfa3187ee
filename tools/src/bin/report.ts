// DatabazelReport: writes the self-contained HTML report of a model, an evaluation or a search
// from the manifest databazel/private/actions/report.bzl writes (see tools/src/report/manifest.ts).
import { writeFileSync } from "node:fs";
import { one, parseFlags } from "../lib/flags.ts";
import { main } from "../lib/main.ts";
import { readJson } from "../report/html.ts";
import type { ReportManifest } from "../report/manifest.ts";
import { renderReport } from "../report/render.ts";

main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = readJson<ReportManifest>(one(flags, "--manifest"), "its manifest");
  writeFileSync(one(flags, "--output"), renderReport(manifest));
});
