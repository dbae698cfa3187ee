// A seeded pseudo-random stream from 32-bit integer arithmetic (Math.imul, shifts, xor), whose
// results the language defines to the bit: the same seed gives the same draws on every Node
// and platform, unlike Math.random (unseeded) or anything built on Math.log/Math.cos.
import { ln } from "./fmath.ts";

/** splitmix32's finaliser: spreads nearby inputs (seed 1, seed 2, ...) over all 32 bits. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The 32-bit words of a safe integer (negative ones in two's complement). */
function words(n: number): [number, number] {
  if (!Number.isSafeInteger(n)) throw new Error(`a seed must be a safe integer, got ${n}`);
  const lo = n % 4294967296;
  return [lo >>> 0, Math.floor(n / 4294967296) >>> 0];
}

/**
 * xoshiro128** (Blackman and Vigna): 128 bits of state, period 2^128 - 1, and good statistical
 * quality for its size. Its state comes from the seed and a stream number hashed together, so
 * (seed, stream) pairs give unrelated sequences.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  constructor(seed: number, stream = 0) {
    const [a, b] = words(seed);
    const [c, d] = words(stream);
    const h = mix32(a ^ mix32(b ^ mix32(c ^ mix32(d))));
    this.s0 = mix32(h);
    this.s1 = mix32(this.s0 + 1);
    this.s2 = mix32(this.s1 + 2);
    this.s3 = mix32(this.s2 + 3);
    // An all-zero state would stay zero; the hash never gives one in practice, but be sure.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator in a given state: for checking the reference algorithm's known outputs. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const rng = new Rng(0);
    [rng.s0, rng.s1, rng.s2, rng.s3] = [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];
    return rng;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** An integer in [0, n), for n >= 1 (a 53-bit float scaled: bias below 2^-20 for n < 2^33). */
  below(n: number): number {
    return Math.min(Math.floor(this.uniform() * n), n - 1);
  }

  /**
   * A standard normal draw (Marsaglia's polar method: no trigonometry, only ln and sqrt, and
   * sqrt is correctly rounded by IEEE-754). Draws come in pairs; the second is kept for the
   * next call.
   */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * ln(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
