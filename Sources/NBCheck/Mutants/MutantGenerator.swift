import NBDocument
import NBLanguage

/// The mutants of one cell (`nb test --mutants`): operator and sign swaps, constants nudged, a
/// builtin or an option word swapped for a sibling, an argument dropped.
///
/// Lines of `assert` statements are left alone (they are the checks, not what is checked), and so
/// is every line whose comment says `# nb: free` (a genuinely free choice, such as which images
/// are shown).
struct MutantGenerator {
    let cell: Cell

    /// Every mutant of the cell, in source order; none when the cell does not lex.
    func mutants() -> [Mutant] {
        let scalars = Array(cell.source.unicodeScalars)
        guard let tokens = try? Lexer.tokenize(cell.source) else { return [] }
        var lineStarts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        let free = Set(lineStarts.indices.filter { Self.isFree(line: $0, starts: lineStarts, scalars: scalars) })
        let spans = tokens.map { token -> Span in
            let start = lineStarts[min(token.location.line - 1, lineStarts.count - 1)] + token.location.column - 1
            return Span(start: start, end: start + Self.length(of: token, at: start, in: scalars))
        }
        let asserted = Self.assertLines(tokens)
        var result: [Mutant] = []
        func add(_ k: Int, _ replacement: String) {
            add(spans[k], replacement, at: tokens[k].location)
        }
        func add(_ span: Span, _ replacement: String, at location: TextLocation) {
            let line = location.line - 1
            guard !free.contains(line), !asserted.contains(location.line) else { return }
            var source = String.UnicodeScalarView()
            source.append(contentsOf: scalars[..<span.start])
            source.append(contentsOf: replacement.unicodeScalars)
            source.append(contentsOf: scalars[span.end...])
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[span.start..<span.end])
            result.append(Mutant(cell: cell.index,
                                 line: cell.sourceLocation.line + line,
                                 column: location.column + (line == 0 ? cell.sourceLocation.column - 1 : 0),
                                 original: String(original), replacement: replacement, source: String(source)))
        }
        for (k, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol(let symbol):
                if symbol == .minus, Self.isUnary(at: k, tokens) {
                    add(k, "")
                } else if let swapped = Self.operatorSwaps[symbol] {
                    add(k, swapped.rawValue)
                }
            case .number(let value):
                add(k, Self.nudged(value))
            case .identifier(let name):
                let isCall = k + 1 < tokens.count && tokens[k + 1].kind == .symbol(.leftParen)
                if isCall, let sibling = Self.builtinSiblings[name] { add(k, sibling) }
                if isCall { for span in Self.droppableArguments(callAt: k, tokens, spans) { add(span, "", at: tokens[span.token].location) } }
            case .string(let text):
                if let sibling = Self.wordSiblings[text] { add(k, "\"\(sibling)\"") }
            default: break
            }
        }
        return result
    }

    struct Span {
        var start: Int
        var end: Int
        /// The token the span's report position is taken from.
        var token = 0
    }

    static let operatorSwaps: [Token.Symbol: Token.Symbol] = [
        .plus: .minus, .minus: .plus, .star: .slash, .slash: .star, .caret: .star, .at: .star,
        .less: .lessEqual, .lessEqual: .less, .greater: .greaterEqual, .greaterEqual: .greater,
        .equal: .notEqual, .notEqual: .equal, .and: .or, .or: .and, .closedRange: .halfOpenRange,
        .halfOpenRange: .closedRange,
    ]

    /// A builtin and the one it is most easily confused with.
    static let builtinSiblings: [String: String] = [
        "sin": "cos", "cos": "sin", "tan": "sin", "asin": "acos", "acos": "asin", "atan": "tanh",
        "exp": "softplus", "log": "sqrt", "sqrt": "log", "abs": "relu", "relu": "abs", "tanh": "sigmoid",
        "sigmoid": "tanh", "softplus": "relu", "min": "max", "max": "min", "sum": "mean", "mean": "sum",
        "plot": "scatter", "scatter": "plot", "zeros": "ones", "ones": "zeros", "rand": "randn",
        "randn": "rand", "rows": "columns", "columns": "rows", "labelprop": "labelspreading",
        "labelspreading": "labelprop", "moons": "spirals", "spirals": "moons", "grad": "numgrad",
    ]

    /// Option words (string arguments) and their siblings.
    static let wordSiblings: [String: String] = [
        "fista": "ista", "ista": "fista", "adam": "sgd", "sgd": "adam", "central": "forward",
        "forward": "central", "complex": "central", "backward": "forward",
    ]

    /// An integer one larger; another number 10% larger.
    static func nudged(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return abs(value) < 1000 ? String(Int(value) + 1) : String(Int((value * 1.1).rounded()))
        }
        return "\(value * 1.1)"
    }

    /// A minus is a sign (not a subtraction) after an operator, an opening bracket, a comma, a
    /// colon, `=`, a keyword, a line break or at the start.
    static func isUnary(at k: Int, _ tokens: [Token]) -> Bool {
        guard k > 0 else { return true }
        switch tokens[k - 1].kind {
        case .number, .string, .identifier: return false
        case .keyword(let keyword): return keyword != .true && keyword != .false
        case .symbol(let symbol): return ![.rightParen, .rightBracket, .rightBrace].contains(symbol)
        case .newline, .end: return true
        }
    }

    /// The named arguments of the call at `k` and its last positional one when it has more than
    /// one argument, each with the comma that separates it.
    static func droppableArguments(callAt k: Int, _ tokens: [Token], _ spans: [Span]) -> [Span] {
        var arguments: [(first: Int, last: Int)] = []
        var depth = 0, first = k + 2, i = k + 1
        while i < tokens.count {
            switch tokens[i].kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                depth -= 1
                if depth == 0 {
                    if first < i { arguments.append((first, i - 1)) }
                    i = tokens.count
                    continue
                }
            case .symbol(.comma) where depth == 1:
                if first < i { arguments.append((first, i - 1)) }
                first = i + 1
            case .end: return []
            default: break
            }
            i += 1
        }
        guard arguments.count > 1 else { return [] }
        func isNamed(_ a: (first: Int, last: Int)) -> Bool {
            a.last > a.first && tokens[a.first + 1].kind == .symbol(.colon)
        }
        var result: [Span] = []
        let lastPositional = arguments.lastIndex { !isNamed($0) }
        for (n, argument) in arguments.enumerated() where isNamed(argument) || n == lastPositional {
            // Drop the argument with the comma before it (after it for the first).
            let start = n == 0 ? spans[argument.first].start : spans[arguments[n - 1].last].end
            let end = n == 0 ? spans[arguments[1].first].start : spans[argument.last].end
            result.append(Span(start: start, end: end, token: argument.first))
        }
        return result
    }

    /// File-relative (1-based) lines that belong to `assert` statements.
    static func assertLines(_ tokens: [Token]) -> Set<Int> {
        var lines = Set<Int>()
        var inAssert = false
        for token in tokens {
            switch token.kind {
            case .keyword(.assert): inAssert = true
            case .newline, .end: inAssert = false
            default: break
            }
            if inAssert { lines.insert(token.location.line) }
        }
        return lines
    }

    /// Whether the line (0-based) carries a `# nb: free` comment.
    static func isFree(line: Int, starts: [Int], scalars: [Unicode.Scalar]) -> Bool {
        let end = line + 1 < starts.count ? starts[line + 1] : scalars.count
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[starts[line]..<end])
        guard let hash = String(text).firstIndex(of: "#") else { return false }
        return String(text)[hash...].contains("nb: free")
    }

    /// The number of scalars the token spans in the source.
    static func length(of token: Token, at start: Int, in s: [Unicode.Scalar]) -> Int {
        switch token.kind {
        case .identifier(let name): return name.unicodeScalars.count
        case .keyword(let keyword): return keyword.rawValue.unicodeScalars.count
        case .symbol(let symbol): return symbol.rawValue.unicodeScalars.count
        case .newline: return 1
        case .end: return 0
        case .number:
            var i = start
            func digits() { while i < s.count, (s[i] >= "0" && s[i] <= "9") || s[i] == "_" { i += 1 } }
            digits()
            if i + 1 < s.count, s[i] == ".", s[i + 1] >= "0", s[i + 1] <= "9" { i += 1; digits() }
            if i < s.count, s[i] == "e" || s[i] == "E" {
                var j = i + 1
                if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
                if j < s.count, s[j] >= "0", s[j] <= "9" { i = j; digits() }
            }
            return i - start
        case .string:
            var i = start + 1
            while i < s.count, s[i] != "\"" { i += s[i] == "\\" ? 2 : 1 }
            return min(i + 1, s.count) - start
        }
    }
}
