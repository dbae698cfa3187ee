"""The `model` macro: hyperparameters as strings or numbers, then the `model` rule."""

load("//databazel/private:argument_types.bzl", "checked_type")
load("//databazel/private:hyperparams.bzl", "string_hyperparams")
load(":model.bzl", _model_rule = "model")

def model(
        name,
        training_data,
        train_executable,
        hyperparams = None,
        out = "",
        seed = 0,
        epochs = 0,
        checkpoint_every = 0,
        model_is_dir = False,
        train_tags = [],
        train_cpus = 1,
        **kwargs):
    """Trains a model by running `train_executable`, as `DatabazelTrain` actions.

    The executable receives `--training_data`, `--model`, `--hyperparams`, `--hyperparams_file`,
    `--seed` and `--output_dir` (see docs/contract.md), and must write the model.
    With `epochs`, it also receives `--start_epoch` and `--end_epoch` (and `--init_checkpoint`
    after the first of several segments; see `checkpoint_every`).

    Default outputs: the model, `<name>.extras/` (the script's `--output_dir`),
    `<name>.curve.json` (its per-epoch metrics) and `<name>.report.html` (a self-contained report:
    hyperparameters and learning curve). Output groups: `records` (the run records), `logs`
    (everything the script printed), `extras`, `hyperparams` (the JSON it received),
    `checkpoints` (with `epochs`). The target's rule kind is `model`.

    Args:
      name: the target's name.
      training_data: the training data: a file, a filegroup (not empty), a directory, a
        repository rule's download, or a model. Each file is passed as `--training_data PATH`;
        a directory is passed as one path.
      train_executable: the training program: any executable target (sh_binary, py_binary,
        node_binary) or a script file with the execute permission. It is built for the
        execution platform of the `train` exec group.
      hyperparams: dict of hyperparameter name to value: strings, or numbers, which become
        strings (`1`, `0.1`, `1e-05`) as in `hyperparam_search`. Passed as JSON in
        `--hyperparams` and in a file named by `--hyperparams_file`; the script converts them.
      out: the model's output name, relative to the package; no other target of the package may
        write a file of that name. Placeholders: `%{name}`, `%{seed}` and `%{<hyperparameter>}`.
        Default: `%{name}.model`.
      seed: the random seed, 0 or more, passed as `--seed`. The same inputs and seed must give
        the same model.
      epochs: epochs to train, passed as `--start_epoch 0 --end_epoch N` (in segments with
        `checkpoint_every`) rather than as a hyperparameter. 0: the script decides, e.g. from an
        `epochs` hyperparameter, and gets no epoch flags.
      checkpoint_every: with epochs to train, the length of a training segment: each segment is
        one action that continues from the previous one's checkpoint (`--init_checkpoint`), so an
        interrupted build resumes and more epochs reuse the earlier ones. 0 trains all epochs in
        one action.
      model_is_dir: whether the train executable writes the model as a directory rather than a
        file.
      train_tags: execution requirements for the training actions only, e.g. `no-remote`,
        `requires-gpu` or `resources:gpu:1`. Keys of `exec_properties` under `train.` also apply
        to them alone.
      train_cpus: how many CPUs a training action takes from Bazel's local resources (1, 2, 4,
        8 or 16).
      **kwargs: common attributes: tags, visibility, testonly, exec_properties, ...
    """

    # Arguments of the wrong type fail this target alone, at analysis (argument_types.bzl).
    where = "model(name = \"{}\")".format(name)
    hyperparams = string_hyperparams(where, hyperparams)
    problems = list(hyperparams.problems)
    typed = lambda attr_name, value, kind, example: checked_type(where, problems, attr_name, value, kind, example)
    _model_rule(
        name = name,
        training_data = training_data,
        train_executable = train_executable,
        hyperparams = hyperparams.values,
        out = typed("out", out, "string", "\"%{name}.bin\""),
        seed = typed("seed", seed, "int", "1"),
        epochs = typed("epochs", epochs, "int", "10"),
        checkpoint_every = typed("checkpoint_every", checkpoint_every, "int", "2"),
        model_is_dir = typed("model_is_dir", model_is_dir, "bool", "True"),
        train_tags = typed("train_tags", train_tags, "list", "[\"no-remote\"]"),
        train_cpus = typed("train_cpus", train_cpus, "int", "2"),
        argument_errors = problems,
        **kwargs
    )
