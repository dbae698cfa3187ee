// ln, exp and the normal distribution's tail masses from +, -, *, / only.
//
// ECMA-262 lets Math.log, Math.exp, Math.cos ... differ between engines and versions ("an
// implementation-approximated value"), and V8 has changed them before (e.g. Math.sin/cos moved
// to a glibc-derived port in 2023). IEEE-754 arithmetic is exact-to-the-bit everywhere, so
// these functions give the same bits on every Node and platform, which keeps a sampler's
// proposals (and so Bazel's action keys downstream) identical wherever it runs.
// Accuracy is a few ulps: plenty for ranking candidates, and tested against Math.* and erfc.

const LN2_HI = 6.93147180369123816490e-1; // ln 2 with its low 32 bits zero: k * LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
const SQRT2 = 1.4142135623730951;
const SQRT1_2 = 0.7071067811865476;
const LN_SQRT_PI = 0.5723649429247001; // ln(sqrt(pi))
const TWO_OVER_SQRT_PI = 1.1283791670955126;

const view = new DataView(new ArrayBuffer(8));

/** x = m * 2^e with m in [1, 2), read from the bits (exact), for finite x > 0. */
function splitExponent(x: number): [number, number] {
  let bias = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: make a subnormal normal
    bias = -54;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x800fffff) | (1023 << 20));
  return [view.getFloat64(0), e + bias];
}

/** 2^k for integer k in [-1022, 1023], built from the bits. */
function pow2(k: number): number {
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** Natural logarithm. */
export function ln(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let [m, e] = splitExponent(x);
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2 atanh(z), |z| <= 0.1716: the odd series' terms shrink by z^2 <= 0.0295 each.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let s = 0;
  for (let k = 13; k >= 0; k--) s = s * z2 + 1 / (2 * k + 1);
  return e * LN2_HI + (2 * z * s + e * LN2_LO);
}

/** e^x. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln2 + r with |r| <= ln2 / 2, then e^r by its Taylor series (21 terms: < 1e-25).
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO;
  let s = 1;
  for (let n = 20; n >= 1; n--) s = 1 + (s * r) / n;
  // 2^k in two exact steps when k is outside the normal exponents.
  if (k > 1023) return s * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return s * pow2(-1022) * pow2(k + 1022);
  return s * pow2(k);
}

/** ln(1 + x), accurate for small x (the classic correction of the rounding in 1 + x). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (ln(u) * x) / (u - 1);
}

/**
 * ln(erfc(x)), finite far into the tail where erfc(x) itself underflows.
 * For x < 2: erfc = 1 - erf with erf's series of positive terms (no cancellation inside it).
 * For x >= 2: the continued fraction erfc(x) = e^(-x^2) / sqrt(pi) / (x + 1/2/(x + 1/(x + 3/2/ ...))),
 * evaluated bottom-up at a fixed depth, which converges to double precision for x >= 2.
 */
export function lnErfc(x: number): number {
  if (x < 2) return ln(erfc(x));
  let f = x;
  for (let n = 120; n >= 1; n--) f = x + n / 2 / f;
  return -x * x - LN_SQRT_PI - ln(f);
}

/** The complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x >= 2) return exp(lnErfc(x));
  // erf(x) = 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)).
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term = (term * 2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return 1 - TWO_OVER_SQRT_PI * exp(-x * x) * sum;
}

/** ln P(Z > z) for a standard normal Z: the upper tail, accurate far out. */
function lnUpperTail(z: number): number {
  return lnErfc(z * SQRT1_2) - LN2_HI - LN2_LO;
}

/**
 * ln P(a < Z < b) for a standard normal Z and a < b: the mass of an interval, without the
 * cancellation of Phi(b) - Phi(a) when both ends are in one tail.
 */
export function lnNormalMass(a: number, b: number): number {
  if (!(a < b)) return -Infinity;
  if (a >= 0) return lnUpperTail(a) + log1p(-exp(lnUpperTail(b) - lnUpperTail(a)));
  if (b <= 0) return lnNormalMass(-b, -a);
  // Straddles 0: both tails are below 1/2, so 1 - tails loses no precision.
  return log1p(-exp(lnUpperTail(-a)) - exp(lnUpperTail(b)));
}

/** ln(sum_i e^(xs_i)), shifted by the largest term so that nothing overflows. */
export function logSumExp(xs: readonly number[]): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (const x of xs) sum += exp(x - max);
  return max + ln(sum);
}
