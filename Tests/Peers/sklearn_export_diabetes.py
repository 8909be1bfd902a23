#!/usr/bin/env python3
"""Export scikit-learn's diabetes data (442 x 10, the scaled features `load_diabetes()` returns, and
the target) to notebooks/data/diabetes.csv.

Origin: B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004), "Least Angle Regression", Annals of
Statistics 32(2), 407-499; data from https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html, as
shipped in scikit-learn (BSD-3-Clause). Each feature column is mean-centred and scaled so that its
sum of squares is 1.

Numbers are written in Python's shortest round-trip form, so a correctly rounding parser (Swift's
`Double(String)`) reads back exactly scikit-learn's doubles.

Run from the repository root:  python3 Tests/Peers/sklearn_export_diabetes.py
"""
import os

import numpy as np
from sklearn.datasets import load_diabetes

from sklearn_common import ROOT


def main():
    bunch = load_diabetes()
    X, y = bunch.data, bunch.target
    assert X.shape == (442, 10) and y.shape == (442,)
    header = list(bunch.feature_names) + ["target"]
    lines = [",".join(header)]
    for row, target in zip(X, y):
        lines.append(",".join(repr(float(v)) for v in row) + "," + repr(float(target)))
    path = os.path.join(ROOT, "notebooks", "data", "diabetes.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    # Round trip: the file reads back to exactly the same doubles.
    back = np.loadtxt(path, delimiter=",", skiprows=1)
    assert np.array_equal(back[:, :10], X) and np.array_equal(back[:, 10], y)
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
