"""Numbers in hyperparams become strings, in model as in hyperparam_search (fixed and grid): one case
a row, the test's name, the kind of target (targets.bzl), its attributes and the hyperparameters
it must have (a search's: those of its first trial)."""

load(":targets.bzl", "case")

HYPERPARAMS_CASES = [
    case("number_hyperparams_test", "model", {"hyperparams": {"depth": 3, "lr": 0.1, "name": "mlp", "wd": 1e-05}}, {
        "depth": "3",
        "lr": "0.1",
        "name": "mlp",
        "wd": "1e-05",
    }),
    case("search_number_hyperparams_test", "search", {"grid": {"lr": [0.1]}, "hyperparams": {"depth": 3}}, {
        "depth": "3",
        "lr": "0.1",
    }),
]
