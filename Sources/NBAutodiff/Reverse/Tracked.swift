/// A value recorded on a reverse-mode `Tape`.
///
/// A tracked value refers to its tape without owning it (`unowned(unsafe)`, no reference
/// counting in the hot path): it is valid only while the tape lives. The entry points
/// (`gradient(of:at:)` …) keep their tape alive for the whole call, so values must not be
/// kept after the function body returns. A value made by `init(_:)` is a constant with no tape.
public struct Tracked<Scalar: DifferentiableScalar> {
    /// The primal value.
    public let value: Scalar
    /// The tape entry; 0 for a constant.
    @usableFromInline let index: Int32
    @usableFromInline unowned(unsafe) let tape: Tape<Scalar>?

    @inlinable
    init(value: Scalar, index: Int32, tape: Tape<Scalar>?) {
        self.value = value
        self.index = index
        self.tape = tape
    }

    /// True when the value is a constant (not recorded on any tape).
    public var isConstant: Bool { tape == nil }

    /// The tape shared by two operands; mixing values of two different tapes is a programming
    /// error (nested reverse mode nests the type instead: `Tracked<Tracked<Double>>`).
    @inlinable
    static func sharedTape(_ lhs: Tracked, _ rhs: Tracked) -> Tape<Scalar>? {
        guard let l = lhs.tape else { return rhs.tape }
        if let r = rhs.tape { precondition(l === r, "values from two different tapes were combined") }
        return l
    }
}
