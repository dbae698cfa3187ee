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
