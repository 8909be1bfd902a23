#!/usr/bin/env python3
"""Peer for `nb-bench language`: the training loop of learning.md's "written in cells" section in
PyTorch eager mode — an MLP 64-32-10 in float64 held as four plain tensors, softmax
cross-entropy written out (logsumexp minus the true class's score), plain SGD on mini-batches of 64
over 1,797 samples — timed per epoch (best of --epochs epochs after one warm-up epoch).

Prints one JSON object: {"seconds_per_epoch": ..., "threads": ..., "torch": "<version>"}.
Usage: learning_torch_cell_loop.py [--threads 2] [--epochs 5]
"""
import argparse
import json
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(0)
    n, batch = 1797, 64
    x = torch.rand(n, 64, generator=generator, dtype=torch.float64)
    y = torch.randint(0, 10, (n,), generator=generator)
    onehot = torch.nn.functional.one_hot(y, 10).to(torch.float64)
    params = [
        (torch.randn(64, 32, generator=generator, dtype=torch.float64) * 0.17).requires_grad_(),
        torch.zeros(32, dtype=torch.float64, requires_grad=True),
        (torch.randn(32, 10, generator=generator, dtype=torch.float64) * 0.25).requires_grad_(),
        torch.zeros(10, dtype=torch.float64, requires_grad=True),
    ]
    lr = 0.1

    def epoch():
        order = torch.randperm(n, generator=generator)
        total = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x[idx], onehot[idx]
            w1, b1, w2, b2 = params
            z = torch.relu(xb @ w1 + b1) @ w2 + b2
            loss = (torch.logsumexp(z, dim=1) - (z * yb).sum(dim=1)).mean()
            grads = torch.autograd.grad(loss, params)
            with torch.no_grad():
                for p, g in zip(params, grads):
                    p -= lr * g
            total += loss.item() * len(idx)
        return total / n

    epoch()
    best = float("inf")
    for _ in range(args.epochs):
        start = time.perf_counter()
        epoch()
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds_per_epoch": best, "threads": args.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
