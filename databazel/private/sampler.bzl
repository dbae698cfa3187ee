"""Searches that learn from earlier trials: `hyperparam_search(sampler = "tpe")`, in batches.

The action graph is fixed at analysis, the hyperparameters are not: the search has
n_trials / batch_size batches of positional trials (`b2_t3`). The first batch is drawn at
random here, as random search draws; each later batch's hyperparameter files are written while
building by one DatabazelSampler action, whose inputs are every earlier trial's hyperparameters
and validation metric. A trial trains from its file like any other, so everything is cached,
and the same seed replays the same proposals.
"""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private/actions:eval.bzl", "validation_eval")
load("//databazel/private/actions:sampler.bzl", "sampler_action")
load("//databazel/private/actions:train.bzl", "train", "write_hyperparams")
load(":names.bzl", "display_label")
load(":trial_outputs.bzl", "trial_output_template")
load(":trials.bzl", "expand_trials", "parse_space")

# The samplers a user names; a sampler executable is "executable" (the macro sets it for a label).
SAMPLERS = ["tpe", "nsga2"]
SAMPLER_KINDS = SAMPLERS + ["executable"]

def unknown_sampler(where, sampler):
    """The message for a `sampler` that is neither a known sampler nor a label.

    Args:
      where: string naming the target.
      sampler: the value given.

    Returns:
      string: the message, with the fix.
    """
    return ("databazel: {}: sampler = {} is not a sampler databazel knows (it knows: {}).\n" +
            "Fix: use sampler = \"tpe\" (a Tree-structured Parzen Estimator), \"nsga2\" (NSGA-II, for " +
            "several objectives), or a label of your own " +
            "sampler executable such as \":my_sampler\" (docs/contract.md), or leave sampler out for random " +
            "search.").format(where, repr(sampler), ", ".join(SAMPLERS))

def sampler_executable(ctx, where):
    """The sampler executable, checked at analysis, or None for a built-in sampler.

    Args:
      ctx: the rule context.
      where: string naming the target.

    Returns:
      struct(files_to_run, label) or None.
    """
    target = ctx.attr.sampler_executable
    if ctx.attr.sampler != "executable":
        return None
    files_to_run = target[DefaultInfo].files_to_run

    # A plain file (even a script) is refused: its execute bit is not known at analysis.
    if files_to_run == None or files_to_run.executable == None or files_to_run.executable.is_source:
        fail(("databazel: {}: sampler = \"{}\" is not an executable target: Bazel cannot run it to propose a batch.\n" +
              "Fix: point sampler at an executable target, e.g. py_binary(name = \"my_sampler\", srcs = " +
              "[\"my_sampler.py\"]) or sh_binary(...), which reads --history and writes --output " +
              "(docs/contract.md).").format(where, display_label(target.label)))
    return struct(files_to_run = files_to_run, label = target.label)

def check_sampler(ctx, where, n_trials):
    """Fails at analysis on a sampler set up wrongly; returns whether the search has one.

    Args:
      ctx: the hyperparam_search rule context.
      where: string naming the target, for messages.
      n_trials: how many trials the search runs.

    Returns:
      bool: whether `sampler` is set.
    """
    attrs = ctx.attr
    if not attrs.sampler:
        if attrs.batch_size:
            fail(("databazel: {}: batch_size is only used with a sampler, but sampler is not set.\n" +
                  "Fix: set sampler = \"tpe\" to propose each batch from the trials before it, or remove batch_size.").format(where))
        return False
    if not attrs.space:
        fail(("databazel: {}: sampler = \"{}\" proposes values from space, which is empty{}.\n" +
              "Fix: give space = {{\"lr\": \"loguniform(1e-4, 1e-1)\"}}; a grid is searched exhaustively " +
              "and needs no sampler.").format(where, attrs.sampler, " (only grid is set)" if attrs.grid else ""))
    if attrs.grid:
        fail(("databazel: {}: sampler = \"{}\" cannot take grid: it proposes every hyperparameter it searches.\n" +
              "Fix: write the grid's values as choice(...) in space, e.g. space = {{\"hidden\": \"choice(64, 128)\"}}.").format(where, attrs.sampler))
    if attrs.scheduler:
        fail(("databazel: {}: sampler with scheduler (BOHB) is not supported yet.\n" +
              "Fix: use one of them: sampler = \"{}\" proposes better trials, scheduler = \"{}\" stops poor ones early.").format(where, attrs.sampler, attrs.scheduler))
    if attrs.checkpoint_every:
        fail(("databazel: {}: sampler with checkpoint_every is not supported yet: proposed trials train in one action.\n" +
              "Fix: remove checkpoint_every.").format(where))
    if attrs.batch_size < 1 or attrs.batch_size > n_trials or n_trials % attrs.batch_size != 0:
        fail(("databazel: {}: batch_size = {} must divide n_trials = {}: the search runs n_trials / batch_size " +
              "batches of the same size, each proposed from the ones before.\n" +
              "Fix: set batch_size to a divisor of n_trials, e.g. n_trials = 32 and batch_size = 8 (4 batches).").format(
            where,
            attrs.batch_size,
            n_trials,
        ))
    if n_trials // attrs.batch_size < 2:
        fail(("databazel: {}: n_trials = {} with batch_size = {} is one batch, drawn at random: the sampler " +
              "would propose nothing.\n" +
              "Fix: lower batch_size (e.g. {}) or raise n_trials, so that later batches learn from earlier ones.").format(
            where,
            n_trials,
            attrs.batch_size,
            max(1, n_trials // 4),
        ))
    if attrs.validation_data == None:
        fail(("databazel: {}: sampler = \"{}\" proposes each batch from the earlier trials' metric on " +
              "validation_data, which is not set. Proposing from test_data would tune the search to the test set.\n" +
              "Fix: set validation_data to data held out of the training data, e.g. validation_data = \":validation\".").format(where, attrs.sampler))
    return True

def _trial_name(batch, index):
    return "b{}_t{}".format(batch, index)

def sampled_trials(ctx, where, *, n_trials, common, validation, model_name):
    """Registers every batch: the trials' training and validation, and the proposals.

    Args:
      ctx: the hyperparam_search rule context, checked by `check_sampler`.
      where: string naming the target, for messages.
      n_trials: how many trials in all.
      common: the keyword arguments every `train` call of the search shares.
      validation: struct(data, digests, ranking): the validation data's Files, their digests, and
        what the search ranks by.
      model_name: function of a trial struct (name, hyperparams) to its model's file name.

    Returns:
      struct(trials, trained, records, logs, batches): batches are the proposals' history and
      output files; trials are struct(name, hyperparams, varying,
      hyperparams_file) in order (hyperparams: the fixed ones); trained maps each trial's name
      to struct(trained, hyperparams_file); records and logs are the validation evals'.
    """
    attrs = ctx.attr
    size = attrs.batch_size
    space = parse_space(attrs.space, where)
    record_failures = attrs.max_failed_trials > 0
    executable = sampler_executable(ctx, where)
    trials = []
    trained = {}
    history = []
    batches = []
    records = []
    logs = []

    # The first batch: random samples, as random search draws them (sample indices 0 to size - 1).
    first = expand_trials(fixed = attrs.hyperparams, grid = {}, space = attrs.space, n_trials = size, seed = attrs.seed, where = where)
    for batch in range(1, n_trials // size + 1):
        names = [_trial_name(batch, i + 1) for i in range(size)]
        files = [ctx.actions.declare_file("{}/{}/run{}".format(ctx.label.name, name, FILE_SUFFIXES["hyperparams"])) for name in names]
        if batch == 1:
            for sample, file in zip(first, files):
                write_hyperparams(ctx, file, sample.hyperparams)
        else:
            batches.append(sampler_action(
                ctx,
                ranking = validation.ranking,
                batch = batch,
                space = space,
                fixed = attrs.hyperparams,
                history = list(history),
                proposals = [struct(name = n, hyperparams = f) for n, f in zip(names, files)],
                executable = executable,
            ))
        for name, file in zip(names, files):
            prefix = "{}/{}/run".format(ctx.label.name, name)
            trial = struct(name = name, hyperparams = dict(attrs.hyperparams), varying = {}, hyperparams_file = file)
            chain = train(
                ctx,
                prefix = prefix,
                model_name = model_name(trial),
                hyperparams_file = file,
                trial = name,
                record_failures = record_failures,
                **common
            )
            scored = validation_eval(
                ctx,
                prefix = prefix,
                trial = name,
                model = chain.model,
                train_outcome = chain.outcome,
                validation = validation,
                record_failures = record_failures,
            )
            records.append(scored.record)
            logs.append(scored.log)
            history.append(struct(name = name, hyperparams = file, metrics = scored.metrics, outcome = scored.outcome))
            trained[name] = struct(trained = chain, hyperparams_file = file)
            trials.append(trial)
    return struct(
        trials = trials,
        trained = trained,
        records = records,
        logs = logs,
        batches = [f for b in batches for f in (b.history, b.proposals)],
    )

def check_sampler_templates(ctx, where):
    """Fails when `model_out` or `metrics_out` names a searched hyperparameter, unknown until proposed.

    Args:
      ctx: the rule context.
      where: string naming the target.
    """
    for output in ["model_out", "metrics_out"]:
        attr_name, template = trial_output_template(ctx, output).attr, trial_output_template(ctx, output).template
        for key in ctx.attr.space.keys():
            if "%{" + key + "}" in template:
                fail(("databazel: {}: {} = \"{}\" uses %{{{}}}, but with a sampler that value is proposed while " +
                      "building, after the file names are fixed.\n" +
                      "Fix: name files by %{{trial}} (b2_t3) instead; the leaderboard shows each trial's values.").format(
                    where,
                    attr_name,
                    template,
                    key,
                ))
