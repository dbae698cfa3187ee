"""`fixture_outputs`: every file a build of some databazel targets leaves, as one target's runfiles.

A checker run by `node_test` sees only its runfiles; this puts there what a
`bazel build --output_groups=+records,+logs,...` of the targets would leave in bazel-bin,
plus the hyperparameters file that a ModelInfo names (a search has no output group for it).
"""

load("//databazel:providers.bzl", "ModelInfo")

def _fixture_outputs_impl(ctx):
    files = []
    for target in ctx.attr.targets:
        files.append(target[DefaultInfo].files)
        groups = target[OutputGroupInfo] if OutputGroupInfo in target else None
        for group in ctx.attr.output_groups:
            if groups != None and hasattr(groups, group):
                files.append(getattr(groups, group))
        if ModelInfo in target:
            files.append(depset([target[ModelInfo].hyperparams_file]))
    all_files = depset(transitive = files)
    return [DefaultInfo(files = all_files, runfiles = ctx.runfiles(transitive_files = all_files))]

fixture_outputs = rule(
    implementation = _fixture_outputs_impl,
    doc = "Gathers the default outputs, the named output groups and each ModelInfo's hyperparameters file of `targets`.",
    attrs = {
        "output_groups": attr.string_list(
            doc = "The output groups to gather besides the default outputs, where a target has them.",
        ),
        "targets": attr.label_list(
            doc = "The databazel targets (model, evaluate, hyperparam_search) whose outputs to gather.",
        ),
    },
)
