"""Which files a data attribute passes to a script."""

load("//databazel:providers.bzl", "ModelInfo")
load(":names.bzl", "display_label")

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

def required_data_files(target, where, attr_name):
    """`data_files(target)`, failing at analysis when the target stands for no files.

    Args:
      target: the attribute's Target.
      where: string naming the rule's target, for the message.
      attr_name: the attribute, `training_data` or `test_data`.

    Returns:
      depset of Files, not empty.
    """
    files = data_files(target)

    # An empty depset is false, so the check costs nothing for large data.
    if not files:
        fail(("databazel: {}: {} = \"{}\" stands for no files (an empty filegroup or glob?), " +
              "so the script would get no --{} flag.\n" +
              "Fix: point {} at the data files, e.g. a filegroup whose srcs or glob() match them.").format(
            where,
            attr_name,
            display_label(target.label),
            attr_name,
            attr_name,
        ))
    return files
