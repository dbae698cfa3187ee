"""The `hyperparam_search` macro: arguments checked and made strings, then the `hyperparam_search` rule."""

load("//databazel/private:argument_types.bzl", "checked_string_dict", "checked_type")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private:hyperparams.bzl", "string_hyperparams", "string_values")
load("//databazel/private:sampler.bzl", "unknown_sampler")
load(":hyperparam_search.bzl", "N_TRIALS_UNSET", _hyperparam_search_rule = "hyperparam_search")

def hyperparam_search(
        name,
        training_data,
        test_data,
        train_executable,
        eval_executable,
        metric = None,
        goal = None,
        objectives = None,
        constraints = None,
        select = None,
        grid = None,
        space = None,
        n_trials = None,
        seed = None,
        hyperparams = None,
        model_out = "",
        metrics_out = "",
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
        iterations = 1,
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
    `max_failed_trials`; `pruned` with a scheduler), `error` (one line, null when it
    succeeded), `value` (the metric, null when the trial failed), `metrics`, `model`, and
    `bracket`, `rung` and `epochs` (null unless the search has a scheduler). Its `schedule` is null,
    or the scheduler's rungs with every trial's validation metric and decision. The CSV
    and Markdown add the `outcome` and `error` columns when a trial did not succeed, and the
    `bracket`, `rung` and `epochs` columns with a scheduler.

    With `scheduler` (docs/scheduler.md), the search stops poor trials early: every trial trains
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
        values). Required, unless `objectives` is given instead. The first eval that does not
        write it fails the build, naming the metrics it did write.
      goal: `"maximize"` (the default) or `"minimize"` the metric.
      objectives: instead of `metric` and `goal`, to trade several metrics off: a dict of metric
        name (as the eval executable writes it) to `"maximize"` or `"minimize"`, e.g.
        `{"accuracy": "maximize", "params": "minimize"}`. Trials are ranked by non-dominated
        sorting: the Pareto front (every trial no other beats on all objectives) first, then the
        next front, and so on (docs/multi-objective.md). The leaderboard gives each trial its
        `pareto_rank`, `crowding` distance and feasibility; `<name>.best.json` lists the front.
      constraints: a dict of metric name to a bound, `"<= 20"` or `">= 0.9"`, with `metric` or
        `objectives`: a trial that breaks one ranks after every trial that keeps them all, by how
        far it is out (the sum over constraints), as Optuna's `constraints_func` does.
      select: with `objectives`: which trial of the front is the best model (`best_model`,
        ModelInfo): an objective's name, for the front's best by it, or `"knee"` (the default),
        the front's trial nearest the ideal point once each objective is scaled to [0, 1] over
        the front.
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
      model_out: each trial's model name. Placeholders: `%{name}`, `%{trial}`, `%{seed}`,
        `%{<hyperparameter>}`. It must give each trial its own file (keep `%{trial}` in it), and
        no other target of the package may write a file of that name. Default:
        `%{name}/%{trial}/model`. (Formerly `model`, which still works with a warning.)
      metrics_out: each trial's metrics file name, with the same placeholders and rules. Default:
        `%{name}/%{trial}/metrics.json`. (Formerly `metrics`, which still works with a warning.)
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
      iterations: with `scheduler = "hyperband"`, how many times to run all its brackets, as
        Hyperband is meant to run: each iteration draws new configurations from `space`
        (Li et al. 2018). The first iteration's configurations are those of a search with one, so
        raising it keeps every trial already built. Brackets of every iteration run side by side.
      validation_data: the data that rungs score trials on, and that a sampler's proposals learn
        from, held out of the training data; required with scheduler or sampler, and refused
        without either. test_data is used only for the final leaderboard, which scores each
        trial's last checkpoint (a pruned trial's is the one it stopped at).
      continue_trials: trial names to continue to max_epochs although a rung stopped them
        (repechage): their checkpoints are reused, and no other trial's decision changes.
      sampler: `""` for grid and random search; `"tpe"` runs n_trials / batch_size batches: the
        first drawn at random from `space`, each later one proposed by a `DatabazelSampler`
        action (a Tree-structured Parzen Estimator) from every earlier trial's hyperparameters
        and metric on `validation_data`. With several `objectives` (or `constraints`), `"tpe"` is
        the multi-objective TPE of Ozaki et al. (2020), and `"nsga2"` runs NSGA-II (Deb et al.
        2002) with one generation per batch (docs/multi-objective.md); both read every
        objective. A label (`":my_sampler"`) names an executable that
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
    _hyperparam_search_rule(
        name = name,
        training_data = training_data,
        test_data = test_data,
        train_executable = train_executable,
        eval_executable = eval_executable,
        metric = metric if type(metric) == "string" else "",
        goal = typed("goal", goal, "string", "\"minimize\"") if goal != None else "",
        objectives = checked_string_dict(where, problems, "objectives", objectives, "{\"accuracy\": \"maximize\", \"params\": \"minimize\"}"),
        constraints = checked_string_dict(where, problems, "constraints", constraints, "{\"latency_ms\": \"<= 20\"}"),
        select = typed("select", select, "string", "\"knee\"") if select != None else "",
        n_trials = n_trials if n_trials != None else N_TRIALS_UNSET,
        model_out = typed("model_out", model_out, "string", "\"%{name}/%{trial}/model.bin\""),
        metrics_out = typed("metrics_out", metrics_out, "string", "\"%{name}/%{trial}/metrics.json\""),
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
        iterations = typed("iterations", iterations, "int", "2"),
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
