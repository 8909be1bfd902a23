/// The proximal-gradient scheme: plain (ISTA) or with Nesterov momentum (FISTA).
public enum ProximalMethod: String, Sendable, CaseIterable {
    /// Iterative shrinkage-thresholding: w ← S_{α/L}(w − ∇f(w)/L). F − F* = O(1/k).
    case ista
    /// Fast ISTA (Beck & Teboulle 2009): the same step from an extrapolated point. F − F* = O(1/k²).
    case fista
}

/// How a proximal-gradient solver runs.
public struct ProximalGradientOptions: Sendable, Equatable {
    /// ISTA or FISTA.
    public var method: ProximalMethod
    /// Whether to find the step by backtracking instead of using 1/L with L = λ_max(X_cᵀX_c/n).
    ///
    /// Backtracking starts from L₀ = trace(X_cᵀX_c/n)/p (a lower bound of λ_max) and doubles L in an
    /// iteration until f(p) ≤ f(z) + ∇f(z)ᵀ(p − z) + (L/2)‖p − z‖²; L never decreases.
    public var backtracking: Bool
    /// Stop once the duality gap is at most this (absolute, in the objective's units).
    public var tolerance: Double
    /// Stop after this many iterations even if the gap is larger.
    public var maxIterations: Int

    public init(method: ProximalMethod = .fista, backtracking: Bool = false, tolerance: Double = 1e-6,
                maxIterations: Int = 10_000) {
        self.method = method
        self.backtracking = backtracking
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }
}

/// The result of a proximal-gradient run on a Lasso problem.
public struct LassoFit: Sendable, Equatable {
    /// The coefficients w.
    public let coefficients: [Double]
    /// The intercept b(w) = ȳ − x̄ᵀw.
    public let intercept: Double
    /// F(w, b) after each iteration (entry k − 1 is after iteration k).
    public let objectiveHistory: [Double]
    /// The duality gap after each iteration.
    public let gapHistory: [Double]
    /// The number of iterations run.
    public let iterations: Int
    /// Whether the gap reached the tolerance.
    public let converged: Bool
    /// The L whose 1/L was the last step (fixed, or where backtracking ended).
    public let lipschitz: Double

    /// The final objective value F(w, b).
    public var objective: Double { objectiveHistory.last ?? .nan }
    /// The final duality gap.
    public var gap: Double { gapHistory.last ?? .nan }

    /// The first iteration after which the gap was at most `tolerance`, or `nil`.
    public func iterations(toGap tolerance: Double) -> Int? {
        gapHistory.firstIndex { $0 <= tolerance }.map { $0 + 1 }
    }
}

extension LassoProblem {
    /// Minimises F(w, b) by proximal gradient descent from `start` (default w = 0).
    ///
    /// ISTA: w_k = S_{α/L}(w_{k−1} − ∇f(w_{k−1})/L). FISTA: w_k = S_{α/L}(z_k − ∇f(z_k)/L),
    /// t_{k+1} = (1 + √(1 + 4t_k²))/2, z_{k+1} = w_k + ((t_k − 1)/t_{k+1})(w_k − w_{k−1}), z_1 = w_0,
    /// t_1 = 1. S is `Proximal.softThreshold`. Records F and the duality gap after every iteration.
    public func solve(_ options: ProximalGradientOptions = ProximalGradientOptions(),
                      start: [Double]? = nil) throws(LassoError) -> LassoFit {
        guard options.maxIterations >= 0 else { throw .invalidOption("maxIterations must be ≥ 0") }
        guard options.tolerance >= 0 else { throw .invalidOption("tolerance must be ≥ 0") }
        let initial = start ?? [Double](repeating: 0, count: featureCount)
        guard initial.count == featureCount, initial.allSatisfy(\.isFinite) else {
            throw .invalidOption("the start must have \(featureCount) finite coefficients")
        }
        var lipschitz = options.backtracking ? initialBacktrackingConstant() : lipschitzConstant()
        var current = initial
        var extrapolated = initial
        var momentum = 1.0
        var objectives: [Double] = []
        var gaps: [Double] = []
        var converged = false
        if !(lipschitz > 0) {
            // X_c = 0: f is constant, w = 0 minimises F and one "step" gets there.
            current = [Double](repeating: 0, count: featureCount)
            objectives.append(objective(coefficients: current))
            gaps.append(dualityGap(coefficients: current))
            return LassoFit(coefficients: current, intercept: intercept(for: current), objectiveHistory: objectives,
                            gapHistory: gaps, iterations: 1, converged: true, lipschitz: 0)
        }
        objectives.reserveCapacity(min(options.maxIterations, 100_000))
        gaps.reserveCapacity(min(options.maxIterations, 100_000))
        for _ in 0..<options.maxIterations {
            let gradient = smoothGradient(extrapolated)
            var candidate: [Double]
            while true {
                candidate = proximalStep(from: extrapolated, gradient: gradient, lipschitz: lipschitz)
                guard options.backtracking else { break }
                let direction = candidate.indices.map { candidate[$0] - extrapolated[$0] }
                // For this quadratic f the sufficient-decrease test is exactly ‖X_c d‖²/n ≤ L‖d‖²;
                // written so, it does not cancel catastrophically near the optimum.
                if curvature(along: direction) <= lipschitz * Vector.dot(direction, direction) { break }
                lipschitz *= 2
            }
            switch options.method {
            case .ista:
                extrapolated = candidate
            case .fista:
                let nextMomentum = (1 + (1 + 4 * momentum * momentum).squareRoot()) / 2
                let weight = (momentum - 1) / nextMomentum
                extrapolated = candidate.indices.map { candidate[$0] + weight * (candidate[$0] - current[$0]) }
                momentum = nextMomentum
            }
            current = candidate
            let (value, gap) = evaluate(current)
            objectives.append(value)
            gaps.append(gap)
            if gap <= options.tolerance {
                converged = true
                break
            }
        }
        return LassoFit(coefficients: current, intercept: intercept(for: current), objectiveHistory: objectives,
                        gapHistory: gaps, iterations: objectives.count, converged: converged, lipschitz: lipschitz)
    }

    /// S_{α/L}(z − g/L).
    private func proximalStep(from point: [Double], gradient: [Double], lipschitz: Double) -> [Double] {
        point.indices.map {
            Proximal.softThreshold(point[$0] - gradient[$0] / lipschitz, threshold: alpha / lipschitz)
        }
    }

    /// trace(X_cᵀX_c/n)/p, the mean eigenvalue: never above λ_max.
    func initialBacktrackingConstant() -> Double {
        let squares = centred.values.reduce(0) { $0 + $1 * $1 }
        return squares / Double(sampleCount) / Double(featureCount)
    }
}
