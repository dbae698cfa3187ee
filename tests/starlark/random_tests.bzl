"""Unit tests of random.bzl: the series behind log-uniform draws, rounding, uniform draws."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private:random.bzl", "exp", "ln", "round_significant", "uniform01")

def _close(env, expected, actual, rel = 1e-12):
    scale = expected if expected > 1 else (-expected if expected < -1 else 1.0)
    diff = actual - expected
    asserts.true(env, -rel * scale <= diff and diff <= rel * scale, "expected {}, got {}".format(expected, actual))

def _ln_exp_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, 0.0, ln(1.0))
    _close(env, 0.6931471805599453, ln(2.0))
    _close(env, 1.0, ln(2.718281828459045))
    _close(env, -9.210340371976182, ln(1e-4))
    _close(env, 690.7755278982137, ln(1e300))
    _close(env, -2.3025850929940455, ln(0.1))
    asserts.equals(env, 1.0, exp(0.0))
    _close(env, 2.718281828459045, exp(1.0))
    _close(env, 0.36787944117144233, exp(-1.0))
    _close(env, 22026.465794806718, exp(10.0))
    _close(env, 4.5399929762484854e-05, exp(-10.0))
    for x in [1e-4, 0.003, 0.5, 7.0, 1234.5]:
        _close(env, x, exp(ln(x)), rel = 1e-11)
    return unittest.end(env)

ln_exp_test = unittest.make(_ln_exp_test_impl)

def _round_significant_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, 0.001235, round_significant(0.00123456))
    asserts.equals(env, 123500.0, round_significant(123456.0))
    asserts.equals(env, -2.718, round_significant(-2.71828))
    asserts.equals(env, 0.0, round_significant(0))
    asserts.equals(env, 1.0, round_significant(1.0))
    asserts.equals(env, 10.0, round_significant(9.99996))
    asserts.equals(env, 0.046, round_significant(0.0456, 2))

    # What the search writes into hyperparameters: short reprs.
    asserts.equals(env, "0.001235", str(round_significant(0.00123456)))
    return unittest.end(env)

round_significant_test = unittest.make(_round_significant_test_impl)

def _uniform01_test_impl(ctx):
    env = unittest.begin(ctx)
    draws = [uniform01(7, i, "lr") for i in range(400)]
    for u in draws:
        asserts.true(env, u >= 0.0 and u < 1.0, "uniform01 gave {}".format(u))
    asserts.equals(env, draws[3], uniform01(7, 3, "lr"))
    asserts.true(env, uniform01(7, 3, "lr") != uniform01(8, 3, "lr"), "the seed changes the draw")
    asserts.true(env, uniform01(7, 3, "lr") != uniform01(7, 3, "l2"), "the parameter changes the draw")
    asserts.equals(env, 400, len({str(u): None for u in draws}))

    # Roughly uniform: each quarter of [0, 1) gets a fair share of 400 draws.
    for q in range(4):
        n = len([u for u in draws if q / 4.0 <= u and u < (q + 1) / 4.0])
        asserts.true(env, n > 70 and n < 130, "quarter {} got {} of 400 draws".format(q, n))
    return unittest.end(env)

uniform01_test = unittest.make(_uniform01_test_impl)

def random_test_suite(name):
    """The random.bzl unit tests.

    Args:
      name: the test suite's name.
    """
    unittest.suite(
        name,
        ln_exp_test,
        round_significant_test,
        uniform01_test,
    )
