"""Analysis tests: the providers databazel's rules return and the actions they register."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load("//databazel:defs.bzl", "MetricsInfo", "ModelInfo", "SearchInfo", "evaluate", "hyperparam_search", "model")

def _actions(env, mnemonic):
    return [a for a in analysistest.target_actions(env) if a.mnemonic == mnemonic]

def _flag_value(argv, flag):
    values = [argv[i + 1] for i in range(len(argv) - 1) if argv[i] == flag]
    return values

def _basenames(files):
    return sorted([f.basename for f in files])

def _model_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[ModelInfo]
    asserts.equals(env, {"hidden": "64", "lr": "0.1"}, info.hyperparams)
    asserts.equals(env, 1, info.seed)
    asserts.equals(env, "mlp.model", info.model.basename)
    asserts.equals(env, "mlp.train.json", info.run_record.basename)
    asserts.equals(env, "mlp.curve.json", info.learning_curve.basename)
    asserts.equals(env, ["train.csv"], _basenames(info.data.to_list()))
    lineage = _basenames(info.lineage.to_list())
    for expected in ["train.csv", "mlp.hyperparams.json", "train", "train.sh"]:
        asserts.true(env, expected in lineage, "lineage should hold {}, has {}".format(expected, lineage))

    train = _actions(env, "DatabazelTrain")
    asserts.equals(env, 1, len(train))
    argv = train[0].argv
    asserts.true(env, argv[1].endswith("databazel/private/bundles/train_shim.cjs"), "the shim runs first: " + argv[1])
    asserts.equals(env, ["tests/rules/train.csv"], _flag_value(argv, "--training_data"))
    asserts.equals(env, ["1"], _flag_value(argv, "--seed"))
    asserts.true(env, _flag_value(argv, "--model")[0].endswith("/tests/rules/mlp.model"))
    asserts.true(env, _flag_value(argv, "--hyperparams_file")[0].endswith("/tests/rules/mlp.hyperparams.json"))
    asserts.equals(env, ["//tests/rules:mlp"], _flag_value(argv, "--shim_label"))
    return analysistest.end(env)

model_test = analysistest.make(_model_test_impl)

def _lineage_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[ModelInfo]
    lineage = [f.short_path for f in info.lineage.to_list()]

    # A model trained on another model inherits that model's lineage: its data and hyperparameters.
    for expected in ["tests/rules/distilled.hyperparams.json", "tests/rules/dir_model.hyperparams.json", "tests/rules/train.csv"]:
        asserts.true(env, expected in lineage, "lineage should hold {}, has {}".format(expected, lineage))
    asserts.equals(env, ["dir_model.model"], _basenames(info.data.to_list()))
    asserts.equals(env, "distilled.curve.json", info.learning_curve.basename)
    return analysistest.end(env)

lineage_test = analysistest.make(_lineage_test_impl)

def _evaluate_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[MetricsInfo]
    asserts.equals(env, "mlp_eval.metrics.json", info.metrics.basename)
    asserts.equals(env, "//tests/rules:mlp", "//{}:{}".format(info.model_label.package, info.model_label.name))
    asserts.equals(env, None, info.trial)
    evals = _actions(env, "DatabazelEval")
    asserts.equals(env, 1, len(evals))
    argv = evals[0].argv
    asserts.equals(env, ["tests/rules/test.csv"], _flag_value(argv, "--test_data"))
    asserts.true(env, _flag_value(argv, "--model")[0].endswith("/tests/rules/mlp.model"))
    return analysistest.end(env)

evaluate_test = analysistest.make(_evaluate_test_impl)

def _search_test_impl(ctx):
    env = analysistest.begin(ctx)
    target = analysistest.target_under_test(env)
    info = target[SearchInfo]
    names = [t.name for t in info.trials]
    asserts.equals(env, ["hidden_32__lr_0.1", "hidden_32__lr_0.05", "hidden_64__lr_0.1", "hidden_64__lr_0.05"], names)
    asserts.equals(env, "accuracy", info.metric)
    asserts.equals(env, "maximize", info.goal)
    asserts.equals(env, "search.best_model", info.best_model.basename)
    asserts.equals(env, {"epochs": "3", "hidden": "32", "lr": "0.1"}, info.trials[0].hyperparams)
    asserts.equals(env, 4, len(_actions(env, "DatabazelTrain")))
    asserts.equals(env, 4, len(_actions(env, "DatabazelEval")))
    aggregate = _actions(env, "DatabazelLeaderboard")
    asserts.equals(env, 1, len(aggregate))

    # The aggregate reads every trial's metrics and model, and nothing is left out.
    inputs = [f.short_path for f in aggregate[0].inputs.to_list()]
    for t in info.trials:
        asserts.true(env, t.metrics.short_path in inputs, "aggregate should read " + t.metrics.short_path)
        asserts.true(env, t.model.short_path in inputs, "aggregate should read " + t.model.short_path)

    # Each trial trains with its own hyperparameters file.
    hp_files = sorted([_flag_value(a.argv, "--hyperparams_file")[0].split("/")[-2] for a in _actions(env, "DatabazelTrain")])
    asserts.equals(env, sorted(names), hp_files)

    # The search's best model is a model too.
    asserts.equals(env, info.best_model, target[ModelInfo].model)
    return analysistest.end(env)

search_test = analysistest.make(_search_test_impl)

def _model_file_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[ModelInfo]
    asserts.equals(env, "pretrained.bin", info.model.basename)
    asserts.equals(env, {"depth": "3"}, info.hyperparams)
    asserts.equals(env, 7, info.seed)
    asserts.equals(env, None, info.run_record)
    asserts.equals(env, ["pretrained.bin"], _basenames(info.lineage.to_list()))

    # No training: the only action writes the hyperparameters file.
    asserts.equals(env, [], _actions(env, "DatabazelTrain"))
    return analysistest.end(env)

model_file_test = analysistest.make(_model_file_test_impl)

def _model_file_eval_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[MetricsInfo]

    # The model_file's hyperparameters fill the evaluate's placeholders.
    asserts.equals(env, "pretrained_eval_depth3.json", info.metrics.basename)
    argv = _actions(env, "DatabazelEval")[0].argv
    asserts.equals(env, ["tests/analysis/pretrained.bin"], _flag_value(argv, "--model"))
    return analysistest.end(env)

model_file_eval_test = analysistest.make(_model_file_eval_test_impl)

def _hyperparams_test_impl(ctx):
    env = analysistest.begin(ctx)
    target = analysistest.target_under_test(env)
    actual = target[SearchInfo].trials[0].hyperparams if SearchInfo in target else target[ModelInfo].hyperparams
    asserts.equals(env, ctx.attr.expected, actual)
    return analysistest.end(env)

hyperparams_test = analysistest.make(
    _hyperparams_test_impl,
    attrs = {"expected": attr.string_dict(doc = "The hyperparameters of the model, or of a search's first trial.")},
)

def _failure_test_impl(ctx):
    env = analysistest.begin(ctx)
    for message in ctx.attr.messages:
        asserts.expect_failure(env, message)
    return analysistest.end(env)

failure_test = analysistest.make(
    _failure_test_impl,
    expect_failure = True,
    attrs = {"messages": attr.string_list(doc = "Substrings the analysis error must contain.", mandatory = True)},
)

_TRAIN = {
    "train_executable": "//tests/rules:train",
    "training_data": "//tests/rules:train.csv",
}

_EVAL = {
    "eval_executable": "//tests/rules:eval",
    "test_data": "//tests/rules:test.csv",
}

def _failing_target_test(name, macro, messages, args):
    # The target is tagged manual so that `bazel build //...` leaves it alone.
    macro(name = name + "_target", tags = ["manual"], **args)
    failure_test(name = name, messages = messages, target_under_test = ":" + name + "_target")

def search_failure_test(name, messages, **kwargs):
    """A hyperparam_search that must fail analysis, and the test that it fails with `messages`.

    The search (`<name>_target`) trains and evaluates with //tests/rules's scripts and data,
    ranked by accuracy, unless kwargs say otherwise.

    Args:
      name: the test's name.
      messages: substrings the analysis error must contain.
      **kwargs: hyperparam_search arguments (grid, space, seed, model, ...).
    """
    _failing_target_test(name, hyperparam_search, messages, dict(_TRAIN, **dict({"metric": "accuracy"}, **dict(_EVAL, **kwargs))))

_ADAPTIVE = {
    "max_epochs": 9,
    "scheduler": "successive_halving",
    "train_executable": "//tests/adaptive:train",
    "validation_data": "//tests/adaptive:validation.csv",
}

def adaptive_failure_test(name, messages, **kwargs):
    """An adaptive hyperparam_search that must fail analysis, and the test that it fails with `messages`.

    As `search_failure_test`, with successive halving up to 9 epochs, a train executable tagged
    `databazel:checkpoints` and validation data, unless kwargs say otherwise.

    Args:
      name: the test's name.
      messages: substrings the analysis error must contain.
      **kwargs: hyperparam_search arguments.
    """
    search_failure_test(name, messages, **dict(_ADAPTIVE, **kwargs))

def model_failure_test(name, messages, **kwargs):
    """A model that must fail analysis, and the test that it fails with `messages`.

    The model (`<name>_target`) trains with //tests/rules's script and data.

    Args:
      name: the test's name.
      messages: substrings the analysis error must contain.
      **kwargs: model arguments (epochs, checkpoint_every, model, ...).
    """
    _failing_target_test(name, model, messages, dict(_TRAIN, **kwargs))

def evaluate_failure_test(name, messages, **kwargs):
    """An evaluate that must fail analysis, and the test that it fails with `messages`.

    The evaluate (`<name>_target`) scores //tests/rules:mlp with //tests/rules's script and data.

    Args:
      name: the test's name.
      messages: substrings the analysis error must contain.
      **kwargs: evaluate arguments (test_data, model, ...).
    """
    _failing_target_test(name, evaluate, messages, dict(_EVAL, **dict({"model": "//tests/rules:mlp"}, **kwargs)))

def _bad_provider_impl(_ctx):
    return [ModelInfo(model = "not a file", hyperparams_file = None, label = Label("//x:y"))]

bad_provider = rule(
    implementation = _bad_provider_impl,
    doc = "Builds a ModelInfo with a string where a File belongs, so its init must refuse it.",
)
