"""Attributes shared by databazel's rules, so each is declared and documented once."""

load("//databazel/private/actions:train.bzl", "TRAIN_EXEC_GROUP")

# The bundled helpers the actions run with the Node toolchain: private, so users never set them.
# Each `_<name>` is //databazel/private/bundles:<name>.cjs.
HELPER_ATTRS = {
    "_" + name: attr.label(
        default = Label("//databazel/private/bundles:{}.cjs".format(name)),
        allow_single_file = True,
    )
    for name in [
        "digest",
        "eval_shim",
        "leaderboard",
        "promote",
        "report",
        "sampler",
        "train_shim",
    ]
}

def train_executable_attr(doc = "", aspects = []):
    """The `train_executable` attribute.

    Args:
      doc: more documentation, after the common part.
      aspects: aspects to apply to the executable's target.

    Returns:
      the attribute.
    """
    return attr.label(
        doc = "The training program: any executable target (sh_binary, py_binary, node_binary) or an " +
              "executable script file. " +
              "It is built for the execution platform of the `train` exec group." + (" " + doc if doc else ""),
        executable = True,
        allow_files = True,
        cfg = config.exec(TRAIN_EXEC_GROUP),
        mandatory = True,
        aspects = aspects,
    )

TRAIN_ATTRS = {
    "checkpoint_every": attr.int(
        doc = "With epochs to train, the length of a training segment: each segment is one " +
              "action that continues from the previous one's checkpoint (`--init_checkpoint`), so an " +
              "interrupted build resumes, more epochs reuse the earlier ones, and a search over " +
              "`epochs` trains each shared prefix once. 0 trains all epochs in one action.",
        default = 0,
    ),
    "hyperparams": attr.string_dict(
        doc = "Hyperparameters, as strings (the script converts them). Passed as JSON in " +
              "`--hyperparams` and in a file named by `--hyperparams_file`.",
    ),
    "model_is_dir": attr.bool(
        doc = "Whether the train executable writes the model as a directory rather than a file.",
    ),
    "train_cpus": attr.int(
        doc = "How many CPUs a training action takes from Bazel's local resources.",
        default = 1,
    ),
    "train_executable": train_executable_attr(),
    "train_tags": attr.string_list(
        doc = "Execution requirements for the training actions only, e.g. `no-remote`, " +
              "`requires-gpu` or `resources:gpu:1` (with `--local_extra_resources=gpu=N`). " +
              "For remote executors, set `exec_properties = {\"train.Pool\": \"gpu\"}`: " +
              "keys under `train.` apply to the training actions alone.",
    ),
    "train_timeout": attr.string(
        doc = "How long one training action may run: `\"90s\"`, `\"30m\"` or `\"2h\"`; unset for no limit. " +
              "A script that overruns it is stopped (SIGTERM to its process group, then SIGKILL after a " +
              "few seconds) and the action fails with `timed out after ...`; in a search with " +
              "`max_failed_trials`, the trial is recorded as `timed_out` instead. The timeout is part of " +
              "the action's key: changing it runs the action again.",
    ),
    "training_data": attr.label(
        doc = "The training data: a file, a filegroup, a directory, or a repository rule's download. " +
              "Each file is passed as `--training_data PATH`; a directory is passed as one path.",
        allow_files = True,
        mandatory = True,
    ),
}

EVAL_ATTRS = {
    "eval_executable": attr.label(
        doc = "The evaluation program: any executable target. It must write a JSON object whose " +
              "leaves are numbers to the path given by `--metrics`.",
        executable = True,
        allow_files = True,
        cfg = "exec",
        mandatory = True,
    ),
    "eval_timeout": attr.string(
        doc = "How long one evaluation may run, as `train_timeout` for training: `\"90s\"`, `\"30m\"` " +
              "or `\"2h\"`; unset for no limit.",
    ),
    "test_data": attr.label(
        doc = "The held-out data, passed as `--test_data PATH` like `training_data`.",
        allow_files = True,
        mandatory = True,
    ),
}
