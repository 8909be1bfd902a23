/// A value recorded on a reverse-mode `Tape`.
///
/// A tracked value refers to its tape without owning it (an unretained reference: a strong one
/// costs two atomic reference-count operations per node, which tripled the forward pass in
/// `nb-bench autodiff`), so it is valid only while its tape lives. The entry points
/// (`gradient(of:at:)` …) create the tape and keep it alive for the whole call; values must not
/// be kept after the function body returns. A value made by `init(_:)` is a constant with no tape.
public struct Tracked<Scalar: DifferentiableScalar> {
    /// The primal value.
    public let value: Scalar
    /// The tape entry; 0 for a constant.
    @usableFromInline let index: Int32
    /// The tape this value is recorded on (unretained); nil for a constant.
    @usableFromInline let tape: Unmanaged<Tape<Scalar>>?

    @inlinable
    init(value: Scalar, index: Int32, tape: Unmanaged<Tape<Scalar>>?) {
        self.value = value
        self.index = index
        self.tape = tape
    }

    /// True when the value is a constant (not recorded on any tape).
    @inlinable
    public var isConstant: Bool { tape == nil }

    /// True when `tape` is the tape this value is recorded on.
    @inlinable
    public func isRecorded(on tape: Tape<Scalar>) -> Bool {
        self.tape?.toOpaque() == Unmanaged.passUnretained(tape).toOpaque()
    }

    /// The tape shared by two operands. Mixing values of two different tapes is a programming
    /// error (nested reverse mode nests the type instead: `Tracked<Tracked<Double>>`) and stops
    /// the program at any optimisation level, since the sweep's bounds rest on it.
    @inlinable
    static func sharedTape(_ lhs: Tracked, _ rhs: Tracked) -> Unmanaged<Tape<Scalar>>? {
        guard let l = lhs.tape else { return rhs.tape }
        if let r = rhs.tape, r.toOpaque() != l.toOpaque() { combinedTapes() }
        return l
    }

    @usableFromInline
    static func combinedTapes() -> Never {
        fatalError("values from two different reverse-mode tapes were combined")
    }
}
