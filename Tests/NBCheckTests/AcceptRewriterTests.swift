import Testing
@testable import NBCheck

struct AcceptRewriterTests {
    private func apply(_ text: String, _ edits: [OutputEdit]) -> String {
        String(decoding: AcceptRewriter.apply(edits, to: Array(text.utf8)), as: UTF8.self)
    }

    private func range(of needle: String, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8), n = Array(needle.utf8)
        for i in 0...(bytes.count - n.count) where Array(bytes[i..<(i + n.count)]) == n {
            return i..<(i + n.count)
        }
        Issue.record("needle not found")
        return 0..<0
    }

    @Test func replacesOnlyTheBody() {
        let text = "# 标题  \n```nb\nf(2)\n```\n```output\nold\n```\ntail\t \n"
        let body = range(of: "old\n", in: text)
        let out = apply(text, [OutputEdit(placement: .replaceBody(body), transcript: "12")])
        #expect(out == "# 标题  \n```nb\nf(2)\n```\n```output\n12\n```\ntail\t \n")
    }

    @Test func keepsCRLF() {
        let text = "```nb\r\nf(2)\r\n```\r\n```output\r\nold\r\n```\r\n"
        let body = range(of: "old\r\n", in: text)
        let out = apply(text, [OutputEdit(placement: .replaceBody(body), transcript: "1\n2")])
        #expect(out == "```nb\r\nf(2)\r\n```\r\n```output\r\n1\r\n2\r\n```\r\n")
    }

    @Test func insertsAfterACellAtTheEndOfAFileWithoutNewline() {
        let text = "```nb\nf(2)\n```"
        let out = apply(text, [OutputEdit(placement: .insertBlock(at: text.utf8.count), transcript: "12")])
        #expect(out == "```nb\nf(2)\n```\n```output\n12\n```\n")
    }

    @Test func editsInAnyOrder() {
        let text = "A\n```output\nx\n```\nB\n```output\ny\n```\n"
        let first = range(of: "x\n", in: text), second = range(of: "y\n", in: text)
        let out = apply(text, [OutputEdit(placement: .replaceBody(second), transcript: "2"),
                               OutputEdit(placement: .replaceBody(first), transcript: "1")])
        #expect(out == "A\n```output\n1\n```\nB\n```output\n2\n```\n")
    }

    @Test func fenceOutgrowsBackticksInTheTranscript() {
        let out = apply("```nb\ns\n```\n", [OutputEdit(placement: .insertBlock(at: 12), transcript: "````\nx")])
        #expect(out == "```nb\ns\n```\n`````output\n````\nx\n`````\n")
    }

    @Test func emptyTranscriptEmptiesTheBody() {
        let text = "```output\nold\n```\n"
        let out = apply(text, [OutputEdit(placement: .replaceBody(range(of: "old\n", in: text)), transcript: "")])
        #expect(out == "```output\n```\n")
    }
}

struct JUnitReportTests {
    @Test func escapesAndCounts() {
        let results = [
            CellTestResult(file: "a.md", line: 3, cellID: "cell-1", status: .passed),
            CellTestResult(file: "a.md", line: 9, cellID: "<x>", status: .failed(message: "output differs", detail: "- 1\n+ 2 & \u{1}")),
            CellTestResult(file: "b.md", line: 1, cellID: "cell-1", status: .skipped(reason: "filtered")),
        ]
        let xml = JUnitReport.xml(results)
        #expect(xml.contains("<testsuites name=\"nb test\" tests=\"3\" failures=\"1\" skipped=\"1\">"))
        #expect(xml.contains("name=\"&lt;x&gt; (line 9)\""))
        #expect(xml.contains("- 1\n+ 2 &amp; \u{FFFD}</failure>"))
        #expect(TestSummary(results).line == "1 passed, 1 failed, 1 skipped")
    }
}

struct AcceptInsertionTests {
    @Test func insertionAtTheEndOfAFenceLineSkipsItsLineEnding() {
        let text = "```nb\r\nf(2)\r\n```\r\nprose\r\n"
        let fenceEnd = 17 // just before the CRLF after the closing fence
        let out = String(decoding: AcceptRewriter.apply([OutputEdit(placement: .insertBlock(at: fenceEnd), transcript: "12")],
                                                        to: Array(text.utf8)), as: UTF8.self)
        #expect(out == "```nb\r\nf(2)\r\n```\r\n```output\r\n12\r\n```\r\nprose\r\n")
    }
}
