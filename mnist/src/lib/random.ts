// A small seeded PRNG (splitmix32) so training is reproducible: same seed, same numbers,
// on every platform and Node version (only integer ops and one exact division).
import { UsageError } from "./cli.ts";

export type Random = () => number;

/** Uniform numbers in [0, 1). */
export function splitmix32(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** murmur3's 32-bit finalizer: a bijection that scatters nearby inputs. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * An independent stream numbered `stream` of `seed` (segmented training: stream 0 picks the
 * validation split, stream e shuffles epoch e), so no PRNG state has to pass between segments.
 * Hashed rather than `seed + stream`, which would make neighbouring streams overlap.
 */
export function substream(seed: number, stream: number): Random {
  return splitmix32(fmix32((fmix32(seed) + Math.imul(stream, 0x9e3779b9)) | 0));
}

/** Any decimal integer, reduced to 32 bits. */
export function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--seed ${JSON.stringify(text)} is not an integer`);
  return Number(BigInt.asUintN(32, BigInt(text)));
}

/** Fisher-Yates, in place. */
export function shuffle(order: Int32Array, random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
