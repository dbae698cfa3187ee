// The train shim's live progress for `databazel watch`: while the script runs, the epoch it has
// reached (from the curve.json it writes in --output_dir) and its latest metrics, in a small file
// the watch reads (its shape and place: tools/src/formats/progress.ts).
//
// Why this way: a running action's outputs are invisible until it ends (a sandbox moves them out
// afterwards; a worker may run anywhere), and anything that reached the action through its inputs
// or environment would be part of its key. So nothing here comes from Bazel: the shim finds the
// output base from its own working directory (an action runs in <output_base>/execroot/<ws>, a
// sandbox <output_base>/sandbox/<strategy>/<n>/execroot/<ws>, a sandboxed worker in
// <output_base>/bazel-workers/worker-<n>-<mnemonic>/<ws>), and writes only while a watch keeps
// touching its marker there. Without a watch, or on remote execution (no output base above the
// working directory), each action pays one stat a second. No failure here ever fails the action:
// a write that does not work is tried once in the sandbox (linux-sandbox makes the output base
// read-only), then given up.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  HEARTBEAT_MS,
  PROGRESS_DIR,
  PROGRESS_FORMAT,
  SANDBOX_PROGRESS_DIR,
  WATCH_DIR,
  WATCHING,
  WATCHING_TTL_MS,
  type Progress,
  type ProgressState,
} from "../formats/progress.ts";
import { curveNumbers } from "../lib/curve.ts";
import { isPrivateExecRoot as isPrivate, outputBaseOf } from "./exec-root.ts";

export interface ProgressOptions {
  label: string;
  trial: string | null;
  /** The model's exec-root relative path: with the label, what identifies the action. */
  model: string;
  /** The curve.json the script writes in --output_dir; a function when it moves (tools/src/shim/stage.ts). */
  curve: string | (() => string);
  startEpoch: number | null;
  endEpoch: number | null;
  cwd?: string;
  now?: () => number;
}

export interface LiveProgress {
  /** Writes the final state and stops. */
  finish(state: Exclude<ProgressState, "running">): void;
}

const NOTHING: LiveProgress = { finish: () => undefined };

/** The curve the script is writing, its numbers only; undefined when unreadable. */
function readCurve(path: string): Record<string, number>[] | undefined {
  try {
    return curveNumbers(readFileSync(path, "utf8"));
  } catch {
    return undefined; // not written yet, or half-written: the next tick reads it again
  }
}

/** Starts writing the action's progress, once a second, while a watch is looking. */
export function startProgress(options: ProgressOptions): LiveProgress {
  try {
    return start(options);
  } catch {
    return NOTHING;
  }
}

function start(options: ProgressOptions): LiveProgress {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? Date.now;
  const outputBase = outputBaseOf(cwd);
  if (!outputBase) return NOTHING;
  const watchDir = join(outputBase, WATCH_DIR, PROGRESS_DIR);
  const id = createHash("sha256").update(`${options.label}\0${options.model}`).digest("hex").slice(0, 24);
  const places = [join(watchDir, `${id}.json`), ...(isPrivate(cwd) ? [join(cwd, SANDBOX_PROGRESS_DIR, `${id}.json`)] : [])];
  let place = 0;
  const started = now();
  let curveSeen = "";
  let epoch = options.startEpoch ?? 0;
  let latest: Record<string, number> | null = null;

  const readProgress = (): void => {
    let seen = "";
    const path = typeof options.curve === "string" ? options.curve : options.curve();
    try {
      const stat = statSync(path);
      seen = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return;
    }
    if (seen === curveSeen) return;
    const curve = readCurve(path);
    if (!curve) return;
    curveSeen = seen;
    epoch = (options.startEpoch ?? 0) + curve.length;
    latest = curve.at(-1) ?? null;
  };

  const write = (state: ProgressState): void => {
    const value: Progress = {
      format: PROGRESS_FORMAT,
      label: options.label,
      trial: options.trial,
      model: options.model,
      start_epoch: options.startEpoch,
      end_epoch: options.endEpoch,
      epoch,
      latest,
      state,
      started_ms: started,
      updated_ms: now(),
    };
    while (place < places.length) {
      const path = places[place]!;
      try {
        if (place > 0) mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify(value) + "\n");
        renameSync(`${path}.tmp`, path);
        return;
      } catch {
        place++;
      }
    }
  };

  const watched = (): boolean => {
    try {
      return now() - statSync(join(watchDir, WATCHING)).mtimeMs < WATCHING_TTL_MS;
    } catch {
      return false;
    }
  };

  const tick = (state: ProgressState): void => {
    try {
      if (!watched()) return;
      readProgress();
      write(state);
    } catch {
      // never the action's problem
    }
  };

  tick("running");
  const timer = setInterval(() => tick("running"), HEARTBEAT_MS);
  timer.unref();
  return {
    finish(state) {
      clearInterval(timer);
      tick(state);
      // A sandboxed worker's directory outlives the action: leave nothing in it.
      if (place > 0 && place < places.length) rmSync(places[place]!, { force: true });
    },
  };
}
