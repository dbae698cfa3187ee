// `databazel watch LABEL` and `databazel build LABEL`: a live table of a search's trials (or a
// model's training) while Bazel builds it, refreshed once a second.
//
// Nothing here changes what Bazel builds: no action gets another input, flag or environment
// variable. The trials come from analysis (bazel cquery, before the build; while another command
// holds Bazel, from the search's manifest in bazel-bin). What they are doing comes from:
//   - the train shims' progress files (tools/src/shim/progress.ts): a local action writes the
//     epoch its script reached and its latest metrics there, while this watch's directory exists;
//   - bazel-bin's run records and learning curves, once a trial's actions have run (a record
//     older than the build is an earlier build's: a trial is "queued" until its actions run);
//   - Bazel's build events (--build_event_json_file, which `databazel build` always asks for):
//     whether execution is remote (then no progress file is written here: the table says so and
//     shows the train actions' states from the events), and how the build ended.
// `watch` finds the output base through the workspace's bazel-out symlink and the running
// command through Bazel's lock file, because Bazel answers no query while it builds.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { WATCH_DIR } from "../formats/progress.ts";
import { metricAt } from "../lib/metrics.ts";
import { parseJsonAllowingNonFinite } from "../lib/nonfinite-json.ts";
import type { Outcome } from "../formats/run-record.ts";
import { applyProgressLine, BepReader, lastFlag, remoteExecutor } from "./bep.ts";
import { bazelErrors, LOST_INPUTS_EXIT, LOST_INPUTS_HELP } from "./bazel.ts";
import { CliError } from "./errors.ts";
import { styleFor, plain } from "./table.ts";
import { queryOneTarget, displayLabel, requireKind, type Workspace } from "./targets.ts";
import { deriveRows, planOf, type BuildEvents, type Plan } from "./watch-model.ts";
import { PlainLog, renderFrame, summaryLine, type Frame } from "./watch-render.ts";
import {
  absoluteLabel,
  bazelCommand,
  BUILDING_COMMANDS,
  executionRootFromSymlink,
  FileCache,
  inExecRoot,
  lastCommandBuilt,
  markWatching,
  openProgressDir,
  outputBaseOfExecRoot,
  parseOutcome,
  planFromManifest,
  readProgress,
  serverRunning,
  workspaceRoot,
} from "./watch-sources.ts";
import { curveNumbers } from "../lib/curve.ts";

const REFRESH_MS = 1000;

export const REMOTE_NOTE = "Remote execution: no live per-epoch data (the actions run elsewhere); states from Bazel's build events.";
const REMOTE_NO_BEP_NOTE =
  "Remote execution: no live per-epoch data (the actions run elsewhere). For the actions' states, give the build " +
  "--build_event_json_file=FILE, or use databazel build.";

/** Where the table goes: a terminal gets it redrawn in place, anything else one line per change. */
export interface Screen {
  write(text: string): void;
  isTTY: boolean;
  colour: boolean;
  columns: number | undefined;
  rows: number | undefined;
}

function processScreen(): Screen {
  const out = process.stdout;
  return {
    write: (text) => void out.write(text),
    isTTY: out.isTTY === true,
    colour: styleFor(out) !== plain,
    columns: out.isTTY ? out.columns : undefined,
    rows: out.isTTY ? out.rows : undefined,
  };
}

class Display {
  #lines = 0;
  #log = new PlainLog();

  constructor(readonly screen: Screen) {
    if (screen.isTTY) screen.write("\x1b[?25l");
  }

  show(frame: Frame): void {
    if (!this.screen.isTTY) {
      const lines = this.#log.update(frame);
      if (lines.length > 0) this.screen.write(lines.join("\n") + "\n");
      return;
    }
    const lines = renderFrame(frame, { colour: this.screen.colour, width: this.screen.columns, height: this.screen.rows });
    const up = this.#lines > 0 ? `\x1b[${this.#lines}F` : "";
    this.screen.write(`${up}\x1b[J${lines.join("\n")}\n`);
    this.#lines = lines.length;
  }

  /** The last frame stays; plain output ends with the summary. */
  close(frame: Frame): void {
    this.show(frame);
    if (this.screen.isTTY) this.screen.write("\x1b[?25h");
    else this.screen.write(`${summaryLine(frame.plan, frame.rows)}\n`);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** What the watch reads each second. */
class Sources {
  readonly records = new FileCache<Outcome>(parseOutcome);
  readonly curves = new FileCache<Record<string, number>[]>(curveNumbers);
  readonly metrics = new FileCache<unknown>(parseJsonAllowingNonFinite);

  constructor(
    readonly execRoot: string,
    public plan: Plan,
  ) {}

  get outputBase(): string {
    return outputBaseOfExecRoot(this.execRoot);
  }

  look(now: number, since: number, building: boolean, events: BuildEvents | undefined) {
    markWatching(this.outputBase);
    const records = new Map<string, { outcome: Outcome; mtimeMs: number }>();
    const curves = new Map<string, Record<string, number>[]>();
    const metrics = new Map<string, number>();
    const metric = this.plan.metric;
    for (const t of this.plan.trials) {
      const scored = t.metrics && metric ? this.metrics.get(inExecRoot(this.execRoot, t.metrics)) : undefined;
      const value = scored ? metricAt(scored.value, metric!) : undefined;
      if (value !== undefined && Number.isFinite(value)) metrics.set(t.metrics!, value);
      for (const path of [t.record, t.trainRecord]) {
        const record = path ? this.records.get(inExecRoot(this.execRoot, path)) : undefined;
        if (record) records.set(path!, { outcome: record.value, mtimeMs: record.mtimeMs });
      }
      const curve = t.curve ? this.curves.get(inExecRoot(this.execRoot, t.curve)) : undefined;
      if (curve) curves.set(t.curve!, curve.value);
    }
    const progress = readProgress(this.outputBase);
    return deriveRows(this.plan, { now, since, building, progress, records, curves, metrics, events });
  }
}

function planFor(ws: Workspace, label: string, command: string): Plan {
  const target = queryOneTarget(ws, label);
  requireKind(ws, target, command, ["search", "model"], (kind) =>
    kind === "evaluate" && target.metrics
      ? `An evaluation trains nothing; watch the model it scores: databazel ${command} ${displayLabel(target.metrics.model_label)}`
      : "",
  );
  return planOf(target);
}

/** `databazel watch LABEL`: follows the build that is running, or waits for the next one. */
export async function watch(ws: Workspace, label: string, screen: Screen = processScreen()): Promise<number> {
  const workspace = workspaceRoot(ws.bazel.cwd);
  if (!workspace) throw new CliError(`${ws.bazel.cwd} is not in a Bazel workspace (no MODULE.bazel, REPO.bazel or WORKSPACE above it).`);
  let execRoot = executionRootFromSymlink(workspace);
  const before = execRoot ? bazelCommand(outputBaseOfExecRoot(execRoot)) : undefined;
  const notes: string[] = [];
  let plan: Plan;
  let partialPlan = false;
  if (before?.running) {
    // Bazel answers no query until this command ends: take the trials from bazel-bin.
    const absolute = absoluteLabel(label, ws.bazel.cwd, workspace);
    const manifest = planFromManifest(workspace, absolute);
    plan = manifest ?? { label: absolute, kind: "search", metric: null, goal: null, trials: [] };
    partialPlan = true;
    notes.push(
      `Bazel is busy (bazel ${before.command ?? "command"}, pid ${before.pid}) and cannot be asked for the trials: ` +
        (manifest ? "they come from the search's manifest in bazel-bin." : "each shows when it starts."),
    );
  } else {
    if (execRoot && !serverRunning(outputBaseOfExecRoot(execRoot))) {
      ws.log("databazel: no Bazel server is running in this workspace, so nothing is building; starting one to list the trials ...");
    }
    plan = planFor(ws, label, "watch");
    // The symlink saves a Bazel command (whose output would replace the last build's in command.log).
    execRoot ??= ws.bazel.executionRoot();
  }
  if (!execRoot) {
    throw new CliError(
      `cannot find ${displayLabel(label)}'s output base: Bazel is busy, and ${workspace} has no bazel-out symlink yet.\n` +
        `Fix: wait for the first build to get past analysis, or build and watch in one: databazel build ${label}`,
    );
  }
  const sources = new Sources(execRoot, plan);
  openProgressDir(sources.outputBase);
  const display = new Display(screen);
  let stop = false;
  const interrupt = (): void => void (stop = true);
  process.on("SIGINT", interrupt);
  let bep: BepReader | undefined;
  let sawBuild = false;
  let lastCommand = bazelCommand(sources.outputBase)?.startedMs;
  let frame: Frame;
  try {
    for (;;) {
      const now = Date.now();
      const command = bazelCommand(sources.outputBase);
      const building = command?.running === true && (command.command === null || BUILDING_COMMANDS.has(command.command));
      let events: BuildEvents | undefined;
      let remote = false;
      // A command that started and ended since the last look: a build if its output says so.
      if (!building && command && command.startedMs !== lastCommand && !command.running && lastCommandBuilt(sources.outputBase)) sawBuild = true;
      lastCommand = command?.startedMs;
      if (building) {
        sawBuild = true;
        const file = lastFlag(command.args, "--build_event_json_file");
        if (file) {
          const path = resolve(command.cwd ?? workspace, file);
          if (bep?.path !== path) bep = new BepReader(path);
          events = bep.read();
        }
        remote = remoteExecutor(command.args) || events?.remote === true;
      }
      const rows = sources.look(now, command?.startedMs ?? 0, building, events);
      const waiting = `Waiting for a build of ${plan.label}: run \`bazel build ${plan.label}\` in another terminal, or \`databazel build ${plan.label}\` to build and watch in one. Ctrl-C stops.`;
      const status = building
        ? `bazel ${command.command ?? "build"} (pid ${command.pid}) has been running for ${Math.round((now - command.startedMs) / 1000)}s` +
          (events?.status ? `: ${events.status}` : "")
        : sawBuild
          ? "The build finished."
          : waiting;
      // Plain output has no status line: it says once that it waits.
      const plainNotes = !screen.isTTY && status === waiting ? [waiting] : [];
      frame = { plan, rows, notes: [...notes, ...(remote ? [events ? REMOTE_NOTE : REMOTE_NO_BEP_NOTE] : []), ...plainNotes], status };
      if (stop || (sawBuild && !building)) break;
      display.show(frame);
      await sleep(REFRESH_MS);
    }
    if (!stop && partialPlan) {
      // Bazel is free again: list the trials that never started, too.
      try {
        sources.plan = plan = planFor(ws, label, "watch");
        frame = { ...frame, plan, rows: sources.look(Date.now(), bazelCommand(sources.outputBase)?.startedMs ?? 0, false, undefined), notes: [] };
      } catch {
        // keep what was seen
      }
    }
    display.close(frame);
  } finally {
    process.off("SIGINT", interrupt);
    if (screen.isTTY) screen.write("\x1b[?25h");
  }
  return stop ? 130 : 0;
}

/** `databazel build LABEL`: builds the target with Bazel and watches it; Bazel's exit code. */
export async function buildAndWatch(ws: Workspace, label: string, screen: Screen = processScreen()): Promise<number> {
  const plan = planFor(ws, label, "build");
  const execRoot = ws.bazel.executionRoot();
  const sources = new Sources(execRoot, plan);
  openProgressDir(sources.outputBase);
  const bepDir = join(sources.outputBase, WATCH_DIR, "bep");
  mkdirSync(bepDir, { recursive: true });
  const bepPath = join(bepDir, `${process.pid}-${Date.now()}.json`);
  const bep = new BepReader(bepPath);
  const started = Date.now();
  const args = ["build", ...ws.bazel.flags, `--build_event_json_file=${bepPath}`, "--build_event_publish_all_actions", "--", plan.label];
  // On a terminal Bazel's output would tear the table: it is kept, and its errors shown at the end.
  const child = spawn(ws.bazel.launcher.command, args, { cwd: ws.bazel.cwd, stdio: ["ignore", screen.isTTY ? "pipe" : 2, screen.isTTY ? "pipe" : 2] });
  let output = "";
  let partial = "";
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-200_000);
    // Bazel's progress lines name a running action sooner than its build events do.
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) applyProgressLine(bep.events, line);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<number>((done, fail) => {
    child.on("error", (err) => fail(new CliError(`cannot run Bazel (${ws.bazel.launcher.source}): ${err.message}`)));
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  let exitCode: number | undefined;
  void exit.then(
    (code) => void (exitCode = code),
    () => void (exitCode = 1),
  );
  const display = new Display(screen);
  // Ctrl-C reaches Bazel too, which stops the build: the table stays until it has.
  const interrupt = (): void => undefined;
  process.on("SIGINT", interrupt);
  let frame: Frame;
  try {
    for (;;) {
      const building = exitCode === undefined;
      const events = bep.read();
      const rows = sources.look(Date.now(), events.startedMs ?? started, building, events);
      const lastLine = output.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
      const verdict = output.split("\n").filter((l) => /Build completed successfully|Build did NOT complete successfully/.test(l)).at(-1);
      const status = building ? (lastLine ?? events.status ?? "Bazel is starting ...") : (verdict?.replace(/^\w+: /, "") ?? `Bazel exited ${exitCode}.`);
      frame = { plan, rows, notes: events.remote ? [REMOTE_NOTE] : [], status: screen.isTTY ? status : null };
      if (!building) break;
      display.show(frame);
      await Promise.race([sleep(REFRESH_MS), exit.catch(() => undefined)]);
    }
    display.close(frame);
  } finally {
    process.off("SIGINT", interrupt);
    if (screen.isTTY) screen.write("\x1b[?25h");
    rmSync(bepPath, { force: true });
  }
  await exit;
  if (exitCode !== 0 && screen.isTTY) ws.log(bazelErrors(output));
  if (exitCode === LOST_INPUTS_EXIT) ws.log(`databazel: ${LOST_INPUTS_HELP}`);
  return exitCode ?? 1;
}
