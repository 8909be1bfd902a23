#!/usr/bin/env python3
"""Peer (CPU times, time.process_time) for `nb-bench autodiff`: reverse mode on micrograd over the benchmark scalar graph.

The graph is defined identically in Sources/nb-bench/AutodiffBenchmark+Graph.swift: 100 inputs
x_i = 0.05 + (i mod 10)/10, then steps until NODES operations; each step takes the previous
node `a` and a node `b` from the 16 before it (chosen by a 64-bit LCG) and is one of a*b,
a**0.5, (a + b)*0.5 (two operations), relu(a), a**0.5. Values stay in (0, 1]. Prints one JSON line:
{"nodes", "forward_s", "backward_s", "ns_per_node", "output", "gradient_sum"}.

    python3 Tests/Peers/autodiff_micrograd.py [NODES] [REPEATS]
"""
import json
import sys
import threading
import time

from micrograd.engine import Value

INPUTS = 100
MASK = (1 << 64) - 1


def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) & MASK


def build(nodes):
    xs = [Value(0.05 + (i % 10) / 10) for i in range(INPUTS)]
    graph = list(xs)
    state = 42
    operations = 0
    while operations < nodes:
        state = lcg(state)
        r = state >> 33
        a = graph[-1]
        b = graph[-(2 + (r >> 2) % 16)]
        kind = r % 5
        if kind == 0:
            v = a * b
        elif kind == 1 or kind == 4:
            v = a ** 0.5
        elif kind == 2:
            v = (a + b) * 0.5
            operations += 1
        else:
            v = a.relu()
        operations += 1
        graph.append(v)
    return xs, graph[-1], operations


def run(nodes, repeats, out):
    best = None
    for _ in range(repeats):
        t0 = time.process_time()
        xs, y, operations = build(nodes)
        t1 = time.process_time()
        y.backward()
        t2 = time.process_time()
        if best is None or (t2 - t0) < best[0] + best[1]:
            best = (t1 - t0, t2 - t1, y.data, sum(x.grad for x in xs), operations)
    forward, backward, output, gsum, operations = best
    out.append({"nodes": operations, "forward_s": forward, "backward_s": backward,
                "ns_per_node": (forward + backward) / operations * 1e9, "output": output, "gradient_sum": gsum})


def main():
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    # micrograd's topological sort recurses once per node.
    sys.setrecursionlimit(10 * nodes + 1000)
    threading.stack_size(1 << 29)
    out = []
    worker = threading.Thread(target=run, args=(nodes, repeats, out))
    worker.start()
    worker.join()
    print(json.dumps(out[0]))


if __name__ == "__main__":
    main()
