#!/usr/bin/env python3
"""Peer for `nb-bench learning --only elementwise`: PyTorch's own elementwise ops on the sizes nb's
MLP step runs them at (256×256 float32 unless --count), each the best of --repeats timings of a
batch of calls lasting at least 20 ms, in ns per element.

ops: relu (torch.relu), relu_backward (torch.ops.aten.threshold_backward, what autograd runs for
ReLU), sgd (torch.optim.SGD step, lr 0.01), sgd_momentum (momentum 0.9), adam (torch.optim.Adam
step, the default foreach implementation), cross_entropy (softmax cross-entropy forward and backward
on 256×10 logits, in ns per logit).

Prints one JSON object: {"torch": version, "threads": N, "ns_per_element": {op: ns, ...}}.
Usage: learning_torch_elementwise.py [--threads 1] [--count 65536] [--repeats 5]
"""
import argparse
import json
import time

import torch


def best_ns_per_element(fn, elements, repeats):
    for _ in range(3):
        fn()
    best = float("inf")
    for _ in range(repeats):
        calls = 1
        while True:
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            elapsed = time.perf_counter() - start
            if elapsed >= 0.02:
                break
            calls *= 2
        best = min(best, elapsed / calls / elements * 1e9)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--count", type=int, default=256 * 256)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    n = args.count
    x = torch.randn(n)
    g = torch.randn(n)
    out = torch.empty(n)
    results = {}
    results["relu"] = best_ns_per_element(lambda: torch.relu(x), n, args.repeats)
    results["relu_backward"] = best_ns_per_element(lambda: torch.ops.aten.threshold_backward(g, x, 0), n, args.repeats)
    for name, make in [
        ("sgd", lambda p: torch.optim.SGD([p], lr=0.01)),
        ("sgd_momentum", lambda p: torch.optim.SGD([p], lr=0.01, momentum=0.9)),
        ("adam", lambda p: torch.optim.Adam([p], lr=1e-3)),
    ]:
        p = torch.nn.Parameter(torch.randn(n))
        p.grad = torch.randn(n) * 1e-3
        optimizer = make(p)
        with torch.no_grad():
            results[name] = best_ns_per_element(optimizer.step, n, args.repeats)
    logits = torch.randn(256, 10, requires_grad=True)
    labels = torch.randint(0, 10, (256,))
    loss_fn = torch.nn.CrossEntropyLoss()

    def cross_entropy():
        loss = loss_fn(logits, labels)
        (grad,) = torch.autograd.grad(loss, logits)
        return grad

    results["cross_entropy"] = best_ns_per_element(cross_entropy, logits.numel(), args.repeats)
    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "ns_per_element": results}))


if __name__ == "__main__":
    main()
