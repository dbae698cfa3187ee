"""A databazel sampler executable that proposes each batch with Optuna's TPE (ask-and-tell).

databazel runs it once per batch after the first (docs/contract.md): --history is the search so
far, --output is where the next batch goes. The study is rebuilt from the history every time, so
the process keeps no state between batches, and with a seed derived from the search's seed and
the batch number the same history always gives the same batch.
"""

import argparse
import json
import warnings

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.trial import TrialState, create_trial


def distribution(spec):
    kind = spec["kind"]
    if kind == "choice":
        return CategoricalDistribution(spec["choices"])
    if kind == "int":
        return IntDistribution(int(spec["low"]), int(spec["high"]))
    return FloatDistribution(spec["low"], spec["high"], log=kind == "loguniform")


def value(dist, text):
    if isinstance(dist, CategoricalDistribution):
        return text
    if isinstance(dist, IntDistribution):
        return int(text)
    return float(text)


def past_trial(dists, trial):
    params = {name: value(dist, trial["hyperparams"][name]) for name, dist in dists.items()}
    if trial["value"] is not None:
        return create_trial(params=params, distributions=dists, value=trial["value"])
    # Failed and pruned trials count as such: TPE treats them as bad, not as unknown.
    state = TrialState.PRUNED if trial["outcome"] == "pruned" else TrialState.FAIL
    return create_trial(params=params, distributions=dists, state=state)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    with open(args.history) as f:
        history = json.load(f)

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
    dists = {name: distribution(spec) for name, spec in sorted(history["space"].items())}
    sampler = optuna.samplers.TPESampler(
        seed=history["seed"] * 1000 + history["batch"],
        # databazel's first batch is the random start-up; TPE proper from batch 2.
        n_startup_trials=0,
        # The batch's trials run in parallel: each asked one counts as bad until told.
        constant_liar=True,
    )
    study = optuna.create_study(direction=history["goal"], sampler=sampler)
    study.add_trials([past_trial(dists, t) for t in history["trials"]])

    seen = {tuple(sorted(t["hyperparams"].items())) for t in history["trials"]}
    batch = []
    for _ in range(100 * history["count"]):
        if len(batch) == history["count"]:
            break
        trial = study.ask(dists)
        key = tuple(sorted((k, str(v)) for k, v in trial.params.items()))
        if key in seen:
            # Optuna can ask for a configuration again (optuna#2021); the contract forbids it.
            study.tell(trial, state=TrialState.FAIL)
            continue
        seen.add(key)
        batch.append(trial.params)
    if len(batch) < history["count"]:
        raise SystemExit("optuna_sampler: only %d new configurations in 100 tries per trial; the space is too small for %d" % (len(batch), history["count"]))
    with open(args.output, "w") as f:
        json.dump(batch, f, indent=1, sort_keys=True)
    print("optuna_sampler: batch %d: %d configurations from %d trials" % (history["batch"], len(batch), len(history["trials"])))


if __name__ == "__main__":
    main()
