#!/usr/bin/env python3
"""scikit-learn's LabelSpreading digits example, as reference for nb's Swift LabelSpreading.

Follows examples/semi_supervised/plot_label_propagation_digits.py: RandomState(2) shuffles the
1,797 digit indices, the first 340 form the data, the first 40 of those keep their labels, and
LabelSpreading(gamma=0.25, max_iter=20) (RBF kernel, alpha=0.2, tol=1e-3) labels the other 300.

Writes Tests/Fixtures/digits_labelspreading.json with the 340 indices into the digits data, the
labelled mask, the true labels, scikit-learn's transduction for all 340 samples, its accuracy on
the 300 unlabelled ones and the number of iterations it ran.

Run from the repository root:  python3 Tests/Peers/sklearn_labelspreading_reference.py
"""
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.semi_supervised import LabelSpreading

from sklearn_common import write_fixture

SAMPLES = 340
LABELLED = 40


def main():
    digits = load_digits()
    rng = np.random.RandomState(2)
    indices = np.arange(len(digits.data))
    rng.shuffle(indices)
    chosen = indices[:SAMPLES]
    X = digits.data[chosen]
    y = digits.target[chosen]
    y_train = np.copy(y)
    y_train[LABELLED:] = -1

    model = LabelSpreading(gamma=0.25, max_iter=20)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(X, y_train)
    converged = not any("max_iter" in str(w.message) for w in caught)
    predicted = model.transduction_
    unlabelled = np.arange(LABELLED, SAMPLES)
    accuracy = float(np.mean(predicted[unlabelled] == y[unlabelled]))
    print(f"accuracy on the {len(unlabelled)} unlabelled samples: {accuracy:.4f} "
          f"({model.n_iter_} iterations, converged: {converged})")

    write_fixture("digits_labelspreading.json", {
        "source": "scikit-learn " + sklearn.__version__ + ": LabelSpreading(gamma=0.25, max_iter=20) "
                  "on plot_label_propagation_digits.py's RandomState(2) split",
        "gamma": 0.25,
        "alpha": 0.2,
        "max_iterations": 20,
        "tolerance": 1e-3,
        "indices": [int(i) for i in chosen],
        "labelled": [bool(i < LABELLED) for i in range(SAMPLES)],
        "labels": [int(v) for v in y],
        "transduction": [int(v) for v in predicted],
        "accuracy": accuracy,
        "iterations": int(model.n_iter_),
        "converged": converged,
    })


if __name__ == "__main__":
    main()
