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
}
