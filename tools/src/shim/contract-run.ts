// What the train and eval shims share: their own flags, running the user's executable, turning
// a non-zero exit, a timeout or a broken contract into one clear failure (or, with
// --shim_record_failures, into a recorded outcome; ./external-signal.ts says which), and the
// run record's common fields (its shape: tools/src/formats/run-record.ts).
import { SHIM_FLAGS } from "../formats/action-flags.ts";
import type { RunOutcome } from "../formats/outcome.ts";
import { RUN_RECORD_FORMAT } from "../formats/run-record.ts";
import { durationMs } from "../lib/duration.ts";
import { one, optional, type Flags } from "../lib/flags.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { unrunnableProblem } from "./executable.ts";
import { KILL_GRACE_MS } from "./guard.ts";
import { earlierFailure } from "./earlier-failure.ts";
import { externalSignal } from "./external-signal.ts";
import type { Problem } from "./problem.ts";
import { failureMessage, runScript, type ScriptRun } from "./run-script.ts";
import type { Stage } from "./stage.ts";

export interface ShimFlags {
  label: string;
  trial: string | undefined;
  executable: string;
  recordPath: string;
  /** Where the outcome alone goes (tools/src/formats/outcome.ts). */
  outcomePath: string;
  logPath: string;
  /** As the rule's attribute gave it ("30m"), or undefined for none. */
  timeout: string | undefined;
  /** The target's data digests file, when its rule computed one. */
  dataDigests: string | undefined;
  /** Set inside a search with max_failed_trials: a failure is recorded, and the action succeeds. */
  recordFailures: boolean;
}

/** The shim's boolean flags, for parseFlags. */
export const SHIM_BOOLEANS = [SHIM_FLAGS.record_failures];

export function shimFlags(flags: Flags): ShimFlags {
  return {
    label: one(flags, SHIM_FLAGS.label),
    trial: optional(flags, SHIM_FLAGS.trial),
    executable: one(flags, SHIM_FLAGS.executable),
    recordPath: one(flags, SHIM_FLAGS.record),
    outcomePath: one(flags, SHIM_FLAGS.outcome),
    logPath: one(flags, SHIM_FLAGS.log),
    timeout: optional(flags, SHIM_FLAGS.timeout),
    dataDigests: optional(flags, SHIM_FLAGS.data_digests),
    recordFailures: flags.has(SHIM_FLAGS.record_failures),
  };
}

export const SUCCEEDED: RunOutcome = { outcome: "succeeded", error: null, failure_message: null, log_tail: [] };

/** Lines that say a file was not found, as a shell, Python or Node print it. */
const FILE_NOT_FOUND = /No such file or directory|FileNotFoundError|ENOENT/;

function runProblem(run: ScriptRun, shim: ShimFlags, timeoutAttr: string, missingFileFix: string): Problem | undefined {
  if (run.timedOut) {
    return {
      cause: `timed out after ${shim.timeout}.`,
      fix:
        `raise ${timeoutAttr} (now "${shim.timeout}"), or make the script faster. ` +
        `It was stopped with SIGTERM, then SIGKILL after ${KILL_GRACE_MS / 1000}s.`,
      outcome: "timed_out",
    };
  }
  const external = externalSignal(run);
  if (external) {
    return {
      cause:
        `was killed by ${external}. A signal from outside (the OOM killer sends SIGKILL, a stopped ` +
        `build or a preempted worker SIGTERM or SIGINT) is not a result of the run: the action fails and nothing is cached.`,
      fix: "if it ran out of memory, give it more (or use less), then build again; otherwise just build again.",
    };
  }
  if (run.signal) return { cause: `was killed by ${run.signal}.` };
  if (run.exitCode !== 0) {
    // A file it did not declare is not there (Bazel's sandbox, or the shim's stage): say so.
    const missing = run.tail.some((line) => FILE_NOT_FOUND.test(line));
    return { cause: `failed with exit code ${run.exitCode}.`, ...(missing ? { fix: missingFileFix } : {}) };
  }
  return undefined;
}

/**
 * Runs the executable; on a non-zero exit, a timeout, or when `check` finds the contract broken,
 * removes the outputs with `discard` and fails with the script's last lines and a command to
 * rerun, unless the failure is recordable and the shim records failures: then the outcome is
 * returned for the caller to record.
 */
export async function runUnderContract(options: {
  shim: ShimFlags;
  /**
   * The outcome file of the run this one builds on (an earlier segment, the model's training),
   * when failures are recorded: if that run did not succeed, this one passes its outcome on
   * without running the script.
   */
  upstreamOutcome?: string | undefined;
  /** Whether a trial stopped by the scheduler passes on too (validation evals) or runs (the final eval). */
  passPruned?: boolean;
  /** The executable as the messages name it ("the train executable"). */
  what: string;
  /** The attribute that names the executable ("train_executable"), for the fixes. */
  executableAttr: string;
  /** The attribute that sets this run's timeout, for the fix. */
  timeoutAttr: string;
  /** The attribute of the data it reads ("training_data"), for the fix when it did not find a file. */
  dataAttr: string;
  /** Set when the script must run in a stage of its own (./stage.ts): a worker Bazel did not sandbox. */
  stage?: Stage | undefined;
  command: string[];
  env: Record<string, string>;
  discard: () => void;
  check: () => Problem | undefined;
}): Promise<{ run: Pick<ScriptRun, "exitCode" | "durationMs">; outcome: RunOutcome }> {
  const { shim } = options;
  const upstream = earlierFailure(options.upstreamOutcome, shim.logPath, options.passPruned);
  if (upstream) return { run: { exitCode: null, durationMs: 0 }, outcome: upstream };
  const label = shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label;
  // Checked before running, so that it is not reported as the script's own failure (nor as a trial's).
  const unrunnable = unrunnableProblem(shim.executable, options.executableAttr);
  if (unrunnable) throw new UserFacingError(`databazel: ${label}: ${options.what} ${unrunnable.cause}\nFix: ${unrunnable.fix}`);
  const { stage } = options;
  let run: ScriptRun;
  try {
    stage?.open();
    run = await runScript(
      options.command,
      options.env,
      shim.logPath,
      shim.timeout === undefined ? undefined : durationMs(shim.timeout),
      stage?.dir,
    );
    stage?.collect();
  } finally {
    stage?.remove();
  }
  const missingFileFix =
    `if it could not find a file, it sees only its declared inputs: add the file to ${options.dataAttr}, ` +
    `or to the data of ${options.executableAttr} (its runfiles).`;
  const problem = runProblem(run, shim, options.timeoutAttr, missingFileFix) ?? options.check();
  if (!problem) return { run, outcome: SUCCEEDED };
  options.discard();
  const messageOptions = {
    label,
    what: options.what,
    cause: problem.cause,
    tail: run.tail,
    command: options.command,
    ...(problem.fix ? { fix: problem.fix } : {}),
  };
  const message = failureMessage(messageOptions);
  if (!shim.recordFailures || externalSignal(run)) throw new UserFacingError(message);
  return {
    run,
    outcome: {
      outcome: problem.outcome ?? "failed",
      error: `${options.what} ${problem.cause}`,
      // Kept in the run record, an output: no path of this machine's in it.
      failure_message: failureMessage({ ...messageOptions, portable: true }),
      log_tail: run.tail,
    },
  };
}

/** The fields every run record has (tools/src/formats/run-record.ts); each shim adds its own. */
export function runRecordBase(shim: ShimFlags, command: string[], run: Pick<ScriptRun, "exitCode" | "durationMs">, outcome: RunOutcome) {
  return {
    format: RUN_RECORD_FORMAT,
    label: shim.label,
    trial: shim.trial ?? null,
    command,
    exit_code: run.exitCode,
    duration_ms: run.durationMs,
    ...outcome,
  } as const;
}
