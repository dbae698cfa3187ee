"""Scores a pickled pipeline from train.py: accuracy, per-class metrics and the confusion matrix."""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import pickle

from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

import digits_csv


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--test_data", required=True)
    parser.add_argument("--metrics", required=True)
    args, _ = parser.parse_known_args()
    with open(args.model, "rb") as f:
        pipeline = pickle.load(f)
    features, labels = digits_csv.read(args.test_data)
    predicted = pipeline.predict(features)
    precision, recall, f1, support = precision_recall_fscore_support(labels, predicted, labels=range(10), zero_division=0)
    metrics = {
        "accuracy": round(float(accuracy_score(labels, predicted)), 6),
        "examples": int(len(labels)),
        "per_class": {
            "precision": [round(float(v), 6) for v in precision],
            "recall": [round(float(v), 6) for v in recall],
            "f1": [round(float(v), 6) for v in f1],
            "support": [int(v) for v in support],
        },
        "confusion_matrix": confusion_matrix(labels, predicted, labels=range(10)).tolist(),
    }
    with open(args.metrics, "w") as f:
        json.dump(metrics, f, sort_keys=True)


if __name__ == "__main__":
    main()
