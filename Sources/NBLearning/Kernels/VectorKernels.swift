import CNBKernels

/// The elementwise kernels written in C (`Sources/CNBKernels`) for three instruction sets, with
/// the widest one this CPU supports chosen once at run time. Every variant rounds exactly like the
/// Swift loops in `Kernels` (same operations, same order, no fused multiply–add), so results do not
/// depend on the CPU; the Swift loops remain for the operations and layouts not covered here.
enum VectorKernels {
    /// The instruction set in use: AVX-512 or AVX2 (with FMA) when CPUID and the OS allow it.
    static let isa: NBKernelISA = nb_kernels_isa()

    /// A name for reports (`nb-bench` prints it).
    static var isaName: String {
        switch isa {
        case NBKernelISAAVX512: "AVX-512"
        case NBKernelISAAVX2: "AVX2"
        default: "baseline x86-64"
        }
    }

    /// Runs `operation` on `n` contiguous elements in C when it is covered; false otherwise.
    @inline(__always)
    static func unary<S: TensorScalar>(
        _ operation: UnaryOperation, _ n: Int, _ x: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>
    ) -> Bool {
        switch operation {
        case .relu: return map(n, x, out, nb_relu_f32, nb_relu_f64)
        case .positiveIndicator: return map(n, x, out, nb_positive_indicator_f32, nb_positive_indicator_f64)
        default: return false
        }
    }

    /// `rhs > 0 ? lhs : 0` over `n` contiguous elements (relu's backward pass); false for other types.
    @inline(__always)
    static func gateByPositive<S: TensorScalar>(
        _ n: Int, _ g: UnsafePointer<S>, _ y: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>
    ) -> Bool {
        if S.self == Float.self {
            nb_gate_by_positive_f32(isa, n, rebound(g), rebound(y), rebound(out))
        } else if S.self == Double.self {
            nb_gate_by_positive_f64(isa, n, rebound(g), rebound(y), rebound(out))
        } else {
            return false
        }
        return true
    }

    @inline(__always)
    static func sgd<S: TensorScalar>(
        _ n: Int, _ p: UnsafeMutablePointer<S>, _ g: UnsafePointer<S>, _ v: UnsafeMutablePointer<S>?,
        learningRate lr: S, momentum mu: S, weightDecay wd: S
    ) -> Bool {
        if S.self == Float.self {
            nb_sgd_f32(isa, n, rebound(p), rebound(g), v.map(rebound), cast(lr), cast(mu), cast(wd))
        } else if S.self == Double.self {
            nb_sgd_f64(isa, n, rebound(p), rebound(g), v.map(rebound), cast(lr), cast(mu), cast(wd))
        } else {
            return false
        }
        return true
    }

    @inline(__always)
    static func adam<S: TensorScalar>(
        _ n: Int, _ p: UnsafeMutablePointer<S>, _ g: UnsafePointer<S>, _ m: UnsafeMutablePointer<S>,
        _ v: UnsafeMutablePointer<S>, _ h: AdamStep<S>, stepSize: S, secondScale: S
    ) -> Bool {
        if S.self == Float.self {
            nb_adam_f32(isa, n, rebound(p), rebound(g), rebound(m), rebound(v), cast(h.beta1), cast(h.beta2),
                        cast(h.weightDecay), cast(stepSize), cast(secondScale), cast(h.epsilon))
        } else if S.self == Double.self {
            nb_adam_f64(isa, n, rebound(p), rebound(g), rebound(m), rebound(v), cast(h.beta1), cast(h.beta2),
                        cast(h.weightDecay), cast(stepSize), cast(secondScale), cast(h.epsilon))
        } else {
            return false
        }
        return true
    }

    @inline(__always)
    private static func map<S: TensorScalar>(
        _ n: Int, _ x: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>,
        _ f32: (NBKernelISA, Int, UnsafePointer<Float>?, UnsafeMutablePointer<Float>?) -> Void,
        _ f64: (NBKernelISA, Int, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void
    ) -> Bool {
        if S.self == Float.self {
            f32(isa, n, rebound(x), rebound(out))
        } else if S.self == Double.self {
            f64(isa, n, rebound(x), rebound(out))
        } else {
            return false
        }
        return true
    }

    /// The same memory seen as `T`, once the caller has checked that `S` is `T`.
    @inline(__always)
    private static func rebound<S, T>(_ pointer: UnsafePointer<S>) -> UnsafePointer<T> {
        UnsafeRawPointer(pointer).assumingMemoryBound(to: T.self)
    }

    @inline(__always)
    private static func rebound<S, T>(_ pointer: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<T> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: T.self)
    }

    @inline(__always)
    private static func cast<S, T>(_ value: S) -> T { unsafeBitCast(value, to: T.self) }
}
