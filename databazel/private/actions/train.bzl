"""The DatabazelTrain actions: one per model, or a chain of epoch segments with checkpoints.

With `epochs` set, training runs in segments of `checkpoint_every` epochs, each one action that
continues from the previous segment's checkpoint. Segment boundaries are multiples of
`checkpoint_every` and the hyperparameters a segment sees leave `epochs` out, so runs that
differ only in their length share their common prefix: it is the same action.
"""

load("//databazel/private:checks.bzl", "check_one_of")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "SHIM_FLAGS", "TRAIN_FLAGS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN", "node_runtime")
load("//databazel/private:timeouts.bzl", "checked_timeout")
load(":common.bzl", "EXECUTION_REQUIREMENTS", "add_path", "shim_args")

# Training actions run in their own exec group, so that `exec_properties = {"train.KEY": ...}`
# (a GPU pool, say) applies to them and not to evaluation or ranking.
TRAIN_EXEC_GROUP = "train"

TRAIN_EXEC_GROUPS = {TRAIN_EXEC_GROUP: exec_group(toolchains = [NODE_TOOLCHAIN])}

def _cpu_1(_os, _inputs):
    return {"cpu": 1}

def _cpu_2(_os, _inputs):
    return {"cpu": 2}

def _cpu_4(_os, _inputs):
    return {"cpu": 4}

def _cpu_8(_os, _inputs):
    return {"cpu": 8}

def _cpu_16(_os, _inputs):
    return {"cpu": 16}

# resource_set must be a top-level function, so there is one per allowed CPU count.
_RESOURCE_SETS = {1: _cpu_1, 2: _cpu_2, 4: _cpu_4, 8: _cpu_8, 16: _cpu_16}
TRAIN_CPUS = sorted(_RESOURCE_SETS.keys())

def write_hyperparams(ctx, file, hyperparams):
    """Writes hyperparameters as JSON with sorted keys, so equal dicts give equal files.

    Args:
      ctx: the rule context.
      file: the File to write.
      hyperparams: dict of string to string.
    """
    ordered = {k: hyperparams[k] for k in sorted(hyperparams.keys())}
    ctx.actions.write(file, json.encode_indent(ordered, indent = "  ") + "\n")

def segment_bounds(epochs, checkpoint_every, stops = []):
    """The (start, end) epochs of each segment: boundaries at multiples of checkpoint_every.

    Args:
      epochs: int, how many epochs to train.
      checkpoint_every: int; 0 trains all epochs in one segment.
      stops: more epochs to end a segment at (the scheduler's rungs, where it decides which
        trials go on); those at or beyond `epochs` are ignored.

    Returns:
      list of (start, end) tuples.
    """
    ends = {epochs: True}
    if checkpoint_every > 0:
        for end in range(checkpoint_every, epochs, checkpoint_every):
            ends[end] = True
    for end in stops:
        if end > 0 and end < epochs:
            ends[end] = True
    bounds = []
    start = 0
    for end in sorted(ends.keys()):
        bounds.append((start, end))
        start = end
    return bounds

def _train_action(ctx, *, out, training_data, data_digests, train_executable, hyperparams_file, seed, trial, segment, previous, record_failures, propagate, gate):
    startup, args = shim_args(ctx, shim = ctx.file._train_shim, executable = train_executable.executable, outputs = out, trial = trial)
    args.add(SHIM_FLAGS["curve"], out.curve)
    if out.model.is_directory:
        args.add(SHIM_FLAGS["model_is_dir"])
    if previous != None and previous.curve != None:
        args.add(SHIM_FLAGS["previous_curve"], previous.curve)
    timeout = checked_timeout(ctx, "train_timeout")
    if timeout:
        args.add(SHIM_FLAGS["timeout"], timeout)
    previous_outcome = getattr(previous, "outcome", None) if previous != None else None
    if record_failures:
        args.add(SHIM_FLAGS["record_failures"])
    if (record_failures or propagate) and previous_outcome != None:
        # A failed (or stopped) earlier segment passes its outcome on instead of training. The
        # outcome file, unlike the run record, holds no wall time: the key stays the same.
        args.add(SHIM_FLAGS["previous_outcome"], previous_outcome)
    else:
        previous_outcome = None
    if gate != None:
        args.add(SHIM_FLAGS["promotion"], gate)
    if data_digests != None:
        args.add(SHIM_FLAGS["data_digests"], data_digests)
    args.add_all(training_data, before_each = TRAIN_FLAGS["training_data"], expand_directories = False)
    add_path(args, TRAIN_FLAGS["model"], out.model)
    args.add(TRAIN_FLAGS["hyperparams_file"], hyperparams_file)
    args.add(TRAIN_FLAGS["seed"], str(seed))
    add_path(args, TRAIN_FLAGS["output_dir"], out.output_dir)
    if segment != None:
        args.add(TRAIN_FLAGS["start_epoch"], str(segment[0]))
        args.add(TRAIN_FLAGS["end_epoch"], str(segment[1]))
    if previous != None:
        add_path(args, TRAIN_FLAGS["init_checkpoint"], previous.model)

    check_one_of(
        display_label(ctx.label),
        "train_cpus",
        ctx.attr.train_cpus,
        TRAIN_CPUS,
        "set train_cpus to one of them: the CPUs one training action takes from Bazel's local resources.",
    )
    requirements = dict(EXECUTION_REQUIREMENTS)
    for tag in ctx.attr.train_tags:
        requirements[tag] = ""
    ctx.actions.run(
        executable = node_runtime(ctx, TRAIN_EXEC_GROUP).node,
        arguments = [startup, args],
        inputs = depset(
            [hyperparams_file] +
            ([f for f in (previous.model, previous.curve) if f != None] if previous else []) +
            ([previous_outcome] if previous_outcome != None else []) +
            ([gate] if gate != None else []) +
            ([data_digests] if data_digests != None else []),
            transitive = [training_data],
        ),
        # The shim is a tool: a worker is restarted when it changes.
        tools = [ctx.file._train_shim, train_executable],
        outputs = [out.model, out.output_dir, out.record, out.outcome, out.log, out.curve],
        mnemonic = "DatabazelTrain",
        progress_message = "Training %{label}" + (" " + trial if trial != None else ""),
        execution_requirements = requirements,
        exec_group = TRAIN_EXEC_GROUP,
        resource_set = _RESOURCE_SETS[ctx.attr.train_cpus],
    )

def _declare(ctx, prefix, model_name, model_is_dir):
    declare = ctx.actions.declare_directory if model_is_dir else ctx.actions.declare_file
    return struct(
        model = declare(model_name),
        output_dir = ctx.actions.declare_directory(prefix + FILE_SUFFIXES["extras"]),
        record = ctx.actions.declare_file(prefix + FILE_SUFFIXES["train_record"]),
        outcome = ctx.actions.declare_file(prefix + FILE_SUFFIXES["train_outcome"]),
        log = ctx.actions.declare_file(prefix + FILE_SUFFIXES["train_log"]),
        curve = ctx.actions.declare_file(prefix + FILE_SUFFIXES["curve"]),
    )

def train(
        ctx,
        *,
        prefix,
        model_name,
        hyperparams_file,
        training_data,
        train_executable,
        seed,
        trial = None,
        epochs = None,
        checkpoint_every = 0,
        segments = None,
        init_from = None,
        record_failures = False,
        data_digests = None,
        stops = [],
        gates = {}):
    """Registers the training of one model and returns what it writes.

    Args:
      ctx: the rule context; the rule declares the `train` exec group, `_train_shim` and the
        routing attributes (`train_tags`, `train_cpus`).
      prefix: where the run's side files go, relative to the package.
      model_name: the model's name when trained in one run (epochs is None).
      hyperparams_file: File with the hyperparameters (without `epochs` when segmented).
      training_data: depset of Files.
      train_executable: FilesToRunProvider.
      seed: int.
      trial: the trial name inside a search, or None.
      epochs: int to train in segments passing --start_epoch/--end_epoch; None for one run
        that gets the epochs, if any, from its hyperparameters.
      checkpoint_every: int, the segment length; 0 for one segment.
      segments: dict shared by the chains of one target, so equal segments are declared once.
      init_from: a ModelInfo to continue from (fine-tuning): the first action gets its model as
        `--init_checkpoint`, and its learning curve, when it has one, starts this one's. None
        trains from scratch.
      data_digests: File or None: the training data's digests (`digest_action`), so the run
        records need not hash the data again; None hashes it in each action.
      record_failures: inside a search with `max_failed_trials`: a failed run is recorded as the
        trial's outcome (with a placeholder model) and the action succeeds.
      stops: more epochs to end a segment at: the scheduler's rungs.
      gates: dict of epoch to File: the promotion file (tools/src/formats/scheduler.ts) that the segment
        starting at that epoch reads; on `stop` it trains nothing, and every later segment of
        the chain passes that on (each reads its predecessor's run record).

    Returns:
      struct(model, curve, record, outcome, log, output_dir, checkpoints, records, by_end): the
      last run's files (`outcome`: its outcome alone, for `evaluate(record_failures = ...)`), every checkpoint and run record of the chain in order, and each segment's
      files by the epoch it ends at.
    """

    # One run is a chain of one step without epoch flags; segments are named by their last epoch.
    if epochs == None:
        steps = [(None, prefix, model_name, trial)]
    else:
        steps = [
            ((start, end), "{}/epoch_{}".format(prefix, end), "{}/epoch_{}.ckpt".format(prefix, end), "{}epochs {}-{}".format(trial + " " if trial else "", start, end))
            for start, end in segment_bounds(epochs, checkpoint_every, stops)
        ]
    segments = {} if segments == None else segments
    previous = struct(model = init_from.model, curve = init_from.learning_curve) if init_from != None else None
    chain = []
    by_end = {}
    for segment, name, model_file, step_trial in steps:
        key = (prefix, segment)
        if key not in segments:
            out = _declare(ctx, name, model_file, ctx.attr.model_is_dir)
            _train_action(
                ctx,
                out = out,
                training_data = training_data,
                train_executable = train_executable,
                hyperparams_file = hyperparams_file,
                seed = seed,
                trial = step_trial,
                segment = segment,
                previous = previous,
                record_failures = record_failures,
                data_digests = data_digests,
                propagate = bool(gates),
                gate = gates.get(segment[0]) if segment != None else None,
            )
            segments[key] = out
        previous = segments[key]
        chain.append(previous)
        if segment != None:
            by_end[segment[1]] = previous
    last = chain[-1]
    return struct(
        model = last.model,
        curve = last.curve,
        record = last.record,
        outcome = last.outcome,
        log = last.log,
        output_dir = last.output_dir,
        checkpoints = [s.model for s in chain] if epochs != None else [],
        records = [s.record for s in chain],
        by_end = by_end,
    )
