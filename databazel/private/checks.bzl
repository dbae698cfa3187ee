"""Checks of attribute values that Bazel's attribute types cannot express."""

def check_not_negative(where, attr_name, value, fix):
    """Fails at analysis when an int attribute is negative.

    Args:
      where: string naming the target, for the message.
      attr_name: the attribute.
      value: its int value.
      fix: what to set instead, for the message's "Fix:" line.
    """
    if value < 0:
        fail("databazel: {}: {} = {} is negative.\nFix: {}".format(where, attr_name, value, fix))

SEED_FIX = "use a seed of 0 or more (the same seed gives the same model), e.g. seed = 1."
CHECKPOINT_EVERY_FIX = "set checkpoint_every to the number of epochs per training segment, or 0 to train in one action."

def check_one_of(where, attr_name, value, allowed, fix):
    """Fails at analysis when an attribute is not one of its allowed values.

    Checked here rather than with `attr.*(values = ...)`, which Bazel checks while loading: a
    wrong value there fails every target of the package, and with Bazel's words, not the fix.

    Args:
      where: string naming the target, for the message.
      attr_name: the attribute.
      value: its value.
      allowed: list of the values it may take.
      fix: what to set instead, for the message's "Fix:" line.
    """
    if value not in allowed:
        fail("databazel: {}: {} = {} is not one of {}.\nFix: {}".format(
            where,
            attr_name,
            json.encode(value),
            ", ".join([json.encode(v) for v in allowed]),
            fix,
        ))
