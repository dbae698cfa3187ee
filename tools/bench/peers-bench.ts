// `npm run bench:peers [-- --json PATH]`: databazel against what users would pick instead, on the
// same trivial grid search: a bare shell loop (serial, and 2 at a time), Snakemake 9 (-j2) and
// DVC 3 (dvc repro), all running the same Python train and eval scripts (peers/scripts.ts).
// For each size N (a x b grid), tools interleaved, BENCH_PEERS_RUNS times: a full run from a
// clean state, a no-op rerun, and a rerun after one value of the smaller grid key changed; the
// table shows the medians. It measures only: slow numbers never fail it; a tool's run failing
// does, with that tool's output.
// BENCH_PEERS_SIZES (default 100,400), BENCH_PEERS_RUNS (default 3), BENCH_PEERS_TOOLS (default
// bare,databazel,databazel-python-once,snakemake,dvc), BENCH_PEERS_TIMEOUT (seconds per run, default 300), and
// BENCH_PEERS_BAZEL_FLAGS (space-separated, added to databazel's builds, e.g.
// --strategy=DatabazelTrain=sandboxed, the helpers as plain spawns).
import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { gridShape } from "./workspace.ts";
import { bareTool } from "./peers/bare.ts";
import { DATABAZEL_COLUMNS, databazelTool } from "./peers/databazel.ts";
import { dvcTool } from "./peers/dvc.ts";
import { ToolFailed, type Measurement, type Phase, type Session, type Tool } from "./peers/run.ts";
import { snakemakeTool } from "./peers/snakemake.ts";
import { cell, phaseLabel, table, type Results } from "./peers/table.ts";
import { installPeers, PINS, venvDir, type PeerTool } from "./peers/venv.ts";

const TOOL_NAMES = ["bare", "databazel", "databazel-python-once", "snakemake", "dvc"] as const;
type ToolName = (typeof TOOL_NAMES)[number];

function parseArgs(argv: string[]): { json?: string } {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === "--json") return { json: argv[1] };
  throw new Error(`usage: npm run bench:peers [-- --json PATH]; got ${argv.join(" ")}`);
}

function positiveInts(name: string, text: string): number[] {
  const values = text.split(",").map((s) => Number(s.trim()));
  if (text.trim() === "" || values.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`${name}=${text}: want positive integers, separated by commas`);
  }
  return values;
}

function parseTools(text: string): ToolName[] {
  const names = text.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new Error(`BENCH_PEERS_TOOLS=${text}: ${name} is not one of ${TOOL_NAMES.join(", ")}`);
    }
  }
  return TOOL_NAMES.filter((t) => names.includes(t));
}

/** The interpreter itself, not a shim on PATH (pyenv's is a shell script, ~50 ms a start). */
async function python(): Promise<{ path: string; version: string }> {
  const r = await execa("python3", ["-c", "import sys; print(sys.executable); print(sys.version.split()[0])"]);
  const [path = "", version = ""] = r.stdout.trim().split("\n");
  return { path, version };
}

const PHASES: Phase[] = ["fullCold", "full", "noop", "change"];

/** Runs one repetition of a tool's phases; stops at the first that overruns the cap. */
async function repetition(session: Session, cap: number): Promise<Partial<Record<Phase, Measurement>>> {
  await session.reset();
  const out: Partial<Record<Phase, Measurement>> = {};
  for (const phase of PHASES) {
    const run =
      phase === "fullCold" ? session.fullCold : phase === "noop" ? session.noop : phase === "full" ? session.full : session.change;
    if (!run) continue;
    const m = await run.call(session, cap);
    out[phase] = m;
    if (m.timedOut) break;
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const env = process.env;
  const sizes = positiveInts("BENCH_PEERS_SIZES", env["BENCH_PEERS_SIZES"] ?? "100,400");
  const [runs = 3] = positiveInts("BENCH_PEERS_RUNS", env["BENCH_PEERS_RUNS"] ?? "3");
  const [cap = 300] = positiveInts("BENCH_PEERS_TIMEOUT", env["BENCH_PEERS_TIMEOUT"] ?? "300");
  const names = parseTools(env["BENCH_PEERS_TOOLS"] ?? TOOL_NAMES.join(","));
  const bazelFlags = (env["BENCH_PEERS_BAZEL_FLAGS"] ?? "").split(/\s+/).filter((f) => f !== "");

  const py = await python();
  const peers = names.filter((n): n is PeerTool => n === "snakemake" || n === "dvc");
  const install = await installPeers(peers);
  for (const [tool, why] of Object.entries(install.skipped)) console.error(`[peers] skipping ${tool}: ${why}`);

  const tools: Tool[] = [];
  if (names.includes("bare")) tools.push(bareTool(py.path, 1), bareTool(py.path, 2));
  if (names.includes("databazel")) tools.push(databazelTool(bazelFlags));
  if (names.includes("databazel-python-once")) tools.push(databazelTool(bazelFlags, "once"));
  if (install.ready.snakemake) tools.push(snakemakeTool(py.path));
  if (install.ready.dvc) tools.push(dvcTool(py.path));
  const columns = tools.map((t) => t.column);
  if (tools.length === 0) throw new Error("no tool to measure");

  const results: Results = {};
  for (const n of sizes) {
    const [ka, kb] = gridShape(n);
    const byColumn: Results[number] = (results[n] = {});
    const root = mkdtempSync(join(tmpdir(), `databazel-peers-${n}-`));
    console.error(`[peers] ${n} trials (${ka} x ${kb}) in ${root}`);
    const sessions: [Tool, Session][] = [];
    const overran = new Set<string>();
    try {
      for (const tool of tools) sessions.push([tool, await tool.setup(n, root)]);
      // Interleaved (every tool's first run, then every tool's second), so that load from other
      // work on the machine falls on all tools alike.
      for (let rep = 1; rep <= runs; rep++) {
        for (const [tool, session] of sessions) {
          // A tool that overran the cap once would only overrun it again.
          if (overran.has(tool.column)) continue;
          const got = await repetition(session, cap);
          for (const [phase, m] of Object.entries(got) as [Phase, Measurement][]) {
            ((byColumn[tool.column] ??= {})[phase] ??= []).push(m);
            const shown = m.timedOut ? `> ${cap} s (killed)` : `${m.seconds.toFixed(2)} s`;
            console.error(`[peers] ${n} trials, run ${rep}, ${tool.column}, ${phaseLabel(phase, n, kb)}: ${shown}${m.note ? ` (${m.note})` : ""}`);
            if (m.timedOut) overran.add(tool.column);
          }
          const noop = got.noop?.note;
          if (tool.column.startsWith("databazel") && noop && !/^1 process: 1 internal$/.test(noop)) {
            console.error(`[peers] warning: ${tool.column}'s no-op rerun ran ${noop}; did ${repoRoot} change?`);
          }
        }
      }
    } finally {
      for (const [, session] of sessions) await session.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  }

  const versions = {
    bazel: readFileSync(join(repoRoot, ".bazelversion"), "utf8").trim(),
    python: py.version,
    ...(install.ready.snakemake ? { snakemake: install.ready.snakemake } : {}),
    ...(install.ready.dvc ? { dvc: install.ready.dvc } : {}),
  };
  const envText = [
    `BENCH_PEERS_SIZES=${sizes.join(",")}`,
    `BENCH_PEERS_RUNS=${runs}`,
    ...(names.length < TOOL_NAMES.length ? [`BENCH_PEERS_TOOLS=${names.join(",")}`] : []),
    ...(cap !== 300 ? [`BENCH_PEERS_TIMEOUT=${cap}`] : []),
    ...(bazelFlags.length > 0 ? [`BENCH_PEERS_BAZEL_FLAGS='${bazelFlags.join(" ")}'`] : []),
  ].join(" ");
  const command = `${envText} npm run bench:peers${options.json ? ` -- --json ${options.json}` : ""}`;
  const dbz = (phase: Phase) => [...new Set((Object.values(results).flatMap((r) => r["databazel"]?.[phase] ?? [])).map((m) => m.note))].join("; ");
  // What each tool said it ran, per size and phase: evidence that every phase did the work it names.
  const ran = Object.entries(results).flatMap(([n, byColumn]) =>
    Object.entries(byColumn).flatMap(([column, byPhase]) => {
      const said = PHASES.flatMap((phase) => {
        const notes = [...new Set((byPhase[phase] ?? []).flatMap((m) => (m.note ? [m.timedOut ? `${m.note} before it was killed` : m.note] : [])))];
        return notes.length > 0 ? [`${phaseLabel(phase, Number(n), gridShape(Number(n))[1])}: ${notes.join(" / ")}`] : [];
      });
      return said.length > 0 && !Object.values(DATABAZEL_COLUMNS).includes(column as never) ? [`- ${column} at ${n} trials ran: ${said.join("; ")}.`] : [];
    }),
  );
  const ready = [
    install.ready.snakemake ? `Snakemake ${install.ready.snakemake}` : "",
    install.ready.dvc ? `DVC ${install.ready.dvc}` : "",
  ].filter((v) => v !== "");
  const peerVersions = ready.length > 0 ? `${ready.join(", ")} (pinned, from PyPI into ${venvDir}), ` : "";
  const skipped = Object.entries(install.skipped).map(([tool, why]) => `- ${tool} skipped: ${why.split("\n")[0]}`);

  console.log(`${table(results, columns, cap, (n) => gridShape(n)[1])}

Command: \`${command}\`. Seconds, the median of ${runs} run${runs === 1 ? "" : "s"} (tools interleaved); "> ${cap} s": killed at the cap (BENCH_PEERS_TIMEOUT), not run again at that size.
Versions: Bazel ${versions.bazel} (.bazelversion, through tools/bazel${bazelFlags.length > 0 ? `, with ${bazelFlags.join(" ")}` : ""}), ${peerVersions}Python ${py.version} (${py.path}) for the bare loops, Snakemake and DVC; databazel's py_binary scripts run the python3 Bazel finds${names.includes("databazel-python-once") ? ` (/usr/bin/python3, its interpreter_path, for "${DATABAZEL_COLUMNS.once}")` : ""}.
Every tool runs the same train.py and eval.py (argparse, the databazel flag contract) per trial, on an a x b grid of N trials, each trial writing its hyperparameters file, model and metrics.
- full run: from a clean state. bare: \`while read a b; do sh trial.sh ...; done\` / \`xargs -P2\` over all trials; Snakemake: \`snakemake -j2\` without .snakemake/ and outputs; DVC: \`dvc repro\` without dvc.lock, .dvc/cache and outputs; databazel: \`tools/bazel clean\` then \`tools/bazel build --disk_cache= //:search\` on a warm server (the "full run" row). The "cold Bazel server" row is the same after \`tools/bazel shutdown\` too (external repositories already fetched). "${DATABAZEL_COLUMNS.once}": the same workspace with databazel's python_once_toolchain registered (@databazel//databazel:python_once.bzl, as docs/python.md says), whose py_binary launcher is a shell script that starts Python once, where Bazel's own launcher is a Python program that starts Python again for the script.${dbz("full") ? ` Bazel ran ${dbz("full")}.` : ""}
- no-op rerun: the same command again, nothing changed${dbz("noop") ? ` (Bazel: ${dbz("noop")})` : ""}. The bare loops have no up-to-date check, so no no-op (—).
- one grid value changed: one value of the smaller key (a) replaced by a new one in the Snakefile / dvc.yaml / BUILD.bazel, then the same command; the bare loops run just the N / a trials that use it.${dbz("change") ? ` Bazel ran ${dbz("change")}.` : ""}${[...ran, ...skipped].map((line) => `\n${line}`).join("")}`);

  if (options.json) {
    const medians = Object.fromEntries(
      Object.entries(results).map(([n, byColumn]) => [
        n,
        Object.fromEntries(
          Object.entries(byColumn).map(([column, byPhase]) => [
            column,
            Object.fromEntries(Object.entries(byPhase).map(([phase, ms]) => [phase, cell(ms)])),
          ]),
        ),
      ]),
    );
    const json = { command, versions, pins: PINS, runs, cap, bazelFlags, skipped: install.skipped, medians, results };
    writeFileSync(options.json, JSON.stringify(json, null, 2) + "\n");
    console.error(`[peers] wrote ${options.json}`);
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof ToolFailed ? `[peers] a tool's run failed: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
