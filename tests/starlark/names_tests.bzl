"""Unit tests of names.bzl: trial names and output-name templates."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private:names.bzl", "expand_template", "short_hash", "trial_name")

def _short_hash_test_impl(ctx):
    env = unittest.begin(ctx)

    # Starlark's hash() of a string is Java's String.hashCode: "a" is 97, "abc" 96354.
    asserts.equals(env, "00000061", short_hash("a"))
    asserts.equals(env, "00017862", short_hash("abc"))
    asserts.equals(env, short_hash("lr=0.1"), short_hash("lr=0.1"))
    asserts.true(env, short_hash("lr=0.1") != short_hash("lr=0.01"))
    return unittest.end(env)

short_hash_test = unittest.make(_short_hash_test_impl)

def _trial_name_test_impl(ctx):
    env = unittest.begin(ctx)

    # Keys sorted, readable, joined by "__" (the dict is unsorted on purpose).
    # buildifier: disable=unsorted-dict-items
    asserts.equals(env, "hidden_32__lr_0.1", trial_name({"lr": "0.1", "hidden": "32"}))
    asserts.equals(env, "lr_1e-4", trial_name({"lr": "1e-4"}))
    asserts.equals(env, "", trial_name({}))

    # Unsafe characters become "_", and the exact values' hash keeps names apart.
    slash = trial_name({"path": "a/b"})
    underscore = trial_name({"path": "a_b"})
    asserts.equals(env, "path_a_b", underscore)
    asserts.true(env, slash.startswith("path_a_b-"), slash)
    asserts.equals(env, len("path_a_b-") + 8, len(slash))
    asserts.true(env, slash != trial_name({"path": "a b"}))
    asserts.true(env, "/" not in trial_name({"p": "../.."}))

    # Long names are cut to 64 characters, hash included.
    long = trial_name({"path": "x" * 200})
    asserts.equals(env, 64, len(long))
    asserts.true(env, long.startswith("path_xxx"), long)
    asserts.true(env, long != trial_name({"path": "x" * 201}))
    return unittest.end(env)

trial_name_test = unittest.make(_trial_name_test_impl)

def _expand_template_test_impl(ctx):
    env = unittest.begin(ctx)
    values = {"lr": "0.1", "name": "s", "trial": "lr_0.1"}
    asserts.equals(env, "s_lr0.1.model", expand_template("%{name}_lr%{lr}.model", values, "t", "model"))
    asserts.equals(env, "s/lr_0.1/model", expand_template("%{name}/%{trial}/model", values, "t", "model"))
    asserts.equals(env, "plain.bin", expand_template("plain.bin", values, "t", "model"))
    asserts.equals(env, "0.10.1", expand_template("%{lr}%{lr}", values, "t", "model"))

    # Values cannot add path segments: their slashes become "_".
    asserts.equals(env, "m_a_b", expand_template("m_%{p}", {"p": "a/b"}, "t", "model"))
    return unittest.end(env)

expand_template_test = unittest.make(_expand_template_test_impl)

def names_test_suite(name):
    """The names.bzl unit tests.

    Args:
      name: the test suite's name.
    """
    unittest.suite(
        name,
        short_hash_test,
        trial_name_test,
        expand_template_test,
    )
