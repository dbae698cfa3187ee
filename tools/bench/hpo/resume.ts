// `--resume`: a long run (7 tasks x 10 seeds x 200 trials is hours) continues where it stopped.
// The results files are rewritten after each study (hpo-bench.ts), so the studies they hold are
// finished; a resumed run keeps them, with their wall times, and runs the rest.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasStudy, type Study, type TaskInfo, type WallTime } from "./results.ts";
import { fail } from "./settings.ts";

export interface Finished<S extends Keyed = Study, I = TaskInfo> {
  studies: S[];
  walls: WallTime[];
  taskInfo: I[];
}

/** What identifies a study: every results kind's studies have it. */
type Keyed = { task: string; seed: number; method: string };

/**
 * The finished part of the run in `out`, which must be a run of `command`; nothing when there is
 * none. `parse` reads the results file of the run's kind (the tabular kind's by default).
 */
export function finishedPart<S extends Keyed = Study, I = TaskInfo>(
  out: string,
  command: string,
  parse: (text: string) => { command: string; studies: S[]; taskInfo: I[] } = (text) => JSON.parse(text) as { command: string; studies: S[]; taskInfo: I[] },
): Finished<S, I> {
  const path = join(out, "results.json");
  if (!existsSync(path)) return { studies: [], walls: [], taskInfo: [] };
  const results = parse(readFileSync(path, "utf8"));
  if (results.command !== command) {
    fail(`--resume: ${path} is a run of other settings:\n  ${results.command}\nnot\n  ${command}`, `resume it with its own settings (the first line above), or give another --out.`);
  }
  const walls = JSON.parse(readFileSync(join(out, "wall-times.json"), "utf8")) as WallTime[];
  // A study counts as finished only with its wall time: both are written together.
  const timed = (s: S) => hasStudy(walls, s.task, s.seed, s.method);
  return { studies: results.studies.filter(timed), walls, taskInfo: results.taskInfo };
}

/** Whether `finished` holds the study of `method` on `task` with `seed`. */
export const isFinished = (finished: { studies: readonly Keyed[] }, task: string, method: string, seed: number): boolean => hasStudy(finished.studies, task, seed, method);
