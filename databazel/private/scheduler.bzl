"""Successive halving and Hyperband as one build: `hyperparam_search(scheduler = ...)`.

Bazel fixes the action graph before anything runs, so the search declares every segment a trial
could reach, and decides while building which ones train:

- each trial trains in segments that end at every rung (and every `checkpoint_every`);
- at a rung, a DatabazelEval action scores each trial's checkpoint on `validation_data`, and one
  DatabazelPromote action per rung writes one small promotion file per trial;
- the segment that starts at the rung reads only its own trial's decision: on `stop` it trains
  nothing and carries the checkpoint forward, and every later segment passes that on.

A promotion file holds only what is the same whenever the decision is, so a trial whose decision
did not change keeps its cache hits when other trials' metrics change. Rungs count up from
`min_epochs` (databazel/private/rungs.bzl), so raising `max_epochs` keeps every earlier rung,
decision and segment.
"""

load("//databazel/private/actions:eval.bzl", "validation_eval")
load("//databazel/private/actions:promote.bzl", "promote_action")
load("//databazel/private/actions:train.bzl", "train", "write_hyperparams")
load(":checkpoint_support.bzl", "CHECKPOINTS_TAG", "supports_checkpoints")
load(":contract.bzl", "FILE_SUFFIXES")
load(":names.bzl", "display_label")
load(":rungs.bzl", "hyperband", "integer_log", "successive_halving")
load(":trials.bzl", "expand_trials")

SCHEDULERS = ["successive_halving", "hyperband"]

# Each Hyperband bracket draws its configurations from its own run of sample indices, so a
# bracket's trials do not change when another bracket gains or loses configurations; each
# iteration's brackets from runs of their own, so the first iteration draws what one did alone.
_BRACKET_STRIDE = 1048576
_ITERATION_STRIDE = 64

def _set_scheduler_attrs(attrs):
    return [
        name
        for name, is_set in [
            ("min_epochs", attrs.min_epochs != 1),
            ("max_epochs", attrs.max_epochs != 0),
            ("reduction_factor", attrs.reduction_factor != 3),
            ("continue_trials", len(attrs.continue_trials) > 0),
            ("iterations", attrs.iterations != 1),
        ]
        if is_set
    ]

def _check_no_epochs(attrs, where):
    for attr_name in ["hyperparams", "grid", "space"]:
        if "epochs" in getattr(attrs, attr_name):
            fail(("databazel: {}: scheduler = \"{}\" sets how many epochs each trial trains (min_epochs up to " +
                  "max_epochs), but epochs is also in {}.\n" +
                  "Fix: remove epochs from {}, and set max_epochs = N for the trials that train longest.").format(
                where,
                attrs.scheduler,
                attr_name,
                attr_name,
            ))

def check_scheduler(ctx, where):
    """Fails at analysis on a scheduler set up wrongly; returns whether the search has a scheduler.

    Args:
      ctx: the hyperparam_search rule context.
      where: string naming the target, for messages.

    Returns:
      bool: whether `scheduler` is set.
    """
    attrs = ctx.attr
    if not attrs.scheduler:
        set_attrs = _set_scheduler_attrs(attrs)
        if set_attrs:
            fail(("databazel: {}: {} {} only used with a scheduler, but scheduler is not set.\n" +
                  "Fix: set scheduler = \"successive_halving\" (or \"hyperband\") to stop poor trials early, " +
                  "or remove {}.").format(
                where,
                " and ".join(set_attrs),
                "is" if len(set_attrs) == 1 else "are",
                " and ".join(set_attrs),
            ))

        # A sampler scores trials on validation_data too.
        if attrs.validation_data != None and not attrs.sampler:
            fail(("databazel: {}: validation_data is only used with a scheduler or a sampler, but neither is set.\n" +
                  "Fix: set scheduler = \"successive_halving\" (or \"hyperband\") to stop poor trials early on it, " +
                  "or sampler = \"tpe\" to propose trials from the earlier ones' metric on it, or remove validation_data.").format(where))
        return False
    if not attrs.grid and not attrs.space:
        fail(("databazel: {}: scheduler = \"{}\" has no trials to choose from: grid and space are both empty.\n" +
              "Fix: give space = {{\"lr\": \"loguniform(1e-4, 1e-1)\"}} (with n_trials and seed) and/or " +
              "grid = {{\"hidden\": [\"64\", \"128\"]}}; the scheduler starts every trial and keeps the best.").format(where, attrs.scheduler))
    if attrs.scheduler == "hyperband" and attrs.grid:
        fail(("databazel: {}: scheduler = \"hyperband\" draws each bracket's configurations from space, " +
              "so it cannot take grid.\n" +
              "Fix: write the grid's values as choice(...) in space, e.g. space = {{\"hidden\": \"choice(64, 128)\"}}, " +
              "or use scheduler = \"successive_halving\", which starts every grid point.").format(where))
    if attrs.iterations < 1:
        fail(("databazel: {}: iterations = {} runs no bracket.\n" +
              "Fix: set iterations to how many times Hyperband runs its brackets, 1 (the default) or more.").format(where, attrs.iterations))
    if attrs.iterations != 1 and attrs.scheduler != "hyperband":
        fail(("databazel: {}: iterations = {} repeats Hyperband's brackets, but scheduler = \"{}\" has none.\n" +
              "Fix: use scheduler = \"hyperband\", or raise n_trials to start more trials, and remove iterations.").format(where, attrs.iterations, attrs.scheduler))
    if attrs.reduction_factor < 2:
        fail(("databazel: {}: reduction_factor = {} would keep every trial: each rung keeps the best " +
              "1/reduction_factor of its trials.\n" +
              "Fix: set reduction_factor = 3 (the usual choice), or any whole number of at least 2.").format(where, attrs.reduction_factor))
    if attrs.max_epochs < 1:
        fail(("databazel: {}: scheduler = \"{}\" needs max_epochs, the epochs the best trials train.\n" +
              "Fix: set max_epochs = 9 and min_epochs = 1: every trial trains 1 epoch, the best third 3, " +
              "the best ninth 9 (with reduction_factor = 3).").format(where, attrs.scheduler))
    if attrs.min_epochs < 1 or attrs.min_epochs >= attrs.max_epochs:
        fail(("databazel: {}: min_epochs = {} and max_epochs = {}: the first rung must train at least 1 epoch " +
              "and fewer than the last.\n" +
              "Fix: set 1 <= min_epochs < max_epochs, e.g. min_epochs = 1 and max_epochs = 9.").format(where, attrs.min_epochs, attrs.max_epochs))
    if integer_log(attrs.max_epochs // attrs.min_epochs, attrs.reduction_factor) < 1:
        fail(("databazel: {}: min_epochs = {} times reduction_factor = {} is more than max_epochs = {}, " +
              "so there is only one rung and no trial is ever stopped.\n" +
              "Fix: raise max_epochs to at least {}, or lower min_epochs or reduction_factor.").format(
            where,
            attrs.min_epochs,
            attrs.reduction_factor,
            attrs.max_epochs,
            attrs.min_epochs * attrs.reduction_factor,
        ))
    _check_no_epochs(attrs, where)
    if attrs.validation_data == None:
        fail(("databazel: {}: scheduler = \"{}\" decides which trials go on by their metric on validation_data, " +
              "which is not set. Deciding on test_data would tune the search to the test set, and the " +
              "leaderboard's test metrics would no longer be held out.\n" +
              "Fix: set validation_data to data held out of the training data, e.g. validation_data = \":validation\" " +
              "(a filegroup).").format(where, attrs.scheduler))
    if not supports_checkpoints(attrs.train_executable):
        fail(("databazel: {}: scheduler = \"{}\" promotes a trial by continuing it from its checkpoint, but " +
              "train_executable {} does not say that it can.\n" +
              "A train executable can when it trains only epochs --start_epoch + 1 to --end_epoch, starting from " +
              "--init_checkpoint when given (docs/contract.md). To tell, build model(epochs = 4, checkpoint_every = 2) " +
              "and model(epochs = 4) with it: their models must be byte-identical.\n" +
              "Fix: if it can, add tags = [\"{}\"] to {} (wrap a plain script in sh_binary or py_binary to tag it); " +
              "otherwise make it do so, or remove scheduler.").format(
            where,
            attrs.scheduler,
            display_label(attrs.train_executable.label),
            CHECKPOINTS_TAG,
            display_label(attrs.train_executable.label),
        ))
    return True

def scheduler_plan(ctx, where, n_trials):
    """The brackets of the search, each with its rungs and its trials.

    Args:
      ctx: the hyperparam_search rule context, checked by `check_scheduler`.
      where: string naming the target, for messages.
      n_trials: how many samples successive halving draws from `space` (per grid point).

    Returns:
      list of struct(iteration, bracket, rungs, trials): iteration counts from 1 (successive
      halving has one), rungs as rungs.bzl gives them, trials as trials.bzl's `expand_trials`.
    """
    attrs = ctx.attr
    if attrs.scheduler == "successive_halving":
        trials = expand_trials(
            fixed = attrs.hyperparams,
            grid = attrs.grid,
            space = attrs.space,
            n_trials = n_trials,
            seed = attrs.seed,
            where = where,
        )
        return [struct(
            iteration = 1,
            bracket = 0,
            rungs = successive_halving(len(trials), attrs.min_epochs, attrs.max_epochs, attrs.reduction_factor),
            trials = trials,
        )]
    brackets = [
        struct(iteration = iteration + 1, bracket = b)
        for iteration in range(attrs.iterations)
        for b in hyperband(attrs.min_epochs, attrs.max_epochs, attrs.reduction_factor)
    ]

    # One draw for every bracket, so that a configuration drawn twice is drawn again, as random
    # search does, instead of two trials of one name.
    indices = [
        ((b.iteration - 1) * _ITERATION_STRIDE + b.bracket.bracket) * _BRACKET_STRIDE + i
        for b in brackets
        for i in range(b.bracket.configurations)
    ]
    trials = expand_trials(
        fixed = attrs.hyperparams,
        grid = {},
        space = attrs.space,
        n_trials = len(indices),
        seed = attrs.seed,
        where = where,
        sample_indices = indices,
    )
    plan = []
    start = 0
    for b in brackets:
        end = start + b.bracket.configurations
        plan.append(struct(iteration = b.iteration, bracket = b.bracket.bracket, rungs = b.bracket.rungs, trials = trials[start:end]))
        start = end
    return plan

def check_continue_trials(ctx, plan, where):
    """Fails when `continue_trials` names a trial the search does not have.

    Args:
      ctx: the rule context.
      plan: from `scheduler_plan`.
      where: string naming the target.
    """
    names = [t.name for b in plan for t in b.trials]
    for name in ctx.attr.continue_trials:
        if name not in names:
            fail(("databazel: {}: continue_trials names \"{}\", which is not a trial of this search.\n" +
                  "Its trials are: {}.\n" +
                  "Fix: copy the name from the trial column of the leaderboard (databazel show {}).").format(
                where,
                name,
                ", ".join(names),
                display_label(ctx.label),
            ))

def train_with_scheduler(ctx, plan, *, common, validation):
    """Registers every trial's segments, the validation evals at each rung, and the decisions.

    Args:
      ctx: the hyperparam_search rule context.
      plan: from `scheduler_plan`.
      common: the keyword arguments every `train` call of the search shares.
      validation: struct(data, digests, ranking): the validation data's Files, their digests, and
        what the search ranks by.

    Returns:
      struct(trained, summaries, manifest, info, records, logs): trained maps each trial's name
      to struct(trained, hyperparams_file); summaries are the rung summaries; manifest is the
      leaderboard manifest's schedule; info is SearchInfo's schedule; records and logs are the
      validation evals'.
    """
    attrs = ctx.attr
    record_failures = attrs.max_failed_trials > 0
    trained = {}
    summaries = []
    records = []
    logs = []
    manifest_brackets = []
    info_brackets = []
    for bracket in plan:
        deciding = bracket.rungs[:-1]
        at_rung = {}
        for trial in bracket.trials:
            prefix = "{}/segments/{}".format(ctx.label.name, trial.name)
            hyperparams_file = ctx.actions.declare_file(prefix + "/hyperparams.json")
            write_hyperparams(ctx, hyperparams_file, trial.hyperparams)
            gates = {
                r.epochs: ctx.actions.declare_file("{}/epoch_{}{}".format(prefix, r.epochs, FILE_SUFFIXES["promotion"]))
                for r in deciding
            }
            chain = train(
                ctx,
                prefix = prefix,
                model_name = None,
                hyperparams_file = hyperparams_file,
                trial = trial.name,
                epochs = attrs.max_epochs,
                checkpoint_every = attrs.checkpoint_every,
                stops = [r.epochs for r in bracket.rungs],
                gates = gates,
                record_failures = record_failures,
                **common
            )
            trained[trial.name] = struct(trained = chain, hyperparams_file = hyperparams_file)
            at_rung[trial.name] = []
            for r in deciding:
                segment = chain.by_end[r.epochs]
                scored = validation_eval(
                    ctx,
                    prefix = "{}/epoch_{}".format(prefix, r.epochs),
                    trial = "{} after {} epochs".format(trial.name, r.epochs),
                    model = segment.model,
                    train_outcome = segment.outcome,
                    validation = validation,
                    record_failures = record_failures,
                    skip_pruned = True,
                )
                records.append(scored.record)
                logs.append(scored.log)
                at_rung[trial.name].append(struct(name = trial.name, metrics = scored.metrics, outcome = scored.outcome, promotion = gates[r.epochs]))
        names = [t.name for t in bracket.trials]
        rungs_manifest = []
        for i, r in enumerate(deciding):
            keep = bracket.rungs[i + 1].trials
            summary = promote_action(
                ctx,
                ranking = validation.ranking,
                iteration = bracket.iteration,
                bracket = bracket.bracket,
                rung = i + 1,
                rungs = len(bracket.rungs),
                epochs = r.epochs,
                keep = keep,
                trials = [at_rung[name][i] for name in names],
                continue_trials = [name for name in attrs.continue_trials if name in at_rung],
            )
            summaries.append(summary)
            rungs_manifest.append({"epochs": r.epochs, "keep": keep, "summary": summary.path})
        rungs_manifest.append({"epochs": bracket.rungs[-1].epochs, "keep": None, "summary": None})
        manifest_brackets.append({"bracket": bracket.bracket, "iteration": bracket.iteration, "rungs": rungs_manifest, "trials": names})
        info_brackets.append(struct(iteration = bracket.iteration, bracket = bracket.bracket, rungs = bracket.rungs, trials = names))
    settings = {
        "iterations": attrs.iterations,
        "max_epochs": attrs.max_epochs,
        "min_epochs": attrs.min_epochs,
        "reduction_factor": attrs.reduction_factor,
        "scheduler": attrs.scheduler,
    }
    return struct(
        trained = trained,
        summaries = summaries,
        manifest = dict(settings, brackets = manifest_brackets),
        info = struct(brackets = info_brackets, rung_summaries = depset(summaries), **settings),
        records = records,
        logs = logs,
    )
