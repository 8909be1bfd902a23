import NBDocument
import Testing
@testable import NBLanguage

@Suite struct ParserTests {
    @Test(arguments: [
        ("-x^2", "(- (^ x 2))"),
        ("-2^2", "(- (^ 2 2))"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("2^-x", "(^ 2 (- x))"),
        ("a + b * c", "(+ a (* b c))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b * c", "(* (/ a b) c)"),
        ("a @ b + c", "(+ (@ a b) c)"),
        ("!a && b || c", "(|| (&& (! a) b) c)"),
        ("a < b + 1 && c == d", "(&& (< a (+ b 1)) (== c d))"),
        ("1...n + 1", "(... 1 (+ n 1))"),
        ("0..<n", "(..< 0 n)"),
        ("x -> x^2", "(-> (x) (^ x 2))"),
        ("(x, y) -> x*y + 1", "(-> (x y) (+ (* x y) 1))"),
        ("x -> y -> x + y", "(-> (x) (-> (y) (+ x y)))"),
        ("() -> 1", "(-> () 1)"),
        ("f(a, h: 1e-5)", "(call f a h: 1e-5)"),
        ("t[i, j]", "(index t i j)"),
        ("r.best.x", "(. (. r best) x)"),
        ("f(x)(y)[0]", "(index (call (call f x) y) 0)"),
        ("-f(x)^2", "(- (^ (call f x) 2))"),
        ("[[1, 2], [3, 4]]", "[[1 2] [3 4]]"),
        ("θ * 2", "(* θ 2)"),
        ("\"a\\\"b\"", "\"a\"b\""),
        ("2.5e-3 + .5e0", "<error>"),
    ])
    func precedence(source: String, expected: String) throws {
        if expected == "<error>" {
            #expect(parseError(source) != nil)
        } else {
            #expect(try tree(source) == expected)
        }
    }

    @Test func numbersLexExactly() throws {
        #expect(try tree("1e-8") == "1e-8")
        #expect(try tree("1_000_000") == "1000000")
        #expect(try tree("1...3") == "(... 1 3)")
        #expect(try tree("1.5...2.5") == "(... 1.5 2.5)")
    }

    @Test func statements() throws {
        let source = """
        x = 2                          # binding
        f(x) = x^3 + 2*x
        f(3);
        for i in 1...3 { x = x + i }
        if x > 5 { print("big") } else if x > 2 { print("mid") }
        else { print("small") }
        assert abs(f(2) - 12) < 1e-12, "f(2) should be 12"
        t[0, 1] = 5
        """
        let statements = try Parser.parse(source)
        #expect(statements.count == 7)
        guard case .assign("x", _) = statements[0].kind else { Issue.record("assign"); return }
        guard case .define("f", ["x"], _) = statements[1].kind else { Issue.record("define"); return }
        #expect(statements[2].suppressed)
        #expect(!statements[1].suppressed)
        guard case .forIn("i", _, let body) = statements[3].kind else { Issue.record("for"); return }
        #expect(body.count == 1)
        guard case .ifElse(_, _, let otherwise?) = statements[4].kind, case .ifElse(_, _, let last?) = otherwise[0].kind else {
            Issue.record("else if / else on the next line"); return
        }
        #expect(last.count == 1)
        guard case .assert(_, let message?) = statements[5].kind, case .string("f(2) should be 12") = message.kind else {
            Issue.record("assert"); return
        }
        guard case .assignIndex("t", let indices, _) = statements[6].kind else { Issue.record("index assignment"); return }
        #expect(indices.count == 2)
    }

    @Test func newlinesInsideBracketsContinueTheStatement() throws {
        let statements = try Parser.parse("y = f(1,\n  2) + [3,\n 4]\nz = 1 +\n  2")
        #expect(statements.count == 2)
    }

    @Test func positionsAreAbsoluteInTheMarkdownFile() throws {
        // The cell starts at line 10, column 5 of the Markdown file.
        let origin = TextLocation(line: 10, column: 5)
        let statements = try Parser.parse("x = 1\n  y = x + θ", origin: origin)
        #expect(statements[0].location == TextLocation(line: 10, column: 5))
        #expect(statements[1].location == TextLocation(line: 11, column: 3))
        guard case .assign(_, let value) = statements[1].kind, case .binary(_, _, let rhs) = value.kind else { return }
        #expect(rhs.location == TextLocation(line: 11, column: 11))
        let error = parseError("x = 1 +", origin: origin)
        #expect(error?.location == TextLocation(line: 10, column: 12))
    }

    @Test func printsSourceWithMinimalParentheses() throws {
        #expect(try reprinted("-x^2") == "-x^2")
        #expect(try reprinted("(-x)^2") == "(-x)^2")
        #expect(try reprinted("(-2)^2") == "(-2)^2")
        #expect(try reprinted("a - (b - c)") == "a - (b - c)")
        #expect(try reprinted("(a - b) - c") == "a - b - c")
        #expect(try reprinted("(2^3)^2") == "(2^3)^2")
        #expect(try reprinted("2^3^2") == "2^3^2")
        #expect(try reprinted("(x, y) -> x*(y + 1)") == "(x, y) -> x*(y + 1)")
        #expect(try reprinted("f(a, h: 1e-5)") == "f(a, h: 1e-5)")
    }
}

@Suite struct ParseErrorTests {
    @Test func unclosedParenthesisNamesTheOpener() throws {
        let error = try #require(parseError("y = f(1, 2\nz = 3"))
        #expect(error.kind == .syntax)
        #expect(error.message.contains("to close the call opened at line 1, column 6"))
        #expect(error.location.line == 2)
    }

    @Test func caretExcerptPointsAtTheMistake() throws {
        let error = try #require(parseError("x = 2 ** 3"))
        #expect(error.message == "expected an expression, found '*'")
        #expect(error.hint == "use ^ for powers: x^2")
        #expect(error.excerpt == "  x = 2 ** 3\n         ^")
        #expect(error.location == TextLocation(line: 1, column: 8))
        let cellError = error.cellError
        #expect(cellError.transcript == "error: expected an expression, found '*' (line 1)")
        #expect(cellError.hint == "use ^ for powers: x^2")
        #expect(cellError.details?.contains("^") == true)
    }

    @Test(arguments: [
        // (cell source, origin line, expected line, expected column)
        ("a = 1\ny = (a +\n", 5, 6, 9),        // after the '+', not on the closing fence's line
        ("f(x) = \n", 3, 3, 7),
        ("g(1, 2\n", 10, 10, 7),              // the ')' that is missing goes after the 2
        ("z = [1,\n  2,\n", 1, 2, 5),
    ])
    func anIncompleteStatementIsPointedAtWhereItStops(source: String, origin: Int, line: Int, column: Int) throws {
        let error = try #require(parseError(source, origin: TextLocation(line: origin, column: 1)))
        #expect(error.location == TextLocation(line: line, column: column), "\(error.message)")
        #expect(error.excerpt?.hasSuffix("^") == true)
    }

    @Test(arguments: [
        ("if x = 3 { }", "use == to compare"),
        ("let x = 3", "the cell language has no 'let'"),
        ("x = 'a'", "strings use double quotes"),
        ("f(1) = 2", "parameters must be plain names"),
        ("1 + 2 = 3", "cannot assign"),
        ("a < b < c", "cannot be chained"),
        ("for i 1...3 { }", "expected 'in'"),
        ("for i in 1...3 {\n x = 1\n", "expected '}' to close the block opened at line 1"),
        ("x = \"abc", "unterminated string"),
        ("x = 2y", "cannot run into a name"),
        ("(a, b)", "only valid as lambda parameters"),
        ("f(x) = ", "the expression is incomplete"),
        ("}", "unexpected '}'"),
        ("else { }", "'else' without 'if'"),
        ("x = 1 y = 2", "expected end of statement"),
    ])
    func mistakesAreExplained(source: String, expected: String) throws {
        let error = try #require(parseError(source))
        let text = [error.message, error.hint ?? ""].joined(separator: " | ")
        #expect(text.contains(expected), "\(text)")
    }

    @Test func deepNestingIsAClearErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let error = try #require(parseError(deep))
        #expect(error.message.contains("too deeply nested"))
        let unary = String(repeating: "-", count: 100_000) + "1"
        #expect(parseError(unary)?.message.contains("too deeply nested") == true)
        let chain = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(parseError(chain)?.message.contains("too long or too deeply nested") == true)
        let lists = String(repeating: "[", count: 100_000)
        #expect(parseError(lists) != nil)
    }

    @Test func moderateNestingIsFine() throws {
        let nested = String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        #expect(parseError(nested) == nil)
        let chain = Array(repeating: "1", count: 1_000).joined(separator: " + ")
        #expect(parseError(chain) == nil)
    }
}
