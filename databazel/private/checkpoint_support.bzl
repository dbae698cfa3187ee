"""Whether a train executable says it continues from checkpoints: the tag `databazel:checkpoints`.

The scheduler promotes a trial by running its next segment from its checkpoint; a script
that ignored `--init_checkpoint` and `--start_epoch` would silently train from scratch and
report wrong results. Nothing at analysis time can tell that from the script itself, so the
script's target says it, with a tag that an aspect reads.
"""

CHECKPOINTS_TAG = "databazel:checkpoints"

CheckpointSupportInfo = provider(
    doc = "Whether a train executable's target carries the `databazel:checkpoints` tag.",
    fields = {"supported": "bool: the tag is set."},
)

def _checkpoint_support_aspect_impl(_target, ctx):
    return [CheckpointSupportInfo(supported = CHECKPOINTS_TAG in getattr(ctx.rule.attr, "tags", []))]

checkpoint_support_aspect = aspect(
    implementation = _checkpoint_support_aspect_impl,
    doc = "Reads the `databazel:checkpoints` tag of a search's train executable.",
)

def supports_checkpoints(target):
    """Whether the train executable's target says it continues from checkpoints.

    Args:
      target: the `train_executable` Target, seen through `checkpoint_support_aspect`.

    Returns:
      bool; False for a plain script file, which has no tags.
    """
    return CheckpointSupportInfo in target and target[CheckpointSupportInfo].supported
