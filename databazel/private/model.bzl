"""The `model` rule: trains one model by running the user's train executable."""

load("//databazel:providers.bzl", "ModelInfo")
load(":actions.bzl", "declare_train_outputs", "train_action")
load(":attrs.bzl", "SHIM_ATTRS", "TRAIN_ATTRS")
load(":data.bzl", "data_files")
load(":lineage.bzl", "model_lineage")
load(":names.bzl", "display_label", "expand_template")
load(":node_toolchain.bzl", "NODE_TOOLCHAIN")

def _model_impl(ctx):
    where = "model " + display_label(ctx.label)
    placeholders = dict(ctx.attr.hyperparams, name = ctx.label.name, seed = str(ctx.attr.seed))
    model_name = expand_template(ctx.attr.model or "%{name}.model", placeholders, where, "model")
    outputs = declare_train_outputs(ctx, ctx.label.name, model_name, ctx.attr.model_is_dir)
    training_data = data_files(ctx.attr.training_data)
    train_action(
        ctx,
        outputs = outputs,
        training_data = training_data,
        train_executable = ctx.attr.train_executable[DefaultInfo].files_to_run,
        hyperparams = ctx.attr.hyperparams,
        seed = ctx.attr.seed,
    )
    return [
        # The extras hold what the script reports beside the model, e.g. per-epoch metrics.
        DefaultInfo(files = depset([outputs.model, outputs.output_dir])),
        ModelInfo(
            model = outputs.model,
            hyperparams = ctx.attr.hyperparams,
            hyperparams_file = outputs.hyperparams,
            seed = ctx.attr.seed,
            label = ctx.label,
            data = training_data,
            lineage = model_lineage(
                training_data = ctx.attr.training_data,
                train_executable = ctx.attr.train_executable,
                hyperparams_file = outputs.hyperparams,
            ),
            run_record = outputs.record,
        ),
        OutputGroupInfo(
            extras = depset([outputs.output_dir]),
            hyperparams = depset([outputs.hyperparams]),
            logs = depset([outputs.log]),
            records = depset([outputs.record]),
        ),
    ]

model = rule(
    implementation = _model_impl,
    doc = """Trains a model by running `train_executable` once, as the `DatabazelTrain` action.

The executable receives `--training_data`, `--model`, `--hyperparams`, `--hyperparams_file`,
`--seed` and `--output_dir` (see the contract in the README), and must write the model.
Default outputs: the model and `<name>.extras/` (the script's `--output_dir`, e.g. per-epoch
metrics). Output groups: `records` (the run record), `logs` (everything the script printed),
`extras`, `hyperparams` (the JSON it received).
""",
    attrs = dict(
        SHIM_ATTRS,
        model = attr.string(
            doc = "The model's output name, relative to the package. Placeholders: `%{name}`, " +
                  "`%{seed}` and `%{<hyperparameter>}`. Default: `%{name}.model`.",
        ),
        seed = attr.int(
            doc = "The random seed, passed as `--seed`. The same inputs and seed must give the same model.",
            default = 0,
        ),
        **TRAIN_ATTRS
    ),
    toolchains = [NODE_TOOLCHAIN],
)
