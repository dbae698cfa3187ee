"""Lineage: the transitive depset of everything that produced a model."""

load("//databazel:providers.bzl", "ModelInfo")
load(":data.bzl", "data_files")

def model_lineage(*, training_data, train_executable, hyperparams_file, checkpoints = [], parents = []):
    """Everything that produced a model, without flattening anything.

    Args:
      training_data: the `training_data` target; a model used as data brings its own lineage.
      train_executable: the `train_executable` target; its files and runfiles are included.
      hyperparams_file: File, the hyperparameters the model was trained with.
      checkpoints: list of Files, the checkpoints the model was trained through.
      parents: list of ModelInfo, models this one continues from (e.g. a fine-tuned base);
        each brings its model file and its own lineage.

    Returns:
      depset of Files.
    """
    default = train_executable[DefaultInfo]
    transitive = [
        data_files(training_data),
        default.files,
        default.default_runfiles.files,
    ]
    if ModelInfo in training_data:
        transitive.append(training_data[ModelInfo].lineage)
    transitive.extend([parent.lineage for parent in parents])
    return depset([hyperparams_file] + checkpoints + [parent.model for parent in parents], transitive = transitive)
