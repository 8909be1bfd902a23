import Foundation
import Testing
@testable import NBLanguage
import NBLearning

/// Every learning builtin stops inside its library loop at the cell's timeout: each cell below
/// would run for minutes; with a 0.2 s timeout it must end with the timeout error well within
/// ten times that. Data is built in an earlier cell without a deadline, so only the learning call
/// runs against the clock. Serialized: the bound assumes the cells do not compete for the cores.
@Suite(.serialized) struct LearningBudgetTests {
    static let timeout = 0.2
    static let bound = 2.0

    /// Runs `setup` cells, then `cell` with the short timeout; its error message and duration.
    func stopsOnTime(_ setup: [String], _ cell: String) -> (message: String?, seconds: Double) {
        let session = Session(options: SessionOptions())
        for source in setup {
            let outcome = session.run(cell: source)
            if let error = outcome.error { return ("setup failed: \(error.message)", 0) }
        }
        let start = Date()
        let outcome = session.run(cell: cell, timeout: Self.timeout)
        return (outcome.error?.message, Date().timeIntervalSince(start))
    }

    func expectTimeout(_ setup: [String], _ cell: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (message, seconds) = stopsOnTime(setup, cell)
        #expect(message == "the cell ran past its timeout of 0.2 s", sourceLocation: sourceLocation)
        #expect(seconds < Self.bound, "\(cell) took \(seconds) s", sourceLocation: sourceLocation)
    }

    static let smallLasso = ["X = randn(20, 20, seed: 1)", "y = randn(20, seed: 2)"]
    static let digits = ["d = digits()"]

    @Test func lassoStopsAtTheTimeout() {
        expectTimeout(Self.smallLasso, "lasso(X, y, alpha: 1e-12, tol: 0, maxiter: 1000000)")
        expectTimeout(Self.smallLasso, "lasso(X, y, alpha: 1e-12, tol: 0, maxiter: 1000000, method: \"ista\", backtracking: true)")
    }

    @Test func lassoPathAndConvergenceStopAtTheTimeout() {
        expectTimeout(Self.smallLasso, "lassopath(X, y, count: 500, tol: 0)")
        expectTimeout(Self.smallLasso, "lassoconvergence(X, y, alpha: 1e-12, maxiter: 1000000)")
    }

    @Test func kmeansStopsAtTheTimeout() {
        expectTimeout(["X = randn(2000, 50, seed: 1)"], "kmeans(X, 500, starts: 100)")
    }

    @Test func pcaStopsAtTheTimeout() {
        expectTimeout(["X = randn(400, 400, seed: 1)"], "pca(X, 2)")
    }

    @Test func probesStopAtTheTimeout() {
        // Distances of 2000 × 2000 rows are computed before the first check; sorting them takes seconds.
        expectTimeout(["X = randn(2000, 5, seed: 1)", "y = argmax(randn(2000, 3, seed: 2), axis: 1)"], "knn(X, y, X, y, k: 5)")
        expectTimeout(Self.digits, "linearprobe(d.X, d.y, d.X, d.y, epochs: 10000)")
    }

    @Test func trainingStopsAtTheTimeout() {
        expectTimeout(Self.digits + ["m = mlp([64, 128, 10], seed: 0)"], "train(m, d.X, d.y, epochs: 100000)")
    }

    @Test func selfSupervisedRecipesStopAtTheTimeout() {
        expectTimeout(Self.digits, "autoencoder(d.X, [64, 32, 8], epochs: 10000)")
        expectTimeout(Self.digits, "contrastive(d.X, [64, 32, 16], epochs: 10000)")
    }

    @Test func semiSupervisedRecipesStopAtTheTimeout() {
        expectTimeout(Self.digits, "pseudolabel(d.X, d.y, 0..<40, rounds: 20, epochs: 5000)")
        expectTimeout(Self.digits, "pimodel(d.X, d.y, 0..<40, epochs: 5000)")
        expectTimeout(Self.digits, "vat(d.X, d.y, 0..<40, epochs: 5000)")
        expectTimeout(Self.digits, "labelprop(d.X, d.y, 0..<40, epochs: 5000)")
    }

    @Test func labelSpreadingStopsAtTheTimeout() {
        expectTimeout(["X = randn(3000, 200, seed: 1)", "y = argmax(randn(3000, 3, seed: 2), axis: 1)"],
                      "labelspreading(X, y, 0..<30, gamma: 0.001, maxiter: 1000000)")
    }

    @Test func aCancelledCellStopsInsideTheLibraryAndTheNextCellRuns() {
        let session = Session(options: SessionOptions())
        _ = session.run(cell: Self.smallLasso.joined(separator: "\n"))
        let cancellation = Cancellation()
        let start = Date()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: Self.timeout)
            cancellation.cancel()
        }
        let outcome = session.run(cell: "lasso(X, y, alpha: 1e-12, tol: 0, maxiter: 1000000)", cancellation: cancellation)
        #expect(outcome.error?.message == "the cell was cancelled")
        #expect(Date().timeIntervalSince(start) < Self.bound)
        #expect(session.run(cell: "1 + 1").transcript == "2")
    }

    @Test func iterationCountsAboveTheCapAreRefusedByName() {
        let setup = Self.smallLasso.joined(separator: "\n")
        let lasso = run(setup + "\nlasso(X, y, maxiter: 1e9)")[0].error
        #expect(lasso?.message == "lasso: maxiter: must be between 0 and 1000000, got 1000000000")
        #expect(errorMessage(setup + "\nlassoconvergence(X, y, maxiter: 2e6)")
                == "lassoconvergence: maxiter: must be between 0 and 1000000, got 2000000")
        #expect(errorMessage("d = digits()\nlabelspreading(d.X, d.y, 0..<40, maxiter: 1e12)")
                == "labelspreading: maxiter: must be between 0 and 1000000, got 1000000000000")
    }

    @Test func rangesObeyTheElementLimit() {
        let options = SessionOptions(elementLimit: 1_000)
        #expect(errorMessage("sum(0..<1e12)")
                == "sum: a tensor of shape (1000000000000,) is above the element limit of 10000000 elements")
        #expect(errorMessage("mean(0..<2000)", options: options)
                == "mean: a tensor of shape (2000,) is above the element limit of 1000 elements")
        #expect(errorMessage("t = zeros(3)\nt[0] = 0..<2000", options: options)
                == "a tensor of shape (2000,) is above the element limit of 1000 elements")
        #expect(errorMessage("linspace(0, 1, 1e10)")
                == "linspace: a tensor of shape (10000000000,) is above the element limit of 10000000 elements")
        #expect(errorMessage("zeros(1e6, 1e6)")
                == "zeros: a tensor of shape (1000000, 1000000) is above the element limit of 10000000 elements")
        // Within the limit, ranges still work as tensors.
        #expect(transcript("sum(0..<1000)", options: options) == "499500")
    }
}
