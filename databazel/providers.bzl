"""Providers that databazel's rules return: ModelInfo, MetricsInfo and SearchInfo.

Each validates its fields when created, so a rule that builds one wrongly fails at analysis
with a message that names the field, not later in an action.
"""

def _check(provider_name, field, ok, expected, value):
    if not ok:
        fail("databazel: {}.{} must be {}, got {} ({}).".format(
            provider_name,
            field,
            expected,
            type(value),
            value,
        ))

def _check_file(provider_name, field, value, optional = False):
    if optional and value == None:
        return
    _check(provider_name, field, type(value) == "File", "a File" + (" or None" if optional else ""), value)

def _check_depset(provider_name, field, value):
    _check(provider_name, field, type(value) == "depset", "a depset of Files", value)

def _check_string_dict(provider_name, field, value):
    _check(provider_name, field, type(value) == "dict", "a dict of strings", value)
    for k, v in value.items():
        _check(provider_name, field, type(k) == "string" and type(v) == "string", "a dict of strings", value)

def _model_info_init(
        *,
        model,
        hyperparams_file,
        label,
        hyperparams = {},
        seed = None,
        data = None,
        lineage = None,
        run_record = None,
        learning_curve = None):
    _check_file("ModelInfo", "model", model)
    _check_file("ModelInfo", "hyperparams_file", hyperparams_file)
    _check_file("ModelInfo", "run_record", run_record, optional = True)
    _check_file("ModelInfo", "learning_curve", learning_curve, optional = True)
    _check_string_dict("ModelInfo", "hyperparams", hyperparams)
    _check("ModelInfo", "seed", seed == None or type(seed) == "int", "an int or None", seed)
    _check("ModelInfo", "label", type(label) == "Label", "a Label", label)
    data = data if data != None else depset()
    _check_depset("ModelInfo", "data", data)
    lineage = lineage if lineage != None else depset([model], transitive = [data])
    _check_depset("ModelInfo", "lineage", lineage)
    return {
        "data": data,
        "hyperparams": hyperparams,
        "hyperparams_file": hyperparams_file,
        "label": label,
        "learning_curve": learning_curve,
        "lineage": lineage,
        "model": model,
        "run_record": run_record,
        "seed": seed,
    }

ModelInfo, _new_model_info = provider(
    doc = "A trained model and what produced it.",
    fields = {
        "data": "depset of Files: the training data this model was trained on (direct data only).",
        "hyperparams": "dict of string to string: the hyperparameters, when known at analysis time; " +
                       "empty for a search's best model, which is chosen while building (see `hyperparams_file`).",
        "hyperparams_file": "File: the hyperparameters as a JSON object of strings.",
        "label": "Label: the target that trained the model.",
        "learning_curve": "File or None: the per-epoch metrics of every training segment, in order, " +
                          "as a JSON array (from the script's `--output_dir`/curve.json).",
        "lineage": "depset of Files: everything that produced the model, transitively: training data, " +
                   "executables, hyperparameter files, parent checkpoints, and the lineage of parent models.",
        "model": "File: the trained model (a file, or a directory if the rule was asked for one).",
        "run_record": "File or None: the train action's run record (duration, command, input digests).",
        "seed": "int or None: the training seed; None when chosen while building.",
    },
    init = _model_info_init,
)

def _metrics_info_init(*, metrics, model_label, trial = None, run_record = None):
    _check_file("MetricsInfo", "metrics", metrics)
    _check_file("MetricsInfo", "run_record", run_record, optional = True)
    _check("MetricsInfo", "model_label", type(model_label) == "Label", "a Label", model_label)
    _check("MetricsInfo", "trial", trial == None or type(trial) == "string", "a string or None", trial)
    return {
        "metrics": metrics,
        "model_label": model_label,
        "run_record": run_record,
        "trial": trial,
    }

MetricsInfo, _new_metrics_info = provider(
    doc = "The metrics an eval executable wrote for one model.",
    fields = {
        "metrics": "File: a JSON object whose leaves are numbers.",
        "model_label": "Label: the target whose model was scored.",
        "run_record": "File or None: the eval action's run record.",
        "trial": "string or None: the search trial this scores, None outside a search.",
    },
    init = _metrics_info_init,
)

def search_trial(*, name, hyperparams, seed, model, metrics, run_record, learning_curve = None, hyperparams_file = None):
    """One trial of a search, as `SearchInfo.trials` holds it; checks its fields.

    Args:
      name: string, the trial's name (a path segment under the search's name).
      hyperparams: dict of string to string, every hyperparameter the trial trained with.
      seed: int, the training seed.
      model: File, the trial's model.
      metrics: File, its metrics (`{}` when the trial did not succeed).
      run_record: File, its eval run record, whose `outcome` says whether the trial
        succeeded (known only once built: see the leaderboard).
      learning_curve: File or None, its per-epoch metrics.
      hyperparams_file: File or None: set when a sampler proposes the trial's hyperparameters
        while building (`hyperparams` then holds only those every trial shares).

    Returns:
      struct with the same fields.
    """
    _check("SearchInfo.trials[]", "name", type(name) == "string" and name != "", "a non-empty string", name)
    _check_string_dict("SearchInfo.trials[]", "hyperparams", hyperparams)
    _check("SearchInfo.trials[]", "seed", type(seed) == "int", "an int", seed)
    _check_file("SearchInfo.trials[]", "model", model)
    _check_file("SearchInfo.trials[]", "metrics", metrics)
    _check_file("SearchInfo.trials[]", "run_record", run_record)
    _check_file("SearchInfo.trials[]", "learning_curve", learning_curve, optional = True)
    _check_file("SearchInfo.trials[]", "hyperparams_file", hyperparams_file, optional = True)
    return struct(
        hyperparams = hyperparams,
        hyperparams_file = hyperparams_file,
        learning_curve = learning_curve,
        metrics = metrics,
        model = model,
        name = name,
        run_record = run_record,
        seed = seed,
    )

def _search_info_init(*, trials, leaderboard_json, leaderboard_csv, leaderboard_md, best, best_model, metric, goal, schedule = None, objectives = None):
    _check("SearchInfo", "trials", type(trials) == "list", "a list of search_trial() structs", trials)
    _check("SearchInfo", "schedule", schedule == None or type(schedule) == "struct", "None or a struct", schedule)
    for name, value in [
        ("leaderboard_json", leaderboard_json),
        ("leaderboard_csv", leaderboard_csv),
        ("leaderboard_md", leaderboard_md),
        ("best", best),
        ("best_model", best_model),
    ]:
        _check_file("SearchInfo", name, value)
    _check("SearchInfo", "goal", goal in ("maximize", "minimize"), "\"maximize\" or \"minimize\"", goal)
    _check("SearchInfo", "metric", type(metric) == "string" and metric != "", "a non-empty string", metric)
    objectives = {metric: goal} if objectives == None else objectives
    _check("SearchInfo", "objectives", type(objectives) == "dict" and len(objectives) > 0, "a non-empty dict of metric to goal", objectives)
    for name, objective_goal in objectives.items():
        _check("SearchInfo", "objectives", type(name) == "string" and objective_goal in ("maximize", "minimize"), "a dict of metric to \"maximize\" or \"minimize\"", objectives)
    _check("SearchInfo", "metric", metric in objectives, "one of objectives' metrics", metric)
    return {
        "best": best,
        "best_model": best_model,
        "goal": goal,
        "leaderboard_csv": leaderboard_csv,
        "leaderboard_json": leaderboard_json,
        "leaderboard_md": leaderboard_md,
        "metric": metric,
        "objectives": objectives,
        "schedule": schedule,
        "trials": trials,
    }

SearchInfo, _new_search_info = provider(
    doc = "A hyperparameter search: its trials, its leaderboard and its best trial.",
    fields = {
        "best": "File: JSON naming the best trial (with several objectives, the one `select` picks), its " +
                "hyperparameters and its value, and the Pareto front: every trial that no other beats on every objective.",
        "best_model": "File: a copy of the best trial's model.",
        "goal": "string: `maximize` or `minimize`: `metric`'s goal.",
        "leaderboard_csv": "File: the leaderboard as CSV, best first.",
        "leaderboard_json": "File: the leaderboard as JSON, best first.",
        "leaderboard_md": "File: the leaderboard as a Markdown table, best first.",
        "metric": "string: the metric trials are ranked by (dotted for nested values); with several objectives, " +
                  "the one whose value names the best trial's (`select`'s, or the first).",
        "objectives": "dict of metric to `maximize` or `minimize`: what trials are ranked by, in the order given; " +
                      "`{metric: goal}` for a search by one metric.",
        "schedule": "None for grid and random search; for successive halving and Hyperband, " +
                    "struct(scheduler, min_epochs, max_epochs, reduction_factor, brackets, rung_summaries): " +
                    "brackets is a list of struct(bracket, trials, rungs), trials the bracket's trial names and " +
                    "rungs a list of struct(epochs, trials) (how many trials train to how many epochs); " +
                    "rung_summaries is a depset of the deciding rungs' summaries (JSON: every trial's " +
                    "validation metric and decision).",
        "trials": "list of structs (name, hyperparams, hyperparams_file, seed, model, metrics, run_record, learning_curve), " +
                  "in declaration order, as `search_trial()` makes them. A trial's outcome (`succeeded`, `failed`, `timed_out`, " +
                  "`diverged`, `pruned`) is known only once built: it is the `outcome` of its `run_record`, and of its row " +
                  "in the leaderboard.",
    },
    init = _search_info_init,
)
