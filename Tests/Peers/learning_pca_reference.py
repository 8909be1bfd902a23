#!/usr/bin/env python3
"""Reference values for nb's PCA: scikit-learn's PCA(n_components=5) on the 1,797 digits.

Writes Tests/NBLearningTests/Unsupervised/Fixtures/pca_digits.json with the explained variance,
its ratio, and the components with nb's sign convention (each row's entry of largest magnitude
positive; scikit-learn's own sign is arbitrary).

Run from the repository root:  python3 Tests/Peers/learning_pca_reference.py
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA


def main():
    X = load_digits().data
    pca = PCA(n_components=5, svd_solver="full").fit(X)
    components = []
    for row in pca.components_:
        if row[np.argmax(np.abs(row))] < 0:
            row = -row
        components.append([float(v) for v in row])
    data = {
        "source": f"scikit-learn {sklearn.__version__} PCA(n_components=5, svd_solver='full') on load_digits().data",
        "explained_variance": [float(v) for v in pca.explained_variance_],
        "explained_variance_ratio": [float(v) for v in pca.explained_variance_ratio_],
        "components": components,
    }
    with open("Tests/NBLearningTests/Unsupervised/Fixtures/pca_digits.json", "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
