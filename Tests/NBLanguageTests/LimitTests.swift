import Foundation
import Testing
@testable import NBLanguage

@Suite struct LimitTests {
    @Test func timeoutStopsALoopAndTheNextCellRuns() {
        let session = Session(options: SessionOptions(timeout: 0.3))
        let start = Date()
        let stuck = session.run(cell: "s = 0\nfor i in 1...1e12 { s = s + 1 }")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(stuck.error?.message == "the cell ran past its timeout of 0.3 s")
        #expect(stuck.error?.location.line == 2)
        #expect(session.run(cell: "1 + 1").transcript == "2")
        // A per-cell timeout overrides the session's.
        let short = session.run(cell: "for i in 1...1e12 { }", timeout: 0.05)
        #expect(short.error?.message == "the cell ran past its timeout of 0.05 s")
    }

    @Test func timeoutStopsRunawayDifferentiation() {
        // Recursion bounded by a counter would be too deep; the tick in calls still sees the clock.
        let outcome = run("f(x) = x + 1\nfor i in 1...1e12 { grad(f, 1) }", options: SessionOptions(timeout: 0.3))[0]
        #expect(outcome.error?.message.contains("timeout") == true)
    }

    @Test func elementLimitRefusesBeforeAllocating() {
        let options = SessionOptions(elementLimit: 1_000)
        let outcomes = run("zeros(100, 100)", "randn(1e9, 1e9)", "ones(10, 10) + zeros(10, 1)", "onehot(1...100, 100)",
                           "[1...10] + transpose([1...200])", "x = 1", options: options)
        #expect(outcomes[0].error?.message == "zeros: a tensor of shape (100, 100) is above the element limit of 1000 elements")
        #expect(outcomes[1].error?.message.contains("above the element limit") == true)
        #expect(outcomes[2].error == nil)
        #expect(outcomes[3].error?.message.contains("above the element limit") == true)
        #expect(outcomes[4].error?.message.contains("above the element limit") == true)
        #expect(outcomes[5].error == nil)
        #expect(errorMessage("zeros(1e10, 1e10, 1e10)")?.contains("above the element limit") == true)
    }

    @Test func recursionDepthIsBoundedInEveryInterpretation() {
        let outcomes = run("f(x) = f(x) + 1\nf(1)", "g(x) = g(x) * x\ngrad(g, 1)", "derivative(g)", "1")
        for outcome in outcomes.prefix(3) {
            #expect(outcome.error?.message.hasPrefix("recursion deeper than 1000 calls") == true, "\(outcome.transcript)")
            #expect(outcome.error?.hint == "a function that calls itself needs a base case")
        }
        #expect(outcomes[3].transcript == "1")
        // Legitimate depth below the limit works.
        #expect(transcript("f(x) = x\ng1(x) = f(x) + 1\ng2(x) = g1(x) + 1\ng2(1)") == "3")
    }

    @Test func hundredThousandNestedParenthesesAreAClearErrorAndTheNextCellRuns() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let outcomes = run(deep, "1 + 1")
        #expect(outcomes[0].error?.message.contains("too deeply nested") == true)
        #expect(outcomes[1].transcript == "2")
    }

    @Test func divisionByZeroFollowsIEEE() {
        #expect(transcript("1/0\n-1/0\n0/0\nlog(0)\nsqrt(-1)\n[1, -1, 0] / 0") == "inf\n-inf\nnan\n-inf\nnan\n[inf, -inf, nan]")
    }
}

@Suite struct FileAccessTests {
    /// A notebook folder with data, a sub-folder, a secret outside it and symlinks pointing out.
    static func makeFolders() throws -> (root: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nb-language-\(UUID().uuidString)")
        let root = base.appendingPathComponent("notebook")
        let outside = base.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "x,y\n1,2\n3,4\n".write(to: root.appendingPathComponent("data/points.csv"), atomically: true, encoding: .utf8)
        try "5\n6\n7\n".write(to: root.appendingPathComponent("column.csv"), atomically: true, encoding: .utf8)
        try "1,2\n".write(to: outside.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape.csv"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape-dir"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("inside.csv"),
                                                   withDestinationURL: root.appendingPathComponent("column.csv"))
        return (root, outside)
    }

    @Test func loadReadsNumbersInsideTheNotebookFolder() throws {
        let (root, _) = try Self.makeFolders()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let session = Session(options: SessionOptions(rootDirectory: root.path))
        let outcome = session.run(cell: "load(\"data/points.csv\")\nload(\"./column.csv\")\nload(\"inside.csv\")")
        #expect(outcome.error == nil)
        #expect(outcome.transcript == "[[1, 2], [3, 4]]\n[5, 6, 7]\n[5, 6, 7]")
        #expect(outcome.filesRead == ["data/points.csv", "column.csv", "inside.csv"])
    }

    @Test(arguments: ["../secret/secret.csv", "data/../../secret/secret.csv", "/etc/passwd", "~/x.csv",
                      "escape.csv", "escape-dir/secret.csv", "data/..", ""])
    func pathEscapesAreRefused(path: String) throws {
        let (root, _) = try Self.makeFolders()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let session = Session(options: SessionOptions(rootDirectory: root.path))
        let outcome = session.run(cell: "load(\"\(path)\")")
        let message = try #require(outcome.error?.message)
        #expect(message.hasPrefix("load: "))
        #expect(!message.contains("1, 2"))
        #expect(outcome.filesRead.isEmpty)
        #expect(session.run(cell: "1").transcript == "1")
    }

    @Test func withoutAFolderNothingCanBeRead() {
        #expect(errorMessage("load(\"x.csv\")") == "load: this session has no notebook folder, so no file can be read")
    }

    @Test func missingAndMalformedFilesAreClearErrors() throws {
        let (root, _) = try Self.makeFolders()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try "1,2\n3\n".write(to: root.appendingPathComponent("ragged.csv"), atomically: true, encoding: .utf8)
        let options = SessionOptions(rootDirectory: root.path)
        #expect(errorMessage("load(\"nope.csv\")", options: options) == "load: no file 'nope.csv' in the notebook's folder")
        #expect(errorMessage("load(\"ragged.csv\")", options: options) == "load: ragged.csv:2:1: expected 2 fields, found 1")
        #expect(errorMessage("load(\"data\")", options: options) == "load: 'data' is not a file")
    }
}

@Suite struct RunawayValueTests {
    @Test func deepBodiesTimesDeepRecursionStopCleanly() {
        // A body of height ~1000 recursing: the stack guard stops it before the stack runs out.
        let body = Array(repeating: "x", count: 900).joined(separator: " + ")
        let outcome = run("f(x) = \(body) + f(x)\nf(1)", "2")
        #expect(outcome[0].error?.message.hasPrefix("recursion deeper than") == true)
        #expect(outcome[1].transcript == "2")
    }

    @Test func doublingStringsAndListsStayBounded() {
        let strings = run("s = \"ab\"\nfor i in 1...80 { s = s + s }", options: SessionOptions(elementLimit: 1_000_000))[0]
        #expect(strings.error?.message == "a string longer than 1000000 bytes")
        let lists = run("l = [\"a\"]\nfor i in 1...200 { l = [l, l] }\nl")[0]
        #expect(lists.error == nil)
        #expect(lists.transcript.utf8.count < 200_000)
        #expect(lists.transcript.hasSuffix("]"))
    }
}

@Suite struct LongTensorWorkTests {
    @Test func aHugeMatrixProductStopsAtTheTimeout() {
        let start = Date()
        // The products run on BLAS in blocks checked between groups: 6 × 54 GFLOP, over a second
        // even at the 300 GFLOP/s two AVX-512 cores reach, so the cell always overruns.
        let outcome = run("a = ones(3000, 3000)\nb = a @ a\nc = b @ a\nd = c @ a\ne = d @ a\nf = e @ a\ng = f @ a", "1",
                          options: SessionOptions(timeout: 0.5))
        #expect(outcome[0].error?.message == "the cell ran past its timeout of 0.5 s")
        #expect(outcome[1].transcript == "1")
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
