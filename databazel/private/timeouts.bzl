"""Timeouts of train and eval runs (`train_timeout = "30m"`), checked at analysis.

The grammar is tools/src/lib/duration.ts's, which the shims read: a positive whole number of
seconds (`s`), minutes (`m`) or hours (`h`). An empty string means no timeout.
"""

load("//databazel/private:names.bzl", "display_label")

_UNITS = ("s", "m", "h")

def checked_timeout(ctx, attr_name):
    """The rule's timeout attribute `attr_name`, checked; None when unset or empty.

    Args:
      ctx: the rule context; a rule without the attribute has no timeout.
      attr_name: `train_timeout` or `eval_timeout`.

    Returns:
      string such as "30m", or None.
    """
    value = getattr(ctx.attr, attr_name, "")
    if not value:
        return None
    number, unit = value[:-1], value[-1:]
    if unit not in _UNITS or not number.isdigit() or number.startswith("0"):
        fail(("databazel: {}: {} = \"{}\" is not a timeout.\n" +
              "Fix: give a positive whole number of seconds, minutes or hours, e.g. \"90s\", \"30m\" or \"2h\", " +
              "or leave {} unset for no timeout.").format(display_label(ctx.label), attr_name, value, attr_name))
    return value
