"""The `out` attribute of `model` and `evaluate`: the output's name, a template, and the old name it replaced."""

load(":deprecation.bzl", "renamed_attr")
load(":names.bzl", "expand_template")

def out_attrs(*, old, output, placeholders, default):
    """`out` and its deprecated old name.

    Args:
      old: the attribute's name before it was renamed to `out`.
      output: what `out` names, e.g. "The model's".
      placeholders: the placeholders the template may hold, in words.
      default: the name the rule uses when neither is set.

    Returns:
      dict of attribute name to attribute.
    """
    return {
        old: attr.string(
            doc = "Deprecated: renamed to `out`, which it means.",
        ),
        "out": attr.string(
            doc = output + " output name, relative to the package; no other target of the package " +
                  "may write a file of that name (Bazel would report conflicting actions). " +
                  "Placeholders: " + placeholders + ". Default: `" + default + "`.",
        ),
    }

def out_name(ctx, where, *, old, default, placeholders):
    """The output name that `out`, or its old name, gives: the template expanded.

    Args:
      ctx: the rule context; the rule has the attributes of out_attrs().
      where: string naming the target, for messages.
      old: the deprecated name, as given to out_attrs().
      default: the template when neither is set.
      placeholders: dict of placeholder to value.

    Returns:
      string.
    """
    attr_name = renamed_attr(ctx, where, old = old, new = "out")
    return expand_template(getattr(ctx.attr, attr_name) or default, placeholders, where, attr_name)
