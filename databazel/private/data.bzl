"""Which files a data attribute passes to a script."""

load("//databazel:providers.bzl", "ModelInfo")

def data_files(target):
    """The files a `training_data` or `test_data` target stands for.

    A model used as data stands for its model file alone, not its other default outputs.

    Args:
      target: the attribute's Target.

    Returns:
      depset of Files.
    """
    if ModelInfo in target:
        return depset([target[ModelInfo].model])
    return target[DefaultInfo].files
