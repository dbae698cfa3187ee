// Removes what a failed run may have written, so no partial or corrupt output survives it.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
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
