// The protobuf wire format, the little of it that TensorBoard's event files need: varints,
// 64- and 32-bit floats, and length-delimited fields (strings, bytes, nested messages). Fields
// are written in the order the caller writes them, so equal calls always give equal bytes.
// https://protobuf.dev/programming-guides/encoding/

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

/** Builds one message; `finish()` returns its bytes, to write as a field of another message. */
export class ProtoWriter {
  readonly #parts: Buffer[] = [];

  #varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`protobuf varint: ${value} is not a non-negative safe integer`);
    }
    const bytes: number[] = [];
    let v = value;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
    this.#parts.push(Buffer.from(bytes));
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  /** An unsigned or non-negative integer field: int32, int64, uint64, bool, enum. */
  uint(field: number, value: number): this {
    this.#tag(field, VARINT);
    this.#varint(value);
    return this;
  }

  bool(field: number, value: boolean): this {
    return this.uint(field, value ? 1 : 0);
  }

  /** A `double` field: 8 bytes, little-endian. */
  double(field: number, value: number): this {
    return this.#fixed(field, I64, 8, (b) => b.writeDoubleLE(value));
  }

  /** A `float` field: 4 bytes, little-endian (the value rounded to single precision). */
  float(field: number, value: number): this {
    return this.#fixed(field, I32, 4, (b) => b.writeFloatLE(value));
  }

  /** A fixed-width field: `size` bytes that `write` fills. */
  #fixed(field: number, wireType: number, size: number, write: (b: Buffer) => void): this {
    this.#tag(field, wireType);
    const b = Buffer.alloc(size);
    write(b);
    this.#parts.push(b);
    return this;
  }

  /** A `bytes` field, or a nested message's bytes. */
  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, LEN);
    this.#varint(value.length);
    this.#parts.push(Buffer.from(value));
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, "utf8"));
  }

  message(field: number, value: ProtoWriter): this {
    return this.bytes(field, value.finish());
  }

  finish(): Buffer {
    return Buffer.concat(this.#parts);
  }
}
