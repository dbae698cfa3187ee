"""Attributes that were renamed: the old name keeps working, with a warning that says the fix."""

def renamed_attr(ctx, where, *, old, new):
    """Which of a renamed string attribute's two names the target sets.

    Args:
      ctx: the rule context; the rule has both attributes.
      where: string naming the target, for messages.
      old: the deprecated name.
      new: the name that replaced it.

    Returns:
      string: `old` when only the deprecated name is set (after a warning), else `new`.
    """
    if not getattr(ctx.attr, old):
        return new
    if getattr(ctx.attr, new):
        fail(("databazel: {where}: {old} and {new} are both set; {old} is the old name of {new}.\n" +
              "Fix: keep {new} = \"{value}\" and remove {old}.").format(
            where = where,
            old = old,
            new = new,
            value = getattr(ctx.attr, new),
        ))

    # buildifier: disable=print
    print(("databazel: {where}: {old} = \"{value}\" is deprecated: the attribute is now called {new}.\n" +
           "Fix: write {new} = \"{value}\".").format(where = where, old = old, new = new, value = getattr(ctx.attr, old)))
    return old
