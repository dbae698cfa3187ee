// What the train and eval shims share: their own flags, running the user's executable, turning
// a non-zero exit or a broken contract into one clear failure, and writing the run record.
import { writeFileSync } from "node:fs";
import { one, optional, type Flags } from "../lib/flags.ts";
import { stableJson } from "../lib/json.ts";
import { ContractError } from "../lib/main.ts";
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
    label: one(flags, "--shim_label"),
    trial: optional(flags, "--shim_trial"),
    executable: one(flags, "--shim_executable"),
    recordPath: one(flags, "--shim_record"),
    logPath: one(flags, "--shim_log"),
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
  const run = await runScript(options.command, options.env, shim.logPath);
  const problem: Problem | { cause: string } | undefined =
    run.exitCode !== 0
      ? { cause: run.signal ? `was killed by ${run.signal}.` : `failed with exit code ${run.exitCode}.` }
      : options.check();
  if (problem) {
    options.discard();
    throw new ContractError(
      failureMessage({
        label: shim.trial ? `${shim.label} (trial ${shim.trial})` : shim.label,
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

/** Writes the machine-readable record of a successful run. */
export function writeRunRecord(
  shim: ShimFlags,
  kind: "train" | "eval",
  command: string[],
  run: ScriptRun,
  details: Record<string, unknown>,
): void {
  writeFileSync(
    shim.recordPath,
    stableJson({
      databazel_run_record: 1,
      kind,
      label: shim.label,
      trial: shim.trial ?? null,
      command,
      exit_code: run.exitCode,
      duration_ms: run.durationMs,
      ...details,
    }),
  );
}
