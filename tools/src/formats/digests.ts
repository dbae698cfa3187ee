// The digests of a target's data files, written once by its DatabazelDigest action and read by
// each of its train or eval shims for their run records, so no trial hashes the data again.
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { fileDigest, type FileDigest } from "./run-record.ts";
import { arrayOf, object, readJsonFile, type ShapeOf } from "./shape.ts";
import { checkVersionedFile, formatVersion } from "./versioned.ts";

export const DIGESTS_FORMAT = 1;

export const dataDigests = object({ format: formatVersion(DIGESTS_FORMAT), files: arrayOf(fileDigest) });
export type DataDigests = ShapeOf<typeof dataDigests>;

const WHAT = "data digests file";
// Written and read by actions of one build: a mismatch is a databazel bug, not a user's.
const FIX = "report it: the digests and the shims that read them come from one databazel.";

export function writeDataDigests(path: string, files: FileDigest[]): void {
  writeFileSync(path, stableJson({ format: DIGESTS_FORMAT, files }));
}

/** The digests by path. */
export function readDataDigests(path: string): Map<string, FileDigest> {
  const value = readJsonFile(path, `the ${WHAT}`, FIX);
  return new Map(checkVersionedFile(dataDigests, value, path, WHAT, DIGESTS_FORMAT, FIX).files.map((d) => [d.path, d]));
}
