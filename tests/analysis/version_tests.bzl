"""Unit tests of the Bazel version check (an old Bazel cannot be run here, its message can)."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private:bazel_version.bzl", "bazel_version_problem")

def _version_test_impl(ctx):
    env = unittest.begin(ctx)
    problem = bazel_version_problem("6.5.0")
    asserts.true(env, "this is Bazel 6.5.0, and databazel needs Bazel 7.1.0 or newer" in problem, problem)
    asserts.true(env, "Fix: pin a newer Bazel in .bazelversion" in problem, problem)
    asserts.true(env, bazel_version_problem("7.0.2") != "")
    asserts.equals(env, "", bazel_version_problem("7.1.0"))
    asserts.equals(env, "", bazel_version_problem("7.7.1"))
    asserts.equals(env, "", bazel_version_problem("8.0.0rc1"))
    asserts.equals(env, "", bazel_version_problem("10.0.0"))

    # Builds without a release label (Debian's reports "") are not checked.
    asserts.equals(env, "", bazel_version_problem(""))
    return unittest.end(env)

version_test = unittest.make(_version_test_impl)
