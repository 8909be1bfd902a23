#!/usr/bin/env python3
"""Reference data for nb's seeded synthetic data sets (two moons, blobs, spirals).

An independent Python port of nb's SeededGenerator (xoshiro256** seeded through SplitMix64,
Box-Muller normals, Lemire's bounded integers as in Swift's `next(upperBound:)`, Fisher-Yates) and
of the three generators, checked against scikit-learn's noiseless, unshuffled `make_moons`.
Writes Tests/Fixtures/synthetic_reference.json with the full arrays for a few seeds.

The generators (Sources/NBLearning/Datasets follows the same definitions; linspace as numpy's):
  moons(n, noise, seed): n//2 outer points (cos t, sin t), t = linspace(0, pi, n//2), label 0, then
    n - n//2 inner points (1 - cos t, 1 - sin t - 0.5), label 1; for each point in that order
    x += noise * normal, y += noise * normal; finally the points are permuted by permutation(n).
  blobs(n, centers k, std, seed): k centres with coordinates -10 + 20 * uniform (centre by centre);
    class c gets n // k points, the first n % k classes one more; in class order each coordinate is
    centre + std * normal; then permuted.
  spirals(n, classes k, noise, seed): class sizes as for blobs; for class c with m points,
    r = linspace(0, 1, m), t = linspace(4c, 4c + 4, m) + noise * normal, point (r sin t, r cos t);
    then permuted.

Run from the repository root:  python3 Tests/Peers/sklearn_synthetic_reference.py
"""
import math

import numpy as np
import sklearn
from sklearn.datasets import make_moons

from sklearn_common import write_fixture

MASK = 0xFFFFFFFFFFFFFFFF


class SeededGenerator:
    def __init__(self, seed):
        s = seed & MASK
        state = []
        for _ in range(4):
            s = (s + 0x9E3779B97F4A7C15) & MASK
            z = s
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            state.append(z ^ (z >> 31))
        self.s = state
        self.spare = None

    @staticmethod
    def _rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.s
        result = (self._rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self._rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        u1 = self.uniform()
        while u1 <= 0:
            u1 = self.uniform()
        u2 = self.uniform()
        radius = math.sqrt(-2 * math.log(u1))
        angle = 2 * math.pi * u2
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)

    def index_below(self, bound):
        random = self.next()
        m = random * bound
        if (m & MASK) < bound:
            t = ((1 << 64) - bound) % bound
            while (m & MASK) < t:
                random = self.next()
                m = random * bound
        return m >> 64

    def permutation(self, count):
        indices = list(range(count))
        for i in range(count - 1, 0, -1):
            j = self.index_below(i + 1)
            indices[i], indices[j] = indices[j], indices[i]
        return indices


def linspace(start, stop, count):
    return [float(v) for v in np.linspace(start, stop, count)]


def class_sizes(n, k):
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


def moons_base(n):
    n_out, n_in = n // 2, n - n // 2
    points, labels = [], []
    for t in linspace(0, math.pi, n_out):
        points.append([math.cos(t), math.sin(t)])
        labels.append(0)
    for t in linspace(0, math.pi, n_in):
        points.append([1 - math.cos(t), 1 - math.sin(t) - 0.5])
        labels.append(1)
    return points, labels


def permuted(rng, points, labels):
    order = rng.permutation(len(points))
    return [points[i] for i in order], [labels[i] for i in order]


def moons(n, noise, seed):
    rng = SeededGenerator(seed)
    points, labels = moons_base(n)
    for p in points:
        p[0] += noise * rng.normal()
        p[1] += noise * rng.normal()
    return permuted(rng, points, labels)


def blobs(n, k, std, seed, features=2):
    rng = SeededGenerator(seed)
    centres = [[-10 + 20 * rng.uniform() for _ in range(features)] for _ in range(k)]
    points, labels = [], []
    for c, size in enumerate(class_sizes(n, k)):
        for _ in range(size):
            points.append([centres[c][f] + std * rng.normal() for f in range(features)])
            labels.append(c)
    return permuted(rng, points, labels)


def spirals(n, k, noise, seed):
    rng = SeededGenerator(seed)
    points, labels = [], []
    for c, size in enumerate(class_sizes(n, k)):
        for r, t in zip(linspace(0, 1, size), linspace(4 * c, 4 * c + 4, size)):
            t += noise * rng.normal()
            points.append([r * math.sin(t), r * math.cos(t)])
            labels.append(c)
    return permuted(rng, points, labels)


def entry(parameters, data):
    points, labels = data
    return dict(parameters, features=[v for p in points for v in p], labels=labels)


def main():
    # The noiseless geometry is scikit-learn's, point for point.
    X, y = make_moons(n_samples=101, noise=0.0, shuffle=False)
    base, base_labels = moons_base(101)
    assert np.array_equal(np.array(base), X) and np.array_equal(np.array(base_labels), y)

    rng = SeededGenerator(42)
    stream = {"seed": 42, "next": [str(rng.next()) for _ in range(4)],
              "uniform": [rng.uniform() for _ in range(3)], "normal": [rng.normal() for _ in range(3)],
              "index_below_10": [rng.index_below(10) for _ in range(5)], "permutation_10": rng.permutation(10)}

    write_fixture("synthetic_reference.json", {
        "source": "Python port of SeededGenerator and the generators; noiseless moons checked "
                  "against scikit-learn " + sklearn.__version__ + " make_moons(shuffle=False)",
        "generator": stream,
        "sklearn_moons_noiseless_101": {"features": [float(v) for v in X.reshape(-1)],
                                        "labels": [int(v) for v in y]},
        "moons": entry({"samples": 100, "noise": 0.1, "seed": 0}, moons(100, 0.1, 0)),
        "moons_odd": entry({"samples": 7, "noise": 0.3, "seed": 123456789}, moons(7, 0.3, 123456789)),
        "blobs": entry({"samples": 61, "centers": 3, "std": 1.5, "seed": 1}, blobs(61, 3, 1.5, 1)),
        "spirals": entry({"samples": 92, "classes": 3, "noise": 0.2, "seed": 2}, spirals(92, 3, 0.2, 2)),
    })


if __name__ == "__main__":
    main()
