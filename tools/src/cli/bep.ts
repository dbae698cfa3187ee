// Bazel's build event protocol as `--build_event_json_file` writes it (one JSON event a line, as
// the build goes), read by `databazel watch` for what it tells without any action's help: whether
// the build executes remotely, which train actions completed (with
// --build_event_publish_all_actions), which ones Bazel's progress lines name as running, and how
// the build ended.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { BuildEvents } from "./watch-model.ts";

export function emptyEvents(): BuildEvents {
  return { remote: false, startedMs: null, trained: new Map(), running: [], status: null, exitCode: null };
}

interface Event {
  id?: Record<string, { primaryOutput?: string } | undefined>;
  started?: { startTimeMillis?: string | number };
  optionsParsed?: { cmdLine?: string[] };
  action?: { type?: string; success?: boolean };
  progress?: { stderr?: string };
  finished?: { exitCode?: { code?: number } };
}

/** The value of the last `--flag=value` (or `--flag value`) in a command line, or undefined. */
export function lastFlag(args: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  args.forEach((arg, i) => {
    if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
    else if (arg === flag && i + 1 < args.length) value = args[i + 1];
  });
  return value;
}

/** Whether a command line sets a remote executor (an empty value unsets it). */
export function remoteExecutor(args: readonly string[]): boolean {
  const value = lastFlag(args, "--remote_executor");
  return value !== undefined && value !== "";
}

/** Bazel's progress lines, e.g. "[16 / 24] Training //:s lr_3; 0s worker ... (2 actions running)". */
const PROGRESS_LINE = /^\[[\d,]+ \/ [\d,]+\] (.*)$/;
/** The action it names, when it runs (not "[Sched] Training ...", waiting for a slot). */
const TRAINING = /^Training (\S+)(?: (.+?))?;/;

/**
 * Folds in one line of Bazel's progress output. It names one running action at a time; a train
 * action it named stays in `running` (the watch takes it for running until it completes).
 */
export function applyProgressLine(events: BuildEvents, line: string): void {
  const progress = PROGRESS_LINE.exec(line.trim())?.[1];
  if (progress === undefined) return;
  events.status = progress;
  const training = TRAINING.exec(progress);
  if (!training) return;
  const named = { label: training[1]!, trial: training[2] ?? "" };
  if (!events.running.some((r) => r.label === named.label && r.trial === named.trial)) events.running.push(named);
}

/** Folds one event into what is known. */
export function applyEvent(events: BuildEvents, event: Event): void {
  if (event.started?.startTimeMillis !== undefined) events.startedMs = Number(event.started.startTimeMillis);
  if (event.optionsParsed?.cmdLine) events.remote = remoteExecutor(event.optionsParsed.cmdLine);
  const completed = event.id?.actionCompleted;
  if (completed?.primaryOutput && event.action?.type === "DatabazelTrain") {
    events.trained.set(completed.primaryOutput, event.action.success === true);
  }
  for (const line of (event.progress?.stderr ?? "").split("\n")) applyProgressLine(events, line);
  if (event.finished?.exitCode) events.exitCode = event.finished.exitCode.code ?? 0;
}

/** Reads a BEP JSON file as it grows: each read() folds in the complete lines written since the last. */
export class BepReader {
  readonly events = emptyEvents();
  #offset = 0;
  #partial = "";
  #decoder = new StringDecoder("utf8");

  constructor(readonly path: string) {}

  read(): BuildEvents {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return this.events; // not written yet
    }
    if (size < this.#offset) {
      // A new build rewrote it.
      Object.assign(this.events, emptyEvents());
      this.#offset = 0;
      this.#partial = "";
      this.#decoder = new StringDecoder("utf8");
    }
    if (size === this.#offset) return this.events;
    const buffer = Buffer.alloc(size - this.#offset);
    const fd = openSync(this.path, "r");
    try {
      readSync(fd, buffer, 0, buffer.length, this.#offset);
    } finally {
      closeSync(fd);
    }
    this.#offset = size;
    const lines = (this.#partial + this.#decoder.write(buffer)).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      try {
        applyEvent(this.events, JSON.parse(line) as Event);
      } catch {
        // not an event: skip it
      }
    }
    return this.events;
  }
}
