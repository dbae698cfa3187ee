// Live progress of a DatabazelTrain action, for `databazel watch` (tools/src/cli/watch.ts). The
// train shim writes it while the user's script runs (tools/src/shim/progress.ts); it is neither
// an input nor an output of any action, so it changes no action key and no cache entry.
//
// Where: <output_base>/databazel-watch/progress/<id>.json, one file per action (its id hashes the
// target's label and the model's path), written only while a watch is looking: a watch touches
// progress/.watching every second, and without a recent one the shim writes nothing. An action
// that cannot write there (a linux-sandbox makes the output base read-only) writes the same file
// inside its own sandbox, <sandbox>/execroot/<ws>/.databazel-watch/<id>.json, where the watch
// looks too.
import { OUTCOMES } from "./run-record.ts";
import { literal, nullable, number, object, recordOf, string, type ShapeOf } from "./shape.ts";

export const PROGRESS_FORMAT = 1;

/** Under the output base: the watch's directory, and in it the shims' progress files. */
export const WATCH_DIR = "databazel-watch";
export const PROGRESS_DIR = "progress";
/** Inside a sandbox's execution root, when the output base is not writable. */
export const SANDBOX_PROGRESS_DIR = ".databazel-watch";

/** How often a running action rewrites its file; a file older than a few of these is not live. */
export const HEARTBEAT_MS = 1000;

/** In PROGRESS_DIR: touched by each watch every HEARTBEAT_MS; the shims write while it is recent. */
export const WATCHING = ".watching";
export const WATCHING_TTL_MS = 10 * HEARTBEAT_MS;

export const progressState = literal("running", ...OUTCOMES);

export const progress = object({
  format: number,
  /** The target, as the shim's --shim_label gives it ("//pkg:name"). */
  label: string,
  /** The shim's --shim_trial: the trial, "<chain> epochs 2-4" for a segment; null for a model. */
  trial: nullable(string),
  /** The model this action writes, exec-root relative (possibly path-mapped: bazel-out/cfg/...). */
  model: string,
  /** The segment's epochs (--start_epoch, --end_epoch), or null when the run is not a segment. */
  start_epoch: nullable(number),
  end_epoch: nullable(number),
  /** Epochs done: the start epoch plus the points of the curve.json the script has written so far. */
  epoch: number,
  /** The last point of that curve.json, or null before the first. */
  latest: nullable(recordOf(number)),
  /** "running" while the script runs, then the run's outcome. */
  state: progressState,
  started_ms: number,
  /** When the file was last written: every HEARTBEAT_MS while running. */
  updated_ms: number,
});
export type Progress = ShapeOf<typeof progress>;
export type ProgressState = Progress["state"];

/** A progress file's contents, or undefined when it is not one (half-written, another version). */
export function parseProgress(text: string): Progress | undefined {
  try {
    const value = progress.check(JSON.parse(text), "");
    return value.format === PROGRESS_FORMAT ? value : undefined;
  } catch {
    return undefined;
  }
}
