"""Expands a search's `grid` and `space` into its list of trials, at analysis time."""

load(":names.bzl", "trial_name")
load(":random.bzl", "exp", "ln", "round_significant", "uniform01")

_SPACE_HELP = """Fix: write each space value as one of
    uniform(low, high)      a float in [low, high)
    loguniform(low, high)   a float, log-uniform in [low, high), 0 < low
    int(low, high)          an integer in [low, high], both ends included
    choice(a, b, ...)       one of the listed values"""

def _is_number(t):
    # [+-] digits [. digits] [(e|E) [+-] digits], with a digit before the exponent.
    mantissa, _, exponent = t.replace("E", "e").partition("e")
    mantissa = mantissa[1:] if mantissa[:1] in ("+", "-") else mantissa
    whole, _, fraction = mantissa.partition(".")
    if not (whole + fraction).isdigit():
        return False
    if "e" in t.lower():
        exponent = exponent[1:] if exponent[:1] in ("+", "-") else exponent
        return exponent.isdigit()
    return True

def _number(text, where, key, expr):
    t = text.strip()
    if not _is_number(t):
        fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: \"{}\" is not a number.\n{}".format(where, key, expr, t, _SPACE_HELP))
    return float(t)

def parse_space(space, where):
    """Parses every `space` expression, failing with a fix on the first malformed one.

    Args:
      space: dict of hyperparameter name to expression string.
      where: string naming the target, for error messages.

    Returns:
      dict of name to struct(kind, low, high, choices).
    """
    parsed = {}
    for key in sorted(space.keys()):
        expr = space[key]
        s = expr.strip()
        open_at = s.find("(")
        if open_at <= 0 or not s.endswith(")"):
            fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: expected name(arguments).\n{}".format(where, key, expr, _SPACE_HELP))
        kind = s[:open_at].strip()
        parts = [p.strip() for p in s[open_at + 1:-1].split(",")]
        if kind == "choice":
            choices = [p.strip("\"'") for p in parts]
            if "" in choices:
                fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: choice() has an empty option.\n{}".format(where, key, expr, _SPACE_HELP))
            parsed[key] = struct(kind = kind, low = 0.0, high = 0.0, choices = choices)
            continue
        if kind not in ("uniform", "loguniform", "int"):
            fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: unknown distribution \"{}\".\n{}".format(where, key, expr, kind, _SPACE_HELP))
        if len(parts) != 2:
            fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: {}() takes 2 arguments (low, high), got {}.\n{}".format(
                where,
                key,
                expr,
                kind,
                len(parts),
                _SPACE_HELP,
            ))
        low = _number(parts[0], where, key, expr)
        high = _number(parts[1], where, key, expr)
        if not low < high or (kind == "loguniform" and low <= 0) or (kind == "int" and (low != int(low) or high != int(high))):
            fail("databazel: {}: space[\"{}\"] = \"{}\" is malformed: {}() needs low < high{}.\n{}".format(
                where,
                key,
                expr,
                kind,
                {"int": ", both integers", "loguniform": " and 0 < low", "uniform": ""}[kind],
                _SPACE_HELP,
            ))
        parsed[key] = struct(kind = kind, low = low, high = high, choices = [])
    return parsed

def _sample(dist, u):
    if dist.kind == "choice":
        return dist.choices[min(int(u * len(dist.choices)), len(dist.choices) - 1)]
    if dist.kind == "int":
        low = int(dist.low)
        return str(min(low + int(u * (int(dist.high) - low + 1)), int(dist.high)))
    if dist.kind == "loguniform":
        value = exp(ln(dist.low) + u * (ln(dist.high) - ln(dist.low)))
    else:
        value = dist.low + u * (dist.high - dist.low)
    return str(round_significant(value))

def _grid_points(grid):
    points = [{}]
    for key in sorted(grid.keys()):
        points = [dict(p, **{key: value}) for p in points for value in grid[key]]
    return points

# How often one sample is drawn again when it repeats an earlier one before the space counts as
# too small for n_trials.
_MAX_REDRAWS = 100

def _distinct_samples(dists, seed, indices, where):
    """One random sample per index, each different from the ones before it.

    A sample that repeats an earlier one is drawn again from a stream of its own (its index and
    the attempt), so the samples before it, and every sample of a search whose draws never
    repeat, stay what they were: raising n_trials keeps the earlier trials and their caches.

    Args:
      dists: dict of name to the parsed distribution (parse_space).
      seed: int, the sampling seed.
      indices: the sample indices to draw.
      where: string naming the target, for error messages.

    Returns:
      list of dict, name to value string, one per index.
    """
    samples = []
    drawn = {}
    for i in indices:
        sample = None
        name = None
        for attempt in range(_MAX_REDRAWS + 1):
            stream = "" if attempt == 0 else "#redraw{}".format(attempt)
            sample = {key: _sample(dists[key], uniform01(seed, i, key + stream)) for key in sorted(dists.keys())}
            name = trial_name(sample)
            if name not in drawn:
                break
        if name in drawn:
            fail(("databazel: {}: random sample {} repeats an earlier one however often it is drawn again " +
                  "({} times): the space has fewer distinct configurations than the search draws ({}).\n" +
                  "Fix: lower n_trials, or widen the space (more choices, a wider int range).").format(
                where,
                i,
                _MAX_REDRAWS,
                len(indices),
            ))
        drawn[name] = True
        samples.append(sample)
    return samples

def expand_trials(*, fixed, grid, space, n_trials, seed, where, sample_indices = None):
    """The search's trials: the grid's cartesian product, each with every random sample.

    Random samples depend only on (seed, sample index, parameter name): the same seed gives
    the same trials, and adding a grid value does not change the others' samples. A random
    sample that repeats an earlier one is drawn again (_distinct_samples).

    Args:
      fixed: dict, hyperparameters shared by every trial.
      grid: dict of name to list of values.
      space: dict of name to distribution expression.
      n_trials: int, random samples to draw when `space` is set.
      seed: int, the sampling seed.
      where: string naming the target, for error messages.
      sample_indices: the indices of the random samples to draw, instead of 0 to n_trials - 1
        (each Hyperband bracket draws its own).

    Returns:
      list of struct(name, hyperparams, varying), in a deterministic order.
    """
    if not grid and not space:
        fail("databazel: {}: the search has nothing to search: grid and space are both empty.\n".format(where) +
             "Fix: give grid = {\"lr\": [\"0.1\", \"0.01\"]} and/or space = {\"lr\": \"loguniform(1e-4, 1e-1)\"}.")
    for key, values in grid.items():
        if not values:
            fail("databazel: {}: grid[\"{}\"] is an empty list.\nFix: give it at least one value, or remove it.".format(where, key))
        if key in fixed:
            fail("databazel: {}: \"{}\" is in both hyperparams and grid.\nFix: keep it in one of them.".format(where, key))
    for key in space.keys():
        if key in fixed or key in grid:
            fail("databazel: {}: \"{}\" is in space and also in {}.\nFix: keep it in one of them.".format(
                where,
                key,
                "hyperparams" if key in fixed else "grid",
            ))
    if space and n_trials < 1:
        fail("databazel: {}: n_trials = {} draws no random trials.\nFix: set n_trials to 1 or more.".format(where, n_trials))

    dists = parse_space(space, where)
    samples = [{}]
    if dists:
        samples = _distinct_samples(dists, seed, sample_indices if sample_indices != None else range(n_trials), where)

    trials = []
    seen = {}
    for point in _grid_points(grid):
        for sample in samples:
            varying = dict(point, **sample)
            name = trial_name(varying)
            if name in seen:
                fail(("databazel: {}: two trials have the same hyperparameters, so the same name \"{}\":\n" +
                      "    {}\n    {}\nFix: remove duplicate grid values.").format(
                    where,
                    name,
                    json.encode(seen[name]),
                    json.encode(varying),
                ))
            seen[name] = varying
            trials.append(struct(name = name, hyperparams = dict(fixed, **varying), varying = varying))
    return trials
