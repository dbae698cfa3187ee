// Generates databazel/private/contract.bzl: the names the rules and the TypeScript helpers share
// (the scripts' flags, the helpers' own flags, output file suffixes, the manifests' fields), so
// they cannot drift. It imports the constants themselves and reads no file, so its bundle runs
// in a Bazel action with nothing else (tools/build/BUILD.bazel, contract-bzl.ts).
import { EVAL_FLAGS, TRAIN_FLAGS } from "../src/contract.ts";
import { LEADERBOARD_FLAGS, PROMOTE_FLAGS, DIGEST_FLAGS, SAMPLER_ACTION_FLAGS, REPORT_FLAGS, SHIM_FLAGS } from "../src/formats/action-flags.ts";
import { distribution, samplerHistoryTrial, samplerManifest } from "../src/formats/sampler-manifest.ts";
import { leaderboardManifest, schedulerSettings, leaderboardTrial } from "../src/formats/leaderboard-manifest.ts";
import { promoteManifest, promoteTrial } from "../src/formats/scheduler.ts";
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
  { name: "LEADERBOARD_FLAGS", doc: "Flags of the DatabazelLeaderboard action (tools/src/formats/action-flags.ts).", value: LEADERBOARD_FLAGS },
  { name: "REPORT_FLAGS", doc: "Flags of the DatabazelReport action (tools/src/formats/action-flags.ts).", value: REPORT_FLAGS },
  { name: "PROMOTE_FLAGS", doc: "Flags of the DatabazelPromote action (tools/src/formats/action-flags.ts).", value: PROMOTE_FLAGS },
  { name: "SAMPLER_ACTION_FLAGS", doc: "Flags of the DatabazelSampler action (tools/src/formats/action-flags.ts).", value: SAMPLER_ACTION_FLAGS },
  { name: "DIGEST_FLAGS", doc: "Flags of the DatabazelDigest action (tools/src/formats/action-flags.ts).", value: DIGEST_FLAGS },
  {
    name: "FILE_SUFFIXES",
    doc: "Suffixes of the files the actions write, after a target's or a run's name (tools/src/formats/files.ts).",
    value: FILE_SUFFIXES,
  },
  {
    name: "LEADERBOARD_MANIFEST_FIELDS",
    doc: "The leaderboard manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/leaderboard-manifest.ts).",
    value: { manifest: fieldNames(leaderboardManifest), schedule: fieldNames(schedulerSettings), trial: fieldNames(leaderboardTrial) },
  },
  {
    name: "SAMPLER_MANIFEST_FIELDS",
    doc: "The DatabazelSampler manifest's fields, sorted: the manifest's, a distribution's and a history trial's (tools/src/formats/sampler-manifest.ts).",
    value: { manifest: fieldNames(samplerManifest), distribution: fieldNames(distribution), history_trial: fieldNames(samplerHistoryTrial) },
  },
  {
    name: "PROMOTE_MANIFEST_FIELDS",
    doc: "The DatabazelPromote manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/scheduler.ts).",
    value: { manifest: fieldNames(promoteManifest), trial: fieldNames(promoteTrial) },
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
