"""The `hyperparam_search` rule: one train and one eval action per trial, then a leaderboard."""

load("//databazel:providers.bzl", "ModelInfo", "SearchInfo", "search_trial")
load("//databazel/private:argument_types.bzl", "checked_type")
load("//databazel/private:attrs.bzl", "EVAL_ATTRS", "HELPER_ATTRS", "TRAIN_ATTRS", "train_executable_attr")
load("//databazel/private:checkpoint_support.bzl", "CHECKPOINTS_TAG", "checkpoint_support_aspect")
load("//databazel/private:checks.bzl", "CHECKPOINT_EVERY_FIX", "SEED_FIX", "check_not_negative", "check_one_of")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private:data.bzl", "required_data_files")
load("//databazel/private:hyperparams.bzl", "ARGUMENT_ERRORS_DOC", "fail_on_argument_errors", "string_hyperparams", "string_values")
load("//databazel/private:lineage.bzl", "model_lineage")
load("//databazel/private:names.bzl", "display_label", "expand_template", "trial_name")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN")
load("//databazel/private:sampler.bzl", "SAMPLER_KINDS", "check_sampler", "check_sampler_templates", "sampled_trials", "unknown_sampler")
load("//databazel/private:scheduler.bzl", "SCHEDULERS", "check_continue_trials", "check_scheduler", "scheduler_plan", "train_with_scheduler")
load("//databazel/private:trials.bzl", "expand_trials", "parse_space")
load("//databazel/private/actions:digest.bzl", "digest_action")
load("//databazel/private/actions:eval.bzl", "declare_eval_outputs", "eval_action")
load("//databazel/private/actions:leaderboard.bzl", "declare_leaderboard_outputs", "leaderboard_action")
load("//databazel/private/actions:report.bzl", "report_action")
load("//databazel/private/actions:train.bzl", "TRAIN_EXEC_GROUPS", "train", "write_hyperparams")

# What the macro passes when n_trials is not given: 10 trials, or Hyperband's own counts.
_N_TRIALS_UNSET = -1
_N_TRIALS_DEFAULT = 10

def _trial_epochs(trial, where):
    epochs = trial.hyperparams.get("epochs", "")
    if not epochs.isdigit() or int(epochs) < 1:
        fail(("databazel: {}: with checkpoint_every, each trial trains `epochs` epochs in segments, " +
              "but trial {} has epochs = \"{}\".\n" +
              "Fix: give a positive whole number of epochs in hyperparams, grid or space, " +
              "e.g. grid = {{\"epochs\": [\"2\", \"4\", \"8\"]}}.").format(where, trial.name, epochs))
    return int(epochs)

def _placeholders(ctx, trial):
    return dict(trial.hyperparams, name = ctx.label.name, trial = trial.name, seed = str(ctx.attr.seed))

def _check_distinct_outputs(ctx, trials, where):
    """Fails when the `model` or `metrics` template gives two trials the same file."""

    # With checkpoint_every, models are the chains' checkpoints, named without the template.
    attr_names = ["metrics"] if ctx.attr.checkpoint_every or ctx.attr.scheduler else ["model", "metrics"]
    seen = {}
    for trial in trials:
        for attr_name in attr_names:
            template = getattr(ctx.attr, attr_name)
            out = expand_template(template, _placeholders(ctx, trial), where, attr_name)
            if out in seen:
                other_attr, other_trial = seen[out]
                fail(("databazel: {}: {} = \"{}\" gives trial {} the same file \"{}\" as {} gives trial {}.\n" +
                      "Fix: put %{{trial}} in {}, e.g. {} = \"%{{name}}/%{{trial}}/{}\", so that each trial " +
                      "writes its own file.").format(
                    where,
                    attr_name,
                    template,
                    trial.name,
                    out,
                    other_attr if other_attr != attr_name else "it",
                    other_trial,
                    attr_name,
                    attr_name,
                    out.split("/")[-1],
                ))
            seen[out] = (attr_name, trial.name)

def _train_trial(ctx, trial, where, *, common, segments, hyperparams_files):
    """Trains one trial: in one action, or as a chain of segments shared with other trials."""
    placeholders = _placeholders(ctx, trial)
    run_prefix = "{}/{}/run".format(ctx.label.name, trial.name)
    if not ctx.attr.checkpoint_every:
        hyperparams_file = ctx.actions.declare_file(run_prefix + FILE_SUFFIXES["hyperparams"])
        write_hyperparams(ctx, hyperparams_file, trial.hyperparams)
        trained = train(
            ctx,
            prefix = run_prefix,
            model_name = expand_template(ctx.attr.model, placeholders, where, "model"),
            hyperparams_file = hyperparams_file,
            trial = trial.name,
            record_failures = ctx.attr.max_failed_trials > 0,
            **common
        )
        return trained, hyperparams_file

    # Trials that differ only in `epochs` share one chain of segments: its prefix, and every
    # segment action on it, is named by the other hyperparameters.
    epochs = _trial_epochs(trial, where)
    chain = trial_name({k: v for k, v in trial.varying.items() if k != "epochs"}) or "all"
    prefix = "{}/segments/{}".format(ctx.label.name, chain)
    if prefix not in hyperparams_files:
        hyperparams_files[prefix] = ctx.actions.declare_file(prefix + "/hyperparams.json")
        write_hyperparams(ctx, hyperparams_files[prefix], {k: v for k, v in trial.hyperparams.items() if k != "epochs"})
    trained = train(
        ctx,
        prefix = prefix,
        model_name = None,
        hyperparams_file = hyperparams_files[prefix],
        trial = chain,
        epochs = epochs,
        checkpoint_every = ctx.attr.checkpoint_every,
        segments = segments,
        record_failures = ctx.attr.max_failed_trials > 0,
        **common
    )
    return trained, hyperparams_files[prefix]

def _evaluate_trial(ctx, trial, where, *, trained, hyperparams_file, test_data, test_data_digests, eval_executable):
    """Evaluates one trained trial; returns what the search's outputs and providers need."""
    placeholders = _placeholders(ctx, trial)
    evaluated = declare_eval_outputs(
        ctx,
        "{}/{}/run".format(ctx.label.name, trial.name),
        expand_template(ctx.attr.metrics, placeholders, where, "metrics"),
    )
    eval_action(
        ctx,
        outputs = evaluated,
        model = trained.model,
        test_data = test_data,
        data_digests = test_data_digests,
        eval_executable = eval_executable,
        trial = trial.name,
        metric = ctx.attr.metric,
        record_failures = struct(train_outcome = trained.outcome) if ctx.attr.max_failed_trials > 0 else None,
    )
    return struct(
        info = search_trial(
            name = trial.name,
            hyperparams = trial.hyperparams,
            seed = ctx.attr.seed,
            model = trained.model,
            metrics = evaluated.metrics,
            run_record = evaluated.record,
            learning_curve = trained.curve,
            hyperparams_file = getattr(trial, "hyperparams_file", None),
        ),
        lineage = model_lineage(
            training_data = ctx.attr.training_data,
            train_executable = ctx.attr.train_executable,
            hyperparams_file = hyperparams_file,
            checkpoints = trained.checkpoints,
        ),
        logs = [trained.log, evaluated.log],
        records = trained.records + [evaluated.record],
    )

def _validation(ctx, where):
    """The validation data that rungs and samplers score trials on, hashed once for every run record."""
    data = required_data_files(ctx.attr.validation_data, where, "validation_data")
    return struct(data = data, digests = digest_action(ctx, data = data, kind = "validation_data"))

def _train_trials(ctx, trials, where, *, common):
    """Trains grid and random search trials: struct(trained, hyperparams_file) by trial name."""
    segments = {}
    hyperparams_files = {}
    out = {}
    for trial in trials:
        trained, hyperparams_file = _train_trial(
            ctx,
            trial,
            where,
            common = common,
            segments = segments,
            hyperparams_files = hyperparams_files,
        )
        out[trial.name] = struct(trained = trained, hyperparams_file = hyperparams_file)
    return out

def _search_report(ctx, trials, leaderboard, where):
    return report_action(
        ctx,
        kind = "search",
        details = {
            "goal": ctx.attr.goal,
            # What each hyperparameter is, for the charts' axes: log for loguniform, categories
            # for choice (in its order) and for a grid of words.
            "grid": ctx.attr.grid,
            "leaderboard": leaderboard.path,
            "metric": ctx.attr.metric,
            "space": {
                k: {"choices": d.choices, "high": d.high, "kind": d.kind, "low": d.low}
                for k, d in parse_space(ctx.attr.space, where).items()
            },
            "trials": [
                {
                    "curve": t.learning_curve.path,
                    "metrics": t.metrics.path,
                    "name": t.name,
                }
                for t in trials
            ],
        },
        inputs = [leaderboard] + [t.metrics for t in trials] + [t.learning_curve for t in trials],
    )

def _check_arguments(ctx):
    """The checks of the macro's arguments, here so that a wrong one fails this target alone."""

    # The messages name the target as the macro call, as they did when the macro checked them.
    where = "hyperparam_search(name = \"{}\")".format(ctx.label.name)
    if not ctx.attr.metric:
        fail(("databazel: {}: metric is not named, so trials cannot be ranked.\n" +
              "Fix: set metric = \"accuracy\" (or another number the eval executable writes), " +
              "and goal = \"maximize\" or \"minimize\".").format(where))
    fail_on_argument_errors(ctx)
    if ctx.attr.sampler not in [""] + SAMPLER_KINDS:
        fail(unknown_sampler(where, ctx.attr.sampler))
    if ctx.attr.space and not ctx.attr.seed_given:
        fail(("databazel: {}: random search needs a seed, so that the same BUILD file always gives the same trials.\n" +
              "Fix: add seed = 1 (any integer).").format(where))

def _hyperparam_search_impl(ctx):
    _check_arguments(ctx)
    where = "hyperparam_search " + display_label(ctx.label)
    check_one_of(
        where,
        "goal",
        ctx.attr.goal,
        ["maximize", "minimize"],
        "set goal = \"maximize\" for a metric that is better higher (accuracy), or \"minimize\" for one " +
        "that is better lower (loss).",
    )
    check_one_of(
        where,
        "scheduler",
        ctx.attr.scheduler,
        [""] + SCHEDULERS,
        "set scheduler = \"successive_halving\" or \"hyperband\" to stop poor trials early " +
        "(docs/scheduler.md), or remove it for grid and random search.",
    )
    check_not_negative(where, "seed", ctx.attr.seed, SEED_FIX)
    check_not_negative(where, "checkpoint_every", ctx.attr.checkpoint_every, CHECKPOINT_EVERY_FIX)
    check_not_negative(
        where,
        "max_failed_trials",
        ctx.attr.max_failed_trials,
        "set it to how many trials may fail while the search still ranks the others, " +
        "or 0 (the default) to fail on the first failed trial.",
    )
    adaptive = check_scheduler(ctx, where)
    if adaptive and ctx.attr.scheduler == "hyperband" and ctx.attr.n_trials != _N_TRIALS_UNSET:
        fail(("databazel: {}: scheduler = \"hyperband\" sets how many configurations each bracket draws " +
              "from space, so n_trials = {} has no meaning here.\n" +
              "Fix: remove n_trials (max_epochs, min_epochs and reduction_factor set the brackets), or use " +
              "scheduler = \"successive_halving\" to start n_trials trials.").format(where, ctx.attr.n_trials))
    training_data = required_data_files(ctx.attr.training_data, where, "training_data")
    test_data = required_data_files(ctx.attr.test_data, where, "test_data")

    # Each data file is hashed once for the run records of every trial.
    common = dict(
        training_data = training_data,
        data_digests = digest_action(ctx, data = training_data, kind = "training_data"),
        train_executable = ctx.attr.train_executable[DefaultInfo].files_to_run,
        seed = ctx.attr.seed,
    )
    n_trials = _N_TRIALS_DEFAULT if ctx.attr.n_trials == _N_TRIALS_UNSET else ctx.attr.n_trials
    sampled = check_sampler(ctx, where, n_trials)
    schedule = None
    sampler_outputs = None
    if sampled:
        check_sampler_templates(ctx, where)
        sampler_outputs = sampled_trials(
            ctx,
            where,
            n_trials = n_trials,
            common = common,
            validation = _validation(ctx, where),
            model_name = lambda t: expand_template(ctx.attr.model, _placeholders(ctx, t), where, "model"),
        )
        expanded = sampler_outputs.trials
        _check_distinct_outputs(ctx, expanded, where)
        trained = sampler_outputs.trained
    elif adaptive:
        plan = scheduler_plan(ctx, where, n_trials)
        check_continue_trials(ctx, plan, where)
        expanded = [t for b in plan for t in b.trials]
        _check_distinct_outputs(ctx, expanded, where)
        schedule = train_with_scheduler(ctx, plan, common = common, validation = _validation(ctx, where))
        trained = schedule.trained
    else:
        expanded = expand_trials(
            fixed = ctx.attr.hyperparams,
            grid = ctx.attr.grid,
            space = ctx.attr.space,
            n_trials = n_trials,
            seed = ctx.attr.seed,
            where = where,
        )
        _check_distinct_outputs(ctx, expanded, where)
        trained = _train_trials(ctx, expanded, where, common = common)
    test_data_digests = digest_action(ctx, data = test_data, kind = "test_data")
    ran = [
        _evaluate_trial(
            ctx,
            trial,
            where,
            trained = trained[trial.name].trained,
            hyperparams_file = trained[trial.name].hyperparams_file,
            test_data = test_data,
            test_data_digests = test_data_digests,
            eval_executable = ctx.attr.eval_executable[DefaultInfo].files_to_run,
        )
        for trial in expanded
    ]
    trials = [r.info for r in ran]

    ranked = declare_leaderboard_outputs(ctx, ctx.label.name, ctx.outputs.best_model, ctx.attr.model_is_dir)
    leaderboard_action(
        ctx,
        outputs = ranked,
        trials = trials,
        metric = ctx.attr.metric,
        goal = ctx.attr.goal,
        max_failed_trials = ctx.attr.max_failed_trials,
        schedule = schedule.manifest if schedule else None,
        rung_summaries = schedule.summaries if schedule else [],
    )
    report = _search_report(ctx, trials, ranked.json, where)
    return [
        DefaultInfo(files = depset([ranked.md, ranked.csv, ranked.json, ranked.best, ranked.best_model, report])),
        SearchInfo(
            trials = trials,
            leaderboard_json = ranked.json,
            leaderboard_csv = ranked.csv,
            leaderboard_md = ranked.md,
            best = ranked.best,
            best_model = ranked.best_model,
            metric = ctx.attr.metric,
            goal = ctx.attr.goal,
            schedule = schedule.info if schedule else None,
        ),
        ModelInfo(
            model = ranked.best_model,
            hyperparams_file = ranked.best_hyperparams,
            label = ctx.label,
            data = training_data,
            lineage = depset(transitive = [r.lineage for r in ran]),
        ),
        OutputGroupInfo(
            best_model = depset([ranked.best_model]),
            logs = depset([f for r in ran for f in r.logs] + (schedule.logs if schedule else []) + (sampler_outputs.logs if sampler_outputs else [])),
            records = depset([f for r in ran for f in r.records] + (schedule.records if schedule else []) + (sampler_outputs.records if sampler_outputs else [])),
            report = depset([report]),
            rungs = depset(schedule.summaries if schedule else []),
            batches = depset(sampler_outputs.batches if sampler_outputs else []),
            trials = depset([t.model for t in trials] + [t.metrics for t in trials]),
        ),
    ]

_hyperparam_search = rule(
    implementation = _hyperparam_search_impl,
    doc = "The rule behind the `hyperparam_search` macro; use the macro, which checks its arguments.",
    attrs = dict(
        HELPER_ATTRS,
        argument_errors = attr.string_list(doc = ARGUMENT_ERRORS_DOC),
        batch_size = attr.int(
            doc = "With `sampler`: how many trials each batch has; it divides n_trials.",
            default = 0,
        ),
        best_model = attr.output(
            doc = "Where the best trial's model is copied; the macro names it `<name>.best_model`.",
            mandatory = True,
        ),
        continue_trials = attr.string_list(
            doc = "Adaptive search: trials that go on to `max_epochs` even where a rung would stop them, " +
                  "continuing from their checkpoints; the other trials' decisions do not change.",
        ),
        goal = attr.string(
            doc = "`maximize` or `minimize` the metric.",
            default = "maximize",
        ),
        grid = attr.string_list_dict(
            doc = "Hyperparameters to search exhaustively: name to list of values; every combination is a trial.",
        ),
        max_epochs = attr.int(
            doc = "Adaptive search: the epochs the best trials train, the last rung.",
            default = 0,
        ),
        max_failed_trials = attr.int(
            doc = "How many trials may fail (exit non-zero, time out, or diverge: a NaN or infinite " +
                  "`metric`) while the search still ranks the others. 0 fails the build on the first failure.",
            default = 0,
        ),
        metric = attr.string(
            doc = "The metric that ranks trials, as the eval executable names it (dotted for nested values); " +
                  "required, checked at analysis.",
        ),
        metrics = attr.string(
            doc = "Each trial's metrics file name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`, `%{<hyperparameter>}`.",
            default = "%{name}/%{trial}/metrics.json",
        ),
        min_epochs = attr.int(
            doc = "Adaptive search: the epochs every trial (of Hyperband's first bracket) trains, the first rung.",
            default = 1,
        ),
        model = attr.string(
            doc = "Each trial's model name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`, `%{<hyperparameter>}`.",
            default = "%{name}/%{trial}/model",
        ),
        n_trials = attr.int(
            doc = "How many random samples to draw from `space` (for each grid point); the macro passes " +
                  "-1 when it is not given: 10, or the brackets' own numbers for Hyperband.",
            default = _N_TRIALS_UNSET,
        ),
        reduction_factor = attr.int(
            doc = "Adaptive search: each rung keeps the best 1/reduction_factor of its trials and trains " +
                  "them reduction_factor times as many epochs.",
            default = 3,
        ),
        sampler = attr.string(
            doc = "Empty for grid and random search; `tpe` proposes each batch of trials from the earlier " +
                  "batches' validation metrics (Tree-structured Parzen Estimator); `executable` runs " +
                  "`sampler_executable` instead (the macro sets both when `sampler` names a target). " +
                  "Checked at analysis, so that an unknown one fails this target alone.",
            default = "",
        ),
        sampler_executable = attr.label(
            doc = "With `sampler = \"executable\"`: the program that proposes each batch: it reads " +
                  "`--history` and writes `--output` (docs/contract.md).",
            cfg = "exec",
            allow_files = True,
        ),
        scheduler = attr.string(
            doc = "Empty for grid and random search; `successive_halving` or `hyperband` to stop poor trials " +
                  "at rungs and continue the best from their checkpoints.",
            default = "",
        ),
        seed = attr.int(
            doc = "The seed for random search, also passed to every trial's training as `--seed`.",
            default = 0,
        ),
        seed_given = attr.bool(
            doc = "Set by the macro: whether `seed` was given (random search needs one).",
        ),
        space = attr.string_dict(
            doc = "Hyperparameters to sample at random: name to `uniform(lo, hi)`, `loguniform(lo, hi)`, " +
                  "`int(lo, hi)` or `choice(a, b, ...)`. Needs `seed`.",
        ),
        train_executable = train_executable_attr(
            doc = "With `scheduler`, its target carries the tag `" + CHECKPOINTS_TAG + "`: it continues from checkpoints.",
            aspects = [checkpoint_support_aspect],
        ),
        validation_data = attr.label(
            doc = "Adaptive search: the data each rung scores trials on to decide which go on; with " +
                  "`sampler`, the data the proposals learn from. Held out of the training data, and never " +
                  "the test data.",
            allow_files = True,
        ),
        **dict({k: v for k, v in TRAIN_ATTRS.items() if k != "train_executable"}, **EVAL_ATTRS)
    ),
    toolchains = [NODE_TOOLCHAIN],
    exec_groups = TRAIN_EXEC_GROUPS,
)

def hyperparam_search(
        name,
        training_data,
        test_data,
        train_executable,
        eval_executable,
        metric = None,
        goal = "maximize",
        grid = None,
        space = None,
        n_trials = None,
        seed = None,
        hyperparams = None,
        model = "%{name}/%{trial}/model",
        metrics = "%{name}/%{trial}/metrics.json",
        model_is_dir = False,
        checkpoint_every = 0,
        train_tags = [],
        train_cpus = 1,
        max_failed_trials = 0,
        train_timeout = "",
        eval_timeout = "",
        scheduler = "",
        min_epochs = 1,
        max_epochs = 0,
        reduction_factor = 3,
        validation_data = None,
        continue_trials = [],
        sampler = "",
        batch_size = 0,
        **kwargs):
    """Searches hyperparameters: trains and evaluates one model per trial, then ranks them.

    Trials are the cartesian product of `grid`, each combined with `n_trials` random samples
    from `space` when it is given. Every trial is one `DatabazelTrain` and one `DatabazelEval`
    action under `<name>/<trial>/`; a `DatabazelLeaderboard` action writes the leaderboard
    (`<name>.leaderboard.json`, `.csv`, `.md`), `<name>.best.json`, and copies the best model to
    `<name>.best_model`, which other targets can depend on as `:<name>.best_model`. The target
    also provides ModelInfo for the best model, so `evaluate(model = ":<name>")` works, and
    SearchInfo. `<name>.report.html` is a self-contained report: a sortable leaderboard, the
    metric against each hyperparameter, every trial's learning curve, and the best model's
    confusion matrix when the eval writes one. Output groups: `trials`, `records`, `logs`,
    `best_model`, `report`.

    Each row of `<name>.leaderboard.json` (`"format": 3`) has `rank`, `trial`, `hyperparams`,
    `seed`, `outcome` (`succeeded`, `failed`, `timed_out` or `diverged`: see
    `max_failed_trials`; `pruned` in an adaptive search), `error` (one line, null when it
    succeeded), `value` (the metric, null when the trial failed), `metrics`, `model`, and
    `bracket`, `rung` and `epochs` (null unless the search is adaptive). Its `schedule` is null,
    or an adaptive search's rungs with every trial's validation metric and decision. The CSV
    and Markdown add the `outcome` and `error` columns when a trial did not succeed, and the
    `bracket`, `rung` and `epochs` columns in an adaptive search.

    With `scheduler`, the search is adaptive (docs/scheduler.md): every trial trains
    `min_epochs`, is scored on `validation_data`, and only the best 1/`reduction_factor` go on,
    continuing from their checkpoints, to `reduction_factor` times the epochs, and so on up to
    `max_epochs`. It is all one build: every segment is declared, and a stopped trial's later
    segments train nothing. Trials are named by their hyperparameters as in random search;
    their segments are under `<name>/segments/<trial>/`, the rungs' decisions under
    `<name>/rungs/` (output group `rungs`).

    Args:
      name: the target's name.
      training_data: the training data, as for `model`.
      test_data: the held-out data, as for `evaluate`.
      train_executable: the training program, as for `model`.
      eval_executable: the evaluation program, as for `evaluate`.
      metric: the metric that ranks trials, as the eval executable names it (dotted for nested
        values). Required. The first eval that does not write it fails the build, naming the
        metrics it did write.
      goal: `"maximize"` or `"minimize"` the metric.
      grid: dict of hyperparameter name to list of values (strings or numbers); every
        combination is a trial.
      space: dict of hyperparameter name to a distribution: `uniform(lo, hi)`,
        `loguniform(lo, hi)`, `int(lo, hi)` or `choice(a, b, ...)`. Needs `seed`.
      n_trials: how many random samples to draw from `space` (for each grid point); with `sampler`,
        the trials of all batches together. Unset (`None`), the search draws 10; with
        `scheduler = "hyperband"` it must stay unset, as the brackets set their own numbers.
        Without `space` it is not used.
      seed: int, 0 or more; required with `space`, where the same seed always gives the same trials. Also
        passed to every trial's training as `--seed`.
      hyperparams: dict of hyperparameters shared by every trial: strings, or numbers, which
        become strings as in `grid` and in `model`.
      model: each trial's model name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`,
        `%{<hyperparameter>}`. It must give each trial its own file (keep `%{trial}` in it), and
        no other target of the package may write a file of that name.
      metrics: each trial's metrics file name, with the same placeholders and rules.
      model_is_dir: whether the train executable writes the model as a directory; the best
        model is then the directory `<name>.best_model.d`.
      checkpoint_every: train each trial's `epochs` (a hyperparameter, fixed or searched) in
        segments of this many epochs, passed as `--start_epoch`/`--end_epoch` with
        `--init_checkpoint`. Trials that differ only in `epochs` share their common segments,
        so a grid over epochs {2, 4, 8} trains 8 epochs, not 14. Models are then the last
        checkpoints, under `<name>/segments/`. 0 trains each trial in one action.
      train_tags: execution requirements for the training actions only, e.g. `no-remote` or
        `resources:gpu:1`. Keys of `exec_properties` under `train.` also apply to them alone.
      train_cpus: how many CPUs a training action takes from Bazel's local resources.
      max_failed_trials: how many trials may fail while the search still succeeds. 0 (the
        default) fails the build on the first failure. With N > 0, a trial whose train or eval
        script exits non-zero or breaks the contract (`failed`), overruns its timeout
        (`timed_out`), or whose `metric` is NaN or infinite (`diverged`; the eval script
        may write `NaN`, `Infinity` or `-Infinity` as Python's json does) does not fail the
        build: its actions succeed and record the outcome, the error and the script's last lines
        in its run records (its model is a placeholder, its metrics `{}`). The leaderboard lists
        every trial with its `outcome` and `error`, those that did not succeed last; the best
        model is the best trial that succeeded. More than N failures, or no success, fail the
        search, listing each failed trial with its cause and the command that reproduces it.
        A script killed by a signal from outside (SIGKILL from the OOM killer, SIGTERM or
        SIGINT) is not an outcome: its action fails as without max_failed_trials, and nothing
        is cached. A recorded failure is cached like any result, since the same inputs fail the
        same way: to retry it, change its inputs (the script, data or an attribute such as the
        timeout), or `bazel clean` and build without the cache that holds it (`--disk_cache=`
        for a disk cache, `--noremote_accept_cached` for a remote one). A `metric` that the
        eval script does not write at all is not a trial's failure but a mistake in the BUILD
        file or the script: it fails the build at the first eval that finishes.
      train_timeout: how long one training action may run: `"90s"`, `"30m"`, `"2h"`; empty for
        no limit. The script is stopped (SIGTERM to its process group, SIGKILL a few seconds
        later) and the action fails with `timed out after ...`, or the trial is `timed_out`
        with `max_failed_trials`.
      eval_timeout: the same for one evaluation.
      scheduler: `""` for grid and random search; `"successive_halving"` runs every trial (the
        grid's points times `n_trials` samples of `space`) as one synchronous successive
        halving; `"hyperband"` runs the brackets of Li et al. (2018), each a successive halving
        with its own number of configurations drawn from `space` (and no grid or n_trials). The
        train executable's target must carry the tag `databazel:checkpoints`.
      min_epochs: the epochs of the first rung, at least 1.
      max_epochs: the epochs of the last rung, more than min_epochs; rungs are at min_epochs
        times powers of reduction_factor below max_epochs, then max_epochs. Raising it later
        to reduction_factor times as many keeps every rung, decision and segment already built.
      reduction_factor: at least 2: each rung keeps the best 1/reduction_factor (at least one).
      validation_data: the data that rungs score trials on, held out of the training data;
        required with scheduler. test_data is used only for the final leaderboard, which scores
        each trial's last checkpoint (a pruned trial's is the one it stopped at).
      continue_trials: trial names to continue to max_epochs although a rung stopped them
        (repechage): their checkpoints are reused, and no other trial's decision changes.
      sampler: `""` for grid and random search; `"tpe"` runs n_trials / batch_size batches: the
        first drawn at random from `space`, each later one proposed by a `DatabazelSampler`
        action (a Tree-structured Parzen Estimator) from every earlier trial's hyperparameters
        and metric on `validation_data`. A label (`":my_sampler"`) names an executable that
        proposes instead: it reads the history from `--history` and writes the batch to
        `--output` (docs/contract.md); a malformed batch fails the build with what is wrong.
        Each batch's history and proposals are in the output group `batches`. Trials are named by position (`b2_t3`); their values
        are in the leaderboard and in `<name>/<trial>/run.hyperparams.json`. Needs `space`
        (no grid), `seed` and `validation_data`.
      batch_size: with `sampler`, the trials of one batch, run in parallel; it divides n_trials
        and leaves at least two batches.
      **kwargs: common attributes: tags, visibility, testonly, ...
    """

    # Arguments are checked by the rule, at analysis, so that a wrong one fails this target alone
    # and not its whole package; what the attributes cannot hold, the macro describes for it.
    where = "hyperparam_search(name = \"{}\")".format(name)
    problems = []
    if grid != None and type(grid) != "dict":
        problems.append("databazel: {}: grid must be a dict of name to list of values, got {}.".format(where, type(grid)))
        grid = None
    if space != None and type(space) != "dict":
        problems.append("databazel: {}: space must be a dict of name to distribution, got {}.".format(where, type(space)))
        space = None
    for key, value in (space or {}).items():
        if type(value) != "string":
            problems.append((
                "databazel: {}: space[\"{}\"] = {} is a {}; a distribution is a string.\n" +
                "Fix: write it as a string, e.g. \"uniform(0, 1)\" or \"choice(32, 64)\"; a value every trial " +
                "shares goes in hyperparams."
            ).format(where, key, repr(value), type(value)))
    space = {k: v for k, v in (space or {}).items() if type(v) == "string"}
    sampler_executable = None
    if type(sampler) != "string":
        problems.append(unknown_sampler(where, sampler))
        sampler = ""
    elif sampler[:1] in (":", "/", "@"):
        sampler_executable = sampler
        sampler = "executable"
    grid_values = {k: string_values(where, "grid[\"{}\"]".format(k), v) for k, v in (grid or {}).items()}
    hyperparams = string_hyperparams(where, hyperparams)
    problems += [p for v in grid_values.values() for p in v.problems] + hyperparams.problems
    typed = lambda attr_name, value, kind, example: checked_type(where, problems, attr_name, value, kind, example)
    if n_trials != None:
        n_trials = typed("n_trials", n_trials, "int", "20")
    if seed != None:
        seed = typed("seed", seed, "int", "1")
    _hyperparam_search(
        name = name,
        training_data = training_data,
        test_data = test_data,
        train_executable = train_executable,
        eval_executable = eval_executable,
        metric = metric if type(metric) == "string" else "",
        goal = typed("goal", goal, "string", "\"minimize\""),
        n_trials = n_trials if n_trials != None else _N_TRIALS_UNSET,
        model = typed("model", model, "string", "\"%{name}/%{trial}/model.bin\""),
        metrics = typed("metrics", metrics, "string", "\"%{name}/%{trial}/metrics.json\""),
        model_is_dir = typed("model_is_dir", model_is_dir, "bool", "True"),
        checkpoint_every = typed("checkpoint_every", checkpoint_every, "int", "2"),
        train_tags = typed("train_tags", train_tags, "list", "[\"no-remote\"]"),
        train_cpus = typed("train_cpus", train_cpus, "int", "2"),
        max_failed_trials = typed("max_failed_trials", max_failed_trials, "int", "2"),
        train_timeout = typed("train_timeout", train_timeout, "string", "\"30m\""),
        eval_timeout = typed("eval_timeout", eval_timeout, "string", "\"5m\""),
        scheduler = typed("scheduler", scheduler, "string", "\"hyperband\""),
        min_epochs = typed("min_epochs", min_epochs, "int", "1"),
        max_epochs = typed("max_epochs", max_epochs, "int", "27"),
        reduction_factor = typed("reduction_factor", reduction_factor, "int", "3"),
        validation_data = validation_data,
        continue_trials = typed("continue_trials", continue_trials, "list", "[\"lr_0.1\"]"),
        sampler = sampler,
        sampler_executable = sampler_executable,
        batch_size = typed("batch_size", batch_size, "int", "4"),
        grid = {k: v.values for k, v in grid_values.items()},
        space = space,
        seed = seed if seed != None else 0,
        seed_given = seed != None,
        hyperparams = hyperparams.values,
        best_model = name + FILE_SUFFIXES["best_model"],
        # Filled by the checks above and by `typed` in the arguments before it.
        argument_errors = problems,
        **kwargs
    )
