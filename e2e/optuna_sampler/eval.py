"""Scores a configuration from train.py by a known loss; the data file's split shifts it a little.

loss = (log10(lr) - log10(0.003))^2 + 4 (momentum - 0.9)^2 + (log2(width) - 6)^2 / 10
       + 0.3 if the optimizer is sgd, + 0.01 on the validation split.
"""

import argparse
import json
import math


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--test_data", required=True)
    parser.add_argument("--metrics", required=True)
    args, _ = parser.parse_known_args()
    with open(args.model) as f:
        hp = json.load(f)
    with open(args.test_data) as f:
        split = f.read().split()[-1]
    loss = (
        (math.log10(float(hp["lr"])) - math.log10(0.003)) ** 2
        + 4 * (float(hp["momentum"]) - 0.9) ** 2
        + (math.log2(int(hp["width"])) - 6) ** 2 / 10
        + (0.3 if hp["optimizer"] == "sgd" else 0.0)
        + (0.01 if split == "validation" else 0.0)
    )
    with open(args.metrics, "w") as f:
        json.dump({"loss": round(loss, 6)}, f)


if __name__ == "__main__":
    main()
