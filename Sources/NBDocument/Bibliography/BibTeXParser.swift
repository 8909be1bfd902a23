/// A BibTeX reader: `@article/@book/@inproceedings/@misc/@online/…` entries with brace- or
/// quote-delimited values (nested braces kept), bare numbers, `@string` macros (and the month
/// abbreviations `jan`…`dec`), `#` concatenation, `@comment` and `@preamble` skipped, and text
/// outside entries ignored, as BibTeX does. Never throws: a malformed entry becomes a diagnostic
/// with its line and the reader carries on at the next `@`.
public struct BibTeXParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var column = 1
    private var macros: [String: String] = BibTeXParser.monthMacros
    private var entries: [BibTeXEntry] = []
    private var diagnostics: [BibliographyDiagnostic] = []

    /// Largest `.bib` file a notebook may name (`bibliography:`).
    public static let maximumFileBytes = 8 << 20

    /// Parses a whole BibTeX file.
    public static func parse(_ text: String) -> (entries: [BibTeXEntry], diagnostics: [BibliographyDiagnostic]) {
        var parser = BibTeXParser(scalars: Array(text.unicodeScalars))
        parser.run()
        return (parser.entries, parser.diagnostics)
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private static let monthMacros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    private struct Failure: Error { var message: String; var line: Int; var column: Int }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func advance() {
        guard position < scalars.count else { return }
        if scalars[position] == "\n" { line += 1; column = 1 } else { column += 1 }
        position += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c.properties.isWhitespace { advance() }
    }

    private mutating func run() {
        while position < scalars.count {
            guard current == "@" else { advance(); continue }
            let start = (position: position, line: line, column: column)
            advance()
            do {
                try entry(line: start.line)
            } catch let failure as Failure {
                diagnostics.append(BibliographyDiagnostic(message: failure.message, line: failure.line, column: failure.column))
                // Resume after the failing `@`, at the next `@` that starts a line, so that an
                // unterminated entry does not swallow the ones after it.
                (position, line, column) = (start.position, start.line, start.column)
                advance()
                var lineStart = false
                while let c = current, !(c == "@" && lineStart) {
                    if c == "\n" { lineStart = true } else if !c.properties.isWhitespace { lineStart = false }
                    advance()
                }
            } catch {}
        }
    }

    private func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

    private mutating func identifier() -> String {
        var out = ""
        while let c = current, !c.properties.isWhitespace, !"{}(),=#\"@%".unicodeScalars.contains(c) {
            out.unicodeScalars.append(c); advance()
        }
        return out
    }

    private mutating func entry(line startLine: Int) throws {
        skipWhitespace()
        let type = identifier().lowercased()
        guard !type.isEmpty else { throw failure("expected an entry type after '@'") }
        skipWhitespace()
        guard let open = current, open == "{" || open == "(" else {
            throw failure("expected '{' after @\(type)")
        }
        let close: Unicode.Scalar = open == "{" ? "}" : ")"
        advance()
        switch type {
        case "comment":
            _ = try balanced(until: close)
        case "preamble":
            _ = try balanced(until: close)
        case "string":
            skipWhitespace()
            let name = identifier().lowercased()
            guard !name.isEmpty else { throw failure("expected a macro name in @string") }
            skipWhitespace()
            guard current == "=" else { throw failure("expected '=' after @string name \(name)") }
            advance()
            macros[name] = try value()
            skipWhitespace()
            guard current == close else { throw failure("expected '\(close)' to end @string") }
            advance()
        default:
            try fields(type: type, close: close, line: startLine)
        }
    }

    /// Skips over a balanced group (for @comment and @preamble); returns its text.
    private mutating func balanced(until close: Unicode.Scalar) throws -> String {
        var depth = 0
        var out = ""
        let startLine = line
        while let c = current {
            if c == "{" { depth += 1 }
            if c == "}" && depth > 0 { depth -= 1; out.unicodeScalars.append(c); advance(); continue }
            if c == close && depth == 0 { advance(); return out }
            out.unicodeScalars.append(c); advance()
        }
        throw Failure(message: "unterminated entry (opened on line \(startLine))", line: startLine, column: 1)
    }

    private mutating func fields(type: String, close: Unicode.Scalar, line startLine: Int) throws {
        skipWhitespace()
        let key = identifier()
        guard !key.isEmpty else { throw failure("@\(type) entry without a citation key") }
        skipWhitespace()
        var fields: [String: String] = [:]
        while true {
            skipWhitespace()
            guard let c = current else {
                throw Failure(message: "unterminated @\(type){\(key), … (opened on line \(startLine))", line: startLine, column: 1)
            }
            if c == close { advance(); break }
            if c == "," { advance(); continue }
            let fieldLine = line, fieldColumn = column
            let name = identifier().lowercased()
            guard !name.isEmpty else { throw failure("unexpected '\(c)' in @\(type){\(key)}") }
            skipWhitespace()
            guard current == "=" else { throw failure("expected '=' after field '\(name)' in \(key)") }
            advance()
            let text = try value()
            if fields[name] != nil {
                diagnostics.append(BibliographyDiagnostic(message: "duplicate field '\(name)' in \(key); the first is kept",
                                                          line: fieldLine, column: fieldColumn))
            } else {
                fields[name] = text
            }
        }
        entries.append(BibTeXEntry(type: type, key: key, fields: fields, line: startLine))
    }

    /// A value: pieces joined by `#`.
    private mutating func value() throws -> String {
        var out = ""
        while true {
            skipWhitespace()
            out += try piece()
            skipWhitespace()
            guard current == "#" else { return out }
            advance()
        }
    }

    private mutating func piece() throws -> String {
        guard let c = current else { throw failure("expected a value, found the end of the file") }
        switch c {
        case "{":
            advance()
            return try delimited(closing: "}")
        case "\"":
            advance()
            return try delimited(closing: "\"")
        default:
            let startLine = line, startColumn = column
            let word = identifier()
            guard !word.isEmpty else { throw failure("expected a value, found '\(c)'") }
            if word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) { return word }
            if let expansion = macros[word.lowercased()] { return expansion }
            diagnostics.append(BibliographyDiagnostic(message: "unknown @string macro '\(word)'", line: startLine, column: startColumn))
            return word
        }
    }

    /// Text up to the matching closing delimiter; inner braces are kept (they protect case in
    /// BibTeX) and a quote inside braces does not end a quoted value.
    private mutating func delimited(closing: Unicode.Scalar) throws -> String {
        let startLine = line
        var depth = 0
        var out = ""
        while let c = current {
            if c == "\\", position + 1 < scalars.count {
                out.unicodeScalars.append(c); advance()
                if let next = current { out.unicodeScalars.append(next); advance() }
                continue
            }
            if c == "{" { depth += 1 }
            else if c == "}" {
                if depth == 0 {
                    if closing == "}" { advance(); return out }
                    throw failure("unbalanced '}' in a quoted value")
                }
                depth -= 1
            } else if c == closing && depth == 0 {
                advance(); return out
            }
            out.unicodeScalars.append(c); advance()
        }
        throw Failure(message: "unterminated value (opened on line \(startLine))", line: startLine, column: 1)
    }
}
