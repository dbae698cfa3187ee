// Runs the user's executable, keeps all of its output in a log file and the last lines in
// memory, and turns a failure into a message that says what broke and how to reproduce it.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { shellCommand } from "./quote.ts";

const TAIL_LINES = 25;

/** After SIGTERM, how long a script that overran its timeout has before SIGKILL. */
export const KILL_GRACE_MS = 3_000;

/** Signals that reach the shim from outside (Bazel, Ctrl-C): passed on to the script, then the shim fails. */
const FORWARDED: NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];

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
  let timedOut = false;
  let interrupted: NodeJS.Signals | null = null;
  const timers: NodeJS.Timeout[] = [];
  const handlers = new Map<NodeJS.Signals, () => void>();
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    // Its own process group, so that stopping it stops whatever it started too.
    const child = spawn(resolve(executable), args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const stop = (): void => {
      killGroup("SIGTERM");
      timers.push(setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS));
    };
    if (timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          stop();
        }, timeoutMs),
      );
    }
    for (const signal of FORWARDED) {
      const handler = (): void => {
        interrupted ??= signal;
        stop();
      };
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => {
      keep(Buffer.from(`databazel: could not start ${executable}: ${err.message}\n`));
      done({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => {
      // Whatever the script left running in its group goes with it.
      killGroup("SIGKILL");
      done({ code, signal });
    });
  });
  for (const timer of timers) clearTimeout(timer);
  for (const [signal, handler] of handlers) process.off(signal, handler);
  if (partial) tail = [...tail, partial].slice(-TAIL_LINES);
  await new Promise<void>((done) => log.end(done));
  return {
    exitCode: result.code,
    signal: result.signal,
    durationMs: Math.round(performance.now() - started),
    tail,
    timedOut,
    interrupted,
  };
}

/** The message for a failed run: the cause, the script's last lines, and the command to rerun. */
export function failureMessage(options: {
  label: string;
  what: string;
  cause: string;
  fix?: string;
  tail: readonly string[];
  command: readonly string[];
}): string {
  const lines = [`databazel: ${options.label}: ${options.what} ${options.cause}`];
  if (options.fix) lines.push(`Fix: ${options.fix}`);
  if (options.tail.length > 0) {
    lines.push(`Last ${options.tail.length} lines of its output:`);
    lines.push(...options.tail.map((line) => `  | ${line}`));
  } else {
    lines.push("It printed nothing.");
  }
  lines.push("Reproduce it with:");
  lines.push(`  cd "$(bazel info execution_root)" && ${shellCommand(options.command)}`);
  return lines.join("\n");
}
