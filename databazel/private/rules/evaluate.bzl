"""The `evaluate` rule: scores a trained model by running the user's eval executable."""

load("//databazel:providers.bzl", "MetricsInfo", "ModelInfo")
load("//databazel/private:attrs.bzl", "EVAL_ATTRS", "HELPER_ATTRS")
load("//databazel/private:data.bzl", "required_data_files")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN")
load("//databazel/private:out_attr.bzl", "out_attrs", "out_name")
load("//databazel/private/actions:eval.bzl", "declare_eval_outputs", "eval_action")
load("//databazel/private/actions:report.bzl", "report_action")

# The metrics file's name when `out` is not set.
_DEFAULT_OUT = "%{name}.metrics.json"

def _evaluate_impl(ctx):
    where = "evaluate " + display_label(ctx.label)
    if ModelInfo not in ctx.attr.model:
        fail(("databazel: {}: model = \"{}\" is not a model: model takes a `model` or " +
              "`hyperparam_search` target, or any target that provides ModelInfo.\n" +
              "Fix: to evaluate a model file that databazel did not train, wrap it: " +
              "model_file(name = \"pretrained\", src = \"{}\"), then set model = \":pretrained\".").format(
            where,
            display_label(ctx.attr.model.label),
            ctx.attr.model.label.name,
        ))
    model_info = ctx.attr.model[ModelInfo]
    placeholders = dict(model_info.hyperparams, name = ctx.label.name)
    metrics_name = out_name(ctx, where, old = "metrics", default = _DEFAULT_OUT, placeholders = placeholders)
    outputs = declare_eval_outputs(ctx, ctx.label.name, metrics_name)
    eval_action(
        ctx,
        outputs = outputs,
        model = model_info.model,
        test_data = required_data_files(ctx.attr.test_data, where, "test_data"),
        eval_executable = ctx.attr.eval_executable[DefaultInfo].files_to_run,
    )
    report = report_action(
        ctx,
        kind = "evaluate",
        details = {"metrics": outputs.metrics.path, "model_label": display_label(model_info.label)},
        inputs = [outputs.metrics],
    )
    return [
        DefaultInfo(files = depset([outputs.metrics, report])),
        MetricsInfo(metrics = outputs.metrics, model_label = model_info.label, run_record = outputs.record),
        OutputGroupInfo(
            logs = depset([outputs.log]),
            records = depset([outputs.record]),
            report = depset([report]),
        ),
    ]

evaluate = rule(
    implementation = _evaluate_impl,
    doc = """Evaluates a model by running `eval_executable` once, as the `DatabazelEval` action.

The executable receives `--model`, `--test_data` and `--metrics`, and must write a JSON object
whose leaves are numbers (nesting allowed) to the metrics path. Default outputs: the metrics
and `<name>.report.html` (a self-contained report: the metrics, and the confusion matrix when
the metrics hold a `confusion_matrix`).
""",
    attrs = dict(
        HELPER_ATTRS | out_attrs(
            old = "metrics",
            output = "The metrics file's",
            placeholders = "`%{name}` and the model's `%{<hyperparameter>}`",
            default = _DEFAULT_OUT,
        ),
        model = attr.label(
            doc = "The model to evaluate: a `model` target, a `hyperparam_search` (its best model), " +
                  "or any target that provides ModelInfo. For a model file databazel did not train, " +
                  "wrap it in `model_file`.",
            # Any target or file, so that one without ModelInfo gets a message that says the fix.
            allow_files = True,
            mandatory = True,
        ),
        **EVAL_ATTRS
    ),
    toolchains = [NODE_TOOLCHAIN],
)
