"""The targets the analysis tests look at, declared from a kind and the attributes that matter.

Each kind is a rule or macro with the attributes every case of it shares, so that a case gives
only what makes it differ (an attribute set to None is passed as None, i.e. left unset).
"""

load("//databazel:defs.bzl", "ModelInfo", "evaluate", "hyperparam_search", "model")
load("//databazel:python_once.bzl", "python_once_runtime")

_TRAIN = {
    "train_executable": "//tests/rules:train",
    "training_data": "//tests/rules:train.csv",
}

_EVAL = {
    "eval_executable": "//tests/rules:eval",
    "test_data": "//tests/rules:test.csv",
}

_SEARCH = dict(_TRAIN, metric = "accuracy", **_EVAL)

def _bad_provider_impl(_ctx):
    return [ModelInfo(model = "not a file", hyperparams_file = None, label = Label("//x:y"))]

_bad_provider = rule(
    implementation = _bad_provider_impl,
    doc = "Builds a ModelInfo with a string where a File belongs, so its init must refuse it.",
)

# kind: (rule or macro, the attributes every target of that kind starts from).
_KINDS = {
    "bad_provider": (_bad_provider, {}),
    # Scores //tests/rules:mlp.
    "evaluate": (evaluate, dict(_EVAL, model = "//tests/rules:mlp")),
    "model": (model, _TRAIN),
    # python_once_toolchain's runtime, with no interpreter unless the case gives one.
    "python_once": (python_once_runtime, {}),
    # A search whose sampler (TPE) proposes 4 trials from space, 2 a batch.
    "sampler": (hyperparam_search, dict(
        _SEARCH,
        batch_size = 2,
        n_trials = 4,
        sampler = "tpe",
        seed = 1,
        space = {"lr": "loguniform(0.001, 1)"},
        validation_data = "//tests/scheduler:validation.csv",
    )),
    # A search with successive halving up to 9 epochs, a train executable tagged
    # databazel:checkpoints and validation data.
    "scheduler": (hyperparam_search, dict(
        _SEARCH,
        max_epochs = 9,
        scheduler = "successive_halving",
        train_executable = "//tests/scheduler:train",
        validation_data = "//tests/scheduler:validation.csv",
    )),
    # Ranked by accuracy.
    "search": (hyperparam_search, _SEARCH),
}

def case(name, kind, attrs, expected):
    """One row of a table of analysis tests.

    Args:
      name: the test's name; its target is `<name>_target`.
      kind: what the target is: "model", "evaluate", "search" (a hyperparam_search), "scheduler"
        (a search with a scheduler), "sampler" (a search with a sampler), "python_once" (a
        python_once_runtime) or "bad_provider" (a rule returning a broken ModelInfo).
        Each trains and evaluates with //tests/rules's scripts and data unless attrs say otherwise.
      attrs: the target's attributes beyond those of its kind.
      expected: what the test checks (the messages of a failure, the hyperparameters of a model).

    Returns:
      The case, for `failure_tests` or `hyperparams_tests`.
    """
    if kind not in _KINDS:
        fail("case {}: kind {} is not one of {}".format(name, repr(kind), ", ".join(_KINDS.keys())))
    return struct(name = name, kind = kind, attrs = attrs, expected = expected)

def target_under_test(case):
    """Declares the target of `case`, tagged manual so that `bazel build //...` leaves it alone.

    Args:
      case: a `case()`.

    Returns:
      The target's label, relative to the package.
    """
    rule_or_macro, defaults = _KINDS[case.kind]
    rule_or_macro(name = case.name + "_target", tags = ["manual"], **dict(defaults, **case.attrs))
    return ":" + case.name + "_target"
