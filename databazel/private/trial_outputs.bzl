"""The names of a search's per-trial outputs: `model_out` and `metrics_out`, or their old names.

`hyperparam_search` called them `model` and `metrics` until `model` and `evaluate` had named
the same thing `out`; the old names keep working, with a warning (deprecation.bzl).
"""

load(":deprecation.bzl", "renamed_attr")

# Each template's default, by the attribute's name.
TRIAL_OUTPUT_DEFAULTS = {
    "metrics_out": "%{name}/%{trial}/metrics.json",
    "model_out": "%{name}/%{trial}/model",
}

# The deprecated name of each.
_OLD_NAMES = {
    "metrics_out": "metrics",
    "model_out": "model",
}

def check_trial_output_names(ctx, where):
    """Warns when a target sets an old name, and fails when it sets both names of one output.

    Args:
      ctx: the rule context; the rule has the old and the new attributes.
      where: string naming the target, for messages.
    """
    for new, old in _OLD_NAMES.items():
        renamed_attr(ctx, where, old = old, new = new)

def trial_output_template(ctx, new):
    """The template that names one per-trial output, and the attribute the target set it with.

    Args:
      ctx: the rule context.
      new: `model_out` or `metrics_out`.

    Returns:
      struct(attr, template): the attribute's name as the target wrote it (the old one when
      only that is set), for messages; the template, or its default.
    """
    old = _OLD_NAMES[new]
    if getattr(ctx.attr, old):
        return struct(attr = old, template = getattr(ctx.attr, old))
    return struct(attr = new, template = getattr(ctx.attr, new) or TRIAL_OUTPUT_DEFAULTS[new])
