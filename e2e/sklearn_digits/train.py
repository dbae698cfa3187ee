"""Trains a scikit-learn pipeline on the digits: a train executable for databazel.

Hyperparameters: C (logistic regression), or hidden and alpha (a one-hidden-layer MLP). The model
file is the fitted pipeline, pickled. Every BLAS and OpenMP pool runs one thread, and the MLP
takes the seed, so the same inputs give the same bytes.
"""

import os

# Before numpy loads: summation order, hence the last bits, depends on the thread count.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import pickle

from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import digits_csv


def classifier(hp, seed):
    if "hidden" in hp:
        return MLPClassifier(
            hidden_layer_sizes=(int(hp["hidden"]),),
            alpha=float(hp.get("alpha", "0.0001")),
            max_iter=300,
            random_state=seed,
        )
    return LogisticRegression(C=float(hp.get("C", "1.0")), max_iter=2000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--training_data", action="append", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--hyperparams", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args, _ = parser.parse_known_args()
    hp = json.loads(args.hyperparams)
    features, labels = digits_csv.read(args.training_data[0])
    pipeline = make_pipeline(StandardScaler(), classifier(hp, args.seed))
    pipeline.fit(features, labels)
    with open(args.model, "wb") as f:
        pickle.dump(pipeline, f, protocol=5)
    print("trained %s on %d digits: %.4f on them" % (type(pipeline[-1]).__name__, len(labels), pipeline.score(features, labels)))


if __name__ == "__main__":
    main()
