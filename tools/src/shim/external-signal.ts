// Trial outcomes: what a train or eval run that the shim may record (with max_failed_trials)
// ended as. The rule: whatever the script did to itself is an outcome (a non-zero exit, a
// crash by a signal it raised, such as SIGSEGV or SIGABRT, overrunning its timeout, a NaN
// metric); a signal from outside is not (SIGKILL from the OOM killer, SIGTERM from a preempted
// worker, SIGINT from Ctrl-C, or any signal the shim itself got): the action fails, so Bazel
// retries it or stops, and nothing about the run is cached.
import type { ScriptRun } from "./run-script.ts";

/** Signals another process sends to stop a run; a script ending by one was stopped, it did not fail. */
const EXTERNAL_SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * The external signal that ended the run, or undefined. A shell reports a child killed by
 * signal N as exit status 128 + N (137 for SIGKILL), so those exit codes count as the signal.
 */
export function externalSignal(run: ScriptRun): string | undefined {
  if (run.timedOut) return undefined;
  if (run.interrupted) return run.interrupted;
  if (run.signal && run.signal in EXTERNAL_SIGNALS) return run.signal;
  const byStatus = Object.entries(EXTERNAL_SIGNALS).find(([, n]) => run.exitCode === 128 + n);
  return byStatus ? `${byStatus[0]} (exit status ${run.exitCode})` : undefined;
}
