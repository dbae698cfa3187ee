// What the train and eval shims share: their own flags, running the user's executable, turning
// a non-zero exit or a broken contract into one clear failure, and the run record's common fields
// (its shape: tools/src/formats/run-record.ts).
import { SHIM_FLAGS } from "../formats/action-flags.ts";
import { RUN_RECORD_FORMAT } from "../formats/run-record.ts";
import { one, optional, type Flags } from "../lib/flags.ts";
import { ContractError } from "../lib/main.ts";
import { unrunnableProblem } from "./executable.ts";
import { failureMessage, runScript, type ScriptRun } from "./run-script.ts";

export interface ShimFlags {
  label: string;
  trial: string | undefined;
  executable: string;
  recordPath: string;
  logPath: string;
}

export function shimFlags(flags: Flags): ShimFlags {
  return {
    label: one(flags, SHIM_FLAGS.label),
    trial: optional(flags, SHIM_FLAGS.trial),
    executable: one(flags, SHIM_FLAGS.executable),
    recordPath: one(flags, SHIM_FLAGS.record),
    logPath: one(flags, SHIM_FLAGS.log),
  };
}

export interface Problem {
  cause: string;
  fix: string;
}

/**
 * Runs the executable; on a non-zero exit, or when `check` finds the contract broken, removes
 * the outputs with `discard` and fails with the script's last lines and a command to rerun.
 */
export async function runUnderContract(options: {
  shim: ShimFlags;
  what: string;
  command: string[];
  env: Record<string, string>;
  discard: () => void;
  check: () => Problem | undefined;
}): Promise<ScriptRun> {
  const { shim } = options;
  const label = shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label;
  // Checked before running, so that it is not reported as the script's own failure.
  const unrunnable = unrunnableProblem(shim.executable, options.what);
  if (unrunnable) throw new ContractError(`databazel: ${label}: ${options.what} ${unrunnable.cause}\nFix: ${unrunnable.fix}`);
  const run = await runScript(options.command, options.env, shim.logPath);
  const problem: Problem | { cause: string } | undefined =
    run.exitCode !== 0
      ? { cause: run.signal ? `was killed by ${run.signal}.` : `failed with exit code ${run.exitCode}.` }
      : options.check();
  if (problem) {
    options.discard();
    throw new ContractError(
      failureMessage({
        label,
        what: options.what,
        cause: problem.cause,
        tail: run.tail,
        command: options.command,
        ...("fix" in problem ? { fix: problem.fix } : {}),
      }),
    );
  }
  return run;
}

/** The fields every run record has (tools/src/formats/run-record.ts); each shim adds its own. */
export function runRecordBase(shim: ShimFlags, command: string[], run: ScriptRun) {
  return {
    format: RUN_RECORD_FORMAT,
    label: shim.label,
    trial: shim.trial ?? null,
    command,
    exit_code: run.exitCode,
    duration_ms: run.durationMs,
  } as const;
}
