"""Writes scikit-learn's digits as train, validation and test CSV files (label, then 64 pixels).

The split is stratified and seeded, so the files are the same bytes on every build.
"""

import argparse
import os

from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def write(path, features, labels):
    with open(path, "w") as f:
        f.write("label," + ",".join("p%d" % i for i in range(features.shape[1])) + "\n")
        for x, y in zip(features, labels):
            f.write("%d,%s\n" % (y, ",".join("%d" % v for v in x)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out_dir", required=True)
    args = parser.parse_args()
    digits = load_digits()
    x_train, x_rest, y_train, y_rest = train_test_split(digits.data, digits.target, test_size=0.3, stratify=digits.target, random_state=0)
    x_val, x_test, y_val, y_test = train_test_split(x_rest, y_rest, test_size=2 / 3, stratify=y_rest, random_state=0)
    write(os.path.join(args.out_dir, "train.csv"), x_train, y_train)
    write(os.path.join(args.out_dir, "validation.csv"), x_val, y_val)
    write(os.path.join(args.out_dir, "test.csv"), x_test, y_test)


if __name__ == "__main__":
    main()
