"""Unit tests of the scheduler's rungs: successive halving's rungs and Hyperband's brackets."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private:rungs.bzl", "hyperband", "integer_log", "successive_halving")

def _pairs(rungs):
    return [(r.trials, r.epochs) for r in rungs]

def _integer_log_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, 0, integer_log(1, 3))
    asserts.equals(env, 0, integer_log(2, 3))
    asserts.equals(env, 1, integer_log(3, 3))
    asserts.equals(env, 2, integer_log(9, 3))
    asserts.equals(env, 2, integer_log(26, 3))
    asserts.equals(env, 4, integer_log(81, 3))
    asserts.equals(env, 3, integer_log(8, 2))
    return unittest.end(env)

integer_log_test = unittest.make(_integer_log_test_impl)

def _successive_halving_test_impl(ctx):
    env = unittest.begin(ctx)

    # 27 trials, 1 to 9 epochs, eta 3: 27 at 1 epoch, the best 9 to 3, the best 3 to 9.
    asserts.equals(env, [(27, 1), (9, 3), (3, 9)], _pairs(successive_halving(27, 1, 9, 3)))

    # Rungs count up from min_epochs; the last is max_epochs.
    asserts.equals(env, [(10, 1), (3, 3), (1, 10)], _pairs(successive_halving(10, 1, 10, 3)))
    asserts.equals(env, [(10, 2), (3, 10)], _pairs(successive_halving(10, 2, 10, 3)))

    # Raising max_epochs by the reduction factor keeps every earlier rung: the segments built so
    # far are reused.
    asserts.equals(env, [(27, 1), (9, 3), (3, 9), (1, 27)], _pairs(successive_halving(27, 1, 27, 3)))

    # At least one trial always reaches the end.
    asserts.equals(env, [(2, 2), (1, 4), (1, 8)], _pairs(successive_halving(2, 2, 8, 2)))
    return unittest.end(env)

successive_halving_test = unittest.make(_successive_halving_test_impl)

def _hyperband_test_impl(ctx):
    env = unittest.begin(ctx)

    # The table of Li et al. (2018) for R = 81, eta = 3.
    brackets = hyperband(1, 81, 3)
    asserts.equals(env, [4, 3, 2, 1, 0], [b.bracket for b in brackets])
    asserts.equals(env, [81, 34, 15, 8, 5], [b.configurations for b in brackets])
    asserts.equals(env, [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)], _pairs(brackets[0].rungs))
    asserts.equals(env, [(34, 3), (11, 9), (3, 27), (1, 81)], _pairs(brackets[1].rungs))
    asserts.equals(env, [(15, 9), (5, 27), (1, 81)], _pairs(brackets[2].rungs))
    asserts.equals(env, [(8, 27), (2, 81)], _pairs(brackets[3].rungs))
    asserts.equals(env, [(5, 81)], _pairs(brackets[4].rungs))

    # Every bracket ends at max_epochs, on the same rung budgets as the others: shared segments.
    for b in hyperband(1, 9, 3):
        asserts.equals(env, 9, b.rungs[-1].epochs)
        for r in b.rungs:
            asserts.true(env, r.epochs in [1, 3, 9], "rung at %d epochs" % r.epochs)

    # max_epochs not a power of eta: brackets still start on min_epochs' rungs.
    asserts.equals(env, [[1, 3, 10], [3, 10], [10]], [[r.epochs for r in b.rungs] for b in hyperband(1, 10, 3)])
    return unittest.end(env)

hyperband_test = unittest.make(_hyperband_test_impl)

def rungs_test_suite(name):
    unittest.suite(
        name,
        integer_log_test,
        successive_halving_test,
        hyperband_test,
    )
