"""Attributes shared by databazel's rules, so each is declared and documented once."""

SHIM_ATTRS = {
    "_aggregate": attr.label(
        default = Label("//tools/dist:aggregate.cjs"),
        allow_single_file = True,
    ),
    "_eval_shim": attr.label(
        default = Label("//tools/dist:eval_shim.cjs"),
        allow_single_file = True,
    ),
    "_train_shim": attr.label(
        default = Label("//tools/dist:train_shim.cjs"),
        allow_single_file = True,
    ),
}

TRAIN_ATTRS = {
    "hyperparams": attr.string_dict(
        doc = "Hyperparameters, as strings (the script converts them). Passed as JSON in " +
              "`--hyperparams` and in a file named by `--hyperparams_file`.",
    ),
    "model_is_dir": attr.bool(
        doc = "Whether the train executable writes the model as a directory rather than a file.",
    ),
    "train_executable": attr.label(
        doc = "The training program: any executable target (sh_binary, py_binary, node_binary) or an " +
              "executable script file. " +
              "It is built for the execution platform.",
        executable = True,
        allow_files = True,
        cfg = "exec",
        mandatory = True,
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
    "test_data": attr.label(
        doc = "The held-out data, passed as `--test_data PATH` like `training_data`.",
        allow_files = True,
        mandatory = True,
    ),
}
