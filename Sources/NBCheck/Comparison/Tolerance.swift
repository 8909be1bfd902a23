/// How close two numbers in a transcript must be: |actual − expected| ≤ atol + rtol·|expected|.
/// `nan` equals only `nan`; infinities equal only infinities of the same sign.
public struct Tolerance: Sendable, Equatable {
    public var rtol: Double
    public var atol: Double

    /// SPEC §6 defaults: rtol 1e-6, atol 1e-9.
    public static let `default` = Tolerance(rtol: 1e-6, atol: 1e-9)

    public init(rtol: Double, atol: Double) {
        self.rtol = rtol
        self.atol = atol
    }

    public func accepts(expected: Double, actual: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        if expected.isInfinite || actual.isInfinite { return expected == actual }
        return abs(actual - expected) <= atol + rtol * abs(expected)
    }
}
