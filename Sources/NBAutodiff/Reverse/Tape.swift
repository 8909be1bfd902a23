/// A Wengert list for reverse mode: one `TapeEntry` per node (no object per node).
///
/// Entry `i` records the local partial derivatives of node `i` with respect to at most two
/// parent nodes. Entry 0 is a sink: constants and missing parents point at it, so the backward
/// sweep runs without branches. A tape is created per differentiation call and referenced,
/// unretained, by the `Tracked` values recorded on it: it must outlive them (the entry points
/// keep it alive for the whole call). There is no global tape.
///
/// The sweep's bounds do not rest on assertions: entries are written only through `Tracked`, whose
/// index always names an entry of its own tape (combining values of two tapes stops the program
/// with `fatalError`, which no optimisation level removes), so every parent index is below the
/// entry that names it.
public final class Tape<Scalar: DifferentiableScalar> {
    @usableFromInline let storage: UnsafeMutablePointer<TapeStorage<Scalar>>

    /// An empty tape with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: TapeStorage(capacity: Swift.min(Swift.max(capacity, 16), Self.maximumCapacity)))
        _ = record(0, Scalar(0), 0, Scalar(0)) // the sink
    }

    deinit {
        storage.pointee.entries.deinitialize(count: storage.pointee.count)
        storage.pointee.entries.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// Entry indices are `Int32`.
    @usableFromInline static var maximumCapacity: Int { 1 << 30 }

    /// The number of recorded entries (the sink included).
    @inlinable public var entryCount: Int { storage.pointee.count }

    /// Records a node with partials `da` = ∂node/∂a and `db` = ∂node/∂b; returns its index.
    /// `a` and `b` must be indices of this tape's entries: only `Tracked` calls this.
    @inlinable
    func record(_ a: Int32, _ da: Scalar, _ b: Int32, _ db: Scalar) -> Int32 {
        let i = storage.pointee.count
        if i == storage.pointee.capacity { grow() }
        (storage.pointee.entries + i).initialize(to: TapeEntry(parentA: a, partialA: da, parentB: b, partialB: db))
        storage.pointee.count = i &+ 1
        return Int32(truncatingIfNeeded: i)
    }

    @usableFromInline
    func grow() {
        let old = storage.pointee
        guard old.capacity < Self.maximumCapacity else { fatalError("a reverse-mode tape exceeds 2^30 entries") }
        let newCapacity = Swift.min(old.capacity * 2, Self.maximumCapacity)
        let entries = UnsafeMutablePointer<TapeEntry<Scalar>>.allocate(capacity: newCapacity)
        entries.moveInitialize(from: old.entries, count: old.count)
        old.entries.deallocate()
        storage.pointee.entries = entries
        storage.pointee.capacity = newCapacity
    }

    /// A new independent variable (a leaf) with the given value.
    @inlinable
    public func variable(_ value: Scalar) -> Tracked<Scalar> {
        Tracked(value: value, index: record(0, Scalar(0), 0, Scalar(0)), tape: Unmanaged.passUnretained(self))
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
            g[Int(output.index)] = seed
            var i = Int(output.index)
            while i > 0 {
                let gi = g[i]
                let entry = entries[i]
                let a = Int(entry.parentA), b = Int(entry.parentB)
                g[a] = g[a] + gi * entry.partialA
                g[b] = g[b] + gi * entry.partialB
                i &-= 1
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
