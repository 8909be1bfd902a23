import NBDocument
import NBLanguage

/// The mutants of one cell (`nb test --mutants`): operator and sign swaps, constants nudged, a
/// builtin or an option word swapped for a sibling, an argument dropped.
///
/// Lines of `assert` statements are left alone (they are the checks, not what is checked), and so
/// is every line whose comment says `# nb: free` (a genuinely free choice, such as which images
/// are shown). `# nb: free NAME…` frees less: only the mutants of the named builtins where they
/// are called on that line (`grad` swapped for `numgrad`) and of the named arguments (`h:` dropped,
/// or its value changed).
///
/// Mutants that are certainly equivalent are not made: dropping an argument written as the literal
/// its builtin declares as the default (`scheme: "central"` of `numgrad`) changes nothing.
struct MutantGenerator {
    let cell: Cell
    /// The builtins whose declared defaults tell an equivalent dropped argument; nil: none.
    var registry: BuiltinRegistry? = nil
    /// Names the notebook binds itself: a call of one of them is not a call of the builtin.
    var shadowed: Set<String> = []
    /// The document's seed (front matter `nb: {seed: N}`), which a builtin's `seed:` defaults to.
    var documentSeed: UInt64 = 0

    /// Every mutant of the cell, in source order; none when the cell does not lex.
    func mutants() -> [Mutant] {
        let scalars = Array(cell.source.unicodeScalars)
        guard let tokens = try? Lexer.tokenize(cell.source) else { return [] }
        var lineStarts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        // Per 0-based line: nil when nothing is free, an empty set when all of it is, else the names.
        let free = lineStarts.indices.map { Self.freeNames(line: $0, starts: lineStarts, scalars: scalars) }
        let spans = tokens.map { token -> Span in
            let start = lineStarts[min(token.location.line - 1, lineStarts.count - 1)] + token.location.column - 1
            return Span(start: start, end: start + Self.length(of: token, at: start, in: scalars))
        }
        let asserted = Self.assertLines(tokens)
        // The labels of the named arguments each token is part of.
        var labels = Array(repeating: [String](), count: tokens.count)
        for k in tokens.indices where Self.isCall(at: k, tokens) {
            for argument in Self.arguments(callAt: k, tokens) {
                guard let label = argument.label else { continue }
                for t in argument.first...argument.last { labels[t].append(label) }
            }
        }
        var result: [Mutant] = []
        func add(_ k: Int, _ replacement: String) {
            add(spans[k], replacement, at: tokens[k].location, token: k)
        }
        func add(_ span: Span, _ replacement: String, at location: TextLocation, token k: Int) {
            let line = location.line - 1
            guard !asserted.contains(location.line) else { return }
            if let names = free[line] {
                if names.isEmpty { return }
                if case .identifier(let name) = tokens[k].kind, names.contains(name) { return }
                if labels[k].contains(where: names.contains) { return }
            }
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
                guard Self.isCall(at: k, tokens) else { break }
                if let sibling = Self.builtinSiblings[name] { add(k, sibling) }
                for dropped in Self.droppableArguments(callAt: k, tokens, spans) where !isDefault(dropped, of: name, tokens) {
                    add(dropped.span, "", at: tokens[dropped.span.token].location, token: dropped.span.token)
                }
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

    /// One argument of a call: its tokens, its label when it is named, and its position among the
    /// call's unlabelled arguments otherwise.
    struct Argument {
        var first: Int
        var last: Int
        var label: String?
        var position: Int
    }

    /// An argument that may be dropped, with the text to delete.
    struct Dropped {
        var argument: Argument
        var span: Span
    }

    static func isCall(at k: Int, _ tokens: [Token]) -> Bool {
        if case .identifier = tokens[k].kind { return k + 1 < tokens.count && tokens[k + 1].kind == .symbol(.leftParen) }
        return false
    }

    /// The arguments of the call at `k` (empty when its parenthesis is not closed).
    static func arguments(callAt k: Int, _ tokens: [Token]) -> [Argument] {
        var arguments: [Argument] = []
        var depth = 0, first = k + 2, i = k + 1, positional = 0
        func append(_ last: Int) {
            guard first <= last else { return }
            if last > first, case .identifier(let label) = tokens[first].kind, tokens[first + 1].kind == .symbol(.colon) {
                arguments.append(Argument(first: first, last: last, label: label, position: -1))
            } else {
                arguments.append(Argument(first: first, last: last, label: nil, position: positional))
                positional += 1
            }
        }
        while i < tokens.count {
            switch tokens[i].kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                depth -= 1
                if depth == 0 {
                    append(i - 1)
                    return arguments
                }
            case .symbol(.comma) where depth == 1:
                append(i - 1)
                first = i + 1
            case .end: return []
            default: break
            }
            i += 1
        }
        return []
    }

    /// The named arguments of the call at `k` and its last positional one when it has more than
    /// one argument, each with the comma that separates it.
    static func droppableArguments(callAt k: Int, _ tokens: [Token], _ spans: [Span]) -> [Dropped] {
        let arguments = arguments(callAt: k, tokens)
        guard arguments.count > 1 else { return [] }
        var result: [Dropped] = []
        let lastPositional = arguments.lastIndex { $0.label == nil }
        for (n, argument) in arguments.enumerated() where argument.label != nil || n == lastPositional {
            // Drop the argument with the comma before it (after it for the first).
            let start = n == 0 ? spans[argument.first].start : spans[arguments[n - 1].last].end
            let end = n == 0 ? spans[arguments[1].first].start : spans[argument.last].end
            result.append(Dropped(argument: argument, span: Span(start: start, end: end, token: argument.first)))
        }
        return result
    }

    /// Whether dropping the argument certainly changes nothing: the callee is a builtin the notebook
    /// does not rebind, and the argument is a literal (a number, a string, `true` or `false`) equal
    /// to the default the builtin declares for it — for a `seed:` that defaults to the document's
    /// seed, equal to that seed.
    func isDefault(_ dropped: Dropped, of name: String, _ tokens: [Token]) -> Bool {
        guard let builtin = registry?[name], !shadowed.contains(name) else { return false }
        let argument = dropped.argument
        let parameter: BuiltinParameter?
        if let label = argument.label {
            parameter = builtin.option(label)
        } else {
            // Only for a builtin with one form: without the argument another form might match.
            guard builtin.forms.count == 1, argument.position < builtin.forms[0].count else { return false }
            parameter = builtin.forms[0][argument.position]
        }
        guard let parameter else { return false }
        let declared: Value
        if parameter.defaultsToDocumentSeed {
            declared = .number(Double(documentSeed))
        } else if let value = parameter.defaultValue {
            declared = value
        } else {
            return false
        }
        let value = tokens[(argument.label == nil ? argument.first : argument.first + 2)...argument.last].map(\.kind)
        switch declared {
        case .number(let d):
            if value.count == 1, case .number(let x) = value[0] { return d == x }
            if value.count == 2, value[0] == .symbol(.minus), case .number(let x) = value[1] { return d == -x }
        case .string(let d):
            if value.count == 1, case .string(let x) = value[0] { return d == x }
        case .bool(let d):
            return value == [.keyword(d ? .true : .false)]
        default: break
        }
        return false
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

    /// The names a line's (0-based) `# nb: free` comment frees: nil without one, empty when it
    /// frees the whole line (`# nb: free`, and any words after it), else the builtins and argument
    /// labels listed in parentheses right after it (`# nb: free(grad, h:)`).
    static func freeNames(line: Int, starts: [Int], scalars: [Unicode.Scalar]) -> Set<String>? {
        let end = line + 1 < starts.count ? starts[line + 1] : scalars.count
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[starts[line]..<end])
        let string = String(text)
        guard let hash = string.firstIndex(of: "#"), let mark = string[hash...].range(of: "nb: free") else { return nil }
        let rest = string[mark.upperBound...]
        guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return [] }
        let names = rest[rest.index(after: rest.startIndex)..<close]
            .split(whereSeparator: { $0 == "," || $0.isWhitespace })
            .map { $0.hasSuffix(":") ? String($0.dropLast()) : String($0) }
            .filter { !$0.isEmpty }
        return Set(names)
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
