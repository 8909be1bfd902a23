import NBDocument
import Testing
@testable import NBLanguage

/// Programs in function bodies (SPEC §4): blocks, `if` expressions, loops, local bindings,
/// closures and recursion, run by the one evaluator and differentiated by every method.
@Suite struct ProgramTests {
    /// The SPEC's example: a block with a loop and an `if` as its value.
    let specExample = "f(x) = { y = x^2; for i in 1...3 { y = y + i }; if y > 10 { y } else { -y } }"

    @Test func blocksLoopsAndIfGiveTheirValues() {
        #expect(transcript("\(specExample)\nf(2)\nf(3)") == "-10\n15")
        #expect(transcript("y = if 2 > 1 { 10 } else { 20 }\ny") == "10")
        #expect(transcript("z = { a = 3\n  b = a * 2\n  a + b }\nz") == "9")
        #expect(transcript("s(n) = if n <= 0 { 0 } else if n == 1 { 1 } else { 2 }\n[s(-1), s(1), s(5)]") == "[0, 1, 2]")
    }

    @Test func everyMethodFollowsTheBranchTaken() {
        // f = -(x² + 6) at 2 (y = 10 is not > 10), x² + 6 at 3.
        #expect(transcript("\(specExample)\ngrad(f, 2)\ngrad(f, 3)\njvp(f, [3], [1])\nhessian(f, 2)") == "-4\n6\n6\n-2")
        let huber = "huber(x) = if abs(x) < 1 { 0.5*x^2 } else { abs(x) - 0.5 }"
        #expect(transcript("\(huber)\n[grad(huber, 0.5), grad(huber, 3), grad(huber, -3)]\n[hessian(huber, 0.5), hessian(huber, 3)]")
                == "[0.5, 1, -1]\n[1, 0]")
        #expect(transcript("\(huber)\ngradcheck(huber, [0.5]) && gradcheck(huber, [-2])") == "true")
    }

    @Test func loopsOverTensorsAndLocalFunctions() {
        #expect(transcript("s(w) = { t = 0; for v in w { t = t + v^2 }; t }\ngrad(s, [1, 2, 3])") == "[2, 4, 6]")
        #expect(transcript("f(x) = { sq(t) = t*t; sq(x) + x }\ngrad(f, 3)") == "7")
    }

    @Test func closuresAndRecursionAreDifferentiated() {
        #expect(transcript("make(a) = x -> a * x^2\ng = make(3)\ngrad(g, 2)") == "12")
        #expect(transcript("p(x, n) = if n == 0 { 1 } else { x * p(x, n - 1) }\ngrad(x -> p(x, 5), 2)") == "80")
        // A closure over a value that is itself being differentiated.
        #expect(transcript("f(x) = { h = t -> x * t; h(x) + h(1) }\ngrad(f, 3)") == "7")
    }

    @Test func aNameReadOnAPathThatNeverBoundItIsAnError() {
        let outcome = run("f(x) = { if x > 0 { y = 1 }; y }\nf(1)\nf(-1)")[0]
        #expect(outcome.items.first?.transcript == "1")
        #expect(outcome.error?.message == "'y' has no value here")
        #expect(outcome.error?.location == TextLocation(line: 1, column: 30))
    }

    @Test func theSymbolicMethodNamesWhatItCannotExpress() {
        // An if on the variable is a piecewise formula (PiecewiseDerivativeTests); a loop whose
        // number of steps depends on it is not.
        #expect(transcript("huber(x) = if abs(x) < 1 { 0.5*x^2 } else { abs(x) - 0.5 }\nderivative(huber)")
                == "huber'(x) = if abs(x) < 1 { x } else { sign(x) }")
        let message = errorMessage("f(x) = { s = 0; for i in 1...x { s = s + i }; s }\nderivative(f)")
        #expect(message == "a range (a loop's number of steps) that depends on the variable has no symbolic form")
    }

    @Test func statementsThatOnlyACellHasAreRefusedInBlocks() {
        #expect(parseError("f(x) = { assert x > 0; x }")?.message == "assert is written at the top level of a cell, not inside a block")
        #expect(parseError("f(x) = { t[0] = 1; x }")?.message == "an element cannot be assigned inside a block")
        #expect(parseError("f(x) = { y = 1")?.message.hasPrefix("expected '}' to close the block") == true)
    }

    @Test func functionsWithBlocksRoundTripThroughTheirSource() throws {
        #expect(transcript("f(x) = if x > 1 { x } else if x < -1 { 0 } else { -x }\nf") == "f(x) = if x > 1 { x } else if x < -1 { 0 } else { -x }")
        #expect(try reprinted("{ y = x^2; for i in 1...3 { y = y + i }; y }") == "{ y = x^2; for i in 1...3 { y = y + i }; y }")
    }

    @Test func recursionPastTheLimitIsAClearError() {
        let message = errorMessage("r(x) = if x > 1e9 { x } else { r(x + 1) }\ngrad(r, 0)")
        #expect(message?.hasPrefix("recursion deeper than") == true)
    }
}
