// Runs the user's executable, keeps all of its output in a log file and the last lines in
// memory, and turns a failure into a message that says what broke and how to reproduce it.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { guard, type Guard } from "./guard.ts";
import { shellCommand, shellQuote } from "./quote.ts";

const TAIL_LINES = 25;

export interface ScriptRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** The last lines the script printed, stdout and stderr interleaved. */
  tail: string[];
  /** Set when the script overran `timeoutMs` and was stopped. */
  timedOut: boolean;
  /** Set when the shim itself got this signal while the script ran (the action is being stopped). */
  interrupted: NodeJS.Signals | null;
}

export async function runScript(
  command: readonly string[],
  env: Record<string, string>,
  logPath: string,
  timeoutMs?: number,
  /** Where it runs (tools/src/shim/stage.ts); the shim's own working directory by default. */
  cwd: string = process.cwd(),
): Promise<ScriptRun> {
  const [executable, ...args] = command;
  if (!executable) throw new Error("empty command");
  const log = createWriteStream(logPath);
  const started = performance.now();
  let tail: string[] = [];
  let partial = "";
  const keep = (chunk: Buffer): void => {
    log.write(chunk);
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    tail = [...tail, ...lines].slice(-TAIL_LINES);
  };
  let watch: Guard | undefined;
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    const child = spawn(resolve(cwd, executable), args, {
      cwd,
      // A shell takes $PWD for its directory: it must name the stage, not the execution root.
      env: { ...process.env, ...env, ...(cwd === process.cwd() ? {} : { PWD: cwd }) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    watch = guard(child, timeoutMs);
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => {
      keep(Buffer.from(`databazel: could not start ${executable}: ${err.message}\n`));
      done({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => {
      // Whatever the script left running in its group goes with it.
      watch?.killGroup("SIGKILL");
      done({ code, signal });
    });
  });
  watch?.release();
  if (partial) tail = [...tail, partial].slice(-TAIL_LINES);
  await new Promise<void>((done) => log.end(done));
  return {
    exitCode: result.code,
    signal: result.signal,
    durationMs: Math.round(performance.now() - started),
    tail,
    timedOut: watch?.timedOut ?? false,
    interrupted: watch?.interrupted ?? null,
  };
}

/**
 * The execution root the action ran in, as the user can `cd` to it: a sandboxed action runs in
 * `<output_base>/sandbox/<strategy>/<n>/execroot/<ws>`, a sandboxed worker in
 * `<output_base>/bazel-workers/worker-<n>-<mnemonic>/<ws>`, both emptied afterwards, whose inputs
 * the real `<output_base>/execroot/<ws>` also holds. Only failure messages print it, never outputs.
 */
export function executionRoot(cwd: string): string {
  return cwd
    .replace(/\/sandbox\/[^/]+\/\d+\/execroot\/([^/]+)$/, "/execroot/$1")
    .replace(/\/bazel-workers\/worker-\d+-[^/]+\/([^/]+)$/, "/execroot/$1");
}

/** The message for a failed run: the cause, the script's last lines, and the command to rerun. */
export function failureMessage(options: {
  label: string;
  what: string;
  cause: string;
  fix?: string;
  tail: readonly string[];
  command: readonly string[];
  /** Name the execution root portably: for messages that are kept in outputs (run records). */
  portable?: boolean;
}): string {
  const lines = [`databazel: ${options.label}: ${options.what} ${options.cause}`];
  if (options.fix) lines.push(`Fix: ${options.fix}`);
  if (options.tail.length > 0) {
    lines.push(`Last ${options.tail.length} lines of its output:`);
    lines.push(...options.tail.map((line) => `  | ${line}`));
  } else {
    lines.push("It printed nothing.");
  }
  lines.push("Reproduce it with (from the execution root, which `bazel info execution_root` prints):");
  const root = options.portable ? '"$(bazel info execution_root)"' : shellQuote(executionRoot(process.cwd()));
  lines.push(`  cd ${root} && ${shellCommand(options.command)}`);
  return lines.join("\n");
}
