"""The train/eval contract's names, shared with the TypeScript shims.

Generated from tools/src/contract.ts by `npm run build:tools`. Do not edit.
"""

# Flags the train executable receives.
TRAIN_FLAGS = {
    "end_epoch": "--end_epoch",
    "hyperparams": "--hyperparams",
    "hyperparams_file": "--hyperparams_file",
    "init_checkpoint": "--init_checkpoint",
    "model": "--model",
    "output_dir": "--output_dir",
    "seed": "--seed",
    "start_epoch": "--start_epoch",
    "training_data": "--training_data",
}

# Files a train executable may write into its output_dir for databazel to read.
OUTPUT_DIR_FILES = {
    "curve": "curve.json",
}

# Flags the eval executable receives.
EVAL_FLAGS = {
    "metrics": "--metrics",
    "model": "--model",
    "test_data": "--test_data",
}

# Environment variables that carry the same values, for scripts that prefer them.
ENV_VARS = {
    "end_epoch": "DATABAZEL_END_EPOCH",
    "hyperparams": "DATABAZEL_HYPERPARAMS",
    "hyperparams_file": "DATABAZEL_HYPERPARAMS_FILE",
    "init_checkpoint": "DATABAZEL_INIT_CHECKPOINT",
    "metrics": "DATABAZEL_METRICS",
    "model": "DATABAZEL_MODEL",
    "output_dir": "DATABAZEL_OUTPUT_DIR",
    "seed": "DATABAZEL_SEED",
    "start_epoch": "DATABAZEL_START_EPOCH",
    "test_data": "DATABAZEL_TEST_DATA",
    "training_data": "DATABAZEL_TRAINING_DATA",
}

# Separates several paths in one DATABAZEL_TRAINING_DATA or DATABAZEL_TEST_DATA value.
PATH_LIST_SEPARATOR = {
    "env": ":",
}
