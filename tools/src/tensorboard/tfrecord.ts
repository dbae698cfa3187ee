// TFRecord framing, the container of TensorFlow's and TensorBoard's event files: each record is
//   uint64 length (little-endian), uint32 masked CRC-32C of those 8 bytes,
//   the data, uint32 masked CRC-32C of the data.
// TensorBoard's reader checks both checksums (tensorboard/compat/tensorflow_stub/pywrap_tensorflow.py).

/** CRC-32C (Castagnoli): reflected polynomial 0x82F63B78. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The checksum as TFRecord stores it: rotated right by 15 bits, plus a constant. */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c(data);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** One record: the data framed with its length and both checksums. */
export function tfRecord(data: Uint8Array): Buffer {
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(data.length));
  const crcs = Buffer.alloc(8);
  crcs.writeUInt32LE(maskedCrc32c(length), 0);
  crcs.writeUInt32LE(maskedCrc32c(data), 4);
  return Buffer.concat([length, crcs.subarray(0, 4), data, crcs.subarray(4)]);
}
