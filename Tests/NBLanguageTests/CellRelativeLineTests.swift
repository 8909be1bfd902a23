import NBDocument
import Testing
@testable import NBLanguage

/// An error transcript quotes its line counted from the cell's first line (1), so editing prose
/// above a cell — or `nb test --accept` adding an output block there — never changes it.
@Suite struct CellRelativeLineTests {
    @Test func aRuntimeErrorQuotesItsLineWithinTheCell() {
        let outcome = Session().run(cell: "x = 1\ny = nothing_here\n", origin: TextLocation(line: 40, column: 1))
        #expect(outcome.error?.location.line == 41)   // the file position stays absolute
        #expect(outcome.transcript == "error: undefined name 'nothing_here' (line 2)")
    }

    @Test func theSameCellFurtherDownTheFileHasTheSameTranscript() {
        let source = "a = 2\nb = [1, 2] @ [[1, 2, 3]]\n"
        let near = Session().run(cell: source, origin: TextLocation(line: 3, column: 1))
        let far = Session().run(cell: source, origin: TextLocation(line: 300, column: 1))
        #expect(near.transcript == far.transcript)
        #expect(far.transcript.hasSuffix("(line 2)"))
    }

    @Test func aParseErrorAndTheOpenerItNamesCountFromTheCell() {
        let outcome = Session().run(cell: "x = 1\ny = f(1,\n  2\nz = 3\n", origin: TextLocation(line: 20, column: 1))
        let transcript = outcome.transcript
        #expect(transcript.contains("opened at line 2, column"), "\(transcript)")
        #expect(!transcript.contains("line 21"), "\(transcript)")
    }

    @Test func anErrorInAFunctionFromAnEarlierCellQuotesTheCallingStatement() {
        let session = Session()
        _ = session.run(cell: "g(x) = x + missing_name\n", origin: TextLocation(line: 5, column: 1))
        let outcome = session.run(cell: "a = 1\nb = 2\nc = g(a)\n", origin: TextLocation(line: 30, column: 1))
        #expect(outcome.error?.location.line == 5)
        #expect(outcome.transcript == "error: undefined name 'missing_name' (line 3)")
    }
}
