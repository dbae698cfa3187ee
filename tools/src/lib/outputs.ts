// Removes what a failed run may have written, so no partial or corrupt output survives it; and
// copies an input to an output as bytes.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** Deletes a file output, or empties a directory output (Bazel created the directory). */
export function discard(path: string, isDirectory = false): void {
  if (!isDirectory) {
    rmSync(path, { force: true, recursive: true });
    return;
  }
  mkdirSync(path, { recursive: true });
  for (const entry of readdirSync(path)) rmSync(join(path, entry), { force: true, recursive: true });
}

/**
 * Copies a file or a directory tree as bytes, following symlinks: a sandbox stages inputs as
 * symlinks into the execution root, and an output must not point there (nor anywhere).
 */
export function copyResolved(from: string, to: string): void {
  if (!statSync(from).isDirectory()) {
    copyFileSync(from, to);
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from).sort()) copyResolved(join(from, entry), join(to, entry));
}
