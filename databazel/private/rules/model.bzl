"""The `model` rule: trains one model by running the user's train executable.

Users call the `model` macro (model_macro.bzl), which accepts numbers in `hyperparams`; the rule
keeps the name `model`, so `bazel query --output=label_kind` still says "model rule".
"""

load("//databazel:providers.bzl", "ModelInfo")
load("//databazel/private:attrs.bzl", "HELPER_ATTRS", "TRAIN_ATTRS")
load("//databazel/private:checks.bzl", "CHECKPOINT_EVERY_FIX", "SEED_FIX", "check_not_negative")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private:data.bzl", "required_data_files")
load("//databazel/private:hyperparams.bzl", "ARGUMENT_ERRORS_DOC", "fail_on_argument_errors")
load("//databazel/private:lineage.bzl", "model_lineage")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN")
load("//databazel/private:out_attr.bzl", "out_attrs", "out_name")
load("//databazel/private/actions:digest.bzl", "digest_action")
load("//databazel/private/actions:report.bzl", "report_action")
load("//databazel/private/actions:train.bzl", "TRAIN_EXEC_GROUPS", "train", "write_hyperparams")

# The model's name when `out` is not set.
_DEFAULT_OUT = "%{name}.model"

def _model_impl(ctx):
    fail_on_argument_errors(ctx)
    where = "model " + display_label(ctx.label)
    epochs = ctx.attr.epochs
    check_not_negative(where, "epochs", epochs, "set epochs to the number of epochs to train, or 0.")
    check_not_negative(where, "seed", ctx.attr.seed, SEED_FIX)
    check_not_negative(where, "checkpoint_every", ctx.attr.checkpoint_every, CHECKPOINT_EVERY_FIX)
    if epochs and "epochs" in ctx.attr.hyperparams:
        fail(("databazel: {}: epochs is set both as an attribute and in hyperparams.\n" +
              "Fix: keep the attribute (it trains in segments with --start_epoch/--end_epoch) and " +
              "remove \"epochs\" from hyperparams.").format(where))
    if ctx.attr.checkpoint_every and not epochs:
        fail(("databazel: {}: checkpoint_every = {} needs epochs.\n" +
              "Fix: set epochs = N, the number of epochs to train in segments.").format(where, ctx.attr.checkpoint_every))

    placeholders = dict(ctx.attr.hyperparams, name = ctx.label.name, seed = str(ctx.attr.seed))
    model_name = out_name(ctx, where, old = "model", default = _DEFAULT_OUT, placeholders = placeholders)
    hyperparams_file = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["hyperparams"])
    write_hyperparams(ctx, hyperparams_file, ctx.attr.hyperparams)
    training_data = required_data_files(ctx.attr.training_data, where, "training_data")
    trained = train(
        ctx,
        prefix = ctx.label.name + (".segments" if epochs else ""),
        model_name = model_name,
        hyperparams_file = hyperparams_file,
        training_data = training_data,
        train_executable = ctx.attr.train_executable[DefaultInfo].files_to_run,
        seed = ctx.attr.seed,
        epochs = epochs or None,
        checkpoint_every = ctx.attr.checkpoint_every,
        # Segments hash the data once between them; a single run hashes it itself.
        data_digests = digest_action(ctx, data = training_data, kind = "training_data") if ctx.attr.checkpoint_every else None,
    )
    model_file = trained.model
    curve = trained.curve
    if epochs:
        # Checkpoints keep their segment's name, so that a longer run reuses them; the model's
        # own names point at the last one.
        declare = ctx.actions.declare_directory if ctx.attr.model_is_dir else ctx.actions.declare_file
        model_file = declare(model_name)
        ctx.actions.symlink(output = model_file, target_file = trained.model)
        curve = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["curve"])
        ctx.actions.symlink(output = curve, target_file = trained.curve)

    report = report_action(
        ctx,
        kind = "model",
        details = {
            "curve": curve.path,
            "hyperparams": hyperparams_file.path,
            "records": [r.path for r in trained.records],
        },
        inputs = [curve, hyperparams_file] + trained.records,
    )
    return [
        # The extras hold what the script reports beside the model, e.g. per-epoch metrics.
        DefaultInfo(files = depset([model_file, trained.output_dir, curve, report])),
        ModelInfo(
            model = model_file,
            hyperparams = ctx.attr.hyperparams,
            hyperparams_file = hyperparams_file,
            seed = ctx.attr.seed,
            label = ctx.label,
            data = training_data,
            lineage = model_lineage(
                training_data = ctx.attr.training_data,
                train_executable = ctx.attr.train_executable,
                hyperparams_file = hyperparams_file,
                checkpoints = trained.checkpoints,
            ),
            run_record = trained.record,
            learning_curve = curve,
        ),
        OutputGroupInfo(
            checkpoints = depset(trained.checkpoints),
            extras = depset([trained.output_dir]),
            hyperparams = depset([hyperparams_file]),
            logs = depset([trained.log]),
            records = depset(trained.records),
            report = depset([report]),
        ),
    ]

model = rule(
    implementation = _model_impl,
    doc = "The rule behind the `model` macro; use the macro, which documents it and accepts numbers in `hyperparams`.",
    attrs = dict(
        HELPER_ATTRS,
        argument_errors = attr.string_list(doc = ARGUMENT_ERRORS_DOC),
        epochs = attr.int(
            doc = "Epochs to train, passed as `--start_epoch 0 --end_epoch N` (in segments with " +
                  "`checkpoint_every`) rather than as a hyperparameter. 0: the script decides, e.g. " +
                  "from an `epochs` hyperparameter, and gets no epoch flags.",
            default = 0,
        ),
        **(out_attrs(
            old = "model",
            output = "The model's",
            placeholders = "`%{name}`, `%{seed}` and `%{<hyperparameter>}`",
            default = _DEFAULT_OUT,
        ) | dict(
            seed = attr.int(
                doc = "The random seed, 0 or more, passed as `--seed`. The same inputs and seed must give the same model.",
                default = 0,
            ),
            **TRAIN_ATTRS
        ))
    ),
    exec_groups = TRAIN_EXEC_GROUPS,
    toolchains = [NODE_TOOLCHAIN],
)
