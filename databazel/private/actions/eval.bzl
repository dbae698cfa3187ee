"""The DatabazelEval action: runs the user's eval executable on one model, through the eval shim."""

load("//databazel/private:contract.bzl", "EVAL_FLAGS", "FILE_SUFFIXES", "SHIM_FLAGS")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load("//databazel/private:timeouts.bzl", "checked_timeout")
load(":common.bzl", "EXECUTION_REQUIREMENTS", "add_path", "shim_args")

def declare_eval_outputs(ctx, prefix, metrics_name):
    """Declares the files one evaluation writes.

    Args:
      ctx: the rule context.
      prefix: the path prefix, relative to the package, for the run's side files.
      metrics_name: the metrics file's name, relative to the package.

    Returns:
      A struct of Files: metrics, record, outcome, log.
    """
    return struct(
        metrics = ctx.actions.declare_file(metrics_name),
        record = ctx.actions.declare_file(prefix + FILE_SUFFIXES["eval_record"]),
        outcome = ctx.actions.declare_file(prefix + FILE_SUFFIXES["eval_outcome"]),
        log = ctx.actions.declare_file(prefix + FILE_SUFFIXES["eval_log"]),
    )

def eval_action(ctx, *, outputs, model, test_data, eval_executable, trial = None, metric = None, record_failures = None, data_digests = None, train_outcome = None, skip_pruned = False, data_kind = "test"):
    """Registers the DatabazelEval action for one model.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_eval_shim`.
      outputs: the struct from `declare_eval_outputs`.
      model: the model File (or directory).
      test_data: depset of Files passed as `--test_data`.
      eval_executable: the eval executable's FilesToRunProvider.
      trial: the trial name inside a search, or None.
      metric: inside a search, the metric that ranks its trials, or a list of them (every
        objective and constrained metric): an eval script that does not write one fails the build
        at once, failures recorded or not, since no trial could be ranked.
      data_digests: File or None: the test data's digests (`digest_action`); None hashes it here.
      record_failures: inside a search with `max_failed_trials`, struct(train_outcome): the
        model's training outcome (`train(...).outcome`; a failure there passes on without
        running the eval; a run record, as `train_record`, works too but holds its wall time);
        a NaN or infinite `metric` then makes the trial `diverged` (a `metric` field here works
        as the `metric` parameter). None fails the action on any failure.
      train_outcome: with a scheduler, the model's training outcome, also without
        record_failures: a failure there passes on, and with skip_pruned so does a stopped trial.
      skip_pruned: at a rung of a search with a scheduler: a trial stopped earlier is not scored again.
      data_kind: "test" or "validation", for the progress message.
    """
    startup, args = shim_args(ctx, shim = ctx.file._eval_shim, executable = eval_executable.executable, outputs = outputs, trial = trial)
    add_path(args, EVAL_FLAGS["model"], model)
    args.add_all(test_data, before_each = EVAL_FLAGS["test_data"], expand_directories = False)
    args.add(EVAL_FLAGS["metrics"], outputs.metrics)
    if data_digests != None:
        args.add(SHIM_FLAGS["data_digests"], data_digests)
    timeout = checked_timeout(ctx, "eval_timeout")
    if timeout:
        args.add(SHIM_FLAGS["timeout"], timeout)

    # record_failures carried the metric before `metric` was a parameter: it still may.
    metric = metric if metric != None else getattr(record_failures, "metric", None)
    if metric != None:
        args.add_all([metric] if type(metric) == "string" else metric, before_each = SHIM_FLAGS["search_metric"])
    if record_failures != None:
        args.add(SHIM_FLAGS["record_failures"])
        train_outcome = getattr(record_failures, "train_outcome", None) or getattr(record_failures, "train_record", None)
    if train_outcome != None:
        args.add(SHIM_FLAGS["train_outcome"], train_outcome)
    if skip_pruned:
        args.add(SHIM_FLAGS["skip_pruned"])

    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [startup, args],
        inputs = depset(
            [model] + ([train_outcome] if train_outcome != None else []) +
            ([data_digests] if data_digests != None else []),
            transitive = [test_data],
        ),
        # The shim is a tool: a worker is restarted when it changes.
        tools = [ctx.file._eval_shim, eval_executable],
        outputs = [outputs.metrics, outputs.record, outputs.outcome, outputs.log],
        mnemonic = "DatabazelEval",
        progress_message = "Evaluating %{label}" + (" trial " + trial if trial != None else "") +
                           (" on the validation data" if data_kind == "validation" else ""),
        execution_requirements = EXECUTION_REQUIREMENTS,
        toolchain = NODE_TOOLCHAIN_TYPE,
    )

def validation_eval(ctx, *, prefix, trial, model, train_outcome, validation, record_failures, skip_pruned = False):
    """Scores a trial's model on the search's validation data: what its next decision reads.

    Args:
      ctx: the hyperparam_search rule context.
      prefix: the path prefix of the outputs (`<prefix>.validation.json`, ...).
      trial: the trial's name in messages.
      model: the model File (or directory) to score.
      train_outcome: File, the outcome of the training that wrote it.
      validation: struct(data, digests, ranking): the validation data's Files, their digests,
        and what the search ranks by (objectives.bzl's search_objectives).
      record_failures: whether the search records failures (`max_failed_trials`).
      skip_pruned: whether a trial the scheduler stopped passes on without a score.

    Returns:
      struct(metrics, record, outcome, log): Files.
    """
    out = struct(
        metrics = ctx.actions.declare_file(prefix + FILE_SUFFIXES["validation_metrics"]),
        record = ctx.actions.declare_file(prefix + FILE_SUFFIXES["validation_record"]),
        outcome = ctx.actions.declare_file(prefix + FILE_SUFFIXES["validation_outcome"]),
        log = ctx.actions.declare_file(prefix + FILE_SUFFIXES["validation_log"]),
    )
    eval_action(
        ctx,
        outputs = out,
        model = model,
        test_data = validation.data,
        data_digests = validation.digests,
        eval_executable = ctx.attr.eval_executable[DefaultInfo].files_to_run,
        trial = trial,
        metric = validation.ranking.metrics,
        record_failures = struct(train_outcome = train_outcome) if record_failures else None,
        train_outcome = train_outcome,
        skip_pruned = skip_pruned,
        data_kind = "validation",
    )
    return out
