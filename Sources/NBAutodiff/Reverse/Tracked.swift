/// A value recorded on a reverse-mode `Tape`.
///
/// A tracked value names its tape by a slot and generation in the `TapeRegistry` rather than by a
/// reference (a strong reference costs two atomic reference-count operations per node, which
/// tripled the forward pass in `nb-bench autodiff`). Using a value after its tape ended — kept
/// after `gradient(of:at:)` returned, or recorded on a `Tape` that was let go — stops the program
/// with a message: it never reads or writes freed memory. A value made by `init(_:)` is a constant
/// with no tape.
public struct Tracked<Scalar: DifferentiableScalar> {
    // Stored in this order so the two 4-byte fields share a word: 24 bytes for a Double, not 32.
    /// The primal value.
    public let value: Scalar
    /// The `TapeRegistry` slot of the tape this value is recorded on; nil for a constant.
    @usableFromInline let slot: UnsafeMutablePointer<TapeRegistry.Slot>?
    /// The tape entry; 0 for a constant.
    @usableFromInline let index: Int32
    /// The slot's generation when the value was recorded.
    @usableFromInline let generation: UInt32

    @inlinable
    init(value: Scalar, index: Int32, slot: UnsafeMutablePointer<TapeRegistry.Slot>?, generation: UInt32) {
        self.value = value
        self.slot = slot
        self.index = index
        self.generation = generation
    }

    /// A constant: recorded on no tape.
    @inlinable
    static func constant(_ value: Scalar) -> Tracked { Tracked(value: value, index: 0, slot: nil, generation: 0) }

    /// True when the value is a constant (not recorded on any tape).
    @inlinable
    public var isConstant: Bool { slot == nil }

    /// True when `tape` is the tape this value is recorded on.
    @inlinable
    public func isRecorded(on tape: Tape<Scalar>) -> Bool {
        slot == tape.slot && generation == tape.generation
    }

    /// The tape shared by two operands. Mixing values of two different tapes is a programming
    /// error (nested reverse mode nests the type instead: `Tracked<Tracked<Double>>`) and stops
    /// the program at any optimisation level, since the sweep's bounds rest on it.
    /// Returns the tape's storage, or nil when both are constants; a tape that has ended stops
    /// the program (`TapeRegistry.storage`).
    @inlinable
    static func sharedTape(_ lhs: Tracked, _ rhs: Tracked)
        -> (storage: UnsafeMutablePointer<TapeStorage<Scalar>>, slot: UnsafeMutablePointer<TapeRegistry.Slot>, generation: UInt32)? {
        guard let l = lhs.slot else {
            guard let r = rhs.slot else { return nil }
            return (TapeRegistry.storage(r, rhs.generation, as: Scalar.self), r, rhs.generation)
        }
        if let r = rhs.slot, r != l || rhs.generation != lhs.generation { combinedTapes() }
        return (TapeRegistry.storage(l, lhs.generation, as: Scalar.self), l, lhs.generation)
    }

    @usableFromInline
    static func combinedTapes() -> Never {
        fatalError("values from two different reverse-mode tapes were combined (or one outlived its tape)")
    }
}
