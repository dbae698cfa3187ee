"""Deterministic random sampling for `hyperparam_search(space = ...)`, in plain Starlark.

Starlark has no random or math module, so this file carries a small integer hash (for
uniform draws that depend only on seed, trial index and parameter name) and series for
ln/exp (for log-uniform draws). The same seed always gives the same trials on every machine.
"""

_MASK32 = 0xffffffff
_LN2 = 0.6931471805599453

def _mix32(x):
    # A 32-bit integer finaliser (xor-shift-multiply), enough to decorrelate nearby inputs.
    x = x & _MASK32
    x = x ^ (x >> 16)
    x = (x * 0x7feb352d) & _MASK32
    x = x ^ (x >> 15)
    x = (x * 0x846ca68b) & _MASK32
    return x ^ (x >> 16)

def uniform01(seed, index, key):
    """A float in [0, 1) that depends only on (seed, index, key).

    Args:
      seed: int, the search's seed.
      index: int, the trial's index.
      key: string, the parameter's name.

    Returns:
      float.
    """
    h = _mix32(_mix32(seed) ^ _mix32(index + 0x9e3779b9) ^ _mix32(hash(key)))
    lo = _mix32(h + 0x632be5ab)
    return (h * 4294967296 + lo) / 18446744073709551616.0

def _split_exponent(x, base):
    """Splits x > 0 into (m, e) with x = m * base^e and 1 <= m < base.

    It multiplies or divides by base one step at a time, which is exact for base 2 and the same
    on every machine for base 10.
    """
    e = 0

    # 2100 steps reach 1 from any finite float, even a subnormal one in base 2.
    for _ in range(2100):
        if x >= base:
            x = x / base
            e += 1
        elif x < 1.0:
            x = x * base
            e -= 1
        else:
            break
    return x, e

def ln(x):
    """Natural logarithm of a positive float.

    Args:
      x: float > 0.

    Returns:
      float.
    """
    x, e = _split_exponent(x, 2.0)

    # ln(x) = 2 atanh(z), z = (x - 1) / (x + 1) <= 1/3 here: the series converges fast.
    z = (x - 1.0) / (x + 1.0)
    z2 = z * z
    term = z
    total = 0.0
    for k in range(40):
        total += term / (2 * k + 1)
        term *= z2
    return 2.0 * total + e * _LN2

def exp(y):
    """e to the power y.

    Args:
      y: float.

    Returns:
      float.
    """
    k = int(y / _LN2)
    if y < 0 and k * _LN2 != y:
        k -= 1
    r = y - k * _LN2
    term = 1.0
    total = 1.0
    for n in range(1, 30):
        term = term * r / n
        total += term
    for _ in range(k if k > 0 else -k):
        total = total * 2.0 if k > 0 else total / 2.0
    return total

def _pow10(n):
    p = 1
    for _ in range(n):
        p *= 10
    return p

def round_significant(x, digits = 4):
    """Rounds a float to a few significant digits, so sampled values print short.

    Args:
      x: float.
      digits: significant digits to keep.

    Returns:
      A float whose repr is short, e.g. 0.001234.
    """
    if x == 0:
        return 0.0
    sign = -1.0 if x < 0 else 1.0
    x = x * sign
    x, e = _split_exponent(x, 10.0)
    mantissa = int(x * _pow10(digits - 1) + 0.5)
    shift = e - (digits - 1)
    if shift >= 0:
        return sign * float(mantissa * _pow10(shift))
    return sign * (mantissa / float(_pow10(-shift)))
