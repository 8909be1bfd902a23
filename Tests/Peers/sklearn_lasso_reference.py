#!/usr/bin/env python3
"""Lasso on scikit-learn's diabetes data: reference values for nb's proximal-gradient solvers.

Writes Tests/Fixtures/lasso_diabetes.json with
  - scikit-learn's `Lasso(alpha=0.1)` solution (coordinate descent, tol 1e-14): w, b and
    F* = F(w, b) where F(w, b) = (1/2n)||y - Xw - b||^2 + alpha ||w||_1 (intercept unpenalised);
  - L = largest eigenvalue of Xc^T Xc / n (numpy eigvalsh, X centred) for the step 1/L;
  - a numpy peer of exactly the ISTA/FISTA iterations nb implements, to count iterations until the
    duality gap falls to 1e-6 (absolute, in F's units), with and without backtracking, and the first
    objective values of each run;
  - scikit-learn's `lasso_path` on a 30-point log grid of alpha (alpha_max ... alpha_max / 1000).

The algorithms (nb's Sources/NBLearning/Proximal follows the same definitions):
  The intercept is eliminated: with column means xbar and ybar, b(w) = ybar - xbar.w, and
  F(w, b(w)) = f(w) + alpha ||w||_1 with f(w) = (1/2n)||yc - Xc w||^2 (Xc, yc centred).
  ISTA:  w_k = S_{alpha/L}(w_{k-1} - grad f(w_{k-1}) / L), w_0 = 0.
  FISTA: w_k = S_{alpha/L}(z_k - grad f(z_k) / L), t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2,
         z_{k+1} = w_k + (t_k - 1)/t_{k+1} (w_k - w_{k-1}), z_1 = w_0 = 0, t_1 = 1.
  FISTA with restart (O'Donoghue & Candes 2015, gradient scheme): when (z_k - w_k).(w_k - w_{k-1}) > 0,
         t_{k+1} = 1 and z_{k+1} = w_k instead.
  Backtracking (Beck & Teboulle 2009): L starts at trace(Xc^T Xc / n) / p (a lower bound of the
  largest eigenvalue); in each iteration L is doubled until
  f(p) <= f(z) + grad f(z).(p - z) + L/2 ||p - z||^2 for p = S_{alpha/L}(z - grad f(z)/L);
  for the quadratic f this is exactly ||Xc d||^2 / n <= L ||d||^2 with d = p - z, which is how it
  is evaluated (the textbook form cancels catastrophically near the optimum and doubles L forever).
  Duality gap: r = yc - Xc w, s = min(1, alpha / ||Xc^T r / n||_inf), theta = s r / n,
  D = (1/2n)||yc||^2 - (n/2)||theta - yc/n||^2, gap = F(w) - D >= F(w) - F*.

Run from the repository root:  python3 Tests/Peers/sklearn_lasso_reference.py
"""
import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, lasso_path

from sklearn_common import write_fixture

ALPHA = 0.1
GAP_TOLERANCE = 1e-6


def soft_threshold(v, t):
    return np.sign(v) * np.maximum(np.abs(v) - t, 0.0)


class Problem:
    def __init__(self, X, y, alpha):
        self.n, self.p = X.shape
        self.alpha = alpha
        self.xbar, self.ybar = X.mean(axis=0), y.mean()
        self.Xc, self.yc = X - self.xbar, y - self.ybar

    def smooth(self, w):
        r = self.yc - self.Xc @ w
        return 0.5 / self.n * (r @ r)

    def gradient(self, w):
        return -self.Xc.T @ (self.yc - self.Xc @ w) / self.n

    def objective(self, w):
        return self.smooth(w) + self.alpha * np.abs(w).sum()

    def gap(self, w):
        r = self.yc - self.Xc @ w
        correlation = np.abs(self.Xc.T @ r / self.n).max()
        s = min(1.0, self.alpha / correlation) if correlation > 0 else 1.0
        theta = s * r / self.n
        dual = 0.5 / self.n * (self.yc @ self.yc) - self.n / 2 * np.sum((theta - self.yc / self.n) ** 2)
        return self.objective(w) - dual


def run(problem, lipschitz, accelerated, backtracking, tolerance, max_iterations=100000, restart=False):
    p = problem.p
    w = np.zeros(p)
    z = w.copy()
    t = 1.0
    L = np.trace(problem.Xc.T @ problem.Xc / problem.n) / p if backtracking else lipschitz
    objectives = []
    for k in range(1, max_iterations + 1):
        g = problem.gradient(z)
        while True:
            candidate = soft_threshold(z - g / L, problem.alpha / L)
            if not backtracking:
                break
            d = candidate - z
            # f(p) <= f(z) + g.d + L/2 |d|^2, written without cancellation: for this quadratic f
            # it is exactly |Xc d|^2 / n <= L |d|^2.
            Xd = problem.Xc @ d
            if Xd @ Xd / problem.n <= L * (d @ d):
                break
            L *= 2
        if accelerated and restart and (z - candidate) @ (candidate - w) > 0:
            t = 1.0
            z = candidate
        elif accelerated:
            t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
            z = candidate + (t - 1) / t_next * (candidate - w)
            t = t_next
        else:
            z = candidate
        w = candidate
        objectives.append(problem.objective(w))
        if problem.gap(w) <= tolerance:
            return k, w, objectives, L
    raise RuntimeError("no convergence")


def main():
    X, y = load_diabetes(return_X_y=True)
    n, p = X.shape
    model = Lasso(alpha=ALPHA, tol=1e-14, max_iter=1_000_000).fit(X, y)
    w, b = model.coef_, float(model.intercept_)
    F = 0.5 / n * np.sum((y - X @ w - b) ** 2) + ALPHA * np.abs(w).sum()

    problem = Problem(X, y, ALPHA)
    lipschitz = float(np.linalg.eigvalsh(problem.Xc.T @ problem.Xc / n).max())
    runs = {}
    for name, accelerated, backtracking, restart in (("ista", False, False, False), ("fista", True, False, False),
                                                     ("ista_backtracking", False, True, False),
                                                     ("fista_backtracking", True, True, False),
                                                     ("fista_restart", True, False, True)):
        k, wk, objectives, L = run(problem, lipschitz, accelerated, backtracking, GAP_TOLERANCE, restart=restart)
        assert abs(objectives[-1] - F) < 1e-5
        runs[name] = {"iterations_to_gap": k, "final_lipschitz": float(L),
                      "objective_head": [float(v) for v in objectives[:20]]}
        print(f"{name}: {k} iterations to gap {GAP_TOLERANCE}")
    assert runs["fista"]["iterations_to_gap"] < runs["ista"]["iterations_to_gap"]

    Xc, yc = problem.Xc, problem.yc
    alpha_max = float(np.abs(Xc.T @ yc).max() / n)
    alphas = np.geomspace(alpha_max, alpha_max * 1e-3, num=30)
    path_alphas, path_coefs, _ = lasso_path(Xc, yc, alphas=alphas, tol=1e-13, max_iter=1_000_000)
    assert np.array_equal(path_alphas, alphas)

    write_fixture("lasso_diabetes.json", {
        "source": "scikit-learn " + sklearn.__version__ + ": Lasso(alpha=0.1, tol=1e-14, max_iter=1e6) "
                  "on load_diabetes(); lasso_path on the centred data; numpy ISTA/FISTA peer",
        "alpha": ALPHA,
        "samples": n,
        "features": p,
        "coefficients": [float(v) for v in w],
        "intercept": b,
        "objective": float(F),
        "sklearn_iterations": int(model.n_iter_),
        "sklearn_dual_gap": float(model.dual_gap_),
        "lipschitz": lipschitz,
        "gap_tolerance": GAP_TOLERANCE,
        "runs": runs,
        "path": {
            "alpha_max": alpha_max,
            "alphas": [float(a) for a in alphas],
            "coefficients": [[float(v) for v in column] for column in path_coefs.T],
        },
    })


if __name__ == "__main__":
    main()
