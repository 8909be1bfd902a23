#!/usr/bin/env python3
"""Peer (CPU times, time.process_time) for `nb-bench autodiff`: SymPy on the nested expression f_{k+1} = sin(f_k)*f_k + exp(f_k/2),
f_0 = x, at depth DEPTH. Times `diff` alone and `diff` followed by `cse`, and counts nodes of f
and f' as trees and as DAGs (distinct subexpressions). Prints one JSON line.

    python3 Tests/Peers/autodiff_sympy_nested.py [DEPTH] [REPEATS]
"""
import json
import sys
import time

import sympy as sp


def counts(expr):
    """(tree nodes, DAG nodes): a node is an operation or an atom, as in nb's count."""
    tree = {}
    order = []
    stack = [(expr, False)]
    while stack:
        node, expanded = stack.pop()
        if node in tree:
            continue
        if expanded or not node.args:
            tree[node] = 1 + sum(tree[a] for a in node.args)
            order.append(node)
        else:
            stack.append((node, True))
            stack.extend((a, False) for a in node.args if a not in tree)
    return tree[expr], len(tree)


def build(depth):
    x = sp.Symbol("x")
    f = x
    for _ in range(depth):
        f = sp.sin(f) * f + sp.exp(f / 2)
    return x, f


def main():
    depth = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    diff_best = cse_best = None
    for _ in range(repeats):
        sp.core.cache.clear_cache()
        x, f = build(depth)
        t0 = time.process_time()
        d = sp.diff(f, x)
        t1 = time.process_time()
        replacements, reduced = sp.cse(d)
        t2 = time.process_time()
        diff_best = min(diff_best or 1e9, t1 - t0)
        cse_best = min(cse_best or 1e9, t2 - t0)
    f_tree, f_dag = counts(f)
    d_tree, d_dag = counts(d)
    cse_size = len(replacements) + sum(counts(r[1])[0] for r in replacements) + counts(reduced[0])[0]
    value = float(d.subs(x, sp.Rational(1, 10)).evalf(30)) if depth <= 4 else None
    print(json.dumps({"depth": depth, "diff_s": diff_best, "diff_cse_s": cse_best,
                      "f_tree": f_tree, "f_dag": f_dag, "fprime_tree": d_tree, "fprime_dag": d_dag,
                      "cse_replacements": len(replacements), "cse_tree_size": cse_size,
                      "fprime_at_0.1": value, "sympy": sp.__version__}))


if __name__ == "__main__":
    main()
