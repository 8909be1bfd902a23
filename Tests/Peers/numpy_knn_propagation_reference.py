#!/usr/bin/env python3
"""Reference for nb's KNNLabelPropagation: label propagation on a cosine k-NN graph (the graph step
of Iscen et al., "Label Propagation for Deep Semi-supervised Learning", CVPR 2019), in numpy.

On scikit-learn's label-propagation digits split (RandomState(2), 340 samples, the first 40
labelled; pixels scaled to 0..1, which the cosine ignores) it builds
  a_ij = max(0, cos(x_i, x_j))**power  for the `neighbours` most similar j != i,  W = A + A^T,
  S = D^-1/2 W D^-1/2,
seeds Y_ij = 1/|labelled in class j| for labelled i of class j, and solves the fixed point
F = alpha S F + (1 - alpha) Y directly (F = (1 - alpha)(I - alpha S)^-1 Y) rather than by
iterating, so the Swift iteration is checked against an independent solve. It also scores, for
comparison, scikit-learn's own LabelSpreading with its k-NN kernel on the same split.

Writes Tests/Fixtures/digits_knn_propagation.json: for each
(neighbours, power, alpha) setting, the transduction of all 340 samples, the row-normalised
scores (first setting only, to 10 decimals) and the accuracy on the 300 unlabelled ones.

Run from the repository root:  python3 Tests/Peers/numpy_knn_propagation_reference.py
"""
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.semi_supervised import LabelSpreading

from sklearn_common import write_fixture

SAMPLES = 340
LABELLED = 40
SETTINGS = [(5, 3.0, 0.99), (10, 3.0, 0.9), (5, 1.0, 0.5)]


def propagate(X, y, neighbours, power, alpha):
    n = len(X)
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    unit = np.divide(X, norms, out=np.zeros_like(X), where=norms > 0)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, -np.inf)
    A = np.zeros((n, n))
    for i in range(n):
        # The k most similar, ties to the lower index (a stable sort of -similarity).
        nearest = np.argsort(-similarity[i], kind="stable")[:neighbours]
        for j in nearest:
            if similarity[i, j] > 0:
                A[i, j] = similarity[i, j] ** power
    W = A + A.T
    degree = W.sum(axis=1)
    scale = np.divide(1.0, np.sqrt(degree), out=np.zeros_like(degree), where=degree > 0)
    S = W * scale[:, None] * scale[None, :]
    classes = np.unique(y[:LABELLED])
    Y = np.zeros((n, len(classes)))
    for c, label in enumerate(classes):
        members = np.where(y[:LABELLED] == label)[0]
        Y[members, c] = 1.0 / len(members)
    F = (1 - alpha) * np.linalg.solve(np.eye(n) - alpha * S, Y)
    F = np.maximum(F, 0)
    P = F / F.sum(axis=1, keepdims=True)
    return classes[P.argmax(axis=1)], P


def main():
    digits = load_digits()
    rng = np.random.RandomState(2)
    indices = np.arange(len(digits.data))
    rng.shuffle(indices)
    chosen = indices[:SAMPLES]
    X = digits.data[chosen] / 16
    y = digits.target[chosen]
    settings = []
    for neighbours, power, alpha in SETTINGS:
        predicted, P = propagate(X, y, neighbours, power, alpha)
        accuracy = float(np.mean(predicted[LABELLED:] == y[LABELLED:]))
        print(f"k={neighbours} power={power} alpha={alpha}: {accuracy:.4f} on the 300 unlabelled")
        settings.append({"neighbours": neighbours, "power": power, "alpha": alpha,
                         "transduction": [int(v) for v in predicted],
                         "distributions": [round(float(v), 10) for v in P.ravel()] if not settings else [],
                         "accuracy": accuracy})
    y_train = np.copy(y)
    y_train[LABELLED:] = -1
    knn_kernel = {}
    for k in (5, 7, 10):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = LabelSpreading(kernel="knn", n_neighbors=k, alpha=0.2).fit(X, y_train)
        knn_kernel[str(k)] = float(np.mean(model.transduction_[LABELLED:] == y[LABELLED:]))
        print(f"scikit-learn LabelSpreading(kernel='knn', n_neighbors={k}): {knn_kernel[str(k)]:.4f}")
    write_fixture("digits_knn_propagation.json", {"source": "numpy " + np.__version__ + " direct solve; scikit-learn " + sklearn.__version__
                             + " for the data and the LabelSpreading k-NN comparison",
                   "indices": [int(i) for i in chosen], "labelled": LABELLED,
                   "settings": settings, "sklearn_knn_labelspreading": knn_kernel})


if __name__ == "__main__":
    main()
