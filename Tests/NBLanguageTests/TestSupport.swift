@testable import NBLanguage

/// Runs cells in one fresh session and returns the outcomes.
func run(_ cells: String..., options: SessionOptions = SessionOptions()) -> [CellOutcome] {
    let session = Session(options: options)
    return cells.map { session.run(cell: $0) }
}

/// The transcript of a single cell run in a fresh session.
func transcript(_ cell: String, options: SessionOptions = SessionOptions()) -> String {
    run(cell, options: options)[0].transcript
}

/// The error message of a single cell, or nil when it succeeded.
func errorMessage(_ cell: String, options: SessionOptions = SessionOptions()) -> String? {
    run(cell, options: options)[0].error?.message
}

/// The syntax error `source` raises, or nil.
func parseError(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1)) -> LanguageError? {
    do {
        _ = try Parser.parse(source, origin: origin)
        return nil
    } catch {
        return error
    }
}

/// The single expression of a one-line cell, printed back with minimal parentheses.
func reprinted(_ source: String) throws -> String {
    let statements = try Parser.parse(source)
    guard statements.count == 1, case .expression(let expr) = statements[0].kind else { return "<not one expression>" }
    return expr.source
}
