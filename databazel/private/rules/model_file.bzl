"""The `model_file` rule: a model databazel did not train (checked in or downloaded), as ModelInfo."""

load("//databazel:providers.bzl", "ModelInfo")
load("//databazel/private:contract.bzl", "FILE_SUFFIXES")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private/actions:train.bzl", "write_hyperparams")

def _model_file_impl(ctx):
    if ctx.attr.seed < -1:
        fail(("databazel: model_file {}: seed = {} is negative.\n" +
              "Fix: give the seed the model was trained with (0 or more), or leave seed out when it is unknown.").format(
            display_label(ctx.label),
            ctx.attr.seed,
        ))
    hyperparams_file = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["hyperparams"])
    write_hyperparams(ctx, hyperparams_file, ctx.attr.hyperparams)
    model = ctx.file.src
    return [
        DefaultInfo(files = depset([model])),
        ModelInfo(
            model = model,
            hyperparams = ctx.attr.hyperparams,
            hyperparams_file = hyperparams_file,
            seed = ctx.attr.seed if ctx.attr.seed >= 0 else None,
            label = ctx.label,
            # No run record: databazel did not train it, and `databazel lineage` says so.
            lineage = depset([model]),
        ),
        OutputGroupInfo(hyperparams = depset([hyperparams_file])),
    ]

model_file = rule(
    implementation = _model_file_impl,
    doc = """A model that databazel did not train, e.g. checked in or downloaded, as a model target.

It provides ModelInfo for `src`, so `evaluate(model = ":pretrained")` scores it and other rules
can train from it; `databazel lineage` reports it as imported, since no run record says how it
was trained.

```starlark
model_file(
    name = "pretrained",
    src = "pretrained.bin",  # or "@weights//:model.bin"
    hyperparams = {"depth": "3"},
)
```

Default output: `src` itself. Output group: `hyperparams` (the JSON of `hyperparams`).
""",
    attrs = {
        "hyperparams": attr.string_dict(
            doc = "The hyperparameters it was trained with, when known, as strings: they fill " +
                  "an `evaluate`'s `%{<hyperparameter>}` placeholders and show in reports.",
        ),
        "seed": attr.int(
            doc = "The seed it was trained with, when known; -1 (the default): unknown.",
            default = -1,
        ),
        "src": attr.label(
            doc = "The model: a file, or a directory (e.g. a repository rule's download).",
            allow_single_file = True,
            mandatory = True,
        ),
    },
)
