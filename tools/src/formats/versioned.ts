// Formats that users and other tools read (run records, leaderboards) carry a top-level
// `"format": N`, so a reader meeting a file from another databazel says so instead of misreading it.
import { FormatError, Mismatch, checkFile, type Shape } from "./shape.ts";

/** The shape of the `format` field: exactly `version`. */
export function formatVersion<const V extends number>(version: V): Shape<V> {
  return {
    expected: String(version),
    check(value, at) {
      if (value !== version) throw new Mismatch(at, `is ${JSON.stringify(value)}, expected ${version}`);
      return version;
    },
  };
}

/** How to make a file again: with the label that builds it when the reader knows it. */
export function rebuildFix(label: string | undefined): string {
  return label ? `rebuild it (bazel build ${label}).` : "rebuild it with bazel build.";
}

/**
 * Fails when `value` is a `what` in another format than `version`. A file without a `format`
 * field predates versioning: format 0.
 */
function checkFormatVersion(value: unknown, file: string, what: string, version: number, fix: string): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const found = "format" in value ? (value as { format: unknown }).format : 0;
  if (typeof found !== "number" || found === version) return;
  const writer = found < version ? "an older" : "a newer";
  const advice = found < version ? fix : `update databazel to a version that reads format ${found}, or ${fix}`;
  throw new FormatError(
    `${file} is ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} in format ${found} (written by ${writer} databazel); ` +
      `this databazel reads format ${version}.\nFix: ${advice}`,
  );
}

/** Checks a parsed `what` against its shape, after checking that it is in format `version`. */
export function checkVersionedFile<T>(shape: Shape<T>, value: unknown, file: string, what: string, version: number, fix: string): T {
  checkFormatVersion(value, file, what, version, fix);
  return checkFile(shape, value, file, what, fix);
}
