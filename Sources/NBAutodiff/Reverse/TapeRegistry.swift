import Synchronization

/// Where `Tracked` values find their tape: a fixed table of slots, each holding the storage of
/// one live tape and a generation number that changes whenever the slot's tape ends.
///
/// A value records `(slot, generation)` instead of a reference to its tape, so it costs no
/// reference counting (a strong reference tripled the forward pass), and a value kept after its
/// tape ended is caught: the slot's generation no longer matches, and the program stops with a
/// message instead of writing into freed memory. The table is allocated once and never freed, so
/// reading a slot is always safe; only the slot's own tape writes its storage pointer.
///
/// The table is process-wide state by necessity (it must outlive every tape): it is allocated
/// memory plus a lock-protected free list, and holds no value a computation depends on.
@usableFromInline
enum TapeRegistry {
    /// How many tapes may be alive at once (nested differentiation needs one per level).
    @usableFromInline static let capacity = 1 << 16

    /// One slot: the generation of its current (or last) tape, and that tape's storage.
    @usableFromInline
    struct Slot {
        @usableFromInline var generation: UInt32
        @usableFromInline var storage: UnsafeMutableRawPointer?
    }

    /// The slots (slot 0 is never handed out).
    @usableFromInline
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Slot> = {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(generation: 0, storage: nil), count: capacity)
        return slots
    }()

    /// Slots not in use.
    static let free = Mutex<[UInt32]>(Array((1..<UInt32(capacity)).reversed()))

    /// Takes a slot for a new tape's storage; returns the slot and its new generation.
    static func claim(_ storage: UnsafeMutableRawPointer) -> (slot: UnsafeMutablePointer<Slot>, generation: UInt32) {
        guard let index = free.withLock({ $0.popLast() }) else {
            fatalError("more than \(capacity - 1) reverse-mode tapes are alive at once")
        }
        let slot = slots + Int(index)
        slot.pointee.generation &+= 1
        slot.pointee.storage = storage
        return (slot, slot.pointee.generation)
    }

    /// Ends a tape: values still naming it no longer match the slot's generation.
    static func release(_ slot: UnsafeMutablePointer<Slot>) {
        slot.pointee.generation &+= 1
        slot.pointee.storage = nil
        let index = UInt32(slot - slots)
        free.withLock { $0.append(index) }
    }

    /// The storage of the tape a value was recorded on; stops the program if that tape has ended.
    /// `slot` points into the table, which is never freed, so reading it is always safe.
    @inlinable
    static func storage<Scalar>(_ slot: UnsafeMutablePointer<Slot>, _ generation: UInt32, as: Scalar.Type) -> UnsafeMutablePointer<TapeStorage<Scalar>> {
        guard slot.pointee.generation == generation, let storage = slot.pointee.storage else { endedTape() }
        return storage.assumingMemoryBound(to: TapeStorage<Scalar>.self)
    }

    @usableFromInline
    static func endedTape() -> Never {
        fatalError("a value recorded on a reverse-mode tape was used after its differentiation ended")
    }
}
