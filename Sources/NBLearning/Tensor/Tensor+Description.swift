extension Tensor: CustomStringConvertible {
    /// Nested lists, e.g. `[[1.0, 2.0], [3.0, 4.0]]`, using each scalar's own description (the
    /// cell language formats numbers for display itself).
    public var description: String {
        if rank == 0 { return scalars[0].description }
        var text = ""
        describe(axis: 0, offset: 0, into: &text)
        return text
    }

    private func describe(axis: Int, offset: Int, into text: inout String) {
        text += "["
        let stride = shape[(axis + 1)...].reduce(1, *)
        for i in 0..<shape[axis] {
            if i > 0 { text += ", " }
            if axis == rank - 1 {
                text += scalars[offset + i].description
            } else {
                describe(axis: axis + 1, offset: offset + i * stride, into: &text)
            }
        }
        text += "]"
    }
}
