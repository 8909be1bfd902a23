#!/usr/bin/env python3
"""The semi-supervised digits split of scikit-learn's label-propagation example, for the notebooks.

Follows examples/semi_supervised/plot_label_propagation_digits.py: RandomState(2) shuffles the
indices 0..1796 of the 8x8 digits; the first 340 shuffled indices form the data set and the first
40 of those keep their labels. Writes notebooks/data/digits_split.csv with one column, `index`
(row of the digits data, in the shuffled order), so `rows(digits().X, load(...))` rebuilds the
340 samples and `0..<40` are the labelled ones. The same indices are in
Tests/Fixtures/digits_labelspreading.json (written by sklearn_labelspreading_reference.py); the
tests check that both agree.

Run from the repository root:  python3 Tests/Peers/sklearn_export_digits_split.py
"""
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

SAMPLES = 340


def main():
    digits = load_digits()
    rng = np.random.RandomState(2)
    indices = np.arange(len(digits.data))
    rng.shuffle(indices)
    out = Path(__file__).resolve().parents[2] / "notebooks" / "data" / "digits_split.csv"
    out.write_text("index\n" + "".join(f"{i}\n" for i in indices[:SAMPLES]))
    print(f"wrote {out} ({SAMPLES} indices)")


if __name__ == "__main__":
    main()
