// DatabazelReport: writes a self-contained HTML report from the manifest report.bzl writes.
// (Placeholder: lists the manifest; the full report replaces it.)
import { readFileSync, writeFileSync } from "node:fs";
import { one, parseFlags } from "../shim/cli.ts";
import { main } from "../shim/main.ts";
import type { ReportManifest } from "../report/manifest.ts";

main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = JSON.parse(readFileSync(one(flags, "--manifest"), "utf8")) as ReportManifest;
  writeFileSync(one(flags, "--output"), `<!doctype html><title>${manifest.label}</title><pre>${manifest.kind}</pre>\n`);
});
