"""Unit tests of the training actions' pure helper: where checkpoint segments start and end."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private/actions:train.bzl", "segment_bounds")

def _segment_bounds_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, [(0, 2), (2, 4), (4, 6), (6, 8)], segment_bounds(8, 2))
    asserts.equals(env, [(0, 2), (2, 4), (4, 5)], segment_bounds(5, 2))
    asserts.equals(env, [(0, 2)], segment_bounds(2, 4))
    asserts.equals(env, [(0, 3)], segment_bounds(3, 0))
    asserts.equals(env, [(0, 1)], segment_bounds(1, 1))

    # Runs that differ only in length share their first segments: the same actions.
    asserts.equals(env, segment_bounds(8, 2)[:2], segment_bounds(4, 2))
    asserts.equals(env, segment_bounds(8, 3)[:2], segment_bounds(7, 3)[:2])

    # A search with a scheduler's rungs end segments too, beside checkpoint_every's multiples.
    asserts.equals(env, [(0, 1), (1, 3), (3, 9)], segment_bounds(9, 0, [1, 3]))
    asserts.equals(env, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 6)], segment_bounds(6, 2, [1, 3]))
    asserts.equals(env, [(0, 4)], segment_bounds(4, 0, [0, 4, 7]))
    return unittest.end(env)

segment_bounds_test = unittest.make(_segment_bounds_test_impl)
