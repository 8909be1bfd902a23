import NBLearning

/// Networks as values: `mlp`, `train`, `predict`, `forward`, `accuracy`.
public enum ModelBuiltins {
    public static let all: [Builtin] = [
        Builtin("mlp", .networks,
            summary: "A multilayer perceptron with a linear last layer, as a model record `{sizes, activation, parameters}`.",
            parameters: [
                .positional("sizes", .list),
                .labelled("activation", .string, default: "relu"),
                .labelled("init", .string, default: "default"),
                .documentSeed,
            ],
            discussion: #"""
            `parameters` is the list `[W₁, b₁, W₂, b₂, …]` of plain tensors (W of shape inputs × outputs).

            `activation:` is `"relu"`, `"tanh"`, `"sigmoid"`, `"softplus"` or `"identity"`.
            """#,
            examples: [
                BuiltinExample("mlp", #"""
                net = mlp([2, 8, 3], seed: 0)
                net.sizes
                [shape(net.parameters[0]), shape(net.parameters[1])]
                """#, output: #"""
                [2, 8, 3]
                [[2, 8], [8]]
                """#),
            ]) { call throws(LanguageError) in
            let sizes = try call.layerSizes(call.positional[0], "sizes", at: call.location(of: 0))
            let activation = try call.activation()
            let seed = try call.seed()
            let initialization: Initialization?
            switch try call.string(label: "init").lowercased() {
            case "default": initialization = nil
            case "he": initialization = .heNormal
            case "xavier": initialization = .xavierUniform
            case "uniform": initialization = .uniform(1)
            case let other: throw call.error("unknown init \"\(other)\"", hint: "init: \"he\", \"xavier\" or \"uniform\" (uniform on ±1, as micrograd)")
            }
            return BuiltinCall.modelValue(try call.learning {
                try MLP<Double>(sizes: sizes, activation: activation, initialization: initialization, seed: seed)
            })
        },
        Builtin("train", .networks,
            summary: "Trains a copy of the model: `{model, loss, accuracy}`, shown as the loss curve.",
            parameters: [
                .positional("model", .record),
                .positional("X", .tensor),
                .positional("y", .tensor),
                .labelled("epochs", .wholeNumber, default: 100),
                .labelled("lr", .number, default: 0.01),
                .labelled("optimizer", .string, default: "sgd"),
                .labelled("momentum", .number, default: 0),
                .labelled("batch", .wholeNumber, shown: "all rows"),
                .labelled("loss", .string, default: "crossentropy"),
                .labelled("l2", .number, default: 0),
                .labelled("decay", .number, default: 0),
                .documentSeed,
            ],
            discussion: #"""
            `model` is the trained model, `loss` the mean loss per epoch, `accuracy` the accuracy on `(X, y)`.

            `optimizer:` is `"sgd"` or `"adam"`; `loss:` is `"crossentropy"`, `"hinge"` or `"mse"`.
            """#,
            examples: [
                BuiltinExample("train", #"""
                fit = train(net, bl.X, bl.y, epochs: 20, lr: 0.05, optimizer: "adam")
                fit
                fit.accuracy > 0.9
                """#, output: #"""
                <plot: Training loss (ADAM, (2, 8, 3)), 1 series, 20 points>
                  series "loss": 20 points, x from 1 to 20, y from 0.08328585033 to 6.286787891
                    x  1  4  6  9  12  15  17  20
                    y  6.286787891  2.179589979  0.635055096  0.4924560917  0.3994250514  0.2540128451  0.1697807905  0.08328585033
                true
                """#),
            ]) { call throws(LanguageError) in
            var model = try call.model(0)
            let x = try call.matrix(1, "X")
            try call.checkInputs(x, fit: model, at: 1)
            let settings = try TrainingRun(call, samples: x.shape[0])
            let targets = try call.targets(2, for: model, samples: x.shape[0], loss: settings.loss)
            let inputs = try x
            let history = try settings.run(&model, inputs: inputs, targets: targets, call: call)
            var fields: [(name: String, value: Value)] = [
                ("model", BuiltinCall.modelValue(model)),
                ("loss", .tensor(Tensor<Double>(history.loss))),
            ]
            if let final = try call.learning({ try NBLearning.accuracy(model, inputs: inputs, targets: targets) }) {
                fields.append(("accuracy", .number(final)))
            }
            let epochs = history.loss.indices.map { Double($0 + 1) }
            let plot = PlotSpec(title: "Training loss (\(settings.optimizer.uppercased()), \(TensorError.format(model.sizes)))",
                                xLabel: "epoch", yLabel: "loss",
                                yScale: history.loss.allSatisfy { $0 > 0 } ? .log : .linear,
                                series: [PlotSpec.Series(name: "loss", xs: epochs, ys: history.loss)])
            return .record(RecordValue(fields: fields, display: history.loss.isEmpty ? nil : .plot(plot)))
        },
        Builtin("forward", .networks,
            summary: "The network's raw outputs (before softmax), one row per row of `X`.",
            parameters: [.positional("model", .record), .positional("X", .tensor)],
            examples: [
                BuiltinExample("forward", #"""
                shape(forward(fit.model, bl.X))
                """#, output: #"""
                [90, 3]
                """#),
            ]) { call throws(LanguageError) in
            let model = try call.model(0)
            let x = try call.matrix(1, "X")
            try call.checkInputs(x, fit: model, at: 1)
            let out = try call.outputs(of: model, on: x)
            if out.shape[1] == 1 { return .tensor(Tensor<Double>(out.scalars)) }
            return .tensor(out)
        },
        Builtin("predict", .networks,
            summary: "Class labels: the argmax of each row of outputs, or, for a network with one output, 1 where it is positive and 0 elsewhere.",
            parameters: [.positional("model", .record), .positional("X", .tensor)],
            examples: [
                BuiltinExample("predict", #"""
                rows(predict(fit.model, bl.X), 0..<5)
                rows(bl.y, 0..<5)
                """#, output: #"""
                [1, 2, 0, 1, 1]
                [1, 2, 0, 1, 1]
                """#),
            ]) { call throws(LanguageError) in
            let model = try call.model(0)
            let x = try call.matrix(1, "X")
            try call.checkInputs(x, fit: model, at: 1)
            return .tensor(Tensor<Double>(BuiltinCall.classes(of: try call.outputs(of: model, on: x)).map(Double.init)))
        },
        Builtin("accuracy", .networks,
            summary: "The fraction of rows classified correctly, from a model and data or from predicted labels.",
            parameters: [.positional("model", .record), .positional("X", .tensor), .positional("y", .tensor)],
            alternatives: [[.positional("predicted", .tensor), .positional("y", .tensor)]],
            examples: [
                BuiltinExample("accuracy", #"""
                accuracy([0, 1, 1, 0], [0, 1, 0, 0])
                """#, output: #"""
                0.75
                """#),
            ]) { call throws(LanguageError) in
            let predicted: [Int], truth: [Double]
            if call.positional.count == 2 {
                let p = try call.tensor(0, "the predicted labels")
                truth = try call.vector(1, "y", count: p.count)
                predicted = try call.labels(p.scalars, "the predicted labels", at: 0)
            } else {
                let model = try call.model(0)
                let x = try call.matrix(1, "X")
                try call.checkInputs(x, fit: model, at: 1)
                truth = try call.vector(2, "y", count: x.shape[0])
                predicted = BuiltinCall.classes(of: try call.outputs(of: model, on: x))
            }
            // ±1 labels compare with 0/1 predictions by their sign.
            let signs = truth.contains(-1)
            let correct = zip(predicted, truth).filter { p, t in signs ? (p == 1) == (t > 0) : Double(p) == t }.count
            return .number(Double(correct) / Double(max(truth.count, 1)))
        },
    ]
}

extension BuiltinCall {
    /// The targets `y` of a training call, checked against the model's outputs and the loss.
    func targets(_ index: Int, for model: MLP<Double>, samples: Int, loss: LossFunction) throws(LanguageError) -> TrainingTargets<Double> {
        let outputs = model.sizes.last ?? 1
        let y = try tensor(index, "y")
        let at = location(of: index)
        switch loss {
        case .softmaxCrossEntropy:
            let classes = try labels(try vector(index, "y", count: samples), "y", at: index)
            if let top = classes.max(), top >= outputs {
                throw error("y has class \(top) but the model has only \(outputs) output\(outputs == 1 ? "" : "s") (classes 0..<\(outputs))", at: at,
                            hint: "make the last layer size the number of classes, or use loss: \"hinge\" with one output")
            }
            return .classes(classes)
        case .hinge:
            guard outputs == 1 else {
                throw error("the hinge loss needs a model with one output, the model has sizes \(TensorError.format(model.sizes))", at: at)
            }
            let values = try vector(index, "y", count: samples)
            guard values.allSatisfy({ $0 == 0 || $0 == 1 || $0 == -1 }) else {
                throw error("the hinge loss needs labels ±1 (or 0/1)", at: at)
            }
            let signs = values.contains(-1) ? values : values.map { 2 * $0 - 1 }
            return .signs(try learning { try Tensor(shape: [samples], scalars: signs) })
        case .meanSquaredError:
            let shape = y.rank == 1 ? [y.count, 1] : y.shape
            guard shape == [samples, outputs] else {
                throw error("y has shape \(TensorError.format(y.shape)) but the model's outputs have shape \(TensorError.format([samples, outputs]))", at: at)
            }
            return .values(try learning { try Tensor(shape: shape, scalars: y.scalars) })
        }
    }
}
