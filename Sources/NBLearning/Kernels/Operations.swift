import NBAutodiff

/// An elementwise function of one tensor: an elementary function of the scalar engine (the one
/// list, `ElementaryFunction`, shared with the cell language and every number type) or one of
/// the arithmetic helpers the kernels and gradients need.
public enum UnaryOperation: Sendable, Hashable {
    /// sin, exp, tanh, relu, … (`ElementaryFunction`), with the same values as on a `Double`.
    case elementary(ElementaryFunction)
    /// −x.
    case negate
    /// x².
    case square
    /// 1 / x.
    case reciprocal
    /// −1, 0 or 1 (nan stays nan).
    case sign
    /// 1 where x > 0, else 0 (the derivative of `relu`).
    case positiveIndicator
    /// x · c for a constant c.
    case scale(Double)
    /// x + c for a constant c.
    case shift(Double)
    /// x ^ c for a constant exponent c.
    case powerConstant(Double)

    public static var exp: Self { .elementary(.exp) }
    public static var log: Self { .elementary(.log) }
    public static var sqrt: Self { .elementary(.sqrt) }
    public static var abs: Self { .elementary(.abs) }
    public static var tanh: Self { .elementary(.tanh) }
    public static var sigmoid: Self { .elementary(.sigmoid) }
    public static var relu: Self { .elementary(.relu) }
    public static var softplus: Self { .elementary(.softplus) }
    public static var sin: Self { .elementary(.sin) }
    public static var cos: Self { .elementary(.cos) }
    public static var tan: Self { .elementary(.tan) }
    public static var asin: Self { .elementary(.asin) }
    public static var acos: Self { .elementary(.acos) }
    public static var atan: Self { .elementary(.atan) }
}

/// An elementwise function of two broadcast tensors.
public enum BinaryOperation: Sendable, Hashable {
    case add, subtract, multiply, divide, power
    /// The larger value; nan if either is nan.
    case maximum
    /// The smaller value; nan if either is nan.
    case minimum
    /// `rhs > 0 ? lhs : 0` — passes a gradient through where an activation was positive.
    case gateByPositive
    /// 1 where lhs == rhs, else 0.
    case equal
    /// 1 where lhs > rhs, else 0.
    case greater
    /// f′(lhs) where rhs = f(lhs): the derivative rule of the scalar engine
    /// (`ElementaryFunction.derivative(at:value:)`), so tensors and numbers differentiate the
    /// elementary functions by the one rule.
    case derivative(ElementaryFunction)
}

/// A reduction over one axis.
public enum ReductionOperation: Sendable, Hashable {
    case sum
    /// The largest value; nan if any is nan.
    case max
    /// The smallest value; nan if any is nan.
    case min
}

/// How two operands map onto a broadcast result: the result shape and, per operand, the stride
/// (in elements) of each result axis — zero along an axis the operand is broadcast over.
/// Adjacent axes that are contiguous in both operands are merged, so the innermost loop is as
/// long as possible.
public struct BroadcastLayout: Sendable, Equatable {
    public let shape: [Int]
    public let lhsStrides: [Int]
    public let rhsStrides: [Int]
    public let count: Int
}
