#!/usr/bin/env python3
"""Peer for `nb-bench learning`: micrograd's demo.ipynb training loop, timed.

Two moons (scikit-learn's make_moons when available, else the same construction with numpy),
100 points, noise 0.1; MLP(2, [16, 16, 1]); SVM max-margin loss + 1e-4 * sum(p^2); 100 full-batch
SGD steps with learning rate 1 - 0.9 k / 100 — exactly the notebook's loop.

Prints one JSON object: {"steps": ..., "seconds": ..., "seconds_per_step": ..., "accuracy": ..., "loss": ...}.
Usage: learning_micrograd_moons.py [--steps 100] (fewer steps time a prefix of the same loop; each
step builds and back-propagates the same-sized graph, so the time per step is comparable).
"""
import argparse
import json
import random
import time

import numpy as np
from micrograd.engine import Value
from micrograd.nn import MLP


def moons(n, noise, seed):
    try:
        from sklearn.datasets import make_moons
        return make_moons(n_samples=n, noise=noise, random_state=seed)
    except ImportError:
        rng = np.random.default_rng(seed)
        outer, inner = n // 2, n - n // 2
        t0, t1 = np.linspace(0, np.pi, outer), np.linspace(0, np.pi, inner)
        X = np.vstack([np.c_[np.cos(t0), np.sin(t0)], np.c_[1 - np.cos(t1), 1 - np.sin(t1) - 0.5]])
        X += rng.normal(scale=noise, size=X.shape)
        return X, np.r_[np.zeros(outer, int), np.ones(inner, int)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args()
    np.random.seed(1337)
    random.seed(1337)
    X, y = moons(100, 0.1, 1337)
    y = y * 2 - 1
    model = MLP(2, [16, 16, 1])

    def loss():
        inputs = [list(map(Value, xrow)) for xrow in X]
        scores = list(map(model, inputs))
        losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum((p * p for p in model.parameters()))
        total = data_loss + reg_loss
        accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)]
        return total, sum(accuracy) / len(accuracy)

    start = time.perf_counter()
    for k in range(args.steps):
        total, acc = loss()
        model.zero_grad()
        total.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad
    seconds = time.perf_counter() - start
    print(json.dumps({"steps": args.steps, "seconds": seconds, "seconds_per_step": seconds / args.steps,
                      "accuracy": acc, "loss": total.data}))


if __name__ == "__main__":
    main()
