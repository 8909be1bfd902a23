import Foundation
import NBHash

/// The framing of every file in `.nb-cache/`: a magic line naming the format, a line with the
/// SHA-256 of what follows, then the payload. Any change to the payload (a flipped bit, a
/// same-length edit, a cut) shows as a checksum mismatch, so a damaged cache file is recomputed
/// instead of going into the site.
public enum ChecksummedFile {
    /// What reading a cache file found.
    public enum Contents: Equatable {
        /// No file, or a file of another format (an older cache): nothing stored.
        case missing
        /// The file has this format's magic line but its checksum does not match: damaged.
        case damaged
        /// The payload, checked.
        case intact(Data)
    }

    private static let prefix = Data("sha256:".utf8)

    /// `magic` (one line, without its line ending), the checksum line, then `payload`.
    public static func seal(_ payload: Data, magic: String) -> Data {
        var out = Data("\(magic)\n".utf8)
        out.append(prefix)
        out.append(Data(SHA256.hex(payload).utf8))
        out.append(UInt8(ascii: "\n"))
        out.append(payload)
        return out
    }

    /// The payload of a sealed file, checked against its checksum.
    public static func open(_ data: Data?, magic: String) -> Contents {
        guard let data else { return .missing }
        let header = Data("\(magic)\n".utf8)
        guard data.starts(with: header) else { return .missing }
        let hashStart = data.startIndex + header.count + prefix.count
        let payloadStart = hashStart + 65
        guard data.count >= header.count + prefix.count + 65,
              data[(data.startIndex + header.count)..<hashStart] == prefix,
              data[payloadStart - 1] == UInt8(ascii: "\n") else { return .damaged }
        let payload = data[payloadStart...]
        return Data(SHA256.hex(payload).utf8) == data[hashStart..<(payloadStart - 1)] ? .intact(Data(payload)) : .damaged
    }

    /// Reads and checks the file at `url`.
    public static func read(_ url: URL, magic: String) -> Contents {
        open(try? Data(contentsOf: url), magic: magic)
    }
}
