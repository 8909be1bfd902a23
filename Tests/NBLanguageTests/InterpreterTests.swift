import NBDocument
import Foundation
import Testing
@testable import NBLanguage

@Suite struct ValueTextTests {
    @Test(arguments: [
        ("12", "12"),
        ("1/3", "0.3333333333"),
        ("2/3", "0.6666666667"),
        ("0/0", "nan"),
        ("1/0", "inf"),
        ("-1/0", "-inf"),
        ("log(-1)", "nan"),
        ("-0", "0"),
        ("1e-8", "1e-8"),
        ("2^70", "1.180591621e21"),
        ("1e15 - 1", "999999999999999"),
        ("0.1 + 0.2", "0.3"),
        ("[[1, 2], [3, 4]]", "[[1, 2], [3, 4]]"),
        ("[1, 2] / 4", "[0.25, 0.5]"),
        ("[]", "[]"),
        ("dual(3, 1) * dual(2, 0)", "6 + 2ε"),
        ("dual(3, 1)^2", "9 + 6ε"),
        ("1 / dual(2, 1)", "0.5 - 0.25ε"),
        ("sin(dual(0, 1))", "0 + 1ε"),
        ("dual(3, 1).value", "3"),
        ("true && !false", "true"),
        ("\"text\"", "\"text\""),
        ("\"a\" + \"b\"", "\"ab\""),
        ("1...3", "1...3"),
        ("0..<n", "error"),
        ("[\"a\", 1]", "[\"a\", 1]"),
        ("x -> x^2 + 1", "x -> x^2 + 1"),
        ("pi", "3.141592654"),
        ("e", "2.718281828"),
        ("-2^2", "-4"),
        ("2^3^2", "512"),
        ("2^-1", "0.5"),
        ("[1, 2] @ [3, 4]", "11"),
        ("[[1, 2], [3, 4]] @ [1, 1]", "[3, 7]"),
        ("[1, 2] + [[10], [20]]", "[[11, 12], [21, 22]]"),
        ("sqrt([4, 9])", "[2, 3]"),
        ("min(3, 1)", "1"),
        ("max([1, 5, 2])", "5"),
        ("max([1, 2], [3, 0])", "[3, 2]"),
        ("relu(-2) + softplus(0) - log(2)", "0"),
        ("sigmoid(0)", "0.5"),
        ("tanh(0) + atan(1)*4", "3.141592654"),
        ("θ = 2\nθ^2 + θ", "6"),
        ("x = 1 # a comment\nx # another", "1"),
    ])
    func textForm(source: String, expected: String) {
        let out = transcript(source)
        if expected == "error" {
            #expect(out.hasPrefix("error:"))
        } else {
            #expect(out == expected)
        }
    }

    @Test func functionsDisplayAsTheirSource() {
        #expect(transcript("f(x) = x^3 + 2*x\nf") == "f(x) = x^3 + 2*x")
        #expect(transcript("h = (x, y) -> x^2 + y\nh") == "h(x, y) = x^2 + y")
        #expect(transcript("print(sin)") == "<builtin sin>")
    }

    @Test func largeTensorsAreSummarized() {
        let out = transcript("zeros(40, 40)")
        #expect(out.hasPrefix("[[0, 0, 0, ..., 0, 0, 0], [0, 0, 0, ..., 0, 0, 0], [0, 0, 0, ..., 0, 0, 0], ..."))
        #expect(transcript("shape(zeros(40, 40))") == "[40, 40]")
    }

    @Test func stringsStayPlainTextForTheRenderer() {
        // The renderer escapes; the language keeps markup as text (see NBRender's tests).
        let outcome = run("s = \"<script>alert('x') & </script>\"\ns\nprint(s)")[0]
        #expect(outcome.items == [.value("\"<script>alert('x') & </script>\""), .printed("<script>alert('x') & </script>")])
    }
}

@Suite struct StatementTests {
    @Test func theSpecExampleRuns() {
        let outcome = run("""
        # comments start with #
        x = 2                          # binding (rebinding allowed)
        f(x) = x^3 + 2*x               # function definition: a name, parameters, one expression
        g(x, y) = x*y + sin(x)
        h = (x, y) -> x^2 + y          # lambda; one parameter: x -> x^2
        f(x)                           # an expression statement is displayed …
        f(3);                          # … unless it ends with ;
        for i in 1...3 { x = x + i }   # closed range; 0..<n is half-open; also iterates lists
        if x > 5 { print("big") } else { print("small") }
        assert abs(f(2) - 12) < 1e-12, "f(2) should be 12"
        h(x, 1)
        """)[0]
        #expect(outcome.error == nil)
        #expect(outcome.transcript == "12\nbig\n65")
        #expect(outcome.checks == [CheckRecord(kind: .assertion, passed: true, message: "f(2) should be 12", location: TextLocation(line: 10, column: 1))])
    }

    @Test func loopsOverRangesListsAndTensors() {
        #expect(transcript("s = 0\nfor i in 0..<4 { s = s + i }\ns") == "6")
        #expect(transcript("s = 0\nfor i in 1...0 { s = s + 1 }\ns") == "0")
        #expect(transcript("for r in [[1, 2], [3, 4]] { print(r) }") == "[1, 2]\n[3, 4]")
        #expect(transcript("for f in [sin, cos] { print(f(0)) }") == "0\n1")
        #expect(transcript("for i in 1...2 { i }") == "1\n2")
        #expect(transcript("for i in 1...2 { i; }") == "")
    }

    @Test func assertionsRecordChecksAndFailTheCell() {
        let outcome = run("assert 1 < 2\nassert 0/0 < 1, \"nan is not small\"\nprint(\"not reached\")")[0]
        #expect(outcome.checks.map(\.passed) == [true, false])
        #expect(outcome.checks[0].message == "1 < 2")
        #expect(outcome.error?.message == "assertion failed: nan is not small")
        #expect(outcome.error?.location.line == 2)
        #expect(outcome.items.isEmpty)
        #expect(errorMessage("assert 1") == "the assert condition must be true or false, got a number")
    }

    @Test func aFailedCellLeavesItsNamesUndefinedAndTheNextCellRuns() {
        let outcomes = run("a = 1\nb = undefinedThing + 1", "a + 1", "b + 1", "a22 = 5\na23")
        #expect(outcomes[0].error?.message == "undefined name 'undefinedThing'")
        #expect(outcomes[1].transcript == "2")
        #expect(outcomes[2].error?.message == "undefined name 'b'")
        #expect(outcomes[2].error?.hint?.contains("defined by the cell at line 2, which failed") == true)
        #expect(outcomes[3].error?.hint == "did you mean 'a22'?")
    }

    @Test func lambdasCaptureParametersAndFunctionsSeeLaterDefinitions() {
        #expect(transcript("adder(a) = x -> x + a\nadd3 = adder(3)\nadd3(4)") == "7")
        #expect(transcript("f(x) = g(x) + 1\ng(x) = 2*x\nf(5)") == "11")
        #expect(transcript("f(x, y) = x - y\nf(y: 1, x: 10)") == "9")
        #expect(transcript("fact(n) = n * fact(n - 1)\n1") == "1")
    }

    @Test func aCallReadsTheFunctionBoundToItsNameAtEachCall() {
        // A global function is called where it lies; rebinding the name between calls takes effect.
        #expect(transcript("f(x) = x\ns = 0\nfor i in 1...3 { s = s + f(i)\nf(x) = 10*x }\ns") == "51")
        #expect(transcript("f = x -> x + 1\nf(1)\nf = sin\nf(0)\nf = 2\nf(1)")
                == "2\n0\nerror: a number is not a function and cannot be called (line 6)")
        // A lambda bound to a global keeps the frame it captured; a call counts against the limits.
        #expect(transcript("adder(a) = x -> x + a\nadd3 = adder(3)\ns = 0\nfor i in 1...2 { s = s + add3(i) }\ns") == "9")
        #expect(errorMessage("g(x, y) = x\ng(1)") == "g expects 2 arguments, got 1")
        #expect(errorMessage("down(n) = down(n - 1)\ndown(1)")?.hasPrefix("recursion deeper than") == true)
    }

    @Test func indexingAndMembers() {
        #expect(transcript("t = [[1, 2], [3, 4]]\nt[1]\nt[1, 0]") == "[3, 4]\n3")
        #expect(transcript("t = zeros(2, 2)\nt[0, 1] = 5\nt[1] = 7\nt") == "[[0, 5], [7, 7]]")
        #expect(transcript("[\"a\", \"b\"][1]") == "\"b\"")
        #expect(transcript("(2...5)[1]") == "3")
        #expect(errorMessage("[1, 2][2]") == "index 2 is out of range 0..<2 on axis 0")
        #expect(errorMessage("dual(1, 2).foo")?.contains("has no field 'foo'") == true)
        #expect(transcript("[[1, 2, 3]].shape") == "[1, 3]")
    }

    @Test func errorsNameThePlaceAndTheTypes() {
        let outcome = run("x = 1\ny = x + \"a\"", options: SessionOptions())[0]
        #expect(outcome.error?.message == "'+' cannot combine a number and a string")
        #expect(outcome.error?.location == TextLocation(line: 2, column: 5))
        #expect(errorMessage("3(4)") == "a number is not a function and cannot be called")
        #expect(errorMessage("if 1 { }") == "the if condition must be true or false, got a number")
        // Rows of different shapes stay a list of tensors (a model's weights: [W1, W2]).
        #expect(run("[[1, 2], [3]]")[0].items.first?.transcript == "[[1, 2], [3]]")
        #expect(errorMessage("[1, 2, 3] + [1, 2]") == "shapes (3,) and (2,) cannot be broadcast together")
        #expect(errorMessage("f(x) = x\nf(1, 2)") == "f expects 1 argument, got 2")
    }

    @Test func originShiftsErrorLocations() {
        // The file position moves with the origin; the transcript counts from the cell's first line.
        let outcome = Session().run(cell: "x = 1\ny = nope", origin: TextLocation(line: 40, column: 1))
        #expect(outcome.error?.location == TextLocation(line: 41, column: 5))
        #expect(outcome.transcript == "error: undefined name 'nope' (line 2)")
    }
}

@Suite struct BuiltinTests {
    @Test func arityAndTypeErrorsNameTheBuiltinAndItsForm() throws {
        let outcome = run("sin(1, 2)")[0]
        #expect(outcome.error?.message == "sin: expects 1 argument, got 2")
        #expect(outcome.error?.hint == "usage: sin(x)")
        #expect(errorMessage("numgrad(x -> x, 1, step: 2)") == "numgrad: unknown argument label 'step:' (known labels: h:, scheme:)")
        #expect(errorMessage("zeros(\"a\")") == "zeros: dims must be a whole number, got a string")
        #expect(errorMessage("numgrad(x -> x, 1, scheme: \"backward\")")?.contains("scheme: must be") == true)
        #expect(errorMessage("grad((x, y) -> x, [1, 2, 3])") == "grad: at has 3 numbers but the function takes 2 (x, y)")
        #expect(errorMessage("grad(1, 2)")?.contains("must be a function") == true)
        #expect(errorMessage("grad(x -> x < 1, 2)") == "lambda must return a number here, got a boolean")
        #expect(run("sin(1, 2)")[0].error?.location == TextLocation(line: 1, column: 1))
    }

    @Test func tensorBuiltins() {
        #expect(transcript("zeros(2, 3)") == "[[0, 0, 0], [0, 0, 0]]")
        #expect(transcript("ones([2])") == "[1, 1]")
        #expect(transcript("linspace(0, 1, 5)") == "[0, 0.25, 0.5, 0.75, 1]")
        #expect(transcript("shape([[1, 2, 3], [4, 5, 6]])") == "[2, 3]")
        #expect(transcript("sum([[1, 2], [3, 4]])") == "10")
        #expect(transcript("sum([[1, 2], [3, 4]], axis: 0)") == "[4, 6]")
        #expect(transcript("sum([[1, 2], [3, 4]], axis: 1)") == "[3, 7]")
        #expect(transcript("mean([[1, 2], [3, 4]], axis: 1)") == "[1.5, 3.5]")
        #expect(transcript("mean(1...4)") == "2.5")
        #expect(transcript("transpose([[1, 2, 3], [4, 5, 6]])") == "[[1, 4], [2, 5], [3, 6]]")
        #expect(transcript("reshape(1...6, 2, -1)") == "[[1, 2, 3], [4, 5, 6]]")
        #expect(transcript("reshape([[1, 2], [3, 4]], [4])") == "[1, 2, 3, 4]")
        #expect(transcript("argmax([1, 5, 2])") == "1")
        #expect(transcript("argmax([[1, 5], [7, 2]], axis: 1)") == "[1, 0]")
        #expect(transcript("onehot([0, 2], 3)") == "[[1, 0, 0], [0, 0, 1]]")
        #expect(errorMessage("reshape(1...6, 4)") == "reshape: cannot reshape shape (6,) (6 elements) into (4,)")
        #expect(errorMessage("onehot([3], 3)") == "onehot: label 3 is not a class in 0..<3")
        #expect(errorMessage("[[1, 2]] @ [[1, 2]]") == "@ needs matching inner dimensions, got shapes (1, 2) and (1, 2)")
    }

    @Test func randomTensorsAreSeededAndReproducible() throws {
        let a = transcript("randn(3, seed: 7)"), b = transcript("randn(3, seed: 7)")
        #expect(a == b)
        #expect(a != transcript("randn(3, seed: 8)"))
        // The session stream: the same document gives the same numbers; successive draws differ.
        let first = run("rand(2)", "rand(2)")
        let second = run("rand(2)", "rand(2)")
        #expect(first.map(\.transcript) == second.map(\.transcript))
        #expect(first[0].transcript != first[1].transcript)
        #expect(run("rand(2)", options: SessionOptions(seed: 1))[0].transcript != first[0].transcript)
        // Moments of many draws.
        let session = Session()
        _ = session.run(cell: "z = randn(20000, seed: 3)\nm = mean(z)\nv = mean(z^2) - m^2\nu = mean(rand(20000, seed: 3))")
        guard case .number(let m)? = session.value(of: "m"), case .number(let v)? = session.value(of: "v"),
              case .number(let u)? = session.value(of: "u") else { Issue.record("moments"); return }
        #expect(Swift.abs(m) < 0.03 && Swift.abs(v - 1) < 0.05 && Swift.abs(u - 0.5) < 0.01)
        #expect(errorMessage("randn(2, seed: 1.5)") == "randn: seed: must be a whole number, got 1.5")
    }

    @Test func closeUsesRelativeAndAbsoluteTolerances() {
        #expect(transcript("close(0.1 + 0.2, 0.3)") == "true")
        #expect(transcript("close(1, 1.001)") == "false")
        #expect(transcript("close(1, 1.001, rtol: 1e-2)") == "true")
        #expect(transcript("close(0, 1e-12)") == "false")
        #expect(transcript("close(0, 1e-12, atol: 1e-9)") == "true")
        #expect(transcript("close([1, 2], [1, 2 + 1e-12])") == "true")
        #expect(transcript("close(0/0, 0/0)") == "false")
    }

    @Test func printJoinsItsArguments() {
        #expect(transcript("print(\"x =\", 2, [1, 2], dual(1, 1))") == "x = 2 [1, 2] 1 + 1ε")
        #expect(transcript("print()") == "")
    }

    @Test func plotsAndScatterPlots() throws {
        let outcome = run("plot([1, 2, 3], [4, 5, 6], title: \"t\", label: \"a\")\nscatter(1...4, [1, 2, 1, 2], groups: [0, 1, 0, 1])\nplot(sin, linspace(0, 1, 11), yscale: \"log\")")[0]
        #expect(outcome.error == nil)
        let headers = outcome.transcript.split(separator: "\n").filter { $0.hasPrefix("<plot:") }
        #expect(headers == ["<plot: t, 1 series, 3 points>", "<plot: , 1 series, 4 points>", "<plot: , 1 series, 11 points>"])
        guard case .plot(let scatter) = outcome.items[1], case .plot(let curve) = outcome.items[2] else { Issue.record("plots"); return }
        #expect(scatter.series[0].style == .scatter && scatter.series[0].groups == [0, 1, 0, 1])
        #expect(curve.yScale == .log && curve.series[0].ys[10] == sin(1))
        #expect(errorMessage("plot([1, 2], [1])") == "plot: xs and ys must have the same length, got 2 and 1")
    }

    @Test func gradtablePassesAndRecordsItsCheck() throws {
        let outcome = run("g(x, y) = x*y + sin(x)\ngradtable(g, [1, 2])")[0]
        #expect(outcome.error == nil)
        #expect(outcome.checks.map(\.kind) == [.gradtable] && outcome.checks[0].passed)
        guard case .table(let table) = try #require(outcome.items.first) else { Issue.record("table"); return }
        #expect(table.kind == .gradient)
        #expect(table.columns == ["input", "symbolic", "forward", "reverse", "numeric", "max rel. diff", ""])
        #expect(table.rows.map { $0[0] } == ["x", "y"])
        #expect(table.rows[1][2] == "1" && table.rows[1][3] == "1")
        #expect(table.verdicts == [true, true])
    }

    @Test func aFailingGradtableRowFailsTheCellButShowsTheTable() throws {
        // relu at its kink: exact methods say 0, central differences say 0.5.
        let outcomes = run("gradtable(relu, 0)\nprint(\"not reached\")", "1 + 1")
        let outcome = outcomes[0]
        #expect(outcome.checks.map(\.passed) == [false])
        #expect(outcome.error?.message.hasPrefix("gradtable: gradient methods disagree for x") == true)
        guard case .table(let table) = try #require(outcome.items.first) else { Issue.record("table"); return }
        #expect(table.verdicts == [false])
        #expect(table.rows[0].last == "✗")
        #expect(outcomes[1].transcript == "2")
    }

    @Test func gradcheckReturnsABooleanAndRecordsACheck() {
        let outcome = run("gradcheck((x, y) -> x^2*y, [3, 4])\ngradcheck(relu, 0)\ngradcheck(x -> sqrt(x), 0)")[0]
        #expect(outcome.transcript == "true\nfalse\nfalse")
        #expect(outcome.checks.map(\.kind) == [.gradcheck, .gradcheck, .gradcheck])
        #expect(outcome.checks.map(\.passed) == [true, false, false])
        #expect(outcome.error == nil)
    }

    @Test func hsweepIsALogLogPlotWithTheBestStep() throws {
        let session = Session()
        let outcome = session.run(cell: "r = hsweep(x -> exp(x), 1)\nr\nr.best")
        #expect(outcome.error == nil)
        guard case .plot(let plot) = outcome.items[0] else { Issue.record("plot"); return }
        #expect(plot.xScale == .log && plot.yScale == .log)
        #expect(plot.markers.count == 1)
        guard case .value(let bestText) = outcome.items[1], let best = Double(bestText) else { Issue.record("best"); return }
        // Central differences: the best h is near the cube root of machine epsilon (≈ 6e-6).
        #expect(best > 1e-8 && best < 1e-3)
        #expect(Swift.abs(plot.markers[0].x - best) <= 1e-9 * best)
        #expect(transcript("hsweep(x -> x^2, 1, scheme: \"forward\")").hasPrefix("<plot: h-sweep of lambda (forward), 1 series,"))
    }

    @Test func derivativeExplainsWhatItNeeds() {
        #expect(errorMessage("g(x, y) = x*y\nderivative(g)")?.contains("has several parameters") == true)
        #expect(errorMessage("g(x, y) = x*y\nderivative(g, \"z\")") == "derivative: g has no parameter 'z' (parameters: x, y)")
    }
}

@Suite struct SymbolicTests {
    @Test func derivativeDisplaysAFormulaAndIsCallable() throws {
        let outcome = run("f(x) = x^3 + 2*x\ndf = derivative(f)\ndf\ndf(2)\nderivative(df)\ndf(dual(2, 1))")[0]
        #expect(outcome.error == nil)
        #expect(outcome.transcript == "f'(x) = 3*x^2 + 2\n14\nf''(x) = 6*x\n14 + 12ε")
        guard case .formula(let text, let tex) = outcome.items[0] else { Issue.record("formula"); return }
        #expect(text == "f'(x) = 3*x^2 + 2")
        #expect(tex == "f'(x) = 3 x^{2} + 2")
    }

    @Test func partialDerivativesAndAnonymousFunctions() {
        #expect(transcript("g(x, y) = x*y + sin(x)\nderivative(g, \"y\")") == "∂g/∂y(x, y) = x")
        #expect(transcript("derivative(x -> x^2)") == "x -> 2*x")
        #expect(transcript("h = t -> exp(2*t)\nderivative(h)(0)") == "2")
    }

    @Test func symbolicFunctionsCanBeUsedInsideDifferentiatedFunctions() {
        // d/dx of f'(x)·x at 1 for f = x^3: f'(x) x = 3x^3 → 9x^2 = 9.
        #expect(transcript("f(x) = x^3\ndf = derivative(f)\nk(x) = df(x) * x\ngrad(k, 1)\ngradcheck(k, 1.5)") == "9\ntrue")
    }
}

@Suite struct SwellAndDualClosenessTests {
    @Test func swellCountsTreeAndDAGNodes() throws {
        // p(x) = sin(x)*cos(x): the DAG *, sin, cos, x has 4 nodes; its derivative is larger as a
        // tree (shared subexpressions written out) than as a DAG.
        let outcome = run("p(x) = sin(x)*cos(x)\nswell(p, sin)")[0]
        #expect(outcome.error == nil)
        guard case .table(let table) = try #require(outcome.items.first) else { Issue.record("table"); return }
        #expect(table.rows.map { $0[0] } == ["p", "sin"])
        #expect(table.rows[0][1] == "4")
        let tree = Int(table.rows[0][2]) ?? 0, dag = Int(table.rows[0][3]) ?? 0
        #expect(tree >= dag && dag > 4)
        #expect(table.rows[1][1] == "2")
    }

    @Test func closeComparesBothPartsOfDualNumbers() {
        #expect(transcript("a = dual(3, 1)\nclose(1 / a, dual(1/3, -1/9))\nclose(a, dual(3, 1.1))\nclose(dual(2, 0), 2)") == "true\nfalse\ntrue")
    }
}

@Suite struct DisplaySampleTests {
    @Test func samplesCoverEveryKindAndKeepMarkupAsText() {
        let items = DisplaySamples.items()
        #expect(items.count == 10)
        #expect(items[0] == .printed("<script>alert('x') & \"quoted\"</script>"))
        #expect(items[1] == .value("\"<b>bold</b> & <script>\""))
        guard case .formula(let text, _) = items[4], case .table(let table) = items[5], case .plot(let plot) = items[6] else {
            Issue.record("kinds"); return
        }
        #expect(text == "f'(x) = 3*x^2 + 2")
        #expect(table.kind == .gradient)
        #expect(plot.title == "<script>plot</script>")
        let transcript = items.map(\.transcript).joined(separator: "\n")
        #expect(transcript.contains("<plot: <script>plot</script>, 1 series, 5 points>"))
        #expect(transcript.contains("[[1, 2], [3, 4.5]]\n6 + 2ε"))
    }

    @Test func tableTranscriptAlignsColumns() {
        let table = DisplayTable(caption: "t", columns: ["a", "long name"], rows: [["1234", "x"], ["1", "yy"]])
        #expect(table.transcript == "t\na     long name\n----  ---------\n1234  x\n1     yy")
        #expect(DisplayItem.plot(PlotSpec(title: "p", series: [.init(name: "s", xs: [1, 2], ys: [3, 4])])).transcript
                == "<plot: p, 1 series, 2 points>\n  series \"s\": 2 points, x from 1 to 2, y from 3 to 4\n    x  1  2\n    y  3  4")
        #expect(CellOutcome(items: [.value("1")], error: CellError(message: "boom", location: TextLocation(line: 3, column: 1))).transcript == "1\nerror: boom (line 3)")
    }
}
