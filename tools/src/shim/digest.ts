// Content digests for run records: files hash their bytes; directories hash their sorted
// listing of relative paths and file digests, so the same tree always gives the same digest.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { FileDigest } from "../formats/run-record.ts";


function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
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
  if (!statSync(path).isDirectory()) {
    const data = readFileSync(path);
    return { path, sha256: sha256(data), bytes: data.length };
  }
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file);
    bytes += d.bytes;
    return `${d.sha256}  ${relative(path, file)}\n`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}
