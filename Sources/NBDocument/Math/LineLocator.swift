/// Converts ascending byte offsets to 1-based line and byte column, in one forward pass.
struct LineLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `target` must not be smaller than the previous call's; otherwise it restarts from the top.
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset { self = LineLocator(bytes: bytes) }
        while offset < target && offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return (line, target - lineStart + 1)
    }
}
