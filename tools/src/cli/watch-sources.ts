// `databazel watch`, its inputs: where Bazel keeps things (the output base, found without asking
// Bazel, which answers nothing while it builds), whether a Bazel command is running, the shims'
// progress files, and bazel-bin's run records and learning curves.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { leaderboardManifest } from "../formats/leaderboard-manifest.ts";
import { FILE_SUFFIXES } from "../formats/files.ts";
import { parseProgress, PROGRESS_DIR, SANDBOX_PROGRESS_DIR, WATCH_DIR, WATCHING, type Progress } from "../formats/progress.ts";
import { OUTCOMES, type Outcome } from "../formats/run-record.ts";
import { trainRecordOf, type Plan } from "./watch-model.ts";

const WORKSPACE_MARKERS = ["MODULE.bazel", "REPO.bazel", "WORKSPACE", "WORKSPACE.bazel"];

/** The workspace `cwd` is in (the nearest directory above with a MODULE.bazel, ...), or undefined. */
export function workspaceRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (WORKSPACE_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The execution root, from the workspace's bazel-out symlink (<output_base>/execroot/<ws>/bazel-out),
 * without asking Bazel; undefined before the first build, or with --symlink_prefix.
 */
export function executionRootFromSymlink(workspace: string): string | undefined {
  try {
    const out = realpathSync(join(workspace, "bazel-out"));
    const execRoot = dirname(out);
    return basename(dirname(execRoot)) === "execroot" ? execRoot : undefined;
  } catch {
    return undefined;
  }
}

export const outputBaseOfExecRoot = (execRoot: string): string => dirname(dirname(execRoot));

/**
 * The Bazel command that holds (or last held) the output base: the client's lock file says which.
 * The client writes its pid there when it takes the lock, and keeps running until the command
 * ends, so a live pid is a running command; the file stays when it ends.
 */
export interface BazelCommand {
  pid: number;
  /** Whether that client is still running: a command is in progress. */
  running: boolean;
  /** When it took the lock: the command's start. */
  startedMs: number;
  /** Its command line (from /proc while it runs), and the command in it (build, cquery, ...). */
  args: string[];
  command: string | null;
  cwd: string | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The parent of a process, from /proc (Linux); undefined where there is none to read. */
function parentOf(pid: number): number | undefined {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

// Read once: the processes above this one stay the same while a watch polls the lock file.
let own: Set<number> | undefined;

/**
 * This process and those above it (its launcher, the shell, ...). `bazel run` hands the
 * client's own process to the program it runs (exec), after the client wrote its pid into the
 * lock file: under `bazel run @databazel//:databazel` that pid is this CLI's (or its
 * launcher's, when that did not exec), and it means a command that is over, not a busy Bazel.
 */
export function ownProcesses(): ReadonlySet<number> {
  if (own) return own;
  own = new Set([process.pid, process.ppid]);
  for (let pid = parentOf(process.ppid); pid !== undefined && !own.has(pid); pid = parentOf(pid)) own.add(pid);
  return own;
}

/** The command in a Bazel client's command line: the first word after its startup options. */
export function commandOf(args: readonly string[]): string | null {
  return args.slice(1).find((a) => !a.startsWith("-")) ?? null;
}

/** Builds run actions; other commands (cquery, info, ...) do not. */
export const BUILDING_COMMANDS = new Set(["build", "test", "run", "coverage", "mobile-install", "print_action"]);

export function bazelCommand(outputBase: string): BazelCommand | undefined {
  const lock = join(outputBase, "lock");
  let text: string;
  let startedMs: number;
  try {
    text = readFileSync(lock, "utf8");
    startedMs = statSync(lock).mtimeMs;
  } catch {
    return undefined;
  }
  const field = (name: string): string | null => new RegExp(`^${name}=(.*)$`, "m").exec(text)?.[1] ?? null;
  const pid = Number(field("pid"));
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  // A live client that is this process or above it is the `bazel run` that started it.
  const running = alive(pid) && !ownProcesses().has(pid);
  let args: string[] = [];
  if (running) {
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      // not Linux, or gone: the command is unknown
    }
  }
  return { pid, running, startedMs, args, command: commandOf(args), cwd: field("cwd") };
}

/**
 * Whether the last command was a build that ended (its output, which the server keeps in
 * <output_base>/command.log, ends with Bazel's verdict): a build too quick for the watch to see
 * running (everything cached) still ends the watch.
 */
export function lastCommandBuilt(outputBase: string): boolean {
  try {
    const path = join(outputBase, "command.log");
    const size = statSync(path).size;
    const fd = openSync(path, "r");
    try {
      const tail = Buffer.alloc(Math.min(size, 64 * 1024));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      return /Build completed successfully|Build did NOT complete successfully/.test(tail.toString("utf8"));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether the Bazel server of this output base is up (it writes its pid when it starts). */
export function serverRunning(outputBase: string): boolean {
  try {
    const pid = Number(readFileSync(join(outputBase, "server", "server.pid.txt"), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid);
  } catch {
    return false;
  }
}

export const progressDir = (outputBase: string): string => join(outputBase, WATCH_DIR, PROGRESS_DIR);

/** Tells the shims a watch is looking (they write progress while this is recent): call it every second. */
export function markWatching(outputBase: string): void {
  try {
    writeFileSync(join(progressDir(outputBase), WATCHING), `${process.pid}\n`);
  } catch {
    // the next call tries again
  }
}

/** Creates the directory the shims write progress to, and marks it watched; removes files a week old. */
export function openProgressDir(outputBase: string, now = Date.now()): void {
  const dir = progressDir(outputBase);
  mkdirSync(dir, { recursive: true });
  markWatching(outputBase);
  for (const name of readdirSync(dir)) {
    try {
      if (now - statSync(join(dir, name)).mtimeMs > 7 * 24 * 3600_000) rmSync(join(dir, name), { force: true });
    } catch {
      // gone already
    }
  }
}

const list = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * The progress files: in the output base, and in the sandboxes and sandboxed workers whose
 * actions could not write there.
 */
export function readProgress(outputBase: string): Progress[] {
  const dirs = [progressDir(outputBase)];
  for (const strategy of list(join(outputBase, "sandbox"))) {
    for (const n of list(join(outputBase, "sandbox", strategy))) {
      for (const ws of list(join(outputBase, "sandbox", strategy, n, "execroot"))) {
        dirs.push(join(outputBase, "sandbox", strategy, n, "execroot", ws, SANDBOX_PROGRESS_DIR));
      }
    }
  }
  for (const worker of list(join(outputBase, "bazel-workers"))) {
    for (const ws of list(join(outputBase, "bazel-workers", worker))) dirs.push(join(outputBase, "bazel-workers", worker, ws, SANDBOX_PROGRESS_DIR));
  }
  const out: Progress[] = [];
  for (const dir of dirs) {
    for (const name of list(dir)) {
      if (!name.endsWith(".json")) continue;
      try {
        const p = parseProgress(readFileSync(join(dir, name), "utf8"));
        if (p) out.push(p);
      } catch {
        // removed meanwhile
      }
    }
  }
  return out;
}

/** Reads files again only when they changed. */
export class FileCache<T> {
  #cache = new Map<string, { key: string; value: T | undefined }>();

  constructor(readonly parse: (text: string) => T | undefined) {}

  get(path: string): { value: T; mtimeMs: number } | undefined {
    let key: string;
    let mtimeMs: number;
    try {
      const stat = statSync(path);
      mtimeMs = stat.mtimeMs;
      key = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      this.#cache.delete(path);
      return undefined;
    }
    let hit = this.#cache.get(path);
    if (hit?.key !== key) {
      let value: T | undefined;
      try {
        value = this.parse(readFileSync(path, "utf8"));
      } catch {
        value = undefined;
      }
      hit = { key, value };
      this.#cache.set(path, hit);
    }
    return hit.value === undefined ? undefined : { value: hit.value, mtimeMs };
  }
}

export function parseOutcome(text: string): Outcome | undefined {
  const value = (JSON.parse(text) as { outcome?: unknown }).outcome;
  return (OUTCOMES as readonly unknown[]).includes(value) ? (value as Outcome) : undefined;
}

/** `//pkg:name`, `//pkg`, `:name`, `name` or `sub/pkg:name` as //pkg:name, relative to `cwd` in `workspace`. */
export function absoluteLabel(label: string, cwd: string, workspace: string): string {
  const main = label.replace(/^@@?\/\//, "//");
  const split = (pkgAndName: string): [string, string] => {
    const colon = pkgAndName.indexOf(":");
    if (colon >= 0) return [pkgAndName.slice(0, colon), pkgAndName.slice(colon + 1)];
    return [pkgAndName, pkgAndName.split("/").at(-1)!];
  };
  if (main.startsWith("//")) {
    const [pkg, name] = split(main.slice(2));
    return `//${pkg}:${name}`;
  }
  const here = relative(workspace, resolve(cwd)).split("\\").join("/");
  if (main.startsWith(":")) return `//${here}:${main.slice(1)}`;
  if (!main.includes(":")) return `//${here}:${main}`;
  const [sub, name] = split(main);
  return `//${[here, sub].filter(Boolean).join("/")}:${name}`;
}

/**
 * A search's plan from its manifest in bazel-bin (written early in a build, or left by the last
 * one), for when Bazel is busy and cannot be asked; undefined when there is none.
 */
export function planFromManifest(workspace: string, label: string): Plan | undefined {
  const [pkg, name] = label.slice(2).split(":") as [string, string];
  const path = join(workspace, "bazel-bin", pkg, `${name}${FILE_SUFFIXES.leaderboard_manifest}`);
  try {
    const manifest = leaderboardManifest.check(JSON.parse(readFileSync(path, "utf8")), "");
    return {
      label,
      kind: "search",
      metric: manifest.metric,
      goal: manifest.goal,
      trials: manifest.trials.map((t) => {
        const end = /\/epoch_(\d+)\.ckpt$/.exec(t.model);
        const epochs = end ? Number(end[1]) : Number(t.hyperparams.epochs);
        return { name: t.name, model: t.model, record: t.record, curve: null, metrics: t.metrics, trainRecord: trainRecordOf(t.model), epochs: Number.isInteger(epochs) && epochs > 0 ? epochs : null };
      }),
    };
  } catch {
    return undefined;
  }
}

/** An exec-root relative path as an absolute one. */
export function inExecRoot(execRoot: string, path: string): string {
  return isAbsolute(path) ? path : join(execRoot, path);
}
