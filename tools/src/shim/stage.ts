// A private directory for the user's script when Bazel did not sandbox the action: with Bazel's
// default flags (no --worker_sandboxing) a persistent worker serves every request in the real
// execution root, where the script could read any file of the workspace, and a file it read but
// did not declare would be a silent dependency: a change to it would not rebuild the model, and
// a cache would hand the stale one to everyone. So the shim does what Bazel's processwrapper
// sandbox does: symlinks to exactly the inputs the WorkRequest lists (plus the executable's
// runfiles tree, which the request leaves out; less the shim's own program), empty places for
// the outputs, the script run there, then its outputs moved into the execution root and the
// stage deleted.
//
// Stages live in <output_base>/databazel-stage/<pid>-<random>/<workspace name>; one left by a
// worker that was killed is deleted by the next stage opened in that output base.
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { isPrivateExecRoot, outputBaseOf } from "./exec-root.ts";

/** The directory, below the output base, that holds the stages. */
export const STAGE_DIR = "databazel-stage";

/** The files Bazel keeps beside an executable for its runfiles, the tree first. */
const RUNFILES_SUFFIXES = [".runfiles", ".runfiles_manifest", ".repo_mapping"];

export interface StagePlan {
  /** The execution root the shim runs in. */
  execRoot: string;
  /** Every input the WorkRequest lists, by exec path (tree artifacts file by file). */
  inputs: readonly string[];
  /** The user's executable: its runfiles are staged whole. */
  executable: string;
  /** Declared inputs that may be directories: staged whole, one symlink instead of one per file. */
  directories: readonly string[];
  /** Files the script writes: the stage has their parent directories. */
  outputFiles: readonly string[];
  /** Directories the script writes into: the stage has them, empty. */
  outputDirs: readonly string[];
}

/**
 * Whether a request needs a stage: it came to a persistent worker (which lists its inputs) that
 * does not run in a sandbox of Bazel's. A plain spawn is Bazel's to sandbox, or the user asked
 * for none (--spawn_strategy=local).
 */
export function needsStage(inputs: readonly string[] | undefined, cwd: string = process.cwd()): inputs is readonly string[] {
  return inputs !== undefined && !isPrivateExecRoot(cwd);
}

/** What a shim knows of its stage: what to stage whole, and where the script writes. */
export type StagePlaces = Pick<StagePlan, "directories" | "outputFiles" | "outputDirs">;

/**
 * The stage for a request that needs one (a worker Bazel did not sandbox: needsStage), in the
 * execution root the shim runs in; undefined for any other.
 */
export function stageFor(inputs: readonly string[] | undefined, executable: string, places: StagePlaces): Stage | undefined {
  return needsStage(inputs) ? new Stage({ execRoot: process.cwd(), inputs, executable, ...places }) : undefined;
}

/**
 * The shim's own program, Node and the bundle Bazel started the worker with: inputs of the action
 * (its tools), not of the script, and about a third of a stage's directories. Left out.
 */
function shimProgram(execRoot: string): Set<string> {
  const [, bundle = ""] = process.argv;
  return new Set([process.argv0, bundle].map((path) => (isAbsolute(path) ? relative(execRoot, path) : path)));
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process that made a stage (named "<pid>-...") is gone. */
function ownerGone(name: string): boolean {
  const pid = Number(/^(\d+)-/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Deletes the stages whose worker died before it could (a killed worker, a crashed server). */
function sweep(root: string): void {
  for (const name of readdirSync(root)) {
    try {
      if (ownerGone(name)) rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // Another worker is sweeping it too; what is left, the next sweep takes.
    }
  }
}

export class Stage {
  readonly #plan: StagePlan;
  #top: string | undefined;

  constructor(plan: StagePlan) {
    this.#plan = plan;
  }

  /** The directory the script runs in, a mirror of the execution root's layout; once open. */
  get dir(): string {
    if (this.#top === undefined) throw new Error("the stage is not open");
    return join(this.#top, basename(this.#plan.execRoot));
  }

  /** Makes the stage: the inputs as symlinks into the execution root, the outputs' places. */
  open(): void {
    const root = join(outputBaseOf(this.#plan.execRoot) ?? dirname(this.#plan.execRoot), STAGE_DIR);
    mkdirSync(root, { recursive: true });
    sweep(root);
    this.#top = mkdtempSync(join(root, `${process.pid}-`));
    try {
      this.#fill();
    } catch (err) {
      this.remove();
      throw err;
    }
  }

  #fill(): void {
    const { execRoot, inputs, executable, directories, outputFiles, outputDirs } = this.#plan;
    const made = new Set<string>();
    const mkdir = (rel: string): void => {
      if (rel === "." || made.has(rel)) return;
      mkdirSync(join(this.dir, rel), { recursive: true });
      made.add(rel);
    };
    const link = (rel: string): void => {
      mkdir(dirname(rel));
      try {
        symlinkSync(join(execRoot, rel), join(this.dir, rel));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
    };
    mkdirSync(this.dir, { recursive: true });
    const whole = [...directories, ...RUNFILES_SUFFIXES.map((suffix) => executable + suffix)].filter((rel) =>
      exists(join(execRoot, rel)),
    );
    for (const rel of whole) link(rel);
    const inWhole = (rel: string): boolean => whole.some((w) => rel === w || rel.startsWith(w + "/"));
    const program = shimProgram(execRoot);
    for (const rel of inputs) if (!inWhole(rel) && !program.has(rel)) link(rel);
    for (const rel of outputFiles) mkdir(dirname(rel));
    for (const rel of outputDirs) mkdir(rel);
  }

  /** Where the script's `rel` is: in the stage while it is open, in the execution root after. */
  where(rel: string): string {
    return this.#top === undefined ? rel : join(this.dir, rel);
  }

  /** Moves what the script wrote at the outputs' places into the execution root. */
  collect(): void {
    const { execRoot, outputFiles, outputDirs } = this.#plan;
    for (const rel of [...outputFiles, ...outputDirs]) {
      const from = join(this.dir, rel);
      if (!exists(from)) continue;
      const to = join(execRoot, rel);
      rmSync(to, { recursive: true, force: true });
      mkdirSync(dirname(to), { recursive: true });
      try {
        renameSync(from, to);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
        cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      }
    }
  }

  /** Deletes the stage (symlinks only, never what they point to). */
  remove(): void {
    if (this.#top !== undefined) rmSync(this.#top, { recursive: true, force: true });
    this.#top = undefined;
  }
}
