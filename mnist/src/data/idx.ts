// Writes the IDX format of the original MNIST distribution: a big-endian header (magic,
// dimensions) followed by unsigned bytes.
export const IMAGES_MAGIC = 2051;
export const LABELS_MAGIC = 2049;

export function idxImages(images: Uint8Array, count: number, rows: number, cols: number): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32BE(IMAGES_MAGIC, 0);
  header.writeInt32BE(count, 4);
  header.writeInt32BE(rows, 8);
  header.writeInt32BE(cols, 12);
  return Buffer.concat([header, images]);
}

export function idxLabels(labels: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(LABELS_MAGIC, 0);
  header.writeInt32BE(labels.length, 4);
  return Buffer.concat([header, labels]);
}
