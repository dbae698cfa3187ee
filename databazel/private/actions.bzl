"""The train and eval actions, shared by `model`, `evaluate` and `hyperparam_search`.

Each action runs a bundled TypeScript shim with the Node toolchain; the shim runs the user's
executable with the contract's flags, checks what it wrote, and records the run.
"""

load(":contract.bzl", "EVAL_FLAGS", "TRAIN_FLAGS")
load(":names.bzl", "display_label")
load(":node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")

# The shims read only their declared inputs, so the exec-root paths may be rewritten.
_EXECUTION_REQUIREMENTS = {"supports-path-mapping": "1"}

def _add_path(args, flag, file):
    # A directory is one path here; Args#add refuses directories, add_all can keep them whole.
    args.add_all([file], before_each = flag, expand_directories = False)

def declare_train_outputs(ctx, prefix, model_name, model_is_dir):
    """Declares the files one training run writes.

    Args:
      ctx: the rule context.
      prefix: the path prefix, relative to the package, for the run's side files.
      model_name: the model's file name, relative to the package.
      model_is_dir: whether the model is a directory.

    Returns:
      A struct of Files: model, output_dir, record, log, hyperparams.
    """
    declare = ctx.actions.declare_directory if model_is_dir else ctx.actions.declare_file
    return struct(
        model = declare(model_name),
        output_dir = ctx.actions.declare_directory(prefix + ".extras"),
        record = ctx.actions.declare_file(prefix + ".train.json"),
        log = ctx.actions.declare_file(prefix + ".train.log"),
        hyperparams = ctx.actions.declare_file(prefix + ".hyperparams.json"),
    )

def train_action(ctx, *, outputs, training_data, train_executable, hyperparams, seed, trial = None):
    """Registers the DatabazelTrain action for one model.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_train_shim`.
      outputs: the struct from `declare_train_outputs`.
      training_data: depset of Files passed as `--training_data` (a directory is one path).
      train_executable: the train executable's FilesToRunProvider.
      hyperparams: dict of string to string.
      seed: int.
      trial: the trial name inside a search, or None.
    """
    ctx.actions.write(outputs.hyperparams, json.encode_indent(_sorted_dict(hyperparams), indent = "  ") + "\n")

    args = ctx.actions.args()
    args.add(ctx.file._train_shim)
    args.add("--shim_label", display_label(ctx.label))
    if trial != None:
        args.add("--shim_trial", trial)
    args.add("--shim_executable", train_executable.executable)
    args.add("--shim_record", outputs.record)
    args.add("--shim_log", outputs.log)
    if outputs.model.is_directory:
        args.add("--shim_model_is_dir")
    args.add_all(training_data, before_each = TRAIN_FLAGS["training_data"], expand_directories = False)
    _add_path(args, TRAIN_FLAGS["model"], outputs.model)
    args.add(TRAIN_FLAGS["hyperparams_file"], outputs.hyperparams)
    args.add(TRAIN_FLAGS["seed"], str(seed))
    _add_path(args, TRAIN_FLAGS["output_dir"], outputs.output_dir)

    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = depset([ctx.file._train_shim, outputs.hyperparams], transitive = [training_data]),
        tools = [train_executable],
        outputs = [outputs.model, outputs.output_dir, outputs.record, outputs.log],
        mnemonic = "DatabazelTrain",
        progress_message = "Training %{label}" + (" trial " + trial if trial != None else ""),
        execution_requirements = _EXECUTION_REQUIREMENTS,
        toolchain = NODE_TOOLCHAIN_TYPE,
    )

def declare_eval_outputs(ctx, prefix, metrics_name):
    """Declares the files one evaluation writes.

    Args:
      ctx: the rule context.
      prefix: the path prefix, relative to the package, for the run's side files.
      metrics_name: the metrics file's name, relative to the package.

    Returns:
      A struct of Files: metrics, record, log.
    """
    return struct(
        metrics = ctx.actions.declare_file(metrics_name),
        record = ctx.actions.declare_file(prefix + ".eval.json"),
        log = ctx.actions.declare_file(prefix + ".eval.log"),
    )

def eval_action(ctx, *, outputs, model, test_data, eval_executable, trial = None):
    """Registers the DatabazelEval action for one model.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_eval_shim`.
      outputs: the struct from `declare_eval_outputs`.
      model: the model File (or directory).
      test_data: depset of Files passed as `--test_data`.
      eval_executable: the eval executable's FilesToRunProvider.
      trial: the trial name inside a search, or None.
    """
    args = ctx.actions.args()
    args.add(ctx.file._eval_shim)
    args.add("--shim_label", display_label(ctx.label))
    if trial != None:
        args.add("--shim_trial", trial)
    args.add("--shim_executable", eval_executable.executable)
    args.add("--shim_record", outputs.record)
    args.add("--shim_log", outputs.log)
    _add_path(args, EVAL_FLAGS["model"], model)
    args.add_all(test_data, before_each = EVAL_FLAGS["test_data"], expand_directories = False)
    args.add(EVAL_FLAGS["metrics"], outputs.metrics)

    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = depset([ctx.file._eval_shim, model], transitive = [test_data]),
        tools = [eval_executable],
        outputs = [outputs.metrics, outputs.record, outputs.log],
        mnemonic = "DatabazelEval",
        progress_message = "Evaluating %{label}" + (" trial " + trial if trial != None else ""),
        execution_requirements = _EXECUTION_REQUIREMENTS,
        toolchain = NODE_TOOLCHAIN_TYPE,
    )

def _sorted_dict(d):
    return {k: d[k] for k in sorted(d.keys())}
