import NBDocument

/// One lexical unit of the cell language.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// A line break that ends a statement (suppressed inside `(…)` and `[…]`).
        case newline
        case end
    }

    public enum Keyword: String, Sendable, CaseIterable {
        case `for`, `in`, `if`, `else`, `assert`, `true`, `false`
    }

    /// Punctuation and operators, spelled as in source.
    public enum Symbol: String, Sendable, CaseIterable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", comma = ",", colon = ":", semicolon = ";", dot = "."
        case plus = "+", minus = "-", star = "*", slash = "/", caret = "^", at = "@", bang = "!"
        case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
        case greaterEqual = ">=", and = "&&", or = "||", arrow = "->", closedRange = "...", halfOpenRange = "..<"
    }

    public var kind: Kind
    public var location: TextLocation
    /// Where the token ends (just after its last character): an error about what should have
    /// followed it points here.
    public var end: TextLocation

    public init(_ kind: Kind, at location: TextLocation) {
        self.kind = kind
        self.location = location
        self.end = location
    }

    /// How the token reads in an error message.
    public var description: String {
        switch kind {
        case .number: return "number"
        case .string: return "string"
        case .identifier(let name): return "'\(name)'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .newline: return "end of line"
        case .end: return "end of cell"
        }
    }
}
