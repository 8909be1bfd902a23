import Testing
@testable import NBLanguage

/// `mlp`, `train`, `forward`, `predict`, `accuracy` as cells see them.
@Suite struct ModelBuiltinTests {
    @Test func forwardOfALinearModelIsTheAffineMap() {
        // An identity-activation network with one layer is X·W + b, computed here by the tensor
        // operators independently of the learning library.
        let out = run("""
            net = mlp([3, 2], activation: "identity", seed: 4)
            X = [[1, 2, 3], [-1, 0.5, 2]]
            close(forward(net, X), X @ net.parameters[0] + net.parameters[1], rtol: 1e-12)
            shape(net.parameters[0])
            """)[0]
        #expect(out.error == nil)
        #expect(out.transcript == "true\n[3, 2]")
    }

    @Test func trainReturnsANewModelAndLeavesItsArgumentAlone() {
        let out = run("""
            b = blobs(90, centers: 3, seed: 4)
            net = mlp([2, 8, 3], seed: 0)
            fit = train(net, b.X, b.y, epochs: 40, lr: 0.05, optimizer: "adam")
            fit.accuracy > 0.9
            accuracy(net, b.X, b.y) < fit.accuracy
            fit.loss[39] < fit.loss[0]
            accuracy(predict(fit.model, b.X), b.y) == fit.accuracy
            shape(fit.loss)
            """)[0]
        #expect(out.error == nil)
        #expect(out.transcript == "true\ntrue\ntrue\ntrue\n[40]")
        #expect(transcript("train(mlp([2, 3]), [[0, 1]], [2], epochs: 3)").hasPrefix("<plot: Training loss"))
    }

    @Test func microgradsMoonsDemoReachesFullTrainingAccuracy() {
        // micrograd's demo: MLP(2, [16, 16, 1]) with weights uniform on ±1, hinge loss + 1e-4·Σp²,
        // 100 full-batch SGD steps with lr 1 − 0.9k/100.
        let out = run("""
            d = moons(100, noise: 0.1, seed: 1337)
            run = train(mlp([2, 16, 16, 1], init: "uniform", seed: 1337), d.X, d.y, loss: "hinge", l2: 1e-4, epochs: 100, lr: 1, decay: 0.9)
            run.accuracy
            """)[0]
        #expect(out.error == nil)
        #expect(out.transcript == "1")
    }

    @Test func hingeAcceptsZeroOneAndPlusMinusOneLabels() {
        let out = run("""
            d = moons(40, noise: 0.1, seed: 2)
            a = train(mlp([2, 8, 1], seed: 1), d.X, d.y, loss: "hinge", epochs: 20, lr: 0.1)
            b = train(mlp([2, 8, 1], seed: 1), d.X, 2 * d.y - 1, loss: "hinge", epochs: 20, lr: 0.1)
            close(a.loss, b.loss, rtol: 0)
            """)[0]
        #expect(out.error == nil)
        #expect(out.transcript.hasSuffix("true"))
    }

    @Test func mseFitsALine() {
        let out = run("""
            x = reshape(linspace(-1, 1, 21), [21, 1])
            fit = train(mlp([1, 1], activation: "identity", seed: 0), x, 3 * x - 1, loss: "mse", epochs: 500, lr: 0.3)
            close(fit.model.parameters[0], [[3]], rtol: 1e-6) && close(fit.model.parameters[1], [-1], rtol: 1e-6)
            """)[0]
        #expect(out.error == nil)
        #expect(out.transcript.hasSuffix("true"))
    }

    @Test func shapeMismatchNamesBothShapes() throws {
        let message = try #require(errorMessage("train(mlp([2, 4, 3], seed: 0), digits().X, digits().y)"))
        #expect(message.contains("(1797, 64)") && message.contains("(2, 4)"))
        let probe = try #require(errorMessage("knn(zeros([4, 3]), [0, 1, 0, 1], zeros([2, 5]), [0, 1])"))
        #expect(probe.contains("(4, 3)") && probe.contains("(2, 5)"))
    }

    @Test func nanLossStopsWithEpochAndStep() throws {
        let message = try #require(errorMessage("""
            b = blobs(150, centers: 3, seed: 4)
            train(mlp([2, 64, 64, 3], seed: 0), b.X * 1e6, b.y, lr: 1e6, epochs: 5)
            """))
        #expect(message.contains("the loss became") && message.contains("at epoch 5, step 1"), "\(message)")
    }

    @Test func absurdSizesAreRefusedBeforeAllocating() throws {
        let outcome = run("mlp([100000, 100000, 1])")[0]
        let error = try #require(outcome.error)
        #expect(error.message.contains("limit"))
        #expect(errorMessage("mlp([2, 0, 1])")?.contains("layer sizes") == true)
        #expect(errorMessage("train(mlp([2, 1]), zeros([1000, 2]), zeros([1000]), epochs: 900000)")?.contains("limit") == true)
    }

    @Test func classLabelsBeyondTheOutputsAreRefused() throws {
        let message = try #require(errorMessage("train(mlp([2, 2], seed: 0), zeros([3, 2]), [0, 1, 2])"))
        #expect(message.contains("class 2") && message.contains("2 outputs"))
    }
}
