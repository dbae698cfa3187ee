"""`fine_tune`: a rule a third party writes from `databazel_lib` alone.

It continues training from another model (any target that provides ModelInfo) on new data:
the train executable receives the base model as `--init_checkpoint`. What it returns is a
full `ModelInfo` (lineage that includes the base's, run record, learning curve), so
`evaluate`, `hyperparam_search` and `databazel lineage` take it like a `model`.
"""

load("@databazel//databazel:defs.bzl", "ModelInfo")
load("@databazel//databazel:libs.bzl", "databazel_lib")

def _fine_tune_impl(ctx):
    base = ctx.attr.base[ModelInfo]
    hyperparams_file = ctx.actions.declare_file(ctx.label.name + ".hyperparams.json")
    databazel_lib.write_hyperparams(ctx, hyperparams_file, ctx.attr.hyperparams)
    training_data = databazel_lib.data_files(ctx.attr.training_data)
    trained = databazel_lib.train(
        ctx,
        prefix = ctx.label.name,
        model_name = ctx.label.name + ".model",
        hyperparams_file = hyperparams_file,
        training_data = training_data,
        train_executable = ctx.attr.train_executable[DefaultInfo].files_to_run,
        seed = ctx.attr.seed,
        init_from = base,
    )
    return [
        DefaultInfo(files = depset([trained.model, trained.curve])),
        ModelInfo(
            model = trained.model,
            hyperparams = ctx.attr.hyperparams,
            hyperparams_file = hyperparams_file,
            seed = ctx.attr.seed,
            label = ctx.label,
            data = training_data,
            lineage = databazel_lib.lineage(
                training_data = ctx.attr.training_data,
                train_executable = ctx.attr.train_executable,
                hyperparams_file = hyperparams_file,
                checkpoints = trained.checkpoints,
                parents = [base],
            ),
            run_record = trained.record,
            learning_curve = trained.curve,
        ),
        OutputGroupInfo(
            logs = depset([trained.log]),
            records = depset(trained.records),
        ),
    ]

fine_tune = rule(
    implementation = _fine_tune_impl,
    doc = "Continues training `base` on `training_data`, passing its model as `--init_checkpoint`.",
    attrs = dict(
        databazel_lib.helper_attrs,
        base = attr.label(
            doc = "The model to start from: any target that provides ModelInfo.",
            providers = [ModelInfo],
            mandatory = True,
        ),
        seed = attr.int(
            doc = "The random seed, passed as `--seed`.",
        ),
        **databazel_lib.train_attrs
    ),
    toolchains = databazel_lib.toolchains,
    exec_groups = databazel_lib.exec_groups,
)
