import Testing
@testable import NBLanguage

/// `grad(f, [W1, b1, W2, …])`: one gradient per parameter with its shape (SPEC §4).
@Suite struct StructuredParameterTests {
    let model = """
    X = [[1, 2, 0.5], [0.3, -1, 2]]
    Y = [[1, 0], [0, 1]]
    W1 = [[0.1, -0.2, 0.3, 0.0], [0.5, 0.1, -0.1, 0.2], [-0.3, 0.2, 0.1, 0.4]]
    b1 = [0.1, 0, -0.1, 0.2]
    W2 = [[0.2, -0.1], [0.0, 0.3], [0.1, 0.1], [-0.2, 0.4]]
    loss(W1, b1, W2) = mean((tanh(X @ W1 + b1) @ W2 - Y)^2)
    """

    @Test func gradientsHaveTheShapesOfTheParameters() {
        let outcome = run(model + "\ng = grad(loss, [W1, b1, W2])\n[shape(g[0]), shape(g[1]), shape(g[2])]")[0]
        #expect(outcome.error == nil)
        #expect(outcome.items.last?.transcript == "[[3, 4], [4], [4, 2]]")
    }

    @Test func structuredGradientsAgreeWithCentralDifferences() {
        let cells = model + """

        g = grad(loss, [W1, b1, W2])
        n = numgrad(loss, [W1, b1, W2])
        close(g[0], n[0], rtol: 1e-7, atol: 1e-9) && close(g[1], n[1], rtol: 1e-7, atol: 1e-9) && close(g[2], n[2], rtol: 1e-7, atol: 1e-9)
        """
        #expect(run(cells)[0].items.last?.transcript == "true")
    }

    @Test func valuegradGivesValueAndGradientFromOneSweep() {
        let cells = model + "\nr = valuegrad(loss, [W1, b1, W2])\n[r.value == loss(W1, b1, W2), close(r.grad[1], grad(loss, [W1, b1, W2])[1])]"
        #expect(run(cells)[0].items.last?.transcript == "[true, true]")
        #expect(transcript("valuegrad(x -> x^3, 2)") == "(value: 8, grad: 12)")
    }

    @Test func aTrainingLoopWrittenInCellsLowersTheLoss() {
        let cells = model + """

        lr = 0.5
        before = loss(W1, b1, W2)
        for step in 1...20 {
          g = grad(loss, [W1, b1, W2])
          W1 = W1 - lr * g[0]
          b1 = b1 - lr * g[1]
          W2 = W2 - lr * g[2]
        }
        loss(W1, b1, W2) < before / 4
        """
        #expect(run(cells)[0].items.last?.transcript == "true")
    }

    @Test func aPointThatDoesNotMatchTheParametersIsAClearError() {
        #expect(errorMessage(model + "\ngrad(loss, [W1, W2])")
                == "grad: at has 2 values but the function takes 3 (W1, b1, W2)")
        let outcome = run(model + "\ngrad(loss, [W2, b1, W1])")[0]
        #expect(outcome.error?.message.contains("@ needs matching inner dimensions") == true)
        #expect(outcome.error?.location.line == 6)
    }
}
