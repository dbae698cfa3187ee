"""What a configured target is, for the databazel CLI (tools/src/cli/targets.ts).

Used as `bazel cquery --output=starlark --starlark:file=databazel/private/cli/targets.cquery.bzl LABEL`:
prints one line of JSON per configured target with its databazel providers (ModelInfo,
SearchInfo, MetricsInfo), its `records`, `report` and `hyperparams` output groups and its default
outputs (the CLI builds the groups that hold what it reads).
Paths are exec-root relative. Providers are matched by name, so this works wherever
databazel's providers.bzl lives (`//databazel`, `@@databazel~//databazel`, ...).
"""

def _path(file):
    """The exec-root relative path of a File, or None."""
    return file.path if file != None else None

def _paths(files):
    """The exec-root relative paths of a depset of Files."""
    return [f.path for f in files.to_list()]

def _provider(all_providers, name):
    """The provider whose key ends with `%<name>`, or None."""
    for key, value in all_providers.items():
        if key.endswith("%" + name):
            return value
    return None

def _model(info):
    """The fields of a ModelInfo."""
    return {
        "data": _paths(info.data),
        "hyperparams": info.hyperparams,
        "hyperparams_file": _path(info.hyperparams_file),
        "label": str(info.label),
        "learning_curve": _path(info.learning_curve),
        "lineage": _paths(info.lineage),
        "model": _path(info.model),
        "run_record": _path(info.run_record),
        "seed": info.seed,
    }

def _search(info):
    """The fields of a SearchInfo."""
    return {
        "best": _path(info.best),
        "best_model": _path(info.best_model),
        "goal": info.goal,
        "leaderboard_csv": _path(info.leaderboard_csv),
        "leaderboard_json": _path(info.leaderboard_json),
        "leaderboard_md": _path(info.leaderboard_md),
        "metric": info.metric,
        "objectives": info.objectives,
        "schedule": {
            "max_epochs": info.schedule.max_epochs,
            "min_epochs": info.schedule.min_epochs,
            "reduction_factor": info.schedule.reduction_factor,
            "rung_summaries": [_path(f) for f in info.schedule.rung_summaries.to_list()],
            "scheduler": info.schedule.scheduler,
        } if getattr(info, "schedule", None) != None else None,
        "trials": [
            {
                "hyperparams": t.hyperparams,
                "hyperparams_file": _path(getattr(t, "hyperparams_file", None)),
                "learning_curve": _path(t.learning_curve),
                "metrics": _path(t.metrics),
                "model": _path(t.model),
                "name": t.name,
                "run_record": _path(t.run_record),
                "seed": t.seed,
            }
            for t in info.trials
        ],
    }

def _metrics(info):
    """The fields of a MetricsInfo."""
    return {
        "metrics": _path(info.metrics),
        "model_label": str(info.model_label),
        "run_record": _path(info.run_record),
        "trial": info.trial,
    }

def _output_groups(all_providers):
    """The `records`, `report` and `hyperparams` output groups, when the target has them."""
    groups = all_providers.get("OutputGroupInfo")
    if groups == None:
        return {}
    return {
        name: _paths(getattr(groups, name))
        for name in ("records", "report", "hyperparams")
        if hasattr(groups, name)
    }

def format(target):
    """One line of JSON describing `target` (cquery's starlark output calls this).

    Args:
      target: the configured target.

    Returns:
      string: the JSON.
    """
    all_providers = providers(target) or {}
    model = _provider(all_providers, "ModelInfo")
    search = _provider(all_providers, "SearchInfo")
    metrics = _provider(all_providers, "MetricsInfo")
    return json.encode({
        "files": _paths(target.files),
        "label": str(target.label),
        "metrics": _metrics(metrics) if metrics != None else None,
        "model": _model(model) if model != None else None,
        "output_groups": _output_groups(all_providers),
        "search": _search(search) if search != None else None,
    })
