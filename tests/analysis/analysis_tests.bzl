"""Analysis tests: the providers databazel's rules return and the actions they register."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load("//databazel:defs.bzl", "MetricsInfo", "ModelInfo", "SearchInfo")
load(":targets.bzl", "target_under_test")

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

def hyperparams_tests(cases):
    """For each case, its target and a test that its hyperparameters are the case's `expected`.

    Args:
      cases: `case()`s whose `expected` is the hyperparameters of the model, or of a search's first trial.
    """
    for case in cases:
        hyperparams_test(name = case.name, expected = case.expected, target_under_test = target_under_test(case))
