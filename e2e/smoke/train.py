"""Fits y = a*x + b by ridge regression: a train executable for databazel, in plain Python.

With --init_checkpoint (a model to fine-tune), l2 pulls the slope toward that model's rather
than toward 0. A training-data file that is a model (JSON) stands for points on its line.
"""

import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--training_data", action="append", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--hyperparams", required=True)
    parser.add_argument("--hyperparams_file")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--output_dir")
    parser.add_argument("--init_checkpoint")
    args = parser.parse_args()
    l2 = float(json.loads(args.hyperparams).get("l2", "0"))
    a0 = 0.0
    if args.init_checkpoint:
        with open(args.init_checkpoint) as f:
            a0 = json.load(f)["a"]

    xs, ys = [], []
    for path in args.training_data:
        with open(path) as f:
            text = f.read()
        if text.startswith("{"):
            teacher = json.loads(text)
            for x in range(5):
                xs.append(float(x))
                ys.append(teacher["a"] * x + teacher["b"])
            continue
        for line in text.split()[1:]:
            x, y = line.split(",")
            xs.append(float(x))
            ys.append(float(y))
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    a = (sxy + l2 * a0) / (sxx + l2)
    b = my - a * mx
    with open(args.model, "w") as f:
        json.dump({"a": a, "b": b}, f, sort_keys=True)
    print("fitted a=%.4f b=%.4f with l2=%s" % (a, b, l2))


if __name__ == "__main__":
    main()
