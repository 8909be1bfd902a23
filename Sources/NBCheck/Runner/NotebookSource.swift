import Foundation
import NBDocument

/// A notebook file's bytes and its parsed document, read once for `nb test` and `--mutants`.
struct NotebookSource {
    /// Why a notebook could not be read or parsed: a `file: error: …` line (exit 2 territory).
    struct InputError: Error {
        var diagnostic: Diagnostic
        var file: String
        var message: String { diagnostic.formatted(file: file) }
    }

    var bytes: [UInt8]
    var document: Document

    static func load(_ file: String) throws(InputError) -> NotebookSource {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(diagnostic: Diagnostic(.error, "cannot read the file (does it exist?)", at: TextLocation(line: 0, column: 0)),
                             file: file)
        }
        let bytes = Array(data)
        do {
            return NotebookSource(bytes: bytes, document: try DocumentParser.parse(bytes: bytes))
        } catch {
            throw InputError(diagnostic: error.diagnostic, file: file)
        }
    }
}
