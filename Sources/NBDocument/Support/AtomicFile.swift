import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader (or an interrupted build) never sees half of one: the bytes go to
/// a temporary file in the same folder, which is then renamed over the destination.
///
/// `durable` writes also `fsync` the temporary file before the rename, so that the new content
/// survives a power cut; that costs a device flush per file (milliseconds each on some disks, and
/// flushes from concurrent writers queue behind one another). Regenerable files (a site's pages,
/// cache records) are written with `durable: false`: the rename still makes them atomic, and a
/// file lost to a crash is simply rebuilt.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating missing parent folders.
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent, UUID()))
        do {
            if durable { try data.write(to: temporary) } else { try writeUnsynced(data, to: temporary) }
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// The temporary file a write of `name` goes through: `.NAME.UUID.tmp` next to it.
    static func temporaryName(for name: String, _ id: UUID) -> String { ".\(name).\(id.uuidString).tmp" }

    /// Removes the temporary files that writes of `url` left behind when the writing process was
    /// killed between creating and renaming them (`.NAME.UUID.tmp` in the same folder). Call it
    /// before writing `url` again; a write in flight in another process at that moment fails
    /// instead of leaving a file behind.
    public static func removeLeftovers(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let prefix = ".\(name).", suffix = ".tmp"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(suffix)
            && entry.utf8.count == prefix.utf8.count + 36 + suffix.utf8.count {
            let id = String(entry.dropFirst(prefix.count).dropLast(suffix.count))
            guard let uuid = UUID(uuidString: id), temporaryName(for: name, uuid) == entry else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL, durable: Bool = true) throws {
        // The string's own bytes, not a copy (a page can be tens of megabytes).
        try text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return try write(Data(), to: url, durable: durable) }
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
            try write(data, to: url, durable: durable)
        }
    }

    /// Writes only when the content differs from what is there (keeps mtimes of unchanged outputs).
    /// Returns whether the file was written.
    @discardableResult
    public static func writeIfChanged(_ data: Data, to url: URL, durable: Bool = true) throws -> Bool {
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try write(data, to: url, durable: durable)
        return true
    }

    /// Writes the strings `contents` hands to its argument, in order, as UTF-8 to `url` atomically,
    /// without joining them first (a page can be tens of megabytes): they go to the file through a
    /// small buffer as they come.
    public static func write(to url: URL, durable: Bool = true,
                             contents: (_ write: (String) throws -> Void) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent, UUID()))
        do {
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw failure(temporary) }
            defer { close(descriptor) }
            let capacity = 1 << 16
            var buffer: [UInt8] = []
            buffer.reserveCapacity(capacity)
            func flush() throws {
                try buffer.withUnsafeBytes { try writeAll($0, to: descriptor, temporary) }
                buffer.removeAll(keepingCapacity: true)
            }
            try contents { piece in
                var piece = piece
                try piece.withUTF8 { bytes in
                    if buffer.count + bytes.count > capacity { try flush() }
                    if bytes.count >= capacity {
                        try writeAll(UnsafeRawBufferPointer(bytes), to: descriptor, temporary)
                    } else {
                        buffer.append(contentsOf: bytes)
                    }
                }
            }
            try flush()
            if durable, fsync(descriptor) != 0 { throw failure(temporary) }
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Creates `url` (which must not exist) with `data`, without flushing it to the device.
    private static func writeUnsynced(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(url) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { try writeAll($0, to: descriptor, url) }
    }

    /// Writes all of `bytes` to the open file `url`.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, _ url: URL) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(url)
            }
            offset += count
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func failure(_ url: URL) -> CocoaError {
        let code = POSIXErrorCode(rawValue: errno) ?? .EIO
        let cocoa: CocoaError.Code = code == .ENOSPC ? .fileWriteOutOfSpace : code == .EACCES || code == .EPERM ? .fileWriteNoPermission
            : code == .EROFS ? .fileWriteVolumeReadOnly : .fileWriteUnknown
        return CocoaError(cocoa, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(code)])
    }
}
