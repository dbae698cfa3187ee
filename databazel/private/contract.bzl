"""The names databazel's rules share with its TypeScript shims and helpers.

Generated from tools/src/contract.ts and tools/src/formats/ by tools/build/gen-contract.ts
(`npm run build:tools`). Do not edit.
"""

# Flags the train executable receives (tools/src/contract.ts).
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

# Flags the eval executable receives (tools/src/contract.ts).
EVAL_FLAGS = {
    "metrics": "--metrics",
    "model": "--model",
    "test_data": "--test_data",
}

# Flags the train and eval shims take before the script's (tools/src/formats/action-flags.ts).
SHIM_FLAGS = {
    "curve": "--shim_curve",
    "data_digests": "--shim_data_digests",
    "executable": "--shim_executable",
    "label": "--shim_label",
    "log": "--shim_log",
    "model_is_dir": "--shim_model_is_dir",
    "outcome": "--shim_outcome",
    "previous_curve": "--shim_previous_curve",
    "previous_outcome": "--shim_previous_outcome",
    "promotion": "--shim_promotion",
    "record": "--shim_record",
    "record_failures": "--shim_record_failures",
    "search_metric": "--shim_search_metric",
    "skip_pruned": "--shim_skip_pruned",
    "timeout": "--shim_timeout",
    "train_outcome": "--shim_train_outcome",
    "trial": "--shim_trial",
}

# Flags of the DatabazelLeaderboard action (tools/src/formats/action-flags.ts).
LEADERBOARD_FLAGS = {
    "best": "--best",
    "best_hyperparams": "--best_hyperparams",
    "best_model": "--best_model",
    "leaderboard_csv": "--leaderboard_csv",
    "leaderboard_json": "--leaderboard_json",
    "leaderboard_md": "--leaderboard_md",
    "manifest": "--manifest",
    "model_is_dir": "--model_is_dir",
}

# Flags of the DatabazelReport action (tools/src/formats/action-flags.ts).
REPORT_FLAGS = {
    "manifest": "--manifest",
    "output": "--output",
}

# Flags of the DatabazelPromote action (tools/src/formats/action-flags.ts).
PROMOTE_FLAGS = {
    "manifest": "--manifest",
    "summary": "--summary",
}

# Flags of the DatabazelSampler action (tools/src/formats/action-flags.ts).
SAMPLER_ACTION_FLAGS = {
    "history": "--history",
    "manifest": "--manifest",
    "proposals": "--proposals",
}

# Flags of the DatabazelDigest action (tools/src/formats/action-flags.ts).
DIGEST_FLAGS = {
    "file": "--file",
    "output": "--output",
}

# Suffixes of the files the actions write, after a target's or a run's name (tools/src/formats/files.ts).
FILE_SUFFIXES = {
    "best": ".best.json",
    "best_hyperparams": ".best_hyperparams.json",
    "best_model": ".best_model",
    "best_model_dir": ".best_model.d",
    "curve": ".curve.json",
    "eval_log": ".eval.log",
    "eval_outcome": ".eval.outcome.json",
    "eval_record": ".eval.json",
    "extras": ".extras",
    "hyperparams": ".hyperparams.json",
    "leaderboard_csv": ".leaderboard.csv",
    "leaderboard_json": ".leaderboard.json",
    "leaderboard_manifest": ".manifest.json",
    "leaderboard_md": ".leaderboard.md",
    "promote_manifest": ".promote.json",
    "promotion": ".promotion.json",
    "report_html": ".report.html",
    "report_manifest": ".report.json",
    "rung_summary": ".rung.json",
    "sampler_history": ".history.json",
    "sampler_manifest": ".sampler.json",
    "sampler_proposals": ".proposals.json",
    "test_data_digests": ".test_data.digests.json",
    "train_log": ".train.log",
    "train_outcome": ".train.outcome.json",
    "train_record": ".train.json",
    "training_data_digests": ".training_data.digests.json",
    "validation_data_digests": ".validation_data.digests.json",
    "validation_log": ".validation.eval.log",
    "validation_metrics": ".validation.json",
    "validation_outcome": ".validation.outcome.json",
    "validation_record": ".validation.eval.json",
}

# The leaderboard manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/leaderboard-manifest.ts).
LEADERBOARD_MANIFEST_FIELDS = {
    "manifest": ["constraints", "goal", "label", "max_failed_trials", "metric", "objectives", "schedule", "select", "trials"],
    "schedule": ["brackets", "iterations", "max_epochs", "min_epochs", "reduction_factor", "scheduler"],
    "trial": ["hyperparams", "hyperparams_file", "metrics", "model", "model_short_path", "name", "record", "seed"],
}

# The DatabazelSampler manifest's fields, sorted: the manifest's, a distribution's and a history trial's (tools/src/formats/sampler-manifest.ts).
SAMPLER_MANIFEST_FIELDS = {
    "distribution": ["choices", "high", "kind", "low"],
    "history_trial": ["hyperparams", "metrics", "name", "outcome"],
    "manifest": ["batch", "constraints", "executable", "fixed", "goal", "history", "label", "metric", "objectives", "proposals", "sampler", "sampler_label", "seed", "space"],
}

# The DatabazelPromote manifest's fields, sorted: the manifest's and each trial's (tools/src/formats/scheduler.ts).
PROMOTE_MANIFEST_FIELDS = {
    "manifest": ["bracket", "constraints", "continue_trials", "epochs", "goal", "keep", "label", "metric", "objectives", "rung", "rungs", "trials"],
    "trial": ["metrics", "name", "outcome", "promotion"],
}

# Each report kind's manifest fields, sorted, and a search report trial's and distribution's (tools/src/formats/report-manifest.ts).
REPORT_MANIFEST_FIELDS = {
    "evaluate": ["kind", "label", "metrics", "model_label"],
    "model": ["curve", "hyperparams", "kind", "label", "records"],
    "search": ["goal", "grid", "kind", "label", "leaderboard", "metric", "objectives", "space", "trials"],
    "search_distribution": ["choices", "high", "kind", "low"],
    "search_trial": ["curve", "metrics", "name"],
}
