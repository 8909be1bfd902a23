#!/usr/bin/env python3
"""Reference values for the nb differentiation engine, computed once with SymPy.

For each function (written in the cell language's syntax: ^ for power, sigmoid/relu/softplus
as in SPEC §4) this evaluates the value, gradient and Hessian exactly (symbolically, then to
30 digits) at one point, and writes Tests/NBAutodiffTests/Fixtures/sympy_reference.json.

    python3 Tests/Peers/autodiff_sympy_reference.py
"""
import json
import os
import sys

import sympy as sp

FUNCTIONS = [
    # (expression, variables, point)
    ("x^3 + 2*x", "x", [2.0]),
    ("sin(x)*cos(x)", "x", [0.7]),
    ("exp(-x^2/2)", "x", [0.3]),
    ("log(1 + x^2)", "x", [1.5]),
    ("sqrt(x)*tan(x)", "x", [0.4]),
    ("asin(x) + acos(x/2) + atan(3*x)", "x", [0.25]),
    ("tanh(2*x - 1)", "x", [0.8]),
    ("sigmoid(x)", "x", [-1.2]),
    ("softplus(3*x)", "x", [0.6]),
    ("relu(x)*x^2", "x", [1.3]),
    ("abs(x)^3", "x", [-0.9]),
    ("x^x", "x", [1.7]),
    ("(x^2 + 1)^(-1.5)", "x", [0.5]),
    ("1/(1 + exp(-x)) - sigmoid(x)", "x", [0.2]),
    ("exp(sin(x))/x", "x", [2.2]),
    ("x*y + sin(x)", "x y", [1.0, 2.0]),
    ("x^2*y^3 - 3*x*y", "x y", [-1.1, 0.9]),
    ("exp(x*y)*cos(x - y)", "x y", [0.3, -0.4]),
    ("log(x^2 + y^2)", "x y", [1.2, -0.7]),
    ("sqrt(x^2 + y^2 + 1)", "x y", [0.5, 2.5]),
    ("atan(y/x)", "x y", [1.5, 0.5]),
    ("x^y", "x y", [1.3, 2.7]),
    ("max(x, y)*min(x, y)", "x y", [0.4, 1.9]),
    ("sigmoid(x*y)*softplus(x - y)", "x y", [0.8, -0.3]),
    ("tanh(x)*tanh(y) + relu(x + y)", "x y", [0.6, 0.7]),
    ("(1 - x)^2 + 100*(y - x^2)^2", "x y", [-1.2, 1.0]),
    ("sin(x*y*z) + x*z", "x y z", [0.5, 1.5, -0.8]),
    ("x*y*z/(x + y + z)", "x y z", [1.0, 2.0, 3.0]),
    ("exp(x + 2*y - z)*log(z)", "x y z", [0.1, -0.2, 1.4]),
    ("sqrt(x*x + y*y + z*z)", "x y z", [1.0, -2.0, 2.0]),
    ("abs(x - y) + abs(y - z)^2", "x y z", [0.3, 1.1, -0.4]),
    ("x^2*sin(y) + y^2*cos(z) + z^2*tan(x)", "x y z", [0.6, -0.5, 1.2]),
    ("log(sigmoid(x)*sigmoid(y)*sigmoid(z))", "x y z", [0.9, -1.3, 0.2]),
    ("asin(x*y) + acos(y*z)", "x y z", [0.4, 0.6, -0.9]),
    ("(x + y)^3/(1 + z^2)", "x y z", [-0.5, 1.2, 0.7]),
]


def sympy_locals(symbols):
    table = {
        "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
        "softplus": lambda u: sp.log(1 + sp.exp(u)),
        "relu": lambda u: sp.Max(0, u),
        "max": sp.Max,
        "min": sp.Min,
        "abs": sp.Abs,
        "asin": sp.asin,
        "acos": sp.acos,
        "atan": sp.atan,
    }
    table.update(symbols)
    return table


def number(value):
    v = float(sp.N(value.doit(), 30))
    if v != v or v in (float("inf"), float("-inf")):
        raise ValueError(f"non-finite reference value {value}")
    return v


def main():
    entries = []
    for text, names, point in FUNCTIONS:
        symbols = sp.symbols(names.split(), real=True)
        symbols = list(symbols) if isinstance(symbols, (tuple, list)) else [symbols]
        expr = sp.sympify(text.replace("^", "**"), locals=sympy_locals({str(s): s for s in symbols}))
        at = {s: sp.Rational(str(p)) for s, p in zip(symbols, point)}
        gradient = [sp.diff(expr, s) for s in symbols]
        hessian = [[sp.diff(g, s) for s in symbols] for g in gradient]
        entries.append({
            "expression": text,
            "parameters": [str(s) for s in symbols],
            "point": point,
            "value": number(expr.subs(at)),
            "gradient": [number(g.subs(at)) for g in gradient],
            "hessian": [[number(h.subs(at)) for h in row] for row in hessian],
        })
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "NBAutodiffTests", "Fixtures",
                       "sympy_reference.json")
    with open(out, "w") as f:
        json.dump({"generator": "Tests/Peers/autodiff_sympy_reference.py", "sympy": sp.__version__,
                   "functions": entries}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(entries)} functions to {os.path.normpath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
