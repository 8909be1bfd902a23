import CNBBLAS
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

// The C library's functions, called from file scope: inside `extension Double` an unqualified
// `pow` would find swift-numerics' static `Double.pow` (visible through NBAutodiff), which is nan
// for every negative base, so `(-2)^2` would not be 4.
@inline(__always) private func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func libm_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func libm_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func libm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libm_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func libm_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func libm_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) private func libm_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

extension Double: TensorScalar {
    @inline(__always) public static func exponential(_ x: Double) -> Double { libm_exp(x) }
    @inline(__always) public static func logarithm(_ x: Double) -> Double { libm_log(x) }
    @inline(__always) public static func logarithmOnePlus(_ x: Double) -> Double { libm_log1p(x) }
    @inline(__always) public static func hyperbolicTangent(_ x: Double) -> Double { libm_tanh(x) }
    @inline(__always) public static func sine(_ x: Double) -> Double { libm_sin(x) }
    @inline(__always) public static func cosine(_ x: Double) -> Double { libm_cos(x) }
    @inline(__always) public static func tangent(_ x: Double) -> Double { libm_tan(x) }
    @inline(__always) public static func arcsine(_ x: Double) -> Double { libm_asin(x) }
    @inline(__always) public static func arccosine(_ x: Double) -> Double { libm_acos(x) }
    @inline(__always) public static func arctangent(_ x: Double) -> Double { libm_atan(x) }
    @inline(__always) public static func power(_ x: Double, _ y: Double) -> Double { libm_pow(x, y) }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        nb_dgemm(
            transposeA ? 1 : 0, transposeB ? 1 : 0,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    public static func unaryKernel(
        _ operation: UnaryOperation, _ input: UnsafeBufferPointer<Double>, _ output: UnsafeMutablePointer<Double>
    ) { Kernels.unary(operation, input, output) }

    public static func binaryKernel(
        _ operation: BinaryOperation, _ layout: BroadcastLayout,
        _ lhs: UnsafePointer<Double>, _ rhs: UnsafePointer<Double>, _ output: UnsafeMutablePointer<Double>
    ) { Kernels.binary(operation, layout, lhs, rhs, output) }

    public static func reductionKernel(
        _ operation: ReductionOperation, outer: Int, length: Int, inner: Int,
        _ input: UnsafePointer<Double>, _ output: UnsafeMutablePointer<Double>
    ) { Kernels.reduce(operation, outer: outer, length: length, inner: inner, input, output) }

    public static func argmaxKernel(
        outer: Int, length: Int, inner: Int, _ input: UnsafePointer<Double>, _ output: UnsafeMutablePointer<Int>
    ) { Kernels.argmax(outer: outer, length: length, inner: inner, input, output) }

    public static func sgdKernel(
        _ parameter: UnsafeMutableBufferPointer<Double>, _ gradient: UnsafeBufferPointer<Double>,
        _ velocity: UnsafeMutableBufferPointer<Double>?, learningRate: Double, momentum: Double, weightDecay: Double
    ) {
        Kernels.sgd(parameter, gradient, velocity, learningRate: learningRate, momentum: momentum,
                    weightDecay: weightDecay)
    }

    public static func adamKernel(
        _ parameter: UnsafeMutableBufferPointer<Double>, _ gradient: UnsafeBufferPointer<Double>,
        _ firstMoment: UnsafeMutableBufferPointer<Double>, _ secondMoment: UnsafeMutableBufferPointer<Double>,
        hyperparameters: AdamStep<Double>
    ) { Kernels.adam(parameter, gradient, firstMoment, secondMoment, hyperparameters) }
}
