import NBDocument

/// What inline code in prose (`{nb} expr`, `{nb} assert expr`, `\nb{expr}`) may be and the text
/// its value shows as.
///
/// A sentence shows text: a number as the transcript writes it (or as `fmt` formats it), a string
/// without quotes, a boolean, a dual number or formula, a tensor or list of at most
/// `maximumElements` entries as a list. Anything else (a function, a table, a plot, nothing) is an
/// error that names what to write instead.
public enum InlineText {
    /// The longest tensor or list a sentence shows.
    public static let maximumElements = 10

    /// The one statement inline code runs (an expression, its display suppressed, or an `assert`).
    static func statement(_ statements: [Statement], origin: TextLocation) throws(LanguageError) -> Statement {
        guard let first = statements.first else {
            throw LanguageError(.syntax, "empty inline code", at: origin,
                                hint: "write an expression after `{nb}`, for example `{nb} mean(losses)`")
        }
        guard statements.count == 1 else {
            throw LanguageError(.syntax, "inline code is one expression, not several statements", at: statements[1].location,
                                hint: "compute the value in a cell and show its name here")
        }
        switch first.kind {
        case .expression(let expr):
            return Statement(.expression(expr), at: first.location, suppressed: true)
        case .assert:
            return first
        case .assign, .assignIndex, .define, .forIn, .ifElse:
            throw LanguageError(.syntax, "inline code shows a value or checks a claim; it cannot bind names or loop",
                                at: first.location, hint: "define names in a cell above and show them here")
        }
    }

    /// The outcome of inline code that ran without an error.
    static func outcome(statement: Statement, value: Value?, items: [DisplayItem], checks: [CheckRecord],
                        filesRead: [String], lines: CellLines) -> CellOutcome {
        guard case .expression = statement.kind else {
            return CellOutcome(checks: checks, filesRead: filesRead)
        }
        do throws(LanguageError) {
            guard items.isEmpty else {
                throw LanguageError(.runtime, "inline code cannot print, plot or show a table", at: statement.location,
                                    hint: "show output from a cell; inline code shows one value")
            }
            let text = try self.text(of: value ?? .nothing, at: statement.location)
            return CellOutcome(items: [.value(text)], checks: checks, filesRead: filesRead)
        } catch {
            return CellOutcome(error: lines.cellError(error, statement: statement.location), checks: checks, filesRead: filesRead)
        }
    }

    /// The text a sentence shows for `value`.
    public static func text(of value: Value, at location: TextLocation) throws(LanguageError) -> String {
        switch value {
        case .string(let text): return text
        case .number, .bool, .dual, .symbolic, .range: return value.text
        case .tensor(let tensor):
            guard tensor.count <= maximumElements else { throw tooLong(tensor.count, at: location) }
            return value.text
        case .list(let items):
            guard items.count <= maximumElements else { throw tooLong(items.count, at: location) }
            guard items.allSatisfy({ if case .list = $0 { false } else if case .tensor = $0 { false } else { true } }) else {
                throw LanguageError(.runtime, "a nested list is not shown in a sentence", at: location,
                                    hint: "show it from a cell, or pick its entries here")
            }
            return "[" + (try items.map { (item) throws(LanguageError) in try text(of: item, at: location) }).joined(separator: ", ") + "]"
        case .nothing:
            throw LanguageError(.runtime, "the inline expression has no value", at: location)
        case .function, .builtin:
            throw LanguageError(.runtime, "a function is not shown in a sentence", at: location,
                                hint: "call it: `{nb} f(2)`")
        case .record, .display, .traced, .condition:
            throw LanguageError(.runtime, "a \(value.typeName) is not shown in a sentence", at: location,
                                hint: "show it from a cell, or pick one of its numbers here")
        }
    }

    private static func tooLong(_ count: Int, at location: TextLocation) -> LanguageError {
        LanguageError(.runtime, "\(count) entries are too many for a sentence (at most \(maximumElements))", at: location,
                      hint: "reduce it (`mean`, `max`, `sum`) or index it")
    }
}
