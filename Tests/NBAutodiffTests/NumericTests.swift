import NBAutodiff
import Testing

@Suite struct NumericTests {
    private let expAtOne: [Double] = [1]

    @Test func defaultStepsFollowTheTextbook() {
        #expect(DifferenceScheme.forward.defaultStep(at: 0) == Double.ulpOfOne.squareRoot())
        #expect(DifferenceScheme.forward.defaultStep(at: -4) == 4 * Double.ulpOfOne.squareRoot())
        #expect(Swift.abs(DifferenceScheme.central.defaultStep(at: 1) - 6.055454e-6) < 1e-11)
    }

    @Test func forwardDifferenceErrorIsSmallestNearSquareRootOfEpsilon() throws {
        let sweep = try hSweep(of: ParsedFunction("x", "exp(x)"), at: expAtOne, scheme: .forward)
        #expect(sweep.points.count == 65)
        #expect(sweep.points.first?.step == 1e-16 && sweep.points.last?.step == 1)
        let target = Double.ulpOfOne.squareRoot()
        #expect(sweep.bestStep >= target / 10 && sweep.bestStep <= target * 10, "best h \(sweep.bestStep)")
        #expect(sweep.bestError < 1e-7)
    }

    @Test func centralDifferenceErrorIsSmallestNearCubeRootOfEpsilon() throws {
        let sweep = try hSweep(of: ParsedFunction("x", "exp(x)"), at: expAtOne, scheme: .central)
        let target = Foundation.cbrt(Double.ulpOfOne)
        #expect(sweep.bestStep >= target / 10 && sweep.bestStep <= target * 10, "best h \(sweep.bestStep)")
        #expect(sweep.bestError < 1e-9)
        // Both sides of the V: truncation dominates at h = 1, rounding at h = 1e-16.
        #expect(sweep.points.last!.error > 0.1 && sweep.points.first!.error > 1e-3)
    }

    @Test func complexStepHasNoRoundingFloor() throws {
        let sweep = try hSweep(of: ParsedFunction("x", "exp(x)"), at: expAtOne, scheme: .complexStep)
        #expect(sweep.points.first!.error <= 1e-15)
        #expect(try numericGradient(of: ParsedFunction("x", "exp(x)"), at: [1], scheme: .complexStep)
                == [Foundation.exp(1.0)])
    }
}

import Foundation
