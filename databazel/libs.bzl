"""The building blocks of databazel's rules, for rules of your own.

databazel's `model`, `evaluate` and `hyperparam_search` are built from these pieces; a third
party can build another rule from them (a `fine_tune`, a distillation, a rule that trains on
a generated dataset) that registers the same `DatabazelTrain` and `DatabazelEval` actions,
writes the same run records, and returns a `ModelInfo` that `evaluate`, `hyperparam_search`
and `databazel lineage` accept. `e2e/smoke/fine_tune.bzl` is a complete example.

```starlark
load("@databazel//databazel:defs.bzl", "ModelInfo")
load("@databazel//databazel:libs.bzl", "databazel_lib")

def _fine_tune_impl(ctx):
    hyperparams_file = ctx.actions.declare_file(ctx.label.name + ".hyperparams.json")
    databazel_lib.write_hyperparams(ctx, hyperparams_file, ctx.attr.hyperparams)
    trained = databazel_lib.train(
        ctx,
        prefix = ctx.label.name,
        model_name = ctx.label.name + ".model",
        hyperparams_file = hyperparams_file,
        training_data = databazel_lib.data_files(ctx.attr.training_data),
        train_executable = ctx.attr.train_executable[DefaultInfo].files_to_run,
        seed = ctx.attr.seed,
        init_from = ctx.attr.base[ModelInfo],
    )
    ...

fine_tune = rule(
    implementation = _fine_tune_impl,
    attrs = dict(
        databazel_lib.helper_attrs,
        base = attr.label(providers = [ModelInfo], mandatory = True),
        seed = attr.int(),
        **databazel_lib.train_attrs
    ),
    toolchains = databazel_lib.toolchains,
    exec_groups = databazel_lib.exec_groups,
)
```

`databazel_lib` holds:

| field | what it is |
| --- | --- |
| `helper_attrs` | private attributes holding the bundled helpers every action runs; merge them into your rule's attrs |
| `train_attrs` | `training_data`, `train_executable`, `hyperparams`, `checkpoint_every`, `model_is_dir`, `train_tags`, `train_cpus`, `train_timeout`, as `model` documents them; `train` reads them from `ctx.attr` |
| `eval_attrs` | `test_data`, `eval_executable`, `eval_timeout`, as `evaluate` documents them; `evaluate` reads `eval_timeout` from `ctx.attr` |
| `toolchains` | the toolchains a rule that registers databazel actions declares (the Node toolchain) |
| `exec_groups` | the exec groups such a rule declares (`train`, for the training actions) |
| `write_hyperparams(ctx, file, hyperparams)` | writes a dict of strings as the sorted JSON file the train executable receives |
| `train(ctx, *, prefix, model_name, hyperparams_file, training_data, train_executable, seed, trial = None, epochs = None, checkpoint_every = 0, segments = None, init_from = None, record_failures = False, data_digests = None)` | registers the `DatabazelTrain` action (or a chain of epoch segments); `init_from`, a `ModelInfo`, continues from that model as `--init_checkpoint`; `record_failures` records a failed run as the trial's outcome, as `hyperparam_search(max_failed_trials = N)` does; returns `struct(model, curve, record, outcome, log, output_dir, checkpoints, records, by_end)` |
| `digest(ctx, *, data, kind)` | registers the `DatabazelDigest` action that hashes a data depset once (`kind`: `training_data` or `test_data`); pass its File as `train(data_digests = ...)` or `evaluate(data_digests = ...)`, so the run records of many actions need not hash the data each |
| `declare_eval_outputs(ctx, prefix, metrics_name)` | declares the files an evaluation writes: `struct(metrics, record, log)` |
| `evaluate(ctx, *, outputs, model, test_data, eval_executable, trial = None, metric = None, record_failures = None, data_digests = None)` | registers the `DatabazelEval` action; `metric` (a search's) fails the build when the eval script does not write it; `record_failures = struct(train_outcome)` (the `outcome` that `train` returns) records failures as `train` does, and a NaN or infinite `metric` as `diverged` |
| `report(ctx, *, kind, details, inputs)` | registers the `DatabazelReport` action: `<name>.report.html` |
| `data_files(target)` | the files a data attribute stands for (a model's file alone, for a model) |
| `lineage(*, training_data, train_executable, hyperparams_file, checkpoints = [], parents = [])` | the `ModelInfo.lineage` depset; `parents` are `ModelInfo`s the model continues from |
| `expand_template(template, values, where, attr_name)` | expands `%{key}` placeholders in an output name, failing with a clear message |
| `display_label(label)` | a label as users write it, for messages |

These are the functions databazel's own rules call, so they change only with a major version.
"""

load("//databazel/private:attrs.bzl", "EVAL_ATTRS", "HELPER_ATTRS", "TRAIN_ATTRS")
load("//databazel/private:data.bzl", "data_files")
load("//databazel/private:lineage.bzl", "model_lineage")
load("//databazel/private:names.bzl", "display_label", "expand_template")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN")
load("//databazel/private/actions:digest.bzl", "digest_action")
load("//databazel/private/actions:eval.bzl", "declare_eval_outputs", "eval_action")
load("//databazel/private/actions:report.bzl", "report_action")
load("//databazel/private/actions:train.bzl", "TRAIN_EXEC_GROUPS", "train", "write_hyperparams")

databazel_lib = struct(
    helper_attrs = HELPER_ATTRS,
    train_attrs = TRAIN_ATTRS,
    eval_attrs = EVAL_ATTRS,
    toolchains = [NODE_TOOLCHAIN],
    exec_groups = TRAIN_EXEC_GROUPS,
    write_hyperparams = write_hyperparams,
    train = train,
    digest = digest_action,
    declare_eval_outputs = declare_eval_outputs,
    evaluate = eval_action,
    report = report_action,
    data_files = data_files,
    lineage = model_lineage,
    expand_template = expand_template,
    display_label = display_label,
)
