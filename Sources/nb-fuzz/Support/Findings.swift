import Foundation

/// Where a run keeps its files: the input being executed (left behind by a crash), the
/// findings, and the execution counter the supervisor reads.
struct FindingStore: Sendable {
    var folder: URL
    var target: String

    init(folder: String, target: String) {
        self.folder = URL(fileURLWithPath: folder)
        self.target = target
        try? FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
    }

    var currentInput: URL { folder.appendingPathComponent("current-\(target).bin") }
    var statistics: URL { folder.appendingPathComponent("\(target).stats") }

    /// Saves `input` as `KIND-TARGET-HASH.bin` (with `message` beside it in a `.txt`); returns its path.
    @discardableResult
    func save(_ input: [UInt8], kind: String, message: String) -> String {
        let file = folder.appendingPathComponent("\(kind)-\(target)-\(Self.hash(input)).bin")
        try? Data(input).write(to: file)
        try? Data((message + "\n").utf8).write(to: file.deletingPathExtension().appendingPathExtension("txt"))
        return file.path
    }

    func writeStatistics(executions: Int, findings: Int) {
        try? Data("\(executions) \(findings)\n".utf8).write(to: statistics)
    }

    func readStatistics() -> (executions: Int, findings: Int) {
        guard let text = try? String(contentsOf: statistics, encoding: .utf8) else { return (0, 0) }
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return fields.count == 2 ? (fields[0], fields[1]) : (0, 0)
    }

    /// FNV-1a, hex: a stable name for an input.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(h, radix: 16)
    }
}
