extension Budget {
    /// Throws once the deadline has passed (or the computation was cancelled), as a tensor error.
    public func checkDeadline() throws(TensorError) {
        do { try checkTime() } catch { throw TensorError.stopped(error) }
    }

    /// Throws when a tensor of `shape` would exceed the element limit (or the shape is invalid).
    public func check(_ shape: [Int]) throws(TensorError) {
        if shape.contains(where: { $0 < 0 }) { throw TensorError.negativeDimension(shape: shape) }
        do { try checkElements(shape) } catch { throw TensorError.tooManyElements(shape: shape, limit: maximumElements) }
    }
}
