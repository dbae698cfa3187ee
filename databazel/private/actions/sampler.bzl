"""The DatabazelSampler action: the next batch of a search with a sampler, from the earlier ones."""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "SAMPLER_ACTION_FLAGS", "SAMPLER_MANIFEST_FIELDS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "check_fields", "write_manifest")

def sampler_action(ctx, *, ranking, batch, space, fixed, history, proposals, executable = None):
    """Registers the proposal of one batch: one hyperparameter file per new trial.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_sampler`.
      ranking: what the search ranks by (objectives.bzl's search_objectives).
      batch: int, the batch's number (2 or more).
      space: dict of name to struct(kind, low, high, choices), as trials.bzl's parse_space.
      fixed: dict of the hyperparameters every trial shares.
      history: list of struct(name, hyperparams, metrics, outcome): every earlier trial's
        hyperparameter file, validation metrics and validation outcome, in order.
      proposals: list of struct(name, hyperparams): the new trials and their files to write.
      executable: struct(files_to_run, label) of a sampler executable, or None for the built-in TPE.

    Returns:
      struct(history, proposals): the Files of the history the sampler read and of what it wrote.
    """
    prefix = "{}/batches/batch_{}".format(ctx.label.name, batch)
    manifest = ctx.actions.declare_file(prefix + FILE_SUFFIXES["sampler_manifest"])
    history_file = ctx.actions.declare_file(prefix + FILE_SUFFIXES["sampler_history"])
    proposals_file = ctx.actions.declare_file(prefix + FILE_SUFFIXES["sampler_proposals"])
    write_manifest(ctx, manifest, check_fields("propose manifest", {
        "batch": batch,
        "constraints": ranking.manifest["constraints"],
        "executable": executable.files_to_run.executable.path if executable else None,
        "fixed": fixed,
        "goal": ranking.goal,
        "history": [
            check_fields("propose manifest's history trial", {
                "hyperparams": t.hyperparams.path,
                "metrics": t.metrics.path,
                "name": t.name,
                "outcome": t.outcome.path,
            }, SAMPLER_MANIFEST_FIELDS["history_trial"])
            for t in history
        ],
        "label": display_label(ctx.label),
        "metric": ranking.metric,
        "objectives": ranking.manifest["objectives"],
        "proposals": [{"hyperparams": p.hyperparams.path, "name": p.name} for p in proposals],
        "sampler": ctx.attr.sampler,
        "sampler_label": display_label(executable.label) if executable else None,
        "seed": ctx.attr.seed,
        "space": {
            k: check_fields("propose manifest's distribution", {
                "choices": d.choices,
                "high": d.high,
                "kind": d.kind,
                "low": d.low,
            }, SAMPLER_MANIFEST_FIELDS["distribution"])
            for k, d in space.items()
        },
    }, SAMPLER_MANIFEST_FIELDS["manifest"]))
    args = ctx.actions.args()
    args.add(ctx.file._sampler)
    args.add(SAMPLER_ACTION_FLAGS["manifest"], manifest)
    args.add(SAMPLER_ACTION_FLAGS["history"], history_file)
    args.add(SAMPLER_ACTION_FLAGS["proposals"], proposals_file)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = [ctx.file._sampler, manifest] +
                 [f for t in history for f in (t.hyperparams, t.metrics, t.outcome)],
        outputs = [history_file, proposals_file] + [p.hyperparams for p in proposals],
        tools = [executable.files_to_run] if executable else [],
        mnemonic = "DatabazelSampler",
        progress_message = "Proposing batch %d (%d trials) of %%{label} from %d earlier trials" % (batch, len(proposals), len(history)),
        # The sampler runs in the exec configuration, like the train and eval executables.
        # No path mapping: the manifest names its inputs by their unmapped paths.
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return struct(history = history_file, proposals = proposals_file)
