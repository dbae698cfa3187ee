"""A stand-in train executable: the "model" is the hyperparameters it was given.

The example is about the sampler, so training takes no time; eval.py scores the configuration
with a known function whose best point is lr = 0.003, momentum = 0.9, adam, width = 64.
"""

import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--training_data", action="append", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--hyperparams", required=True)
    args, _ = parser.parse_known_args()
    with open(args.model, "w") as f:
        json.dump(json.loads(args.hyperparams), f, sort_keys=True)


if __name__ == "__main__":
    main()
