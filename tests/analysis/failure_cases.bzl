"""Every error databazel's rules raise at analysis time, one case a row: the test's name, the kind
of target that must fail (targets.bzl), the attributes that make it fail, and the fragments of
the message users rely on. (Errors from the macros, in the loading phase, are pinned in
tests/errors.test.ts.)
"""

load(":targets.bzl", "case")

def _no_files(attr):
    # Data that resolves to no files: the same message for each data attribute.
    return [
        "stands for no files (an empty filegroup or glob?), so the script would get no --{} flag".format(attr),
        "Fix: point {} at the data files".format(attr),
    ]

FAILURE_CASES = [
    # A provider built with a string where a File belongs.
    case("provider_init_test", "bad_provider", {}, ["ModelInfo.model must be a File, got string (not a file)"]),
    # hyperparam_search: its trials, from grid and space.
    case("empty_search_test", "search", {}, [
        "the search has nothing to search: grid and space are both empty",
        'Fix: give grid = {"lr": ["0.1", "0.01"]}',
    ]),
    case("empty_grid_value_test", "search", {"grid": {"lr": []}}, [
        'grid["lr"] is an empty list',
        "Fix: give it at least one value",
    ]),
    case("duplicate_trials_test", "search", {"grid": {"lr": ["0.1", "0.1"]}}, [
        'two trials have the same hyperparameters, so the same name "lr_0.1"',
        "Fix: remove duplicate grid values",
    ]),
    case("space_too_small_test", "search", {"n_trials": 5, "seed": 1, "space": {"a": "choice(x, y)", "b": "int(0, 1)"}}, [
        "random sample 4 repeats an earlier one however often it is drawn again (100 times): the space has fewer distinct configurations than the search draws (5).",
        "Fix: lower n_trials, or widen the space (more choices, a wider int range).",
    ]),
    case("space_bounds_test", "search", {"seed": 3, "space": {"lr": "uniform(1, 0)"}}, [
        'space["lr"] = "uniform(1, 0)" is malformed: uniform() needs low < high',
    ]),
    case("malformed_space_test", "search", {"seed": 1, "space": {"lr": "loguniform(1e-4)"}}, [
        'space["lr"] = "loguniform(1e-4)" is malformed: loguniform() takes 2 arguments',
        "loguniform(low, high)",
    ]),
    case("unknown_distribution_test", "search", {"seed": 1, "space": {"lr": "gauss(0, 1)"}}, [
        'unknown distribution "gauss"',
        "Fix: write each space value as one of",
    ]),
    case("not_a_number_test", "search", {"seed": 1, "space": {"lr": "uniform(0, lots)"}}, [
        '"lots" is not a number',
    ]),
    case("bad_template_test", "search", {"grid": {"lr": ["0.1"]}, "model": "%{name}_%{depth}.bin"}, [
        'model = "%{name}_%{depth}.bin" uses %{depth}, which is not defined here',
        "Fix: use one of: %{lr}, %{name}",
    ]),
    case("unclosed_template_test", "search", {"grid": {"lr": ["0.1"]}, "metrics": "%{name"}, [
        'metrics = "%{name" has an unclosed %{',
        "Fix: close it, e.g. %{name}.",
    ]),
    case("fixed_and_grid_test", "search", {"grid": {"lr": ["0.2"]}, "hyperparams": {"lr": "0.1"}}, [
        '"lr" is in both hyperparams and grid',
        "Fix: keep it in one of them.",
    ]),
    case("no_trials_test", "search", {"n_trials": 0, "seed": 1, "space": {"lr": "uniform(0, 1)"}}, [
        "n_trials = 0 draws no random trials",
        "Fix: set n_trials to 1 or more.",
    ]),
    case("not_a_distribution_test", "search", {"seed": 1, "space": {"lr": "0.1"}}, [
        'space["lr"] = "0.1" is malformed: expected name(arguments)',
    ]),
    case("empty_choice_test", "search", {"seed": 1, "space": {"opt": "choice(a, , b)"}}, [
        'space["opt"] = "choice(a, , b)" is malformed: choice() has an empty option',
    ]),
    case("search_segments_without_epochs_test", "search", {"checkpoint_every": 2, "grid": {"lr": ["0.1"]}}, [
        'but trial lr_0.1 has epochs = ""',
        "Fix: give a positive whole number of epochs in hyperparams, grid or space",
    ]),
    # python_once_runtime (python_once_toolchain's): its interpreter.
    case("python_once_no_interpreter_test", "python_once", {}, [
        "databazel: python_once_toolchain //tests/analysis:python_once_no_interpreter_test_target: no interpreter: give interpreter_path or interpreter.",
        'Fix: e.g. interpreter_path = "/usr/bin/python3"',
    ]),
    case("python_once_two_interpreters_test", "python_once", {
        "interpreter": "//tests/python_once:python3.sh",
        "interpreter_path": "/usr/bin/python3",
    }, [
        'give interpreter_path or interpreter, not both (got interpreter_path = "/usr/bin/python3" and interpreter = //tests/python_once:python3.sh)',
        "Fix: keep interpreter_path for a Python installed on every machine that runs the scripts, or interpreter for a Python built or fetched by Bazel.",
    ]),
    case("python_once_relative_path_test", "python_once", {"interpreter_path": "python3"}, [
        'interpreter_path = "python3" is not an absolute path.',
        'Fix: give the interpreter\'s absolute path, e.g. "/usr/bin/python3".',
    ]),
    case("python_once_files_without_interpreter_test", "python_once", {
        "files": ["//tests/python_once:python3.sh"],
        "interpreter_path": "/usr/bin/python3",
    }, [
        "files are the interpreter's own files, for an interpreter label; with interpreter_path they are not used.",
        "Fix: remove files, or give interpreter = a label instead of interpreter_path.",
    ]),
    # model: its output name, epochs and checkpoints.
    case("model_outside_package_test", "model", {"out": "../%{name}.model"}, [
        'out = "../%{name}.model" expands to "../model_outside_package_test_target.model", which is not a relative path in the package',
    ]),
    case("renamed_attr_twice_test", "model", {"model": "a.bin", "out": "b.bin"}, [
        "model and out are both set; model is the old name of out.",
        'Fix: keep out = "b.bin" and remove model.',
    ]),
    case("negative_epochs_test", "model", {"epochs": -1}, [
        "epochs = -1 is negative",
        "Fix: set epochs to the number of epochs to train, or 0.",
    ]),
    case("epochs_twice_test", "model", {"epochs": 4, "hyperparams": {"epochs": "4"}}, [
        "epochs is set both as an attribute and in hyperparams",
        'remove "epochs" from hyperparams',
    ]),
    case("segments_without_epochs_test", "model", {"checkpoint_every": 2}, [
        "checkpoint_every = 2 needs epochs",
        "Fix: set epochs = N",
    ]),
    # Data that resolves to no files.
    case("empty_training_data_test", "model", {"training_data": ":empty_data"}, _no_files("training_data") + [
        'training_data = "//tests/analysis:empty_data"',
    ]),
    case("empty_test_data_test", "evaluate", {"test_data": ":empty_data"}, _no_files("test_data") + [
        "evaluate //tests/analysis:empty_test_data_test_target",
    ]),
    case("search_empty_training_data_test", "search", {"grid": {"lr": ["0.1"]}, "training_data": ":empty_data"}, _no_files("training_data")),
    case("search_empty_test_data_test", "search", {"grid": {"lr": ["0.1"]}, "test_data": ":empty_data"}, _no_files("test_data")),
    # Negative seeds and segment lengths.
    case("negative_seed_test", "model", {"seed": -1}, [
        "seed = -1 is negative",
        "Fix: use a seed of 0 or more",
    ]),
    case("negative_checkpoint_every_test", "model", {"checkpoint_every": -2, "epochs": 4}, [
        "checkpoint_every = -2 is negative",
        "Fix: set checkpoint_every to the number of epochs per training segment, or 0",
    ]),
    case("search_negative_seed_test", "search", {"grid": {"lr": ["0.1"]}, "seed": -1}, [
        "hyperparam_search //tests/analysis:search_negative_seed_test_target: seed = -1 is negative",
    ]),
    case("search_negative_checkpoint_every_test", "search", {"checkpoint_every": -2, "grid": {"lr": ["0.1"]}}, [
        "checkpoint_every = -2 is negative",
    ]),
    # Output-name templates that give two trials the same file.
    case("colliding_trial_models_test", "search", {"grid": {"lr": ["0.1", "0.05"]}, "model": "%{name}/m.bin"}, [
        'model = "%{name}/m.bin" gives trial lr_0.05 the same file "colliding_trial_models_test_target/m.bin" as it gives trial lr_0.1.',
        'Fix: put %{trial} in model, e.g. model = "%{name}/%{trial}/m.bin"',
    ]),
    case("colliding_trial_metrics_test", "search", {
        "grid": {"lr": ["0.1", "0.05"]},
        "metrics": "%{name}/metrics.json",
    }, [
        'metrics = "%{name}/metrics.json" gives trial lr_0.05 the same file',
        "Fix: put %{trial} in metrics",
    ]),
    # evaluate takes a model, not a file.
    case("evaluate_a_file_test", "evaluate", {"model": "//tests/rules:train.csv"}, [
        'model = "//tests/rules:train.csv" is not a model: model takes a `model` or `hyperparam_search` target',
        'Fix: to evaluate a model file that databazel did not train, wrap it: model_file(name = "pretrained", src = "train.csv")',
    ]),
] + [
    # Timeouts: a positive whole number of s, m or h (databazel/private/timeouts.bzl).
    case("bad_train_timeout_{}_test".format(i), "model", {"train_timeout": value}, [
        'train_timeout = "{}" is not a timeout.'.format(value),
        'Fix: give a positive whole number of seconds, minutes or hours, e.g. "90s", "30m" or "2h", or leave train_timeout unset',
    ])
    for i, value in enumerate(["5", "1d", "-3s", "abc", "0s"])
] + [
    case("bad_eval_timeout_test", "search", {"eval_timeout": "1.5m", "grid": {"lr": ["0.1"]}}, [
        'eval_timeout = "1.5m" is not a timeout.',
    ]),
    case("negative_max_failed_trials_test", "search", {"grid": {"lr": ["0.1"]}, "max_failed_trials": -1}, [
        "max_failed_trials = -1 is negative.",
        "Fix: set it to how many trials may fail while the search still ranks the others",
    ]),
    # The scheduler: each setup mistake fails analysis with its cause and fix. The
    # searches train with //tests/scheduler:train, which is tagged databazel:checkpoints, and score
    # rungs on //tests/scheduler:validation.csv.
    case("scheduler_reduction_factor_test", "scheduler", {"grid": {"lr": ["0.1"]}, "reduction_factor": 1}, [
        "reduction_factor = 1 would keep every trial",
        "Fix: set reduction_factor = 3 (the usual choice), or any whole number of at least 2.",
    ]),
    case("scheduler_min_epochs_test", "scheduler", {"grid": {"lr": ["0.1"]}, "min_epochs": 9}, [
        "min_epochs = 9 and max_epochs = 9: the first rung must train at least 1 epoch and fewer than the last",
        "Fix: set 1 <= min_epochs < max_epochs",
    ]),
    case("scheduler_one_rung_test", "scheduler", {"grid": {"lr": ["0.1"]}, "min_epochs": 4}, [
        "min_epochs = 4 times reduction_factor = 3 is more than max_epochs = 9, so there is only one rung",
        "Fix: raise max_epochs to at least 12",
    ]),
    case("scheduler_no_max_epochs_test", "scheduler", {"grid": {"lr": ["0.1"]}, "max_epochs": 0}, [
        'scheduler = "successive_halving" needs max_epochs',
        "Fix: set max_epochs = 9 and min_epochs = 1",
    ]),
    case("scheduler_no_trials_test", "scheduler", {}, [
        'scheduler = "successive_halving" has no trials to choose from: grid and space are both empty',
        "Fix: give space = ",
    ]),
    case("scheduler_no_checkpoints_test", "scheduler", {
        "grid": {"lr": ["0.1"]},
        "train_executable": "//tests/rules:train",
    }, [
        "promotes a trial by continuing it from its checkpoint, but train_executable //tests/rules:train does not say that it can",
        "build model(epochs = 4, checkpoint_every = 2) and model(epochs = 4) with it: their models must be byte-identical",
        'Fix: if it can, add tags = ["databazel:checkpoints"] to //tests/rules:train',
    ]),
    case("scheduler_no_validation_data_test", "scheduler", {"grid": {"lr": ["0.1"]}, "validation_data": None}, [
        "decides which trials go on by their metric on validation_data, which is not set",
        'Fix: set validation_data to data held out of the training data, e.g. validation_data = ":validation"',
    ]),
    case("scheduler_epochs_hyperparam_test", "scheduler", {"grid": {"epochs": ["3"]}}, [
        "sets how many epochs each trial trains (min_epochs up to max_epochs), but epochs is also in grid",
        "Fix: remove epochs from grid, and set max_epochs = N",
    ]),
    case("hyperband_grid_test", "scheduler", {"grid": {"lr": ["0.1"]}, "scheduler": "hyperband"}, [
        "scheduler = \"hyperband\" draws each bracket's configurations from space, so it cannot take grid",
        "Fix: write the grid's values as choice(...) in space, e.g. space = {\"hidden\": \"choice(64, 128)\"}",
    ]),
    # A configuration drawn in two brackets is drawn again (seed 1 draws act = j in brackets 1
    # and 0 of a 10-choice space); a space smaller than every bracket's configurations together
    # (3 + 2) cannot give them all.
    case("hyperband_space_too_small_test", "scheduler", {
        "max_epochs": 3,
        "min_epochs": 1,
        "scheduler": "hyperband",
        "seed": 1,
        "space": {"act": "choice(a, b, c)"},
    }, [
        "repeats an earlier one however often it is drawn again (100 times): the space has fewer distinct configurations than the search draws (5).",
        "Fix: lower n_trials, or widen the space",
    ]),
    case("iterations_zero_test", "scheduler", {
        "iterations": 0,
        "scheduler": "hyperband",
        "seed": 1,
        "space": {"lr": "loguniform(0.001, 1)"},
    }, [
        "iterations = 0 runs no bracket.",
        "Fix: set iterations to how many times Hyperband runs its brackets, 1 (the default) or more.",
    ]),
    case("iterations_without_hyperband_test", "scheduler", {"grid": {"lr": ["0.1", "0.2", "0.3"]}, "iterations": 2}, [
        'iterations = 2 repeats Hyperband\'s brackets, but scheduler = "successive_halving" has none.',
        'Fix: use scheduler = "hyperband", or raise n_trials to start more trials, and remove iterations.',
    ]),
    case("iterations_without_scheduler_test", "search", {"grid": {"lr": ["0.1"]}, "iterations": 2}, [
        "iterations is only used with a scheduler, but scheduler is not set.",
    ]),
    case("hyperband_n_trials_test", "scheduler", {
        "n_trials": 5,
        "scheduler": "hyperband",
        "seed": 1,
        "space": {"lr": "loguniform(0.001, 1)"},
    }, [
        'scheduler = "hyperband" sets how many configurations each bracket draws from space, so n_trials = 5 has no meaning here',
        "Fix: remove n_trials",
    ]),
    case("scheduler_unknown_continue_trial_test", "scheduler", {
        "continue_trials": ["lr_7"],
        "grid": {"lr": ["0.1"]},
    }, [
        'continue_trials names "lr_7", which is not a trial of this search',
        "Its trials are: lr_0.1.",
        "Fix: copy the name from the trial column of the leaderboard",
    ]),
    case("scheduler_attrs_without_scheduler_test", "search", {"grid": {"lr": ["0.1"]}, "max_epochs": 9}, [
        "max_epochs is only used with a scheduler, but scheduler is not set",
        'Fix: set scheduler = "successive_halving"',
    ]),
    case("validation_data_without_scheduler_or_sampler_test", "search", {"grid": {"lr": ["0.1"]}, "validation_data": "//tests/scheduler:validation.csv"}, [
        "validation_data is only used with a scheduler or a sampler, but neither is set",
        'or sampler = "tpe" to propose trials from the earlier ones\' metric on it, or remove validation_data.',
    ]),
    # Samplers (sampler = "tpe"): each setup mistake fails analysis with its cause and fix.
    case("sampler_batch_size_test", "sampler", {"batch_size": 3, "n_trials": 8}, [
        "batch_size = 3 must divide n_trials = 8",
        "Fix: set batch_size to a divisor of n_trials",
    ]),
    case("sampler_batch_larger_test", "sampler", {"batch_size": 16, "n_trials": 8}, [
        "batch_size = 16 must divide n_trials = 8",
    ]),
    case("sampler_one_batch_test", "sampler", {"batch_size": 8, "n_trials": 8}, [
        "n_trials = 8 with batch_size = 8 is one batch, drawn at random",
        "Fix: lower batch_size (e.g. 2)",
    ]),
    case("sampler_grid_only_test", "sampler", {"grid": {"lr": ["0.1"]}, "seed": None, "space": None}, [
        'sampler = "tpe" proposes values from space, which is empty (only grid is set)',
        "a grid is searched exhaustively and needs no sampler",
    ]),
    case("sampler_no_validation_data_test", "sampler", {"validation_data": None}, [
        "proposes each batch from the earlier trials' metric on validation_data, which is not set",
        "Fix: set validation_data",
    ]),
    case("sampler_template_test", "sampler", {"model": "%{name}/lr_%{lr}.bin"}, [
        'model = "%{name}/lr_%{lr}.bin" uses %{lr}, but with a sampler that value is proposed while building',
        "Fix: name files by %{trial}",
    ]),
    case("batch_size_without_sampler_test", "search", {
        "batch_size": 2,
        "seed": 1,
        "space": {"lr": "loguniform(0.001, 1)"},
    }, [
        "batch_size is only used with a sampler, but sampler is not set",
        'Fix: set sampler = "tpe"',
    ]),
    case("sampler_not_executable_test", "sampler", {"sampler": "//tests/scheduler:validation.csv"}, [
        'sampler = "//tests/scheduler:validation.csv" is not an executable target',
        "Fix: point sampler at an executable target",
    ]),
    # Arguments the macros cannot pass as they are: each fails its own target at analysis (not the
    # whole package at loading), with the message that names the cause and the fix.
    case("no_metric_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None}, [
        'databazel: hyperparam_search(name = "no_metric_test_target"): metric is not named, so trials cannot be ranked.',
        'Fix: set metric = "accuracy"',
    ]),
    case("no_seed_test", "search", {"space": {"lr": "uniform(0, 1)"}}, [
        "random search needs a seed, so that the same BUILD file always gives the same trials",
        "Fix: add seed = 1",
    ]),
    case("unknown_sampler_test", "search", {"sampler": "cmaes", "seed": 1, "space": {"lr": "uniform(0, 1)"}}, [
        'sampler = "cmaes" is not a sampler databazel knows (it knows: tpe, nsga2)',
        'Fix: use sampler = "tpe"',
    ]),
    case("sampler_not_string_test", "search", {"sampler": 3, "seed": 1, "space": {"lr": "uniform(0, 1)"}}, [
        "sampler = 3 is not a sampler databazel knows",
    ]),
    case("grid_not_dict_test", "search", {"grid": ["0.1"]}, [
        "grid must be a dict of name to list of values, got list.",
    ]),
    case("grid_not_list_test", "search", {"grid": {"lr": "0.1"}}, [
        'grid["lr"] must be a list of values, got string (0.1)',
        'Fix: write it as a list, e.g. ["0.1", "0.01"]',
    ]),
    case("grid_bool_test", "search", {"grid": {"deep": ["yes", False]}}, [
        'grid["deep"] = False is a bool; hyperparameter values are strings or numbers.',
        'Fix: write it as a string, e.g. "false"',
    ]),
    case("space_not_dict_test", "search", {"seed": 1, "space": ["uniform(0, 1)"]}, [
        "space must be a dict of name to distribution, got list.",
    ]),
    case("search_bool_hyperparam_test", "search", {"grid": {"lr": [0.1]}, "hyperparams": {"deep": True}}, [
        'databazel: hyperparam_search(name = "search_bool_hyperparam_test_target"): hyperparams["deep"] = True is a bool; hyperparameter values are strings or numbers.',
        'Fix: write it as a string, e.g. "true" (the script converts it).',
    ]),
    case("model_bool_hyperparam_test", "model", {"hyperparams": {"deep": True}}, [
        'databazel: model(name = "model_bool_hyperparam_test_target"): hyperparams["deep"] = True is a bool; hyperparameter values are strings or numbers.',
        'Fix: write it as a string, e.g. "true" (the script converts it).',
    ]),
    case("hyperparams_not_dict_test", "model", {"hyperparams": ["lr=0.1"]}, [
        'hyperparams must be a dict of name to value, got list (["lr=0.1"]).',
        'Fix: write it as a dict, e.g. hyperparams = {"lr": "0.1"}.',
    ]),
    # Attributes with a fixed set of values, checked at analysis rather than by Bazel while loading.
    case("unknown_goal_test", "search", {"goal": "max", "grid": {"lr": ["0.1"]}}, [
        'goal = "max" is not one of "maximize", "minimize".',
        'Fix: set goal = "maximize" for a metric that is better higher',
    ]),
    # Several objectives (docs/multi-objective.md): what ranks trials, checked at analysis.
    case("metric_and_objectives_test", "search", {"grid": {"lr": ["0.1"]}, "objectives": {"accuracy": "maximize", "params": "minimize"}}, [
        "both metric and objectives are set.",
        'Fix: rank by one metric (metric = "accuracy", goal = "maximize") or by several',
    ]),
    case("no_metric_nor_objectives_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None}, [
        "metric is not named, so trials cannot be ranked.",
        'or, to trade several off, objectives = {"accuracy": "maximize", "params": "minimize"}.',
    ]),
    case("objectives_with_goal_test", "search", {"goal": "minimize", "grid": {"lr": ["0.1"]}, "metric": None, "objectives": {"accuracy": "maximize", "params": "minimize"}}, [
        'goal = "minimize" has no meaning with objectives, where each objective has its own.',
        "Fix: remove goal,",
    ]),
    case("unknown_objective_goal_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None, "objectives": {"accuracy": "max", "params": "minimize"}}, [
        'objectives["accuracy"] = "max" is not one of "maximize", "minimize".',
        'Fix: set objectives["accuracy"] = "maximize" if it is better higher, "minimize" if lower.',
    ]),
    case("objectives_not_dict_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None, "objectives": ["accuracy"]}, [
        'objectives = ["accuracy"] is a list, but it must be a dict.',
    ]),
    case("objective_not_string_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None, "objectives": {"accuracy": "maximize", "params": -1}}, [
        'objectives["params"] = -1: objectives maps metric names to strings.',
    ]),
    case("select_one_objective_test", "search", {"grid": {"lr": ["0.1"]}, "select": "knee"}, [
        'select = "knee" picks one trial of a Pareto front, but the search has one objective',
        "Fix: remove select,",
    ]),
    case("unknown_select_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None, "objectives": {"accuracy": "maximize", "params": "minimize"}, "select": "loss"}, [
        'select = "loss" is neither "knee" nor one of the objectives (accuracy, params).',
        'Fix: set select = "accuracy" for the front\'s best trial by that objective, or "knee"',
    ]),
    case("empty_objective_name_test", "search", {"grid": {"lr": ["0.1"]}, "metric": None, "objectives": {"": "maximize", "params": "minimize"}}, [
        "objectives has an empty metric name.",
        'Fix: name each objective as the eval executable writes it, e.g. "accuracy".',
    ]),
    case("empty_constraint_name_test", "search", {"constraints": {"": "<= 3"}, "grid": {"lr": ["0.1"]}}, [
        "constraints has an empty metric name.",
        'Fix: name the metric the eval executable writes, e.g. constraints = {"latency_ms": "<= 20"}.',
    ]),
    case("bad_constraint_test", "search", {"constraints": {"latency_ms": "< 20"}, "grid": {"lr": ["0.1"]}}, [
        'constraints["latency_ms"] = "< 20" is not a bound.',
        'Fix: write "<= N" (feasible while the metric is at most N) or ">= N" (at least N)',
    ]),
    case("constraint_not_number_test", "search", {"constraints": {"latency_ms": "<= fast"}, "grid": {"lr": ["0.1"]}}, [
        'constraints["latency_ms"] = "<= fast" is not a bound.',
    ]),
    case("unknown_scheduler_test", "scheduler", {"grid": {"lr": ["0.1"]}, "scheduler": "asha"}, [
        'scheduler = "asha" is not one of "", "successive_halving", "hyperband".',
        'Fix: set scheduler = "successive_halving" or "hyperband"',
        "(docs/scheduler.md), or remove it for grid and random search.",
    ]),
    case("train_cpus_test", "model", {"train_cpus": 3}, [
        "databazel: //tests/analysis:train_cpus_test_target: train_cpus = 3 is not one of 1, 2, 4, 8, 16.",
        "Fix: set train_cpus to one of them",
    ]),
    case("space_value_not_string_test", "search", {"seed": 1, "space": {"lr": 0.1}}, [
        'space["lr"] = 0.1 is a float; a distribution is a string.',
        'Fix: write it as a string, e.g. "uniform(0, 1)"',
    ]),
    # Plain arguments of the wrong type: the macro reports them for the rule, not Bazel while loading.
    case("model_seed_string_test", "model", {"seed": "1"}, [
        'databazel: model(name = "model_seed_string_test_target"): seed = "1" is a string, but it must be a whole number.',
        "Fix: write it without quotes, e.g. seed = 1.",
    ]),
    case("model_is_dir_string_test", "model", {"model_is_dir": "yes"}, [
        'model_is_dir = "yes" is a string, but it must be True or False.',
    ]),
    case("n_trials_string_test", "search", {"n_trials": "10", "seed": 1, "space": {"lr": "uniform(0, 1)"}}, [
        'n_trials = "10" is a string, but it must be a whole number.',
        "Fix: write it without quotes, e.g. n_trials = 20.",
    ]),
    case("seed_string_test", "search", {"seed": "1", "space": {"lr": "uniform(0, 1)"}}, [
        'seed = "1" is a string, but it must be a whole number.',
    ]),
    case("train_tags_string_test", "search", {"grid": {"lr": ["0.1"]}, "train_tags": "no-remote"}, [
        'train_tags = "no-remote" is a string, but it must be a list.',
        'Fix: write it in brackets, e.g. train_tags = ["no-remote"].',
    ]),
    case("train_timeout_number_test", "search", {"grid": {"lr": ["0.1"]}, "train_timeout": 30}, [
        "train_timeout = 30 is an int, but it must be a string.",
        'Fix: write it in quotes, e.g. train_timeout = "30m".',
    ]),
    case("sampler_select_test", "search", {
        "sampler": select({"//conditions:default": "tpe"}),
        "seed": 1,
        "space": {"lr": "uniform(0, 1)"},
    }, ["sampler = select("]),
    # Renamed attributes: setting the old name and the new one is a mistake.
    case("renamed_model_out_twice_test", "search", {
        "grid": {"lr": ["0.1"]},
        "model": "%{name}/%{trial}/a.bin",
        "model_out": "%{name}/%{trial}/b.bin",
    }, [
        "model and model_out are both set; model is the old name of model_out.",
        'Fix: keep model_out = "%{name}/%{trial}/b.bin" and remove model.',
    ]),
    case("renamed_metrics_out_twice_test", "search", {
        "grid": {"lr": ["0.1"]},
        "metrics": "%{name}/%{trial}/a.json",
        "metrics_out": "%{name}/%{trial}/b.json",
    }, ["metrics and metrics_out are both set; metrics is the old name of metrics_out."]),
]
