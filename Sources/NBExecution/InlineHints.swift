import NBDocument
import NBLanguage

/// Better advice for inline code that fails because it runs where it stands.
enum InlineHints {
    /// `outcome` with a hint naming the cell below that defines a name the inline code used before
    /// it was defined ("undefined name 'x'", and `x` is bound by a later cell).
    static func explained(_ outcome: CellOutcome, code: InlineCode, document: Document) -> CellOutcome {
        guard let error = outcome.error, error.message.hasPrefix("undefined name '"),
              let name = error.message.split(separator: "'").dropFirst().first.map(String.init) else { return outcome }
        for cell in document.cells where cell.fenceRange.lowerBound > code.offset {
            let origin = cell.sourceLocation
            guard let statements = try? Parser.parse(cell.source, origin: origin),
                  statements.contains(where: { $0.boundNames.contains(name) }) else { continue }
            var copy = outcome
            copy.error?.message = "'\(name)' is not defined yet: the cell that defines it (line \(cell.location.line)) comes later"
            copy.error?.hint = "inline code runs where it stands, after the cells above it; move the sentence below that cell"
            return copy
        }
        return outcome
    }
}
