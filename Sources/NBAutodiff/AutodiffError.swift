/// Errors raised by the differentiation entry points (a function's own errors are rethrown).
public enum AutodiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The point has a different number of coordinates than the function has parameters.
    case argumentCount(expected: Int, got: Int)
    /// A direction vector of the wrong length.
    case directionCount(expected: Int, got: Int)
    /// `derivative(f, "y")` names no parameter of `f`.
    case unknownParameter(String, parameters: [String])
    /// A function without parameters has no derivative.
    case noParameters
    /// A step size that is not a positive finite number.
    case invalidStep(Double)
    /// A piecewise function was evaluated on numbers without a plain value (symbolic ones
    /// inside another interpretation), so its conditions cannot be decided.
    case undecidableCondition

    /// A one-line message for `error: MESSAGE (line L)`.
    public var description: String {
        switch self {
        case let .argumentCount(expected, got):
            return "expected \(expected) argument\(expected == 1 ? "" : "s"), got \(got)"
        case let .directionCount(expected, got):
            return "direction has \(got) component\(got == 1 ? "" : "s"), expected \(expected)"
        case let .unknownParameter(name, parameters):
            return "no parameter named '\(name)' (parameters: \(parameters.joined(separator: ", ")))"
        case .noParameters:
            return "the function has no parameters to differentiate with respect to"
        case let .invalidStep(h):
            return "step h must be a positive finite number, got \(NumberFormatting.text(h))"
        case .undecidableCondition:
            return "a piecewise function cannot choose its branch for a value that has no plain number (a symbolic one)"
        }
    }
}
