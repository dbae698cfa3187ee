// What every tool runs: the same grid, the same trivial Python train and eval scripts (databazel's
// flag contract, docs/contract.md; in tools/bench/fixtures/peers/scripts), the same data, and
// the same per-trial output layout.
import { copyFixtures, fillIn } from "../fixtures.ts";
import { gridShape } from "../workspace.ts";

export interface Grid {
  /** The key with fewer values: the one the "one value changed" phase edits. */
  a: string[];
  b: string[];
}

export type Trial = readonly [a: string, b: string];

const range = (k: number): string[] => Array.from({ length: k }, (_, i) => String(i));

/** The N-trial grid, and the same grid with one value of its smaller key changed. */
export function grids(n: number): { original: Grid; changed: Grid; changedValue: string } {
  const [ka, kb] = gridShape(n);
  const original = { a: range(ka), b: range(kb) };
  // A value the grid does not have yet, so exactly the kb = N / ka trials that use it must run.
  const changedValue = String(ka);
  return { original, changed: { a: [changedValue, ...original.a.slice(1)], b: original.b }, changedValue };
}

export const trials = (grid: Grid): Trial[] => grid.a.flatMap((a) => grid.b.map((b): Trial => [a, b]));

/** Where a trial's files go, for the tools that lay the outputs out themselves. */
export const trialDir = ([a, b]: Trial) => `out/a${a}_b${b}`;

/**
 * Copies the data and the scripts every tool runs (tools/bench/fixtures/peers/scripts): train.py
 * and eval.py; with `python`, for the tools that run them through a shell, train.sh and eval.sh
 * running that Python.
 */
export function copyScripts(dir: string, python?: string): void {
  const scripts = python === undefined ? ["train.py", "eval.py"] : undefined;
  copyFixtures(dir, [
    { dir: "common", files: ["train.csv", "test.csv"] },
    { dir: "peers/scripts", ...(scripts ? { files: scripts } : {}) },
  ]);
  if (python !== undefined) for (const script of ["train.sh", "eval.sh"]) fillIn(dir, script, "exec PYTHON ", `exec ${python} `);
}
