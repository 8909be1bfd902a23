/// A value recorded on a reverse-mode `Tape`.
///
/// A tracked value refers to its tape without owning it (an unretained reference, so the hot
/// path does no reference counting): it is valid only while the tape lives. The entry points
/// (`gradient(of:at:)` …) keep their tape alive for the whole call, so values must not be
/// kept after the function body returns. A value made by `init(_:)` is a constant with no tape.
public struct Tracked<Scalar: DifferentiableScalar> {
    /// The primal value.
    public let value: Scalar
    /// The tape entry; 0 for a constant.
    @usableFromInline let index: Int32
    @usableFromInline let tapeReference: Unmanaged<Tape<Scalar>>?

    @inlinable
    init(value: Scalar, index: Int32, tape: Unmanaged<Tape<Scalar>>?) {
        self.value = value
        self.index = index
        self.tapeReference = tape
    }

    /// The tape this value is recorded on; nil for a constant.
    @inlinable
    var tape: Tape<Scalar>? { tapeReference?.takeUnretainedValue() }

    /// True when the value is a constant (not recorded on any tape).
    @inlinable
    public var isConstant: Bool { tapeReference == nil }

    /// True when `tape` is the tape this value is recorded on.
    @inlinable
    public func isRecorded(on tape: Tape<Scalar>) -> Bool {
        tapeReference?.toOpaque() == Unmanaged.passUnretained(tape).toOpaque()
    }

    /// The tape shared by two operands; mixing values of two different tapes is a programming
    /// error (nested reverse mode nests the type instead: `Tracked<Tracked<Double>>`).
    @inlinable
    static func sharedTape(_ lhs: Tracked, _ rhs: Tracked) -> Unmanaged<Tape<Scalar>>? {
        guard let l = lhs.tapeReference else { return rhs.tapeReference }
        if let r = rhs.tapeReference {
            precondition(l.toOpaque() == r.toOpaque(), "values from two different tapes were combined")
        }
        return l
    }
}
