/// Frames of finished calls, emptied and kept for the next calls, so that a loop of calls
/// allocates no frame after its first iteration.
///
/// A stack of arrays in storage of its own: taking and giving back a frame moves one array
/// reference, with none of the uniqueness checks and reference counts of an array of arrays.
/// Used by one interpreter on one thread.
struct FramePool: ~Copyable {
    private var frames: UnsafeMutablePointer<[Value]>
    private var count = 0
    private var capacity = 16

    init() {
        frames = .allocate(capacity: capacity)
    }

    deinit {
        frames.deinitialize(count: count)
        frames.deallocate()
    }

    /// An empty frame (with the capacity of an earlier one, if any). Give it back with `giveBack`.
    @inline(__always)
    mutating func take() -> [Value] {
        if count == 0 { return [] }
        count -= 1
        return (frames + count).move()
    }

    /// Empties `frame`, keeping its storage for the next `take`.
    @inline(__always)
    mutating func giveBack(_ frame: inout [Value]) {
        // Element by element: a call's frame holds a few values, and `removeAll(keepingCapacity:)`
        // goes through the generic `replaceSubrange`, which costs more than the call itself.
        while !frame.isEmpty { frame.removeLast() }
        if count == capacity { grow() }
        (frames + count).initialize(to: frame)
        frame = []
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<[Value]>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: frames, count: count)
        frames.deallocate()
        frames = larger
        capacity *= 2
    }
}
