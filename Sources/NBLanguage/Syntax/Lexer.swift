import NBDocument

/// Turns a cell's source into tokens with absolute Markdown positions.
///
/// `origin` is the line and column of the cell's first source character in the Markdown file:
/// tokens on the first line are shifted by its column, tokens on later lines by its line only.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let origin: TextLocation
    private var index = 0
    private var line = 0
    private var lineStart = 0
    /// Depth of open `(` and `[`: line breaks inside them do not end a statement.
    private var groupingDepth = 0

    public init(source: String, origin: TextLocation = TextLocation(line: 1, column: 1)) {
        self.scalars = Array(source.unicodeScalars)
        self.origin = origin
    }

    /// Scalars of the source consumed so far (for syntax highlighting: the end of the last token).
    public var offset: Int { index }

    /// Lexes the whole cell. The last token is always `.end`.
    public static func tokenize(_ source: String, origin: TextLocation = TextLocation(line: 1, column: 1)) throws(LanguageError) -> [Token] {
        var lexer = Lexer(source: source, origin: origin)
        var tokens: [Token] = []
        while true {
            var token = try lexer.next()
            if token.kind != .newline { token.end = lexer.location(lexer.index) }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The absolute location of scalar offset `offset` on the current line.
    private func location(_ offset: Int) -> TextLocation {
        let column = offset - lineStart
        return line == 0
            ? TextLocation(line: origin.line, column: origin.column + column)
            : TextLocation(line: origin.line + line, column: column + 1)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    /// Returns the next token.
    public mutating func next() throws(LanguageError) -> Token {
        skipSpaceAndComments()
        guard let c = peek() else { return Token(.end, at: location(index)) }
        let start = index
        let here = location(start)
        if c == "\n" {
            index += 1
            line += 1
            lineStart = index
            if groupingDepth > 0 { return try next() }
            return Token(.newline, at: here)
        }
        if Self.isDigit(c) { return Token(.number(try lexNumber()), at: here) }
        if Self.isIdentifierStart(c) {
            while let d = peek(), Self.isIdentifierContinue(d) { index += 1 }
            var name = ""
            name.unicodeScalars.append(contentsOf: scalars[start..<index])
            if let keyword = Token.Keyword(rawValue: name) { return Token(.keyword(keyword), at: here) }
            return Token(.identifier(name), at: here)
        }
        if c == "\"" { return Token(.string(try lexString()), at: here) }
        if let symbol = lexSymbol() {
            switch symbol {
            case .leftParen, .leftBracket: groupingDepth += 1
            case .rightParen, .rightBracket: groupingDepth = max(0, groupingDepth - 1)
            default: break
            }
            return Token(.symbol(symbol), at: here)
        }
        var shown = ""
        shown.unicodeScalars.append(c)
        throw LanguageError(.syntax, "unexpected character '\(shown)'", at: here,
                            hint: c == "'" ? "strings use double quotes: \"text\"" : nil)
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" {
                index += 1
            } else if c == "#" {
                while let d = peek(), d != "\n" { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func lexNumber() throws(LanguageError) -> Double {
        let start = index
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while let d = lexer.peek(), Lexer.isDigit(d) || d == "_" {
                if d != "_" { text.unicodeScalars.append(d) }
                lexer.index += 1
            }
        }
        digits(&self)
        // A fraction needs a digit after the dot, so `1...3` lexes as 1, `...`, 3.
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            text.append(".")
            index += 1
            digits(&self)
        }
        if let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { ahead = 2 }
            if let d = peek(ahead), Self.isDigit(d) {
                text.append("e")
                if ahead == 2, let sign = peek(1) { text.unicodeScalars.append(sign) }
                index += ahead
                digits(&self)
            }
        }
        if let d = peek(), Self.isIdentifierStart(d) {
            throw LanguageError(.syntax, "a number cannot run into a name", at: location(index),
                                hint: "put an operator between them, for example 2*x")
        }
        guard let value = Double(text) else {
            throw LanguageError(.syntax, "malformed number", at: location(start))
        }
        return value
    }

    private mutating func lexString() throws(LanguageError) -> String {
        let start = index
        index += 1
        var text = ""
        while let c = peek() {
            if c == "\"" {
                index += 1
                return text
            }
            if c == "\n" { break }
            if c == "\\" {
                guard let escaped = peek(1) else { break }
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                default:
                    var shown = ""
                    shown.unicodeScalars.append(escaped)
                    throw LanguageError(.syntax, "unknown escape '\\\(shown)' in string", at: location(index),
                                        hint: "use \\n, \\t, \\\" or \\\\")
                }
                index += 2
                continue
            }
            text.unicodeScalars.append(c)
            index += 1
        }
        throw LanguageError(.syntax, "unterminated string", at: location(start),
                            hint: "close the string with \" on the same line")
    }

    private mutating func lexSymbol() -> Token.Symbol? {
        guard let c = peek() else { return nil }
        let next = peek(1)
        func take(_ length: Int, _ symbol: Token.Symbol) -> Token.Symbol {
            index += length
            return symbol
        }
        switch c {
        case "(": return take(1, .leftParen)
        case ")": return take(1, .rightParen)
        case "[": return take(1, .leftBracket)
        case "]": return take(1, .rightBracket)
        case "{": return take(1, .leftBrace)
        case "}": return take(1, .rightBrace)
        case ",": return take(1, .comma)
        case ":": return take(1, .colon)
        case ";": return take(1, .semicolon)
        case "+": return take(1, .plus)
        case "*": return take(1, .star)
        case "/": return take(1, .slash)
        case "^": return take(1, .caret)
        case "@": return take(1, .at)
        case "-": return next == ">" ? take(2, .arrow) : take(1, .minus)
        case "!": return next == "=" ? take(2, .notEqual) : take(1, .bang)
        case "=": return next == "=" ? take(2, .equal) : take(1, .assign)
        case "<": return next == "=" ? take(2, .lessEqual) : take(1, .less)
        case ">": return next == "=" ? take(2, .greaterEqual) : take(1, .greater)
        case "&": return next == "&" ? take(2, .and) : nil
        case "|": return next == "|" ? take(2, .or) : nil
        case ".":
            if next == ".", let third = peek(2) {
                if third == "." { return take(3, .closedRange) }
                if third == "<" { return take(3, .halfOpenRange) }
            }
            return take(1, .dot)
        default: return nil
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.properties.isAlphabetic && !isDigit(c))
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || isDigit(c) || c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
