// Stopping the user's script: it runs in its own process group, so that stopping it stops
// whatever it started too. A timeout sends the group SIGTERM, then SIGKILL after a grace
// period; so does a SIGTERM, SIGINT or SIGHUP to the shim itself (Bazel stopping the action,
// Ctrl-C), which is passed on to the script.
import type { ChildProcess } from "node:child_process";

/** After SIGTERM, how long a script that is being stopped has before SIGKILL. */
export const KILL_GRACE_MS = 3_000;

/** Signals that reach the shim from outside: passed on to the script, then the shim fails. */
const FORWARDED: NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];

export interface Guard {
  /** Set when the script overran its timeout and was stopped. */
  readonly timedOut: boolean;
  /** Set when the shim itself got this signal while the script ran. */
  readonly interrupted: NodeJS.Signals | null;
  /** Signals the script's whole process group; a group already gone is fine. */
  killGroup(signal: NodeJS.Signals): void;
  /** Cancels the timers and the signal handlers, once the script has ended. */
  release(): void;
}

/** Watches a child spawned with `detached: true` (its own process group). */
export function guard(child: ChildProcess, timeoutMs: number | undefined): Guard {
  const timers: NodeJS.Timeout[] = [];
  const handlers = new Map<NodeJS.Signals, () => void>();
  const state: { timedOut: boolean; interrupted: NodeJS.Signals | null } = { timedOut: false, interrupted: null };
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
        state.timedOut = true;
        stop();
      }, timeoutMs),
    );
  }
  for (const signal of FORWARDED) {
    const handler = (): void => {
      state.interrupted ??= signal;
      stop();
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  return {
    get timedOut() {
      return state.timedOut;
    },
    get interrupted() {
      return state.interrupted;
    },
    killGroup,
    release() {
      for (const timer of timers) clearTimeout(timer);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
