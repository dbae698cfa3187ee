"""The rungs of successive halving and the brackets of Hyperband, computed at analysis time.

Bazel fixes the action graph before anything runs, so a search with a scheduler declares every segment
a trial could reach; which trials go on is decided while building. This file only
says how many trials each rung keeps and how many epochs it trains them to: whole numbers, the
last rung always at `max_epochs`. Rungs count up from `min_epochs` (min_epochs times a power of
the reduction factor), as ASHA's do, so raising `max_epochs` by the reduction factor keeps every
earlier rung, and with it every segment and decision already built.
"""

def integer_log(x, base):
    """The largest k with base to the power k at most x.

    Args:
      x: int >= 1.
      base: int >= 2.

    Returns:
      int.
    """
    k = 0
    power = base
    for _ in range(64):
        if power > x:
            break
        k += 1
        power *= base
    return k

def _power(base, k):
    # Starlark has no ** operator.
    result = 1
    for _ in range(k):
        result *= base
    return result

def _rung_epochs(first_epochs, max_epochs, reduction_factor, rungs):
    # Each rung trains reduction_factor times the epochs of the one before; the last max_epochs.
    return [first_epochs * _power(reduction_factor, i) for i in range(rungs - 1)] + [max_epochs]

def successive_halving(n_trials, min_epochs, max_epochs, reduction_factor):
    """The rungs of one synchronous successive halving over n_trials trials.

    Every trial trains to the first rung; after each rung the best 1/reduction_factor (at
    least one) go on to the next, up to max_epochs.

    Args:
      n_trials: int >= 1.
      min_epochs: int >= 1, the smallest budget a rung may have.
      max_epochs: int > min_epochs.
      reduction_factor: int >= 2.

    Returns:
      list of struct(epochs, trials): how many trials train to how many epochs, per rung.
    """
    rungs = integer_log(max_epochs // min_epochs, reduction_factor) + 1
    out = []
    n = n_trials
    for epochs in _rung_epochs(min_epochs, max_epochs, reduction_factor, rungs):
        out.append(struct(epochs = epochs, trials = n))
        n = max(1, n // reduction_factor)
    return out

def hyperband(min_epochs, max_epochs, reduction_factor):
    """The brackets of Hyperband (Li et al., 2018), from the most exploratory to plain training.

    Bracket s starts ceil((s_max + 1) / (s + 1) * eta^s) configurations at
    min_epochs * eta^(s_max - s) epochs (max_epochs / eta^s when max_epochs is min_epochs times a
    power of eta) and cuts them by eta s times; s_max = floor(log_eta(max_epochs / min_epochs)).

    Args:
      min_epochs: int >= 1.
      max_epochs: int > min_epochs.
      reduction_factor: int >= 2.

    Returns:
      list of struct(bracket, configurations, rungs): rungs as `successive_halving` returns.
    """
    s_max = integer_log(max_epochs // min_epochs, reduction_factor)
    brackets = []
    for s in range(s_max, -1, -1):
        power = _power(reduction_factor, s)
        configurations = ((s_max + 1) * power + s) // (s + 1)  # the ceiling, in integers
        rungs = []
        n = configurations
        for epochs in _rung_epochs(min_epochs * _power(reduction_factor, s_max - s), max_epochs, reduction_factor, s + 1):
            rungs.append(struct(epochs = epochs, trials = n))
            n = max(1, n // reduction_factor)
        brackets.append(struct(bracket = s, configurations = configurations, rungs = rungs))
    return brackets
