/// The TeX of a found span and where its bytes come from. A formula that continues over lines of a
/// block quote loses the quote markers (`> `) of its continuation lines, as libcmark would strip
/// them from a paragraph.
func texOfSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ item: InlineMathScan.Found) -> (String, TeXOrigin) {
    let content = UnsafeBufferPointer(rebasing: bytes[item.contentStart..<item.contentEnd])
    var origin = TeXOrigin(start: item.contentStart)
    guard content.contains(UInt8(ascii: "\n")) else {
        return (String(decoding: content, as: UTF8.self), origin)
    }
    // The start of the line the span opens on. Only spans over several lines look for it, and the
    // search stops at the newline inside the previous such span: linear over all spans.
    var lineStart = item.start
    while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    let quoteDepth = quoteMarkers(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<item.start]), limit: .max).depth
    guard quoteDepth > 0 else {
        return (String(decoding: content, as: UTF8.self), origin)
    }
    var stripped: [UInt8] = []
    stripped.reserveCapacity(content.count)
    var index = 0
    var removed = 0
    while index < content.count {
        let byte = content[index]
        stripped.append(byte)
        index += 1
        if byte == UInt8(ascii: "\n") {
            let markers = quoteMarkers(in: UnsafeBufferPointer(rebasing: content[index...]), limit: quoteDepth).length
            if markers > 0 {
                index += markers
                removed += markers
                origin.removals.append((stripped.count, removed))
            }
        }
    }
    return (String(decoding: stripped, as: UTF8.self), origin)
}

/// Leading block-quote markers (`>` with up to three spaces before and one after): how many, and
/// how many bytes they take.
private func quoteMarkers(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (depth: Int, length: Int) {
    var depth = 0
    var position = 0
    while depth < limit {
        var probe = position
        while probe < bytes.count && probe - position < 3 && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe < bytes.count && bytes[probe] == UInt8(ascii: ">") else { break }
        probe += 1
        if probe < bytes.count && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        position = probe
        depth += 1
    }
    return (depth, position)
}
