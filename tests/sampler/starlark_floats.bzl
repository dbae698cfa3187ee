"""Bazel's own `str(round_significant(x))` for many floats: what the sampler's port must write.

The rows are computed here, in Starlark, when the target is analysed, so the check in
run_checks.ts compares tools/src/sampler/format.ts with the random.bzl and the Starlark `str()`
of the Bazel that runs the test, not with a copy that could go stale.
"""

# buildifier: disable=bzl-visibility
load("//databazel/private:random.bzl", "round_significant", "uniform01")

# Edges of positional and exponent notation, rounding carries, and values from leaderboards.
_SPECIAL = [
    0.0,
    1.0,
    0.5,
    10.0,
    1e-05,
    0.0001,
    9.999e-05,
    9.99996e-05,
    99999.5,
    9.99996,
    0.00123456,
    123456.0,
    -2.71828,
    1e-07,
    1e+16,
    9.99996e16,
    1e+17,
    1e+21,
    1e+22,
    0.1551,
    3.904e-05,
    1.044e-05,
]

def _pow10(k):
    p = 1
    for _ in range(k if k > 0 else -k):
        p *= 10
    return float(p) if k >= 0 else 1.0 / float(p)

def _floats():
    xs = list(_SPECIAL)

    # Mantissas in [1, 10) at every exponent from -15 to 22, a third of them negative.
    for i in range(760):
        x = (1.0 + 9.0 * uniform01(2024, i, "x")) * _pow10(i % 38 - 15)
        xs.append(-x if i % 3 == 0 else x)
    return xs

def _starlark_floats_impl(ctx):
    rows = [[str(x), str(round_significant(x)), str(round_significant(x, 2))] for x in _floats()]
    out = ctx.actions.declare_file(ctx.label.name + ".json")
    ctx.actions.write(out, json.encode(rows))
    return [DefaultInfo(files = depset([out]))]

starlark_floats = rule(
    implementation = _starlark_floats_impl,
    doc = "Writes `[[str(x), str(round_significant(x)), str(round_significant(x, 2))], ...]` as JSON.",
)
