import CNBBLAS
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Float: TensorScalar {
    @inline(__always) public static func exponential(_ x: Float) -> Float { expf(x) }
    @inline(__always) public static func logarithm(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func logarithmOnePlus(_ x: Float) -> Float { log1pf(x) }
    @inline(__always) public static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) public static func sine(_ x: Float) -> Float { sinf(x) }
    @inline(__always) public static func cosine(_ x: Float) -> Float { cosf(x) }
    @inline(__always) public static func tangent(_ x: Float) -> Float { tanf(x) }
    @inline(__always) public static func arcsine(_ x: Float) -> Float { asinf(x) }
    @inline(__always) public static func arccosine(_ x: Float) -> Float { acosf(x) }
    @inline(__always) public static func arctangent(_ x: Float) -> Float { atanf(x) }
    @inline(__always) public static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        nb_sgemm(
            transposeA ? 1 : 0, transposeB ? 1 : 0,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    public static func unaryKernel(
        _ operation: UnaryOperation, _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutablePointer<Float>
    ) { Kernels.unary(operation, input, output) }

    public static func binaryKernel(
        _ operation: BinaryOperation, _ layout: BroadcastLayout,
        _ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>
    ) { Kernels.binary(operation, layout, lhs, rhs, output) }

    public static func reductionKernel(
        _ operation: ReductionOperation, outer: Int, length: Int, inner: Int,
        _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>
    ) { Kernels.reduce(operation, outer: outer, length: length, inner: inner, input, output) }

    public static func argmaxKernel(
        outer: Int, length: Int, inner: Int, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Int>
    ) { Kernels.argmax(outer: outer, length: length, inner: inner, input, output) }

    public static func sgdKernel(
        _ parameter: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>,
        _ velocity: UnsafeMutableBufferPointer<Float>?, learningRate: Float, momentum: Float, weightDecay: Float
    ) {
        Kernels.sgd(parameter, gradient, velocity, learningRate: learningRate, momentum: momentum,
                    weightDecay: weightDecay)
    }

    public static func adamKernel(
        _ parameter: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>,
        _ firstMoment: UnsafeMutableBufferPointer<Float>, _ secondMoment: UnsafeMutableBufferPointer<Float>,
        hyperparameters: AdamStep<Float>
    ) { Kernels.adam(parameter, gradient, firstMoment, secondMoment, hyperparameters) }
}
