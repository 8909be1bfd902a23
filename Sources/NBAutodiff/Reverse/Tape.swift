/// A Wengert list for reverse mode: one `TapeEntry` per node (no object per node).
///
/// Entry `i` records the local partial derivatives of node `i` with respect to at most two
/// parent nodes. Entry 0 is a sink: constants and missing parents point at it, so the backward
/// sweep runs without branches. A tape is created per differentiation call; the `Tracked` values
/// recorded on it name it by its slot in the `TapeRegistry` (no reference count per value), and
/// a value used after its tape ended stops the program instead of touching freed memory. There is
/// no global "current" tape.
///
/// The sweep's bounds do not rest on assertions: entries are written only through `Tracked`, whose
/// index always names an entry of its own tape (combining values of two tapes stops the program
/// with `fatalError`, which no optimisation level removes), so every parent index is below the
/// entry that names it.
public final class Tape<Scalar: DifferentiableScalar> {
    @usableFromInline let storage: UnsafeMutablePointer<TapeStorage<Scalar>>
    /// This tape's slot in the `TapeRegistry` and the slot's generation while the tape lives.
    @usableFromInline let slot: UnsafeMutablePointer<TapeRegistry.Slot>
    @usableFromInline let generation: UInt32

    /// An empty tape with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: TapeStorage(capacity: Swift.min(Swift.max(capacity, 16), TapeStorage<Scalar>.maximumCapacity)))
        (slot, generation) = TapeRegistry.claim(UnsafeMutableRawPointer(storage))
        _ = record(0, Scalar(0), 0, Scalar(0)) // the sink
    }

    deinit {
        TapeRegistry.release(slot)
        storage.pointee.entries.deinitialize(count: storage.pointee.count)
        storage.pointee.entries.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The number of recorded entries (the sink included).
    @inlinable public var entryCount: Int { storage.pointee.count }

    /// Records a node with partials `da` = ∂node/∂a and `db` = ∂node/∂b; returns its index.
    @inlinable
    func record(_ a: Int32, _ da: Scalar, _ b: Int32, _ db: Scalar) -> Int32 {
        TapeStorage.record(storage, a, da, b, db)
    }

    /// A new independent variable (a leaf) with the given value.
    @inlinable
    public func variable(_ value: Scalar) -> Tracked<Scalar> {
        Tracked(value: value, index: record(0, Scalar(0), 0, Scalar(0)), slot: slot, generation: generation)
    }

    /// One backward sweep from `output`: the adjoint ∂output/∂node of every entry, indexed by
    /// entry. `seed` is the adjoint of the output (1 for a gradient).
    @inlinable
    public func adjoints(of output: Tracked<Scalar>, seed: Scalar = Scalar(1)) -> [Scalar] {
        let count = storage.pointee.count
        var adjoint = [Scalar](repeating: Scalar(0), count: count)
        guard output.isRecorded(on: self), output.index > 0 else { return adjoint }
        let entries = storage.pointee.entries
        adjoint.withUnsafeMutableBufferPointer { buffer in
            guard let g = buffer.baseAddress else { return }
            var i = Int(output.index)
            g[i] = seed
            // `gi` is entry i's finished adjoint, carried in a register: entry i + 1 is the last to
            // add to it, usually through its first parent, so reading it back from memory would
            // put a store-to-load round trip on the sweep's dependency chain. The additions and
            // their order are the same as reading it from `g`.
            var gi = seed
            while i > 0 {
                let entry = entries[i]
                let a = Int(entry.parentA), b = Int(entry.parentB)
                let newA = g[a] + gi * entry.partialA
                g[a] = newA
                let newB = g[b] + gi * entry.partialB
                g[b] = newB
                i &-= 1
                if b == i {
                    gi = newB
                } else if a == i {
                    gi = newA
                } else {
                    gi = g[i]
                }
            }
        }
        return adjoint
    }

    /// The gradient of `output` with respect to `inputs` (one backward sweep).
    @inlinable
    public func gradient(of output: Tracked<Scalar>, withRespectTo inputs: [Tracked<Scalar>]) -> [Scalar] {
        let adjoint = adjoints(of: output)
        return inputs.map { $0.isRecorded(on: self) && $0.index > 0 ? adjoint[Int($0.index)] : Scalar(0) }
    }
}
