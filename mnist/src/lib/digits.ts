// Reads MNIST digits from IDX files (optionally gzip-compressed), telling images from labels by
// their magic number so callers may pass the two files in any order.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { IMAGES_MAGIC, LABELS_MAGIC } from "../data/idx.ts";
import { Failure } from "./cli.ts";

export const CLASSES = 10;

export interface Digits {
  count: number;
  /** Pixels per image (rows * cols). */
  size: number;
  labels: Uint8Array;
  /** Nonzero pixels of each image, CSR-style: image n's are at offsets[n] .. offsets[n + 1]. */
  offsets: Int32Array;
  indices: Int32Array;
  /** Pixel values scaled to (0, 1]. */
  values: Float64Array;
}

export interface Idx {
  path: string;
  magic: number;
  dims: number[];
  data: Uint8Array;
}

/** One IDX file, unpacked (and gunzipped); or, when it is malformed, what is wrong with it. */
export function readIdx(path: string): Idx | string {
  let bytes: Buffer = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  if (bytes.length < 4) return "is too short to be an IDX file";
  const magic = bytes.readInt32BE(0);
  if (magic !== IMAGES_MAGIC && magic !== LABELS_MAGIC) {
    return `has magic number ${magic}, expected ${IMAGES_MAGIC} (images) or ${LABELS_MAGIC} (labels)`;
  }
  const rank = magic & 0xff;
  const dataStart = 4 + 4 * rank;
  if (bytes.length < dataStart) return "is truncated inside its IDX header";
  const dims = Array.from({ length: rank }, (_, i) => bytes.readInt32BE(4 + 4 * i));
  const expected = dims.reduce((a, b) => a * b, 1);
  if (bytes.length - dataStart !== expected) {
    return `holds ${bytes.length - dataStart} data bytes, but its header (${dims.join("x")}) says ${expected}`;
  }
  return { path, magic, dims, data: bytes.subarray(dataStart) };
}

/** A directory stands for the IDX files directly inside it; other files there are skipped. */
function idxFiles(paths: readonly string[]): Idx[] {
  const found: Idx[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        const idx = statSync(child).isFile() ? readIdx(child) : "";
        if (typeof idx !== "string") found.push(idx);
      }
    } else {
      const idx = readIdx(path);
      if (typeof idx === "string") throw new Failure(`${path} ${idx}`);
      found.push(idx);
    }
  }
  return found;
}

/** Loads one images file and one labels file, given in any order (`flag` names them in messages). */
export function readDigits(paths: readonly string[], flag: string): Digits {
  const files = idxFiles(paths);
  const images = files.filter((f) => f.magic === IMAGES_MAGIC);
  const labels = files.filter((f) => f.magic === LABELS_MAGIC);
  const describe = (fs: Idx[]) => fs.map((f) => f.path).join(", ") || "none";
  if (images.length !== 1 || labels.length !== 1) {
    throw new Failure(
      `${flag} must name one IDX images file (magic ${IMAGES_MAGIC}) and one IDX labels file (magic ${LABELS_MAGIC}); ` +
        `got images: ${describe(images)}; labels: ${describe(labels)}`,
    );
  }
  const img = images[0]!;
  const lab = labels[0]!;
  const [count = 0, rows = 0, cols = 0] = img.dims;
  if (img.dims.length !== 3) throw new Failure(`${img.path}: images must be count x rows x cols, got ${img.dims.join("x")}`);
  if (lab.dims.length !== 1 || lab.dims[0] !== count) {
    throw new Failure(`${lab.path} holds ${lab.dims.join("x")} labels, but ${img.path} holds ${count} images`);
  }
  const bad = lab.data.findIndex((l) => l >= CLASSES);
  if (bad >= 0) throw new Failure(`${lab.path}: label ${lab.data[bad]} at index ${bad} is not a digit 0-9`);

  const size = rows * cols;
  const offsets = new Int32Array(count + 1);
  let nonzero = 0;
  for (const byte of img.data) if (byte !== 0) nonzero++;
  const indices = new Int32Array(nonzero);
  const values = new Float64Array(nonzero);
  let k = 0;
  for (let n = 0; n < count; n++) {
    const base = n * size;
    for (let i = 0; i < size; i++) {
      const byte = img.data[base + i]!;
      if (byte !== 0) {
        indices[k] = i;
        values[k++] = byte / 255;
      }
    }
    offsets[n + 1] = k;
  }
  return { count, size, labels: Uint8Array.from(lab.data), offsets, indices, values };
}
