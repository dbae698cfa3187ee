"""The failure test: a target that must fail analysis, with the message fragments users rely on."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load(":targets.bzl", "target_under_test")

def _failure_test_impl(ctx):
    env = analysistest.begin(ctx)
    for message in ctx.attr.messages:
        asserts.expect_failure(env, message)
    return analysistest.end(env)

failure_test = analysistest.make(
    _failure_test_impl,
    expect_failure = True,
    attrs = {"messages": attr.string_list(doc = "Substrings the analysis error must contain.", mandatory = True)},
)

# The same test with --build_python_zip (which a shell py_binary launcher cannot run).
zipped_failure_test = analysistest.make(
    _failure_test_impl,
    expect_failure = True,
    attrs = {"messages": attr.string_list(doc = "Substrings the analysis error must contain.", mandatory = True)},
    config_settings = {"//command_line_option:build_python_zip": "true"},
)

def failure_tests(cases):
    """For each case, its target and a test that the target fails analysis with the case's messages.

    Args:
      cases: `case()`s whose `expected` is the list of substrings the analysis error must contain.
    """
    for case in cases:
        if not case.expected:
            # Any failure would pass: a case pins at least one fragment of its message.
            fail("case {}: give the messages its target must fail with".format(case.name))
        failure_test(name = case.name, messages = case.expected, target_under_test = target_under_test(case))
