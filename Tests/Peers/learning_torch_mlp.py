#!/usr/bin/env python3
"""Peer for `nb-bench learning`: one training step of an MLP 64-256-256-10 on a batch of 256 in
float32 (forward, softmax cross-entropy, backward, SGD), timed with PyTorch on the CPU.

Prints one JSON object: {"steps_per_second": ..., "threads": ..., "torch": "<version>"}.
Usage: learning_torch_mlp.py [--threads 2] [--seconds 3] [--window N]
With --window N the rate is the best window of N steps (as nb-bench measures its own side).
"""
import argparse
import json
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--window", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    model = torch.nn.Sequential(
        torch.nn.Linear(64, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 10),
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(256, 64)
    y = torch.randint(0, 10, (256,))

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss

    for _ in range(50):
        step()
    if args.window > 0:
        best = 0.0
        start = time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            window_start = time.perf_counter()
            for _ in range(args.window):
                step()
            best = max(best, args.window / (time.perf_counter() - window_start))
        print(json.dumps({"steps_per_second": best, "threads": args.threads, "torch": torch.__version__}))
        return
    steps = 0
    start = time.perf_counter()
    while True:
        for _ in range(50):
            step()
        steps += 50
        elapsed = time.perf_counter() - start
        if elapsed >= args.seconds:
            break
    print(json.dumps({"steps_per_second": steps / elapsed, "threads": args.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
