"""Reads the digits CSV files of make_digits.py."""

import numpy as np


def read(path):
    """Returns (features, labels) of one CSV file: a header, then label and 64 pixels per row."""
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    return table[:, 1:], table[:, 0].astype(np.int64)
