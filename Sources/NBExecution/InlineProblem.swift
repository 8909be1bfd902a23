import Foundation
import NBDocument
import NBLanguage

/// Why inline code fails (an error, or a check that does not hold), worded for `nb test`, `nb run`
/// and the site's diagnostics: where, what, and the sentence it stands in.
public struct InlineProblem: Sendable, Equatable {
    public var line: Int
    public var column: Int
    /// One line: what failed.
    public var message: String
    /// The sentence around the code, and the hint when there is one.
    public var detail: String

    /// The problem of `code`'s outcome, or nil when it passed.
    public init?(_ code: InlineCode, _ outcome: CellOutcome) {
        var detail = "in: \(code.sentence)"
        if let failed = outcome.checks.first(where: { !$0.passed }) {
            line = failed.location.line
            column = failed.location.column
            message = "inline check \(code.written) does not hold"
        } else if let error = outcome.error {
            line = error.location.line
            column = error.location.column
            message = "inline code \(code.written) failed: \(error.message)"
            if let hint = error.hint { detail += "\nhint: \(hint)" }
        } else {
            return nil
        }
        self.detail = detail
    }

    /// `message (in: sentence)` on one line, for diagnostics.
    public var oneLine: String { message + " — " + detail.replacingOccurrences(of: "\n", with: "; ") }
}
