"""The DatabazelLeaderboard action: ranks a search's trials and copies out the best model."""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "LEADERBOARD_FLAGS", "LEADERBOARD_MANIFEST_FIELDS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "check_fields", "write_manifest")

def declare_leaderboard_outputs(ctx, prefix, best_model, model_is_dir):
    """Declares the files the leaderboard action writes.

    Args:
      ctx: the rule context.
      prefix: the path prefix of the files, relative to the package (the search's name).
      best_model: File, the predeclared output the best model is copied to.
      model_is_dir: whether models are directories; the best model then goes to
        `<prefix>.best_model.d` (FILE_SUFFIXES), and `best_model` names where it is.

    Returns:
      struct(json, csv, md, best, best_hyperparams, best_model, best_model_pointer): Files;
      best_model_pointer is None unless models are directories.
    """
    best_model_pointer = None
    if model_is_dir:
        best_model_pointer = best_model
        best_model = ctx.actions.declare_directory(prefix + FILE_SUFFIXES["best_model_dir"])
    return struct(
        json = ctx.actions.declare_file(prefix + FILE_SUFFIXES["leaderboard_json"]),
        csv = ctx.actions.declare_file(prefix + FILE_SUFFIXES["leaderboard_csv"]),
        md = ctx.actions.declare_file(prefix + FILE_SUFFIXES["leaderboard_md"]),
        best = ctx.actions.declare_file(prefix + FILE_SUFFIXES["best"]),
        best_hyperparams = ctx.actions.declare_file(prefix + FILE_SUFFIXES["best_hyperparams"]),
        best_model = best_model,
        best_model_pointer = best_model_pointer,
    )

def leaderboard_action(ctx, *, outputs, trials, metric, goal, max_failed_trials = 0, schedule = None, rung_summaries = [], ranking = None):
    """Registers the DatabazelLeaderboard action of a search.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_leaderboard`.
      outputs: the struct from `declare_leaderboard_outputs`.
      trials: list of `search_trial()` structs, in declaration order.
      metric: string, the metric that ranks trials.
      goal: "maximize" or "minimize".
      max_failed_trials: int, how many trials may not succeed before the search fails.
      schedule: the scheduler's schedule for the manifest (LEADERBOARD_MANIFEST_FIELDS
        "schedule"), or None.
      rung_summaries: list of Files the schedule names.
      ranking: a search's objectives, constraints and select (objectives.bzl's
        search_objectives), or None for one `metric` and `goal`.
    """

    # Read by tools/src/bin/leaderboard.ts; its shape is tools/src/formats/leaderboard-manifest.ts.
    manifest = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["leaderboard_manifest"])
    write_manifest(ctx, manifest, check_fields("leaderboard manifest", {
        "constraints": ranking.manifest["constraints"] if ranking else [],
        "goal": goal,
        "label": display_label(ctx.label),
        "max_failed_trials": max_failed_trials,
        "metric": metric,
        "objectives": ranking.manifest["objectives"] if ranking else [{"goal": goal, "name": metric}],
        "schedule": check_fields("leaderboard manifest's schedule", schedule, LEADERBOARD_MANIFEST_FIELDS["schedule"]) if schedule != None else None,
        "select": ranking.select if ranking else None,
        "trials": [
            check_fields("leaderboard manifest's trial", {
                "hyperparams": t.hyperparams,
                "hyperparams_file": t.hyperparams_file.path if getattr(t, "hyperparams_file", None) else None,
                "metrics": t.metrics.path,
                "model": t.model.path,
                "model_short_path": t.model.short_path,
                "name": t.name,
                "record": t.run_record.path,
                "seed": t.seed,
            }, LEADERBOARD_MANIFEST_FIELDS["trial"])
            for t in trials
        ],
    }, LEADERBOARD_MANIFEST_FIELDS["manifest"]))

    model_is_dir = outputs.best_model.is_directory
    args = ctx.actions.args()
    args.add(ctx.file._leaderboard)
    args.add(LEADERBOARD_FLAGS["manifest"], manifest)
    args.add(LEADERBOARD_FLAGS["leaderboard_json"], outputs.json)
    args.add(LEADERBOARD_FLAGS["leaderboard_csv"], outputs.csv)
    args.add(LEADERBOARD_FLAGS["leaderboard_md"], outputs.md)
    args.add(LEADERBOARD_FLAGS["best"], outputs.best)
    args.add(LEADERBOARD_FLAGS["best_hyperparams"], outputs.best_hyperparams)
    args.add_all([outputs.best_model], before_each = LEADERBOARD_FLAGS["best_model"], expand_directories = False)
    if model_is_dir:
        args.add(LEADERBOARD_FLAGS["model_is_dir"])
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = [ctx.file._leaderboard, manifest] + [t.model for t in trials] + [t.metrics for t in trials] + [t.run_record for t in trials] + rung_summaries +
                 [t.hyperparams_file for t in trials if getattr(t, "hyperparams_file", None)],
        outputs = [outputs.best_model, outputs.json, outputs.csv, outputs.md, outputs.best, outputs.best_hyperparams],
        mnemonic = "DatabazelLeaderboard",
        progress_message = "Ranking %d trials of %%{label} by %s" % (len(trials), metric),
        # No path mapping: the manifest names its inputs by their unmapped paths.
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    if outputs.best_model_pointer != None:
        # A directory cannot be a predeclared file output; the file names where it is.
        ctx.actions.write(outputs.best_model_pointer, outputs.best_model.short_path + "\n")
