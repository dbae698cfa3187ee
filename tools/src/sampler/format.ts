// Floats written exactly as databazel's random search writes them, so that a TPE trial and a
// random one with the same values get the same hyperparameter strings (and trial names).
// The search writes `str(round_significant(x))` (databazel/private/random.bzl, trials.bzl):
// both are ported here operation by operation, since IEEE-754 doubles make them bit-identical.

/** `round_significant(x, digits)` of random.bzl, with the same loop and the same rounding. */
export function roundSignificant(x: number, digits = 4): number {
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  x = x * sign;
  let e = 0;
  // The same scaling loop, not Math.log10: its repeated divisions round exactly as Starlark's.
  for (let i = 0; i < 700; i++) {
    if (x >= 10) {
      x = x / 10;
      e += 1;
    } else if (x < 1) {
      x = x * 10;
      e -= 1;
    } else {
      break;
    }
  }
  const mantissa = Math.trunc(x * pow10(digits - 1) + 0.5);
  const shift = e - (digits - 1);
  // Starlark multiplies exact (big) integers and converts once; BigInt does the same.
  if (shift >= 0) return sign * Number(BigInt(mantissa) * 10n ** BigInt(shift));
  return sign * (mantissa / pow10(-shift));
}

// 10^n as Starlark's float(10^n): the integer converted with one rounding. `10 ** n` is exact
// only up to 10^22, and Math.pow need not be correctly rounded beyond.
function pow10(n: number): number {
  return Number(10n ** BigInt(n));
}

/**
 * What Starlark's `str()` prints for a float (Bazel's Java Starlark): the shortest digits that
 * read back as the same double, in positional notation with at least one decimal (`0.0001`,
 * `123.0`, `10000000000000000.0`) when the decimal exponent is in [-4, 16], otherwise in
 * exponent notation with a signed exponent of at least two digits (`9.999e-05`, `1e+17`).
 * Checked against Bazel 7's output for 3000 values by tests/sampler/checks.ts.
 */
export function starlarkFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "+inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() without a precision gives the shortest round-tripping digits (ECMA-262).
  const match = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!match) throw new Error(`unexpected toExponential() output for ${x}`);
  const digits = match[1]! + (match[2] ?? "");
  const exponent = Number(match[3]);
  if (exponent < -4 || exponent > 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || "0"}`;
}
