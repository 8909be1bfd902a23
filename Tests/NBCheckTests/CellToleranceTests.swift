import Foundation
import NBDocument
import Testing
@testable import NBCheck

/// A cell's `rtol=`/`atol=` options replace the document's tolerances for that cell's output block.
struct CellToleranceTests {
    private func failures(_ text: String) throws -> Int {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-rtol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.md")
        try Data(text.utf8).write(to: file)
        return TestSummary(NotebookTest(file: file.path).run().results).failed
    }

    @Test func aCellToleranceAcceptsWhatTheDefaultRefuses() throws {
        let block = "\n0.8178\n```\n\n```output\n0.8189\n```\n"
        #expect(try failures("```nb" + block) == 1)
        #expect(try failures("```nb rtol=0.005" + block) == 0)
        #expect(try failures("```nb rtol=0.0001" + block) == 1)
        #expect(try failures("```nb atol=0.002" + block) == 0)
    }

    @Test func badTolerancesWarnAndAreIgnored() {
        let (options, diagnostics) = CellOptions.parse(info: "nb rtol=abc atol=-1", at: TextLocation(line: 1, column: 1))
        #expect(options.rtol == nil && options.atol == nil)
        #expect(diagnostics.count == 2)
        #expect(CellOptions.parse(info: "nb rtol=1e-3", at: TextLocation(line: 1, column: 1)).options.rtol == 1e-3)
    }
}
