"""The `hyperparam_search` rule: one train and one eval action per trial, then a leaderboard.

Users call the macro (hyperparam_search_macro.bzl), which checks its arguments first.
"""

load("//databazel:providers.bzl", "ModelInfo", "SearchInfo", "search_trial")
load("//databazel/private:attrs.bzl", "EVAL_ATTRS", "HELPER_ATTRS", "TRAIN_ATTRS", "train_executable_attr")
load("//databazel/private:checkpoint_support.bzl", "CHECKPOINTS_TAG", "checkpoint_support_aspect")
load("//databazel/private:checks.bzl", "CHECKPOINT_EVERY_FIX", "SEED_FIX", "check_not_negative", "check_one_of")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private:data.bzl", "required_data_files")
load("//databazel/private:hyperparams.bzl", "ARGUMENT_ERRORS_DOC", "fail_on_argument_errors")
load("//databazel/private:lineage.bzl", "model_lineage")
load("//databazel/private:names.bzl", "display_label", "expand_template", "trial_name")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN")
load("//databazel/private:objectives.bzl", "search_objectives")
load("//databazel/private:sampler.bzl", "SAMPLER_KINDS", "check_sampler", "check_sampler_templates", "sampled_trials", "unknown_sampler")
load("//databazel/private:scheduler.bzl", "SCHEDULERS", "check_continue_trials", "check_scheduler", "scheduler_plan", "train_with_scheduler")
load("//databazel/private:trial_outputs.bzl", "TRIAL_OUTPUT_DEFAULTS", "check_trial_output_names", "trial_output_template")
load("//databazel/private:trials.bzl", "expand_trials", "parse_space")
load("//databazel/private/actions:digest.bzl", "digest_action")
load("//databazel/private/actions:eval.bzl", "declare_eval_outputs", "eval_action")
load("//databazel/private/actions:leaderboard.bzl", "declare_leaderboard_outputs", "leaderboard_action")
load("//databazel/private/actions:report.bzl", "report_action")
load("//databazel/private/actions:train.bzl", "TRAIN_EXEC_GROUPS", "train", "write_hyperparams")

# What the macro passes when n_trials is not given: 10 trials, or Hyperband's own counts.
N_TRIALS_UNSET = -1
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

def _trial_output(ctx, new, placeholders, where):
    """A trial's output name: the `model_out` or `metrics_out` template (or its old name), expanded."""
    out = trial_output_template(ctx, new)
    return expand_template(out.template, placeholders, where, out.attr)

def _check_distinct_outputs(ctx, trials, where):
    """Fails when the `model_out` or `metrics_out` template gives two trials the same file."""

    # With checkpoint_every, models are the chains' checkpoints, named without the template.
    outputs = ["metrics_out"] if ctx.attr.checkpoint_every or ctx.attr.scheduler else ["model_out", "metrics_out"]
    templates = [trial_output_template(ctx, output) for output in outputs]
    seen = {}
    for trial in trials:
        for attr_name, template in [(t.attr, t.template) for t in templates]:
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
            model_name = _trial_output(ctx, "model_out", placeholders, where),
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

def _evaluate_trial(ctx, trial, where, *, ranking, trained, hyperparams_file, test_data, test_data_digests, eval_executable):
    """Evaluates one trained trial; returns what the search's outputs and providers need."""
    placeholders = _placeholders(ctx, trial)
    evaluated = declare_eval_outputs(
        ctx,
        "{}/{}/run".format(ctx.label.name, trial.name),
        _trial_output(ctx, "metrics_out", placeholders, where),
    )
    eval_action(
        ctx,
        outputs = evaluated,
        model = trained.model,
        test_data = test_data,
        data_digests = test_data_digests,
        eval_executable = eval_executable,
        trial = trial.name,
        metric = ranking.metrics,
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

def _validation(ctx, where, ranking):
    """The validation data that rungs and samplers score trials on, hashed once for every run record, and what they rank by."""
    data = required_data_files(ctx.attr.validation_data, where, "validation_data")
    return struct(data = data, digests = digest_action(ctx, data = data, kind = "validation_data"), ranking = ranking)

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

def _search_report(ctx, trials, leaderboard, where, ranking):
    return report_action(
        ctx,
        kind = "search",
        details = {
            "goal": ranking.goal,
            # What each hyperparameter is, for the charts' axes: log for loguniform, categories
            # for choice (in its order) and for a grid of words.
            "grid": ctx.attr.grid,
            "leaderboard": leaderboard.path,
            "metric": ranking.metric,
            "objectives": ranking.manifest["objectives"],
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
    """The checks of the macro's arguments, here so that a wrong one fails this target alone.

    Returns:
      The search's ranking: search_objectives().
    """

    # The messages name the target as the macro call, as they did when the macro checked them.
    where = "hyperparam_search(name = \"{}\")".format(ctx.label.name)
    fail_on_argument_errors(ctx)
    ranking = search_objectives(ctx, where)
    if ctx.attr.sampler not in [""] + SAMPLER_KINDS:
        fail(unknown_sampler(where, ctx.attr.sampler))
    if ctx.attr.space and not ctx.attr.seed_given:
        fail(("databazel: {}: random search needs a seed, so that the same BUILD file always gives the same trials.\n" +
              "Fix: add seed = 1 (any integer).").format(where))
    return ranking

def _hyperparam_search_impl(ctx):
    ranking = _check_arguments(ctx)
    where = "hyperparam_search " + display_label(ctx.label)
    check_trial_output_names(ctx, where)
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
    scheduled = check_scheduler(ctx, where)
    if scheduled and ctx.attr.scheduler == "hyperband" and ctx.attr.n_trials != N_TRIALS_UNSET:
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
    n_trials = _N_TRIALS_DEFAULT if ctx.attr.n_trials == N_TRIALS_UNSET else ctx.attr.n_trials
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
            validation = _validation(ctx, where, ranking),
            model_name = lambda t: _trial_output(ctx, "model_out", _placeholders(ctx, t), where),
        )
        expanded = sampler_outputs.trials
        _check_distinct_outputs(ctx, expanded, where)
        trained = sampler_outputs.trained
    elif scheduled:
        plan = scheduler_plan(ctx, where, n_trials)
        check_continue_trials(ctx, plan, where)
        expanded = [t for b in plan for t in b.trials]
        _check_distinct_outputs(ctx, expanded, where)
        schedule = train_with_scheduler(ctx, plan, common = common, validation = _validation(ctx, where, ranking))
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
            ranking = ranking,
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
        metric = ranking.metric,
        goal = ranking.goal,
        ranking = ranking,
        max_failed_trials = ctx.attr.max_failed_trials,
        schedule = schedule.manifest if schedule else None,
        rung_summaries = schedule.summaries if schedule else [],
    )
    report = _search_report(ctx, trials, ranked.json, where, ranking)
    return [
        DefaultInfo(files = depset([ranked.md, ranked.csv, ranked.json, ranked.best, ranked.best_model, report])),
        SearchInfo(
            trials = trials,
            leaderboard_json = ranked.json,
            leaderboard_csv = ranked.csv,
            leaderboard_md = ranked.md,
            best = ranked.best,
            best_model = ranked.best_model,
            metric = ranking.metric,
            goal = ranking.goal,
            objectives = {o.name: o.goal for o in ranking.objectives},
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

hyperparam_search = rule(
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
            doc = "With `scheduler`: trials that go on to `max_epochs` even where a rung would stop them, " +
                  "continuing from their checkpoints; the other trials' decisions do not change.",
        ),
        constraints = attr.string_dict(
            doc = "Metric name to a bound, `\"<= 20\"` or `\">= 0.9\"`: trials that break one rank after " +
                  "every trial that keeps them all, by how far they are out. Checked at analysis.",
        ),
        goal = attr.string(
            doc = "`maximize` or `minimize` the metric; empty (the macro's default) maximizes it.",
        ),
        grid = attr.string_list_dict(
            doc = "Hyperparameters to search exhaustively: name to list of values; every combination is a trial.",
        ),
        iterations = attr.int(
            doc = "With `scheduler = \"hyperband\"`: how many times to run its brackets, each time with new " +
                  "configurations; the first iteration's are those of one.",
            default = 1,
        ),
        max_epochs = attr.int(
            doc = "With `scheduler`: the epochs the best trials train, the last rung.",
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
            doc = "Deprecated: renamed to `metrics_out`, which it means.",
        ),
        objectives = attr.string_dict(
            doc = "Instead of `metric`: metric name to `maximize` or `minimize`, for a search that trades " +
                  "several off. Trials rank by non-dominated sorting (the Pareto front first). Checked at analysis.",
        ),
        metrics_out = attr.string(
            doc = "Each trial's metrics file name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`, `%{<hyperparameter>}`. " +
                  "Default: `" + TRIAL_OUTPUT_DEFAULTS["metrics_out"] + "`.",
        ),
        min_epochs = attr.int(
            doc = "With `scheduler`: the epochs every trial (of Hyperband's first bracket) trains, the first rung.",
            default = 1,
        ),
        model = attr.string(
            doc = "Deprecated: renamed to `model_out`, which it means.",
        ),
        model_out = attr.string(
            doc = "Each trial's model name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`, `%{<hyperparameter>}`. " +
                  "Default: `" + TRIAL_OUTPUT_DEFAULTS["model_out"] + "`.",
        ),
        n_trials = attr.int(
            doc = "How many random samples to draw from `space` (for each grid point); the macro passes " +
                  "-1 when it is not given: 10, or the brackets' own numbers for Hyperband.",
            default = N_TRIALS_UNSET,
        ),
        reduction_factor = attr.int(
            doc = "With `scheduler`: each rung keeps the best 1/reduction_factor of its trials and trains " +
                  "them reduction_factor times as many epochs.",
            default = 3,
        ),
        sampler = attr.string(
            doc = "Empty for grid and random search; `tpe` proposes each batch of trials from the earlier " +
                  "batches' validation metrics (Tree-structured Parzen Estimator; MO-TPE with several objectives); " +
                  "`nsga2` breeds them (NSGA-II, a generation per batch); `executable` runs " +
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
        select = attr.string(
            doc = "With `objectives`: which trial of the Pareto front is the best model: an objective's name " +
                  "(the front's best by it) or `knee` (the default: nearest the ideal point, each objective " +
                  "scaled to [0, 1] over the front).",
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
            doc = "With `scheduler`: the data each rung scores trials on to decide which go on; with " +
                  "`sampler`, the data the proposals learn from. Held out of the training data, and never " +
                  "the test data.",
            allow_files = True,
        ),
        **dict({k: v for k, v in TRAIN_ATTRS.items() if k != "train_executable"}, **EVAL_ATTRS)
    ),
    toolchains = [NODE_TOOLCHAIN],
    exec_groups = TRAIN_EXEC_GROUPS,
)
