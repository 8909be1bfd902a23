import Foundation
import Testing

/// Golden outputs, kept as Swift string literals in `GoldenFixtures.swift` (a fixture file of
/// another type would need a resource rule in Package.swift). With `NB_UPDATE_GOLDEN=1` the
/// literal is rewritten from the actual output instead of compared; check the result by eye.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("GoldenFixtures.swift")

    static func check(_ actual: String, expected: String, name: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["NB_UPDATE_GOLDEN"] == "1" {
            var source = try String(contentsOf: fixtures, encoding: .utf8)
            let open = "    static let \(name) = ##\"\"\"\n", close = "\"\"\"##\n"
            guard let start = source.range(of: open), let end = source.range(of: close, range: start.upperBound..<source.endIndex)
            else { Issue.record("no fixture \(name) in GoldenFixtures.swift"); return }
            source.replaceSubrange(start.upperBound..<end.lowerBound, with: actual + "\n")
            try source.write(to: fixtures, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == expected, "differs from GoldenFixtures.\(name); rerun with NB_UPDATE_GOLDEN=1 if intended",
                sourceLocation: sourceLocation)
    }
}
