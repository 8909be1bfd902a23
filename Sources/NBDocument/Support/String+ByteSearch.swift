#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the UTF-8 of this string contains `byte` (one `memchr` over contiguous storage).
    public func utf8Contains(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.firstOffset(of: byte, from: 0) != nil }
    }

    /// Whether the UTF-8 of this string contains the bytes of `pattern`.
    public func utf8Contains(_ pattern: StaticString) -> Bool {
        withUTF8Bytes { bytes in
            bytes.firstOffset(of: UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount), from: 0) != nil
        }
    }

    /// Calls `body` with the string's UTF-8 bytes, without copying a native string.
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start` (`memchr`).
    public func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first occurrence of `pattern` at or after `start` (`memchr` for its first
    /// byte, then a comparison).
    public func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, let base = baseAddress, let patternBase = pattern.baseAddress else { return nil }
        var position = start
        while position + pattern.count <= count, let found = firstOffset(of: first, from: position) {
            guard found + pattern.count <= count else { return nil }
            if memcmp(base + found, patternBase, pattern.count) == 0 { return found }
            position = found + 1
        }
        return nil
    }
}
