#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Lasso solutions along a decreasing grid of penalty weights (the regularisation path).
public struct LassoPath: Sendable, Equatable {
    /// The penalty weights, largest first.
    public let alphas: [Double]
    /// The fits, one per α.
    public let fits: [LassoFit]

    /// The coefficients per α (row k belongs to `alphas[k]`).
    public var coefficients: [[Double]] { fits.map(\.coefficients) }
    /// The intercepts per α.
    public var intercepts: [Double] { fits.map(\.intercept) }
    /// The number of iterations each α needed (small after the first, thanks to warm starts).
    public var iterations: [Int] { fits.map(\.iterations) }

    /// `count` weights evenly spaced in log scale from `largest` down to `largest · ratio`
    /// (scikit-learn's default grid uses ratio 1e-3); the end points are exact.
    public static func logGrid(largest: Double, ratio: Double = 1e-3, count: Int = 100) -> [Double] {
        guard count > 1 else { return count == 1 ? [largest] : [] }
        let logLargest = log(largest)
        let step = log(ratio) / Double(count - 1)
        var grid = (0..<count).map { exp(logLargest + Double($0) * step) }
        grid[0] = largest
        grid[count - 1] = largest * ratio
        return grid
    }
}

extension LassoProblem {
    /// Solves the Lasso for each α in `alphas` (sorted largest first), each run warm-started
    /// from the previous solution. Default grid: `LassoPath.logGrid(largest: alphaMax)`. Every
    /// solve checks `budget`.
    public func path(alphas: [Double]? = nil, options: ProximalGradientOptions = ProximalGradientOptions(),
                     budget: Budget = .unlimited) throws(LassoError) -> LassoPath {
        let grid = (alphas ?? LassoPath.logGrid(largest: alphaMax)).sorted(by: >)
        var fits: [LassoFit] = []
        fits.reserveCapacity(grid.count)
        var start = [Double](repeating: 0, count: featureCount)
        for alpha in grid {
            let fit = try withAlpha(alpha).solve(options, start: start, budget: budget)
            fits.append(fit)
            start = fit.coefficients
        }
        return LassoPath(alphas: grid, fits: fits)
    }
}
