// Generates databazel/private/contract.bzl: the names the rules and the TypeScript helpers share
// (the scripts' flags, the helpers' own flags, output file suffixes, the manifests' fields), so
// they cannot drift. It imports the constants themselves and reads no file, so its bundle runs
// in a Bazel action with nothing else (tools/build/BUILD.bazel, contract-bzl.ts).
import { EVAL_FLAGS, TRAIN_FLAGS } from "../src/contract.ts";
import { AGGREGATE_FLAGS, DECIDE_FLAGS, DIGEST_FLAGS, PROPOSE_FLAGS, REPORT_FLAGS, SHIM_FLAGS } from "../src/formats/action-flags.ts";
import { distribution, proposeHistoryTrial, proposeManifest } from "../src/formats/propose.ts";
import { aggregateManifest, aggregateSchedule, aggregateTrial } from "../src/formats/aggregate-manifest.ts";
import { decideManifest, decideTrial } from "../src/formats/schedule.ts";
import { FILE_SUFFIXES } from "../src/formats/files.ts";
import { REPORT_MANIFESTS, searchReportTrial } from "../src/formats/report-manifest.ts";
import { fieldNames } from "../src/formats/shape.ts";

interface Constant {
  name: string;
  doc: string;
  value: Readonly<Record<string, string | readonly string[]>>;
}

/** Everything Starlark needs, in the order contract.bzl lists it. */
const CONSTANTS: Constant[] = [
  { name: "TRAIN_FLAGS", doc: "Flags the train executable receives (tools/src/contract.ts).", value: TRAIN_FLAGS },
  { name: "EVAL_FLAGS", doc: "Flags the eval executable receives (tools/src/contract.ts).", value: EVAL_FLAGS },
  {
    name: "SHIM_FLAGS",
    doc: "Flags the train and eval shims take before the script's (tools/src/formats/action-flags.ts).",
    value: SHIM_FLAGS,
  },
  { name: "AGGREGATE_FLAGS", doc: "Flags of the DatabazelAggregate action (tools/src/formats/action-flags.ts).", value: AGGREGATE_FLAGS },
  { name: "REPORT_FLAGS", doc: "Flags of the DatabazelReport action (tools/src/formats/action-flags.ts).", value: REPORT_FLAGS },
  { name: "DECIDE_FLAGS", doc: "Flags of the DatabazelDecide action (tools/src/formats/action-flags.ts).", value: DECIDE_FLAGS },
  { name: "PROPOSE_FLAGS", doc: "Flags of the DatabazelPropose action (tools/src/formats/action-flags.ts).", value: PROPOSE_FLAGS },
  { name: "DIGEST_FLAGS", doc: "Flags of the DatabazelDigest action (tools/src/formats/action-flags.ts).", value: DIGEST_FLAGS },
  {
    name: "FILE_SUFFIXES",
    doc: "Suffixes of the files the actions write, after a target's or a run's name (tools/src/formats/files.ts).",
    value: FILE_SUFFIXES,
  },
  {
    name: "AGGREGATE_MANIFEST_FIELDS",
    doc: "The aggregate manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/aggregate-manifest.ts).",
    value: { manifest: fieldNames(aggregateManifest), schedule: fieldNames(aggregateSchedule), trial: fieldNames(aggregateTrial) },
  },
  {
    name: "PROPOSE_MANIFEST_FIELDS",
    doc: "The DatabazelPropose manifest's fields, sorted: the manifest's, a distribution's and a history trial's (tools/src/formats/propose.ts).",
    value: { manifest: fieldNames(proposeManifest), distribution: fieldNames(distribution), history_trial: fieldNames(proposeHistoryTrial) },
  },
  {
    name: "DECIDE_MANIFEST_FIELDS",
    doc: "The DatabazelDecide manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/schedule.ts).",
    value: { manifest: fieldNames(decideManifest), trial: fieldNames(decideTrial) },
  },
  {
    name: "REPORT_MANIFEST_FIELDS",
    doc: "Each report kind's manifest fields, sorted, and a search report trial's and distribution's (tools/src/formats/report-manifest.ts).",
    value: {
      ...Object.fromEntries(Object.entries(REPORT_MANIFESTS).map(([kind, shape]) => [kind, fieldNames(shape)])),
      search_trial: fieldNames(searchReportTrial),
      search_distribution: fieldNames(distribution),
    },
  },
];

function starlarkValue(value: string | readonly string[]): string {
  return typeof value === "string" ? JSON.stringify(value) : `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
}

/** Renders contract.bzl: one dict per constant, keys sorted as buildifier wants. */
export function generateContractBzl(): string {
  const out: string[] = [
    '"""The names databazel\'s rules share with its TypeScript shims and helpers.',
    "",
    "Generated from tools/src/contract.ts and tools/src/formats/ by tools/build/gen-contract.ts",
    "(`npm run build:tools`). Do not edit.",
    '"""',
  ];
  for (const { name, doc, value } of CONSTANTS) {
    out.push("", `# ${doc}`, `${name} = {`);
    const items = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, item] of items) out.push(`    ${JSON.stringify(key)}: ${starlarkValue(item)},`);
    out.push("}");
  }
  return out.join("\n") + "\n";
}
