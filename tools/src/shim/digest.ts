// Content digests for run records: files hash their bytes; directories hash their sorted
// listing of relative paths and file digests, so the same tree always gives the same digest.
// Files are read in chunks: datasets and models are larger than a Node Buffer may be (2 GiB).
// Run as a persistent worker, a helper reads nothing at all for its inputs: Bazel sends the
// sha256 it already computed for each (checked once per worker against one small input, since
// --digest_function may pick another hash).
import { createHash } from "node:crypto";
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readDataDigests } from "../formats/digests.ts";
import type { FileDigest } from "../formats/run-record.ts";

const CHUNK = 1 << 20;

function sha256(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The sha256 and size of a file, streamed through one reused buffer. */
function fileDigest(path: string): { sha256: string; bytes: number } {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

/** Computes a path's digest, or takes a file's from `known` (sha256 by exec path). */
export type Digester = (path: string) => FileDigest;

const NONE: ReadonlyMap<string, string> = new Map();

export function digest(path: string, known: ReadonlyMap<string, string> = NONE): FileDigest {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    const sha256 = known.get(path);
    return sha256 ? { path, sha256, bytes: stat.size } : { path, ...fileDigest(path) };
  }
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file, known);
    bytes += d.bytes;
    return `${d.sha256}  ${relative(path, file)}\n`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}

/**
 * The digest of each data file: from the target's digests file (one DatabazelDigest action per
 * target) when the rule gives one and it names the file, else computed here.
 */
export function dataDigester(digestsPath: string | undefined, inputs: Digester): Digester {
  const known = digestsPath ? readDataDigests(digestsPath) : new Map<string, FileDigest>();
  return (path) => known.get(path) ?? inputs(path);
}

/** Inputs this small are hashed to check that Bazel's digests are sha256. */
const PROBE_MAX_BYTES = 1 << 16;
let bazelDigestsAreSha256: boolean | undefined;

/**
 * A Digester that takes input files' digests from Bazel's (a worker request's `inputDigests`)
 * when they are sha256, and computes the rest.
 */
export function inputDigester(inputDigests: ReadonlyMap<string, string>): Digester {
  if (inputDigests.size > 0 && bazelDigestsAreSha256 === undefined) {
    for (const [path, hex] of inputDigests) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.size <= PROBE_MAX_BYTES) {
        bazelDigestsAreSha256 = fileDigest(path).sha256 === hex;
        break;
      }
    }
  }
  const known = bazelDigestsAreSha256 ? inputDigests : NONE;
  return (path) => digest(path, known);
}
