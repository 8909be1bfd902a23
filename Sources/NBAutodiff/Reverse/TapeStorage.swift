/// The entries of a `Tape` and how many are in use, kept behind one pointer that the tape owns.
///
/// The tape's mutable state lives here rather than in stored `var`s of the class, so recording a
/// node is a plain store: no dynamic exclusivity check, which a class property would need.
@usableFromInline
struct TapeStorage<Scalar> {
    @usableFromInline var entries: UnsafeMutablePointer<TapeEntry<Scalar>>
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int

    @inlinable
    init(capacity: Int) {
        entries = .allocate(capacity: capacity)
        count = 0
        self.capacity = capacity
    }

    /// Entry indices are `Int32`.
    @usableFromInline static var maximumCapacity: Int { 1 << 30 }

    /// Records a node with partials `da` = ∂node/∂a and `db` = ∂node/∂b; returns its index.
    /// `a` and `b` must be indices of this storage's entries: only `Tape` and `Tracked` call this.
    @inlinable
    static func record(_ storage: UnsafeMutablePointer<TapeStorage>, _ a: Int32, _ da: Scalar, _ b: Int32, _ db: Scalar) -> Int32 {
        let i = storage.pointee.count
        if i == storage.pointee.capacity { grow(storage) }
        (storage.pointee.entries + i).initialize(to: TapeEntry(parentA: a, partialA: da, parentB: b, partialB: db))
        storage.pointee.count = i &+ 1
        return Int32(truncatingIfNeeded: i)
    }

    @usableFromInline
    static func grow(_ storage: UnsafeMutablePointer<TapeStorage>) {
        let old = storage.pointee
        guard old.capacity < maximumCapacity else { fatalError("a reverse-mode tape exceeds 2^30 entries") }
        let newCapacity = Swift.min(old.capacity * 2, maximumCapacity)
        let entries = UnsafeMutablePointer<TapeEntry<Scalar>>.allocate(capacity: newCapacity)
        entries.moveInitialize(from: old.entries, count: old.count)
        old.entries.deallocate()
        storage.pointee.entries = entries
        storage.pointee.capacity = newCapacity
    }
}
