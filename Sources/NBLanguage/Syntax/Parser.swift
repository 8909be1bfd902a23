import NBDocument

/// Parses a cell into statements (recursive descent, SPEC §4 precedence).
///
/// The parser stops at the first mistake and reports it with its location, a hint when one helps,
/// and a caret excerpt. Nesting is bounded (`maximumNesting` open constructs, `maximumHeight` tree
/// depth) so that pathological input gives a clear error instead of a stack overflow.
public struct Parser {
    /// How many constructs (parentheses, brackets, unary operators, blocks, lambdas) may be open at once.
    public static let maximumNesting = 200
    /// The deepest expression tree accepted (long operator chains count too).
    public static let maximumHeight = 2_000

    private let tokens: [Token]
    /// Where the cell starts in the file: positions quoted in messages count from its first line.
    private let origin: TextLocation
    private var position = 0
    private var nesting = 0

    private init(tokens: [Token], origin: TextLocation) { self.tokens = tokens; self.origin = origin }

    /// Parses `source`, a whole cell whose first character sits at `origin` in the Markdown file.
    public static func parse(_ source: String, origin: TextLocation = TextLocation(line: 1, column: 1)) throws(LanguageError) -> [Statement] {
        do {
            var parser = Parser(tokens: try Lexer.tokenize(source, origin: origin), origin: origin)
            let statements = try parser.parseStatements(closedBy: nil)
            return statements
        } catch {
            var error = error
            if error.excerpt == nil { error.excerpt = SourceExcerpt(source: source, origin: origin).render(error.location) }
            throw error
        }
    }

    /// `line L, column C` with L counted from the cell's first line, as in the transcript's
    /// `(line L)`: a message never changes when prose above the cell does.
    private func cellPosition(_ location: TextLocation) -> String {
        "line \(location.line - origin.line + 1), column \(location.column)"
    }

    // MARK: Tokens

    private var current: Token { tokens[position] }
    private var previous: Token? { position > 0 ? tokens[position - 1] : nil }

    private func check(_ symbol: Token.Symbol) -> Bool { current.kind == .symbol(symbol) }
    private func check(_ keyword: Token.Keyword) -> Bool { current.kind == .keyword(keyword) }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func match(_ symbol: Token.Symbol) -> Bool {
        guard check(symbol) else { return false }
        _ = advance()
        return true
    }

    private mutating func skipNewlines() {
        while current.kind == .newline { _ = advance() }
    }

    /// An error at `location`, by default at the current token; when that token ends the
    /// statement or the cell (something is missing), just after the last token that was there, so
    /// an incomplete expression is pointed at where it stops rather than at the closing fence.
    private func error(_ message: String, at location: TextLocation? = nil, hint: String? = nil) -> LanguageError {
        LanguageError(.syntax, message, at: location ?? missingLocation, hint: hint)
    }

    private var missingLocation: TextLocation {
        guard current.kind == .end || current.kind == .newline else { return current.location }
        var index = position - 1
        while index >= 0, tokens[index].kind == .newline { index -= 1 }
        return index >= 0 ? tokens[index].end : current.location
    }

    private mutating func expect(_ symbol: Token.Symbol, _ purpose: String, hint: String? = nil) throws(LanguageError) {
        guard match(symbol) else {
            throw error("expected '\(symbol.rawValue)' \(purpose), found \(current.description)", hint: hint)
        }
    }

    private mutating func enter() throws(LanguageError) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error("too deeply nested (more than \(Parser.maximumNesting) levels)",
                        hint: "split the expression into several named steps")
        }
    }

    private mutating func leave() { nesting -= 1 }

    private func checked(_ expr: Expr) throws(LanguageError) -> Expr {
        if expr.height > Parser.maximumHeight {
            throw error("expression too long or too deeply nested (more than \(Parser.maximumHeight) levels)",
                        at: expr.location, hint: "split the expression into several named steps")
        }
        return expr
    }

    // MARK: Statements

    private mutating func parseStatements(closedBy opener: Token?) throws(LanguageError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || check(.semicolon) { _ = advance() }
            if current.kind == .end {
                if let opener {
                    throw error("expected '}' to close the block opened at \(cellPosition(opener.location))",
                                hint: "add '}'")
                }
                return statements
            }
            if check(.rightBrace) {
                if opener != nil { return statements }
                throw error("unexpected '}'", hint: "there is no open block here; remove it")
            }
            var statement = try parseStatement()
            if match(.semicolon) {
                statement.suppressed = true
            } else if current.kind != .newline && current.kind != .end && !check(.rightBrace) {
                throw error("expected end of statement, found \(current.description)", hint: statementHint(statement))
            }
            statements.append(statement)
        }
    }

    private func statementHint(_ statement: Statement) -> String {
        if case .expression(let expr) = statement.kind, case .identifier(let name) = expr.kind,
           ["let", "var", "def", "function", "return", "while", "const"].contains(name) {
            return "the cell language has no '\(name)'; docs/language.md lists the statements it has"
        }
        if check(.assign) { return "only a name, an indexed name or a function head can be assigned to" }
        return "put each statement on its own line or separate statements with ';'"
    }

    private mutating func parseStatement() throws(LanguageError) -> Statement {
        let start = current
        switch start.kind {
        case .keyword(.for): return try parseFor()
        case .keyword(.if): return try parseIf()
        case .keyword(.assert):
            _ = advance()
            let condition = try parseExpression()
            var message: Expr?
            if match(.comma) {
                skipNewlines()
                message = try parseExpression()
            }
            return Statement(.assert(condition: condition, message: message), at: start.location)
        case .keyword(.else):
            throw error("'else' without 'if'", hint: "put 'else' right after the closing '}' of an if")
        case .keyword(.in):
            throw error("'in' outside a for loop")
        default:
            break
        }
        let expr = try parseExpression()
        guard check(.assign) else { return Statement(.expression(expr), at: start.location) }
        let assignLocation = advance().location
        skipNewlines()
        let value = try parseExpression()
        switch expr.kind {
        case .identifier(let name):
            return Statement(.assign(name: name, value: value), at: start.location)
        case .index(let base, let indices):
            guard case .identifier(let name) = base.kind else { break }
            return Statement(.assignIndex(name: name, indices: indices, value: value), at: start.location)
        case .call(let callee, let arguments):
            guard case .identifier(let name) = callee.kind else { break }
            var parameters: [String] = []
            for argument in arguments {
                guard argument.label == nil, case .identifier(let parameter) = argument.value.kind else {
                    throw error("a function's parameters must be plain names", at: argument.location,
                                hint: "write \(name)(x, y) = …")
                }
                if parameters.contains(parameter) {
                    throw error("parameter '\(parameter)' appears twice", at: argument.location)
                }
                parameters.append(parameter)
            }
            return Statement(.define(name: name, parameters: parameters, body: value), at: start.location)
        default:
            break
        }
        throw error("cannot assign to this expression", at: assignLocation,
                    hint: "assign to a name (x = …), an element (t[i] = …) or define a function (f(x) = …); compare with ==")
    }

    private mutating func parseFor() throws(LanguageError) -> Statement {
        let start = advance()
        guard case .identifier(let variable) = current.kind else {
            throw error("expected a loop variable name after 'for', found \(current.description)", hint: "write for i in 1...3 { … }")
        }
        _ = advance()
        guard check(.in) else {
            throw error("expected 'in' after the loop variable, found \(current.description)", hint: "write for \(variable) in 1...3 { … }")
        }
        _ = advance()
        let sequence = try parseExpression()
        let body = try parseBlock(after: "the for loop's sequence")
        return Statement(.forIn(variable: variable, sequence: sequence, body: body), at: start.location)
    }

    private mutating func parseIf() throws(LanguageError) -> Statement {
        let start = advance()
        let condition = try parseExpression()
        if check(.assign) {
            throw error("expected '{' after the condition, found '='", hint: "use == to compare")
        }
        let then = try parseBlock(after: "the if condition")
        // `else` may follow on the next line.
        let saved = position
        skipNewlines()
        guard check(.else) else {
            position = saved
            return Statement(.ifElse(condition: condition, then: then, else: nil), at: start.location)
        }
        _ = advance()
        if check(.if) {
            try enter()
            let nested = try parseIf()
            leave()
            return Statement(.ifElse(condition: condition, then: then, else: [nested]), at: start.location)
        }
        let otherwise = try parseBlock(after: "'else'")
        return Statement(.ifElse(condition: condition, then: then, else: otherwise), at: start.location)
    }

    private mutating func parseBlock(after what: String) throws(LanguageError) -> [Statement] {
        let opener = current
        try expect(.leftBrace, "after \(what)", hint: "blocks are written in braces: { … }")
        try enter()
        let body = try parseStatements(closedBy: opener)
        leave()
        _ = advance() // the `}` parseStatements stopped at
        return body
    }

    // MARK: Blocks and if as expressions

    /// `{ … }` in an expression: its statements become the items of a block expression.
    private mutating func parseBlockExpression(after what: String) throws(LanguageError) -> Expr {
        let opener = current
        let statements = try parseBlock(after: what.isEmpty ? "here" : what)
        var items: [Expr] = []
        for statement in statements { items.append(try Parser.blockItem(statement)) }
        return try checked(Expr(.block(items), at: opener.location))
    }

    /// `if c { a } else { b }` (also `else if`) as an expression.
    private mutating func parseIfExpression() throws(LanguageError) -> Expr {
        let start = advance()
        try enter()
        defer { leave() }
        let condition = try parseExpression()
        if check(.assign) {
            throw error("expected '{' after the condition, found '='", hint: "use == to compare")
        }
        let then = try parseBlockExpression(after: "the if condition")
        let saved = position
        skipNewlines()
        guard check(.else) else {
            position = saved
            return try checked(Expr(.ifElse(condition: condition, then: then, else: nil), at: start.location))
        }
        _ = advance()
        let otherwise = check(.if) ? try parseIfExpression() : try parseBlockExpression(after: "'else'")
        return try checked(Expr(.ifElse(condition: condition, then: then, else: otherwise), at: start.location))
    }

    /// A statement inside a block expression, as an item of that block.
    private static func blockItem(_ statement: Statement) throws(LanguageError) -> Expr {
        let at = statement.location
        switch statement.kind {
        case .expression(let expr):
            return expr
        case .assign(let name, let value):
            return Expr(.bind(name: name, value: value), at: at)
        case .define(let name, let parameters, let body):
            return Expr(.bind(name: name, value: Expr(.lambda(parameters: parameters, body: body), at: at)), at: at)
        case .forIn(let variable, let sequence, let body):
            var items: [Expr] = []
            for item in body { items.append(try blockItem(item)) }
            return Expr(.forIn(variable: variable, sequence: sequence, body: Expr(.block(items), at: at)), at: at)
        case .ifElse(let condition, let then, let otherwise):
            var thenItems: [Expr] = []
            for item in then { thenItems.append(try blockItem(item)) }
            var elseExpr: Expr?
            if let otherwise {
                var elseItems: [Expr] = []
                for item in otherwise { elseItems.append(try blockItem(item)) }
                // `else if` arrives as a one-statement else branch holding the nested if.
                if elseItems.count == 1, case .ifElse = elseItems[0].kind, case .ifElse = otherwise[0].kind {
                    elseExpr = elseItems[0]
                } else {
                    elseExpr = Expr(.block(elseItems), at: at)
                }
            }
            return Expr(.ifElse(condition: condition, then: Expr(.block(thenItems), at: at), else: elseExpr), at: at)
        case .assignIndex:
            throw LanguageError(.syntax, "an element cannot be assigned inside a block", at: at,
                                hint: "build the tensor with a list, or assign the element at the top level of the cell")
        case .assert:
            throw LanguageError(.syntax, "assert is written at the top level of a cell, not inside a block", at: at,
                                hint: "return the value from the block and assert on it after")
        }
    }

    // MARK: Expressions, loosest first

    private mutating func parseExpression() throws(LanguageError) -> Expr {
        try enter()
        defer { leave() }
        let lhs = try parseOr()
        guard check(.arrow) else {
            if case .tuple = lhs.kind {
                throw error("a parenthesized list (a, b) is only valid as lambda parameters", at: lhs.location,
                            hint: "write (a, b) -> … for a lambda, or [a, b] for a list")
            }
            return lhs
        }
        let arrow = advance()
        var parameters: [String] = []
        switch lhs.kind {
        case .identifier(let name): parameters = [name]
        case .tuple(let items):
            for item in items {
                guard case .identifier(let name) = item.kind else {
                    throw error("lambda parameters must be plain names", at: item.location, hint: "write (x, y) -> …")
                }
                parameters.append(name)
            }
        default:
            throw error("'->' needs parameter names on its left", at: arrow.location, hint: "write x -> x^2 or (x, y) -> x*y")
        }
        skipNewlines()
        let body = try parseExpression()
        return try checked(Expr(.lambda(parameters: parameters, body: body), at: lhs.location))
    }

    private mutating func parseOr() throws(LanguageError) -> Expr {
        var lhs = try parseAnd()
        while check(.or) {
            _ = advance()
            skipNewlines()
            lhs = try checked(Expr(.binary(.or, lhs, try parseAnd()), at: lhs.location))
        }
        return lhs
    }

    private mutating func parseAnd() throws(LanguageError) -> Expr {
        var lhs = try parseComparison()
        while check(.and) {
            _ = advance()
            skipNewlines()
            lhs = try checked(Expr(.binary(.and, lhs, try parseComparison()), at: lhs.location))
        }
        return lhs
    }

    private static let comparisons: [Token.Symbol: BinaryOperator] = [
        .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
        .greater: .greater, .greaterEqual: .greaterEqual,
    ]

    private func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind else { return nil }
        return Parser.comparisons[symbol]
    }

    private mutating func parseComparison() throws(LanguageError) -> Expr {
        let lhs = try parseRange()
        guard let op = comparisonOperator() else { return lhs }
        _ = advance()
        skipNewlines()
        let rhs = try parseRange()
        if comparisonOperator() != nil {
            throw error("comparisons cannot be chained", hint: "write a < b && b < c")
        }
        return try checked(Expr(.binary(op, lhs, rhs), at: lhs.location))
    }

    private mutating func parseRange() throws(LanguageError) -> Expr {
        let lhs = try parseAdditive()
        let closed: Bool
        if check(.closedRange) { closed = true } else if check(.halfOpenRange) { closed = false } else { return lhs }
        _ = advance()
        skipNewlines()
        let rhs = try parseAdditive()
        if check(.closedRange) || check(.halfOpenRange) {
            throw error("ranges cannot be chained")
        }
        return try checked(Expr(.range(lhs, rhs, closed: closed), at: lhs.location))
    }

    private mutating func parseAdditive() throws(LanguageError) -> Expr {
        var lhs = try parseMultiplicative()
        while true {
            let op: BinaryOperator
            if check(.plus) { op = .add } else if check(.minus) { op = .subtract } else { return lhs }
            _ = advance()
            skipNewlines()
            lhs = try checked(Expr(.binary(op, lhs, try parseMultiplicative()), at: lhs.location))
        }
    }

    private mutating func parseMultiplicative() throws(LanguageError) -> Expr {
        var lhs = try parseUnary()
        while true {
            let op: BinaryOperator
            if check(.star) { op = .multiply } else if check(.slash) { op = .divide } else if check(.at) { op = .matmul } else { return lhs }
            _ = advance()
            skipNewlines()
            lhs = try checked(Expr(.binary(op, lhs, try parseUnary()), at: lhs.location))
        }
    }

    private mutating func parseUnary() throws(LanguageError) -> Expr {
        let op: UnaryOperator
        if check(.minus) { op = .negate } else if check(.bang) { op = .not } else { return try parsePower() }
        let token = advance()
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        if op == .negate, case .number(let value) = operand.kind {
            return Expr(.number(-value), at: token.location)
        }
        return try checked(Expr(.unary(op, operand), at: token.location))
    }

    private mutating func parsePower() throws(LanguageError) -> Expr {
        let base = try parsePostfix()
        guard check(.caret) else { return base }
        _ = advance()
        skipNewlines()
        try enter()
        defer { leave() }
        // Right-associative, and the exponent may carry a sign: 2^-1, 2^3^2 == 2^(3^2).
        let exponent = try parseUnary()
        return try checked(Expr(.binary(.power, base, exponent), at: base.location))
    }

    private mutating func parsePostfix() throws(LanguageError) -> Expr {
        var expr = try parsePrimary()
        while true {
            if check(.leftParen) {
                let opener = advance()
                var arguments: [Argument] = []
                while !check(.rightParen) {
                    let start = current.location
                    var label: String?
                    if case .identifier(let name) = current.kind, tokens[position + 1].kind == .symbol(.colon) {
                        label = name
                        _ = advance()
                        _ = advance()
                    }
                    arguments.append(Argument(label: label, value: try parseExpression(), location: start))
                    if !match(.comma) { break }
                }
                try expect(.rightParen, "to close the call opened at \(cellPosition(opener.location))",
                           hint: "separate arguments with ',' and close the call with ')'")
                expr = try checked(Expr(.call(expr, arguments), at: expr.location))
            } else if check(.leftBracket) {
                let opener = advance()
                var indices: [Expr] = []
                while !check(.rightBracket) {
                    indices.append(try parseExpression())
                    if !match(.comma) { break }
                }
                try expect(.rightBracket, "to close the index opened at \(cellPosition(opener.location))")
                if indices.isEmpty { throw error("an index needs at least one position", at: opener.location, hint: "write t[0] or t[i, j]") }
                expr = try checked(Expr(.index(expr, indices), at: expr.location))
            } else if check(.dot) {
                _ = advance()
                guard case .identifier(let name) = current.kind else {
                    throw error("expected a field name after '.', found \(current.description)")
                }
                _ = advance()
                expr = try checked(Expr(.member(expr, name), at: expr.location))
            } else {
                return expr
            }
        }
    }

    private mutating func parsePrimary() throws(LanguageError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return Expr(.number(value), at: token.location)
        case .string(let text):
            _ = advance()
            return Expr(.string(text), at: token.location)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Expr(.bool(token.kind == .keyword(.true)), at: token.location)
        case .identifier(let name):
            _ = advance()
            return Expr(.identifier(name), at: token.location)
        case .symbol(.leftParen):
            _ = advance()
            try enter()
            defer { leave() }
            if match(.rightParen) { return Expr(.tuple([]), at: token.location) }
            let first = try parseExpression()
            var items = [first]
            while match(.comma) { items.append(try parseExpression()) }
            try expect(.rightParen, "to close '(' at \(cellPosition(token.location))", hint: "add ')'")
            return items.count == 1 ? first : try checked(Expr(.tuple(items), at: token.location))
        case .symbol(.leftBrace):
            return try parseBlockExpression(after: "")
        case .keyword(.if):
            return try parseIfExpression()
        case .symbol(.leftBracket):
            _ = advance()
            try enter()
            defer { leave() }
            var items: [Expr] = []
            while !check(.rightBracket) {
                items.append(try parseExpression())
                if !match(.comma) { break }
            }
            try expect(.rightBracket, "to close '[' at \(cellPosition(token.location))",
                       hint: "separate elements with ',' and close the list with ']'")
            return try checked(Expr(.list(items), at: token.location))
        default:
            var hint: String?
            if token.kind == .symbol(.star), previous?.kind == .symbol(.star) { hint = "use ^ for powers: x^2" }
            if token.kind == .symbol(.assign) { hint = "use == to compare" }
            if token.kind == .end || token.kind == .newline { hint = "the expression is incomplete" }
            throw error("expected an expression, found \(token.description)", hint: hint)
        }
    }
}
