/// A floating-point element type a `Tensor` can hold: `Float` or `Double`.
///
/// The protocol is the one place where generic tensor code meets concrete machine code. Shape
/// bookkeeping is written once, generically; every loop over the elements is a *kernel* requirement
/// below. Each conformance forwards its kernels to the same generic implementation in
/// `Sources/NBLearning/Kernels`, so the compiler emits one specialised, auto-vectorised copy per
/// element type while the source exists once. Callers in other modules therefore get specialised
/// loops even though they only see the generic `Tensor<Scalar>` API.
public protocol TensorScalar: BinaryFloatingPoint, Sendable, CustomStringConvertible
where RawSignificand: FixedWidthInteger {
    // MARK: libm

    /// e^x.
    static func exponential(_ x: Self) -> Self
    /// The natural logarithm.
    static func logarithm(_ x: Self) -> Self
    /// log(1 + x), accurate near zero.
    static func logarithmOnePlus(_ x: Self) -> Self
    /// tanh x.
    static func hyperbolicTangent(_ x: Self) -> Self
    static func sine(_ x: Self) -> Self
    static func cosine(_ x: Self) -> Self
    static func tangent(_ x: Self) -> Self
    static func arcsine(_ x: Self) -> Self
    static func arccosine(_ x: Self) -> Self
    static func arctangent(_ x: Self) -> Self
    /// x^y (IEEE `pow`).
    static func power(_ x: Self, _ y: Self) -> Self

    // MARK: kernels

    /// `c ← alpha · op(a) · op(b) + beta · c`, row-major, through OpenBLAS.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// `output[i] = op(input[i])` for every element.
    static func unaryKernel(
        _ operation: UnaryOperation, _ input: UnsafeBufferPointer<Self>,
        _ output: UnsafeMutablePointer<Self>)
    /// `output = op(lhs, rhs)` over a broadcast layout.
    static func binaryKernel(
        _ operation: BinaryOperation, _ layout: BroadcastLayout,
        _ lhs: UnsafePointer<Self>, _ rhs: UnsafePointer<Self>, _ output: UnsafeMutablePointer<Self>)
    /// Reduces the middle axis of an `[outer, length, inner]` view into `[outer, inner]`.
    static func reductionKernel(
        _ operation: ReductionOperation, outer: Int, length: Int, inner: Int,
        _ input: UnsafePointer<Self>, _ output: UnsafeMutablePointer<Self>)
    /// The index of the largest element along the middle axis of an `[outer, length, inner]` view
    /// (the first nan wins, as NumPy's `argmax`; ties take the first).
    static func argmaxKernel(
        outer: Int, length: Int, inner: Int, _ input: UnsafePointer<Self>, _ output: UnsafeMutablePointer<Int>)
    /// One SGD step in place: `v ← μ·v + g + λ·p; p ← p − η·v` (no velocity when μ = 0).
    static func sgdKernel(
        _ parameter: UnsafeMutableBufferPointer<Self>, _ gradient: UnsafeBufferPointer<Self>,
        _ velocity: UnsafeMutableBufferPointer<Self>?, learningRate: Self, momentum: Self,
        weightDecay: Self)
    /// One Adam step in place (bias-corrected, L2 weight decay added to the gradient).
    static func adamKernel(
        _ parameter: UnsafeMutableBufferPointer<Self>, _ gradient: UnsafeBufferPointer<Self>,
        _ firstMoment: UnsafeMutableBufferPointer<Self>, _ secondMoment: UnsafeMutableBufferPointer<Self>,
        hyperparameters: AdamStep<Self>)
}

/// The bias-corrected constants of one Adam step.
public struct AdamStep<Scalar: TensorScalar>: Sendable {
    public var learningRate: Scalar
    public var beta1: Scalar
    public var beta2: Scalar
    public var epsilon: Scalar
    public var weightDecay: Scalar
    /// 1 − β₁ᵗ.
    public var firstCorrection: Scalar
    /// 1 − β₂ᵗ.
    public var secondCorrection: Scalar
}
