// Content digests for run records: files hash their bytes; directories hash their sorted
// listing of relative paths and file digests, so the same tree always gives the same digest.
// Files are read in chunks: datasets and models are larger than a Node Buffer may be (2 GiB).
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

export function digest(path: string): FileDigest {
  if (!statSync(path).isDirectory()) return { path, ...fileDigest(path) };
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file);
    bytes += d.bytes;
    return `${d.sha256}  ${relative(path, file)}\n`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}

/**
 * The digest of each data file: from the target's digests file (one DatabazelDigest action per
 * target) when the rule gives one and it names the file, else computed here.
 */
export function dataDigester(digestsPath: string | undefined): (path: string) => FileDigest {
  const known = digestsPath ? readDataDigests(digestsPath) : new Map<string, FileDigest>();
  return (path) => known.get(path) ?? digest(path);
}
