"""The DatabazelPromote action: after a rung of a search with a scheduler, which trials go on."""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "PROMOTE_FLAGS", "PROMOTE_MANIFEST_FIELDS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "check_fields", "write_manifest")

def promote_action(ctx, *, ranking, bracket, rung, rungs, epochs, keep, trials, continue_trials, iteration = 1):
    """Registers the promotions of one rung: one promotion file per trial, and the rung's summary.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_promote`.
      ranking: what the search ranks by (objectives.bzl's search_objectives).
      bracket: int, the Hyperband bracket (0 for successive halving).
      iteration: int, Hyperband's iteration that the bracket is part of, from 1.
      rung: int, 1-based.
      rungs: int, how many rungs the bracket has.
      epochs: int, the epochs every trial of the rung has trained.
      keep: int, how many trials go on.
      trials: list of struct(name, metrics, outcome, promotion): the validation metrics and eval
        outcome of each trial, and the promotion File it gets, in declared order.
      continue_trials: list of trial names that go on whatever their metric.

    Returns:
      File: the rung's summary (tools/src/formats/scheduler.ts).
    """

    # The first iteration's rungs keep the names they had before there were iterations.
    prefix = "{}/rungs/{}bracket_{}_epoch_{}".format(ctx.label.name, "iteration_{}_".format(iteration) if iteration > 1 else "", bracket, epochs)
    manifest = ctx.actions.declare_file(prefix + FILE_SUFFIXES["promote_manifest"])
    summary = ctx.actions.declare_file(prefix + FILE_SUFFIXES["rung_summary"])
    write_manifest(ctx, manifest, check_fields("promote manifest", {
        "bracket": bracket,
        "constraints": ranking.manifest["constraints"],
        "continue_trials": continue_trials,
        "epochs": epochs,
        "goal": ranking.goal,
        "keep": keep,
        "label": display_label(ctx.label),
        "metric": ranking.metric,
        "objectives": ranking.manifest["objectives"],
        "rung": rung,
        "rungs": rungs,
        "trials": [
            check_fields("promote manifest's trial", {
                "metrics": t.metrics.path,
                "name": t.name,
                "outcome": t.outcome.path,
                "promotion": t.promotion.path,
            }, PROMOTE_MANIFEST_FIELDS["trial"])
            for t in trials
        ],
    }, PROMOTE_MANIFEST_FIELDS["manifest"]))
    args = ctx.actions.args()
    args.add(ctx.file._promote)
    args.add(PROMOTE_FLAGS["manifest"], manifest)
    args.add(PROMOTE_FLAGS["summary"], summary)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = [ctx.file._promote, manifest] + [t.metrics for t in trials] + [t.outcome for t in trials],
        outputs = [summary] + [t.promotion for t in trials],
        mnemonic = "DatabazelPromote",
        progress_message = "Promoting the best %d of %d trials of %%{label} after %d epochs" % (keep, len(trials), epochs),
        # No path mapping: the manifest names its inputs by their unmapped paths.
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return summary
