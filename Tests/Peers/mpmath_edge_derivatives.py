"""50-digit references for derivatives at the edges (issue 14, point 6).

Writes Tests/Fixtures/edge_derivatives.json: values nb must reproduce to full double precision,
or infinities where the true derivative has an infinite limit. Run from the repository root:

    python3 Tests/Peers/mpmath_edge_derivatives.py
"""
import json
import mpmath as mp

mp.mp.dps = 50


def log_sigmoid(x):
    return -mp.log1p(mp.exp(-x))


def second(f, x):
    return mp.diff(f, x, 2)


def text(v):
    return mp.nstr(v, 30, min_fixed=1, max_fixed=0)


cases = []
for x in [-30, -40, -5, 0, 5, 30]:
    x = mp.mpf(x)
    cases.append({"what": "log(sigmoid(x))''", "x": int(x), "value": text(second(log_sigmoid, x))})
    cases.append({"what": "log(sigmoid(x))'", "x": int(x), "value": text(mp.diff(log_sigmoid, x))})
    cases.append({"what": "softplus(x)''", "x": int(x), "value": text(second(lambda t: mp.log1p(mp.exp(t)), x))})



def one_sided(f, approach, sign):
    """The limit of f at a point approached by `approach(t)` as t -> 0+: 0, inf or -inf, checked on
    t = 1e-10, 1e-20, 1e-40 (the values must shrink to 0, or grow past 1/t with the given sign)."""
    values = [f(approach(mp.mpf(10) ** -k)) for k in (10, 20, 40)]
    if sign == 0:
        assert all(abs(v) < mp.mpf(10) ** -8 for v in values) and abs(values[2]) < abs(values[0])
        return "0"
    assert all(sign * v > mp.mpf(10) ** k for v, k in zip(values, (10, 20, 40)))
    return "inf" if sign > 0 else "-inf"


# d/dy x^y = x^y log x at y = 2 tends to 0 as x -> 0+.
cases.append({"what": "d/dy x^y at (0, 2)", "x": 0, "value": one_sided(lambda x: x**2 * mp.log(x), lambda t: t, 0)})
# Second derivatives with infinite one-sided limits.
cases.append({"what": "sqrt''(0+)", "x": 0, "value": one_sided(lambda x: mp.diff(mp.sqrt, x, 2), lambda t: t, -1)})
cases.append({"what": "log''(0+)", "x": 0, "value": one_sided(lambda x: mp.diff(mp.log, x, 2), lambda t: t, -1)})
cases.append({"what": "asin''(1-)", "x": 1, "value": one_sided(lambda x: mp.diff(mp.asin, x, 2), lambda t: 1 - t, 1)})

with open("Tests/Fixtures/edge_derivatives.json", "w") as f:
    json.dump({"digits": 50, "cases": cases}, f, indent=1)
    f.write("\n")
