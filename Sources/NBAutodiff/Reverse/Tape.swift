/// A Wengert list for reverse mode, stored as a structure of arrays (no object per node).
///
/// Entry `i` records the local partial derivatives of node `i` with respect to at most two
/// parent nodes. Entry 0 is a sink: constants and missing parents point at it, so the backward
/// sweep runs without branches. A tape is created per differentiation call and referenced by
/// the `Tracked` values recorded on it; there is no global tape.
public final class Tape<Scalar: DifferentiableScalar> {
    @usableFromInline var parentsA: UnsafeMutablePointer<Int32>
    @usableFromInline var parentsB: UnsafeMutablePointer<Int32>
    @usableFromInline var partialsA: UnsafeMutablePointer<Scalar>
    @usableFromInline var partialsB: UnsafeMutablePointer<Scalar>
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int

    /// An empty tape with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        let capacity = Swift.max(capacity, 16)
        self.capacity = capacity
        parentsA = .allocate(capacity: capacity)
        parentsB = .allocate(capacity: capacity)
        partialsA = .allocate(capacity: capacity)
        partialsB = .allocate(capacity: capacity)
        count = 0
        _ = record(0, Scalar(0), 0, Scalar(0)) // the sink
    }

    deinit {
        partialsA.deinitialize(count: count)
        partialsB.deinitialize(count: count)
        parentsA.deallocate()
        parentsB.deallocate()
        partialsA.deallocate()
        partialsB.deallocate()
    }

    /// The number of recorded entries (the sink included).
    @inlinable public var entryCount: Int { count }

    /// Records a node with partials `da` = ∂node/∂a and `db` = ∂node/∂b; returns its index.
    @inlinable
    public func record(_ a: Int32, _ da: Scalar, _ b: Int32, _ db: Scalar) -> Int32 {
        if count == capacity { grow() }
        let i = count
        parentsA[i] = a
        parentsB[i] = b
        (partialsA + i).initialize(to: da)
        (partialsB + i).initialize(to: db)
        count = i &+ 1
        return Int32(truncatingIfNeeded: i)
    }

    @usableFromInline
    func grow() {
        precondition(capacity < Int(Int32.max) / 2, "tape exceeds 2^30 entries")
        let newCapacity = capacity * 2
        let newParentsA = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let newParentsB = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let newPartialsA = UnsafeMutablePointer<Scalar>.allocate(capacity: newCapacity)
        let newPartialsB = UnsafeMutablePointer<Scalar>.allocate(capacity: newCapacity)
        newParentsA.update(from: parentsA, count: count)
        newParentsB.update(from: parentsB, count: count)
        newPartialsA.moveInitialize(from: partialsA, count: count)
        newPartialsB.moveInitialize(from: partialsB, count: count)
        parentsA.deallocate()
        parentsB.deallocate()
        partialsA.deallocate()
        partialsB.deallocate()
        parentsA = newParentsA
        parentsB = newParentsB
        partialsA = newPartialsA
        partialsB = newPartialsB
        capacity = newCapacity
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
        var adjoint = [Scalar](repeating: Scalar(0), count: count)
        guard output.isRecorded(on: self), output.index > 0 else { return adjoint }
        adjoint.withUnsafeMutableBufferPointer { buffer in
            guard let g = buffer.baseAddress else { return }
            g[Int(output.index)] = seed
            var i = Int(output.index)
            while i > 0 {
                let gi = g[i]
                let a = Int(parentsA[i])
                let b = Int(parentsB[i])
                g[a] = g[a] + gi * partialsA[i]
                g[b] = g[b] + gi * partialsB[i]
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
