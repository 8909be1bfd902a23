/// A request for a synthetic data set that cannot be honoured, e.g. a negative sample count.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do, in words.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The largest sample count a synthetic generator accepts.
    public static let maximumSamples = 10_000_000

    static func checkSamples(_ samples: Int, atLeast minimum: Int = 1) throws(DatasetError) {
        guard samples >= minimum else { throw DatasetError("samples must be at least \(minimum), got \(samples)") }
        guard samples <= maximumSamples else {
            throw DatasetError("samples must be at most \(maximumSamples), got \(samples)")
        }
    }

    static func checkSpread(_ value: Double, named name: String) throws(DatasetError) {
        guard value.isFinite, value >= 0 else { throw DatasetError("\(name) must be a finite number ≥ 0, got \(value)") }
    }
}
