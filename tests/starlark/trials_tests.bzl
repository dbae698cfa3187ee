"""Unit tests of trials.bzl: parsing `space`, and expanding `grid` and `space` into trials."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")

# buildifier: disable=bzl-visibility
load("//databazel/private:trials.bzl", "expand_trials", "parse_space")

def _expand(grid = {}, space = {}, fixed = {}, n_trials = 4, seed = 7):
    return expand_trials(fixed = fixed, grid = grid, space = space, n_trials = n_trials, seed = seed, where = "test")

def _parse_space_test_impl(ctx):
    env = unittest.begin(ctx)
    parsed = parse_space({
        "batch": "int(16, 128)",
        "hidden": "choice(32, 'wide', \"deep\")",
        "l2": " uniform( 0 , 1e-2 ) ",
        "lr": "loguniform(1e-4, 1E-1)",
    }, "test")
    asserts.equals(env, ["batch", "hidden", "l2", "lr"], sorted(parsed.keys()))
    asserts.equals(env, struct(kind = "int", low = 16.0, high = 128.0, choices = []), parsed["batch"])
    asserts.equals(env, ["32", "wide", "deep"], parsed["hidden"].choices)
    asserts.equals(env, struct(kind = "uniform", low = 0.0, high = 0.01, choices = []), parsed["l2"])
    asserts.equals(env, struct(kind = "loguniform", low = 0.0001, high = 0.1, choices = []), parsed["lr"])
    asserts.equals(env, -1.5, parse_space({"x": "uniform(-1.5, +2)"}, "test")["x"].low)
    asserts.equals(env, {}, parse_space({}, "test"))
    return unittest.end(env)

parse_space_test = unittest.make(_parse_space_test_impl)

def _grid_test_impl(ctx):
    env = unittest.begin(ctx)

    # The grid is unsorted on purpose: trials follow the sorted keys.
    # buildifier: disable=unsorted-dict-items
    trials = _expand(grid = {"lr": ["0.1", "0.01"], "hidden": ["32", "64"]}, fixed = {"epochs": "3"})

    # The cartesian product in sorted-key order, each trial with the shared hyperparameters.
    asserts.equals(
        env,
        ["hidden_32__lr_0.1", "hidden_32__lr_0.01", "hidden_64__lr_0.1", "hidden_64__lr_0.01"],
        [t.name for t in trials],
    )
    asserts.equals(env, {"epochs": "3", "hidden": "64", "lr": "0.01"}, trials[3].hyperparams)
    asserts.equals(env, {"hidden": "64", "lr": "0.01"}, trials[3].varying)
    asserts.equals(env, ["lr_1"], [t.name for t in _expand(grid = {"lr": ["1"]})])
    return unittest.end(env)

grid_test = unittest.make(_grid_test_impl)

def _space_test_impl(ctx):
    env = unittest.begin(ctx)
    space = {
        "batch": "int(16, 128)",
        "hidden": "choice(32, 64, 128)",
        "l2": "uniform(0, 0.01)",
        "lr": "loguniform(1e-4, 1e-1)",
    }
    trials = _expand(space = space, n_trials = 6)
    asserts.equals(env, 6, len(trials))
    for t in trials:
        asserts.equals(env, ["batch", "hidden", "l2", "lr"], sorted(t.hyperparams.keys()))
        batch = int(t.hyperparams["batch"])
        asserts.true(env, 16 <= batch and batch <= 128, "batch {}".format(batch))
        asserts.true(env, t.hyperparams["hidden"] in ["32", "64", "128"], t.hyperparams["hidden"])
        l2 = float(t.hyperparams["l2"])
        asserts.true(env, 0 <= l2 and l2 < 0.01, "l2 {}".format(l2))
        lr = float(t.hyperparams["lr"])
        asserts.true(env, 1e-4 <= lr and lr <= 1e-1, "lr {}".format(lr))

    # The same seed gives the same trials; another seed, others.
    asserts.equals(env, [t.hyperparams for t in trials], [t.hyperparams for t in _expand(space = space, n_trials = 6)])
    others = _expand(space = space, n_trials = 6, seed = 8)
    asserts.true(env, [t.hyperparams for t in trials] != [t.hyperparams for t in others])

    # Adding a grid value leaves the other grid points' samples as they were.
    one = _expand(grid = {"h": ["1"]}, space = {"lr": "uniform(0, 1)"})
    two = _expand(grid = {"h": ["1", "2"]}, space = {"lr": "uniform(0, 1)"})
    asserts.equals(env, [t.hyperparams for t in one], [t.hyperparams for t in two if t.hyperparams["h"] == "1"])
    asserts.equals(env, 8, len(two))
    return unittest.end(env)

space_test = unittest.make(_space_test_impl)

def _repeats_test_impl(ctx):
    env = unittest.begin(ctx)

    # 4 distinct configurations: 4 draws find all of them, where plain draws would repeat.
    space = {"a": "choice(x, y)", "b": "int(0, 1)"}
    trials = _expand(space = space, n_trials = 4, seed = 1)
    names = sorted([t.name for t in trials])
    asserts.equals(env, 4, len({n: True for n in names}))
    asserts.equals(env, ["a_x__b_0", "a_x__b_1", "a_y__b_0", "a_y__b_1"], names)

    # Raising n_trials keeps the earlier samples: each is drawn from its own index.
    fewer = _expand(space = space, n_trials = 2, seed = 1)
    asserts.equals(env, [t.name for t in fewer], [t.name for t in trials][:2])

    # Deterministic: the same seed, the same trials.
    asserts.equals(env, [t.name for t in trials], [t.name for t in _expand(space = space, n_trials = 4, seed = 1)])

    # A continuous space whose draws never repeat draws what it drew before repeats were redrawn:
    # the first sample of index 0 with no redraw stream.
    asserts.equals(env, _expand(space = {"lr": "uniform(0, 1)"}, n_trials = 1, seed = 3)[0].hyperparams["lr"], _expand(space = {"lr": "uniform(0, 1)"}, n_trials = 3, seed = 3)[0].hyperparams["lr"])
    return unittest.end(env)

repeats_test = unittest.make(_repeats_test_impl)

def trials_test_suite(name):
    """The trials.bzl unit tests.

    Args:
      name: the test suite's name.
    """
    unittest.suite(
        name,
        parse_space_test,
        grid_test,
        space_test,
        repeats_test,
    )
