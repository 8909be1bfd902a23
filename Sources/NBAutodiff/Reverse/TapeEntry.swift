/// One recorded node of a `Tape`: its two parents and the local partial derivatives with
/// respect to them. A node with one parent (or none) points its missing parents at the sink,
/// entry 0, with a zero partial.
@usableFromInline
struct TapeEntry<Scalar> {
    @usableFromInline var parentA: Int32
    @usableFromInline var parentB: Int32
    @usableFromInline var partialA: Scalar
    @usableFromInline var partialB: Scalar

    @inlinable
    init(parentA: Int32, partialA: Scalar, parentB: Int32, partialB: Scalar) {
        self.parentA = parentA
        self.parentB = parentB
        self.partialA = partialA
        self.partialB = partialB
    }
}
