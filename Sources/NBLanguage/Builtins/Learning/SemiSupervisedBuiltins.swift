import NBLearning

/// Learning from a few labels and many unlabelled samples: `labelspreading`, `pseudolabel`,
/// `pimodel`, `vat`, `labelprop`. Each takes the labels of every sample and which of them may be used (indices or
/// a 0/1 mask) and returns a label for every sample.
public enum SemiSupervisedBuiltins {
    /// The rows, every row's label, and which labels may be used.
    static let data: [BuiltinParameter] = [
        .positional("X", .tensor, "the rows (samples × features)"),
        .positional("y", .tensor, "a class label 0, 1, … per row"),
        .positional("labelled", .tensor, "the indices of the rows whose labels may be used, or a 0/1 mask"),
    ]

    public static let all: [Builtin] = [
        Builtin("labelspreading", .semiSupervised,
            summary: "Label spreading (Zhou et al. 2004, as scikit-learn): a label for every row.",
            parameters: data + [
                .labelled("gamma", .number, default: 20),
                .labelled("alpha", .number, default: 0.2),
                .labelled("maxiter", .wholeNumber, default: 30),
            ],
            examples: [
                BuiltinExample("labelspreading", #"""
                few = [0, 1, 2, 3, 4, 5]
                accuracy(labelspreading(bl.X, bl.y, few), bl.y)
                """#, output: #"""
                0.9888888889
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let labels = try call.partialLabels(labels: 1, labelled: 2, count: x.shape[0])
            let spreading = LabelSpreading(gamma: try call.number(label: "gamma"),
                                           alpha: try call.number(label: "alpha"),
                                           maxIterations: try call.iterations(label: "maxiter"))
            guard x.shape[0] <= LabelSpreading.maximumSamples else {
                throw call.limitError("label spreading builds a dense samples² graph; at most \(LabelSpreading.maximumSamples) samples, got \(x.shape[0])")
            }
            let result = try call.learning {
                try spreading.fit(features: x.scalars, sampleCount: x.shape[0], featureCount: x.shape[1], labels: labels,
                                  budget: call.budget)
            }
            return .tensor(Tensor<Double>(result.transduction.map(Double.init)))
        },
        Builtin("pseudolabel", .semiSupervised,
            summary: "Self-training: `{labels, model, pseudo}`.",
            parameters: data + [
                .labelled("hidden", .any, shown: "[64]"),
                .labelled("threshold", .number, shown: "0.8"),
                .labelled("rounds", .wholeNumber, shown: "3"),
                .labelled("epochs", .wholeNumber, shown: "200"),
                .labelled("lr", .number, shown: "0.01"),
                .documentSeed,
            ],
            discussion: #"""
            Train a network on the labelled rows, adopt its confident predictions (probability above `threshold:`) as labels, retrain, `rounds:` times.

            `pseudo` is how many pseudo-labels the last round used.
            """#,
            examples: [
                BuiltinExample("pseudolabel", #"""
                pl = pseudolabel(bl.X, bl.y, few, hidden: [8], rounds: 1, epochs: 20, seed: 1)
                shape(pl.labels)
                """#, output: #"""
                [90]
                """#),
            ]) { call throws(LanguageError) in
            let (x, labels, classes) = try call.semiSupervisedData()
            var recipe = PseudoLabelling()
            recipe.hiddenSizes = try call.hiddenSizes(inputs: x.shape[1], outputs: classes, default: recipe.hiddenSizes)
            recipe.threshold = try call.number(label: "threshold", default: recipe.threshold)
            recipe.rounds = try call.optionalInteger(label: "rounds") ?? recipe.rounds
            recipe.epochs = try call.optionalInteger(label: "epochs") ?? recipe.epochs
            recipe.learningRate = try call.number(label: "lr", default: recipe.learningRate)
            guard (0...20).contains(recipe.rounds), (1...5000).contains(recipe.epochs) else {
                throw call.error("rounds: must be 0…20 and epochs: 1…5000")
            }
            let result = try call.fit(recipe, x, labels: labels, classes: classes)
            return BuiltinCall.recipeRecord(result, ("pseudo", .number(Double(result.pseudoLabelled))))
        },
        Builtin("pimodel", .semiSupervised,
            summary: "The Π-model: `{labels, model}`.",
            parameters: data + [
                .labelled("hidden", .any, shown: "[64]"),
                .labelled("weight", .number, shown: "30"),
                .labelled("noise", .number, default: 0.1),
                .labelled("shift", .wholeNumber, default: 0),
                .labelled("epochs", .wholeNumber, shown: "200"),
                .labelled("rampup", .wholeNumber, shown: "80"),
                .labelled("lr", .number, shown: "0.01"),
                .documentSeed,
            ],
            discussion: #"""
            Cross-entropy on the labelled rows plus `weight:` times the squared difference between the predictions for two noisy versions of every row, ramped up over `rampup:` epochs.
            """#,
            examples: [
                BuiltinExample("pimodel", #"""
                pm = pimodel(bl.X, bl.y, few, hidden: [8], epochs: 10, rampup: 5, seed: 1)
                shape(pm.labels)
                """#, output: #"""
                [90]
                """#),
            ]) { call throws(LanguageError) in
            let (x, labels, classes) = try call.semiSupervisedData()
            var recipe = PiModel()
            recipe.hiddenSizes = try call.hiddenSizes(inputs: x.shape[1], outputs: classes, default: recipe.hiddenSizes)
            recipe.consistencyWeight = try call.number(label: "weight", default: recipe.consistencyWeight)
            recipe.epochs = try call.optionalInteger(label: "epochs") ?? recipe.epochs
            recipe.rampUpEpochs = try call.optionalInteger(label: "rampup") ?? recipe.rampUpEpochs
            recipe.learningRate = try call.number(label: "lr", default: recipe.learningRate)
            guard (1...5000).contains(recipe.epochs) else { throw call.error("epochs: must be 1…5000") }
            recipe.augmentation = try call.augmentation(features: x.shape[1], noise: 0.1, shift: 0, mask: 0)
            return BuiltinCall.recipeRecord(try call.fit(recipe, x, labels: labels, classes: classes))
        },
        Builtin("vat", .semiSupervised,
            summary: "Virtual adversarial training (Miyato et al. 2018): `{labels, model}`.",
            parameters: data + [
                .labelled("hidden", .any, shown: "[64]"),
                .labelled("eps", .number, shown: "0.8"),
                .labelled("weight", .number, shown: "1"),
                .labelled("epochs", .wholeNumber, shown: "400"),
                .labelled("lr", .number, shown: "0.01"),
                .documentSeed,
            ],
            discussion: #"""
            Cross-entropy on the labelled rows plus `weight:` times the divergence between the prediction at every row and at the row moved by `eps:` in the direction that changes the prediction most (found by differentiating with respect to the input).
            """#,
            examples: [
                BuiltinExample("vat", #"""
                va = vat(bl.X, bl.y, few, hidden: [8], epochs: 10, seed: 1)
                shape(va.labels)
                """#, output: #"""
                [90]
                """#),
            ]) { call throws(LanguageError) in
            let (x, labels, classes) = try call.semiSupervisedData()
            var recipe = VirtualAdversarialTraining()
            recipe.hiddenSizes = try call.hiddenSizes(inputs: x.shape[1], outputs: classes, default: recipe.hiddenSizes)
            recipe.epsilon = try call.number(label: "eps", default: recipe.epsilon)
            recipe.weight = try call.number(label: "weight", default: recipe.weight)
            recipe.epochs = try call.optionalInteger(label: "epochs") ?? recipe.epochs
            recipe.learningRate = try call.number(label: "lr", default: recipe.learningRate)
            guard (1...5000).contains(recipe.epochs) else { throw call.error("epochs: must be 1…5000") }
            guard recipe.epsilon > 0, recipe.epsilon.isFinite, recipe.weight >= 0, recipe.weight.isFinite else {
                throw call.error("eps: must be positive and weight: not negative")
            }
            return BuiltinCall.recipeRecord(try call.fit(recipe, x, labels: labels, classes: classes))
        },
        Builtin("labelprop", .semiSupervised,
            summary: "Deep label propagation (Iscen et al. 2019): `{labels, propagated, certainty, model}`.",
            parameters: data + [
                .labelled("k", .wholeNumber, shown: "5 (at most rows − 1)"),
                .labelled("power", .number, shown: "3"),
                .labelled("alpha", .number, shown: "0.99"),
                .labelled("hidden", .any, shown: "[128]"),
                .labelled("noise", .number, default: 0.1),
                .labelled("shift", .wholeNumber, shown: "1 for square images, else 0"),
                .labelled("mask", .number, default: 0),
                .labelled("epochs", .wholeNumber, shown: "200"),
                .labelled("rounds", .wholeNumber, shown: "1"),
                .labelled("lr", .number, shown: "0.01"),
                .documentSeed,
            ],
            discussion: #"""
            Labels spread over a graph joining each row to its `k:` most similar rows, then a network is trained on every row with those labels, weighted by their certainty.

            `propagated` are the graph's labels, `labels` the network's.
            """#,
            examples: [
                BuiltinExample("labelprop", #"""
                lp = labelprop(bl.X, bl.y, few, hidden: [8], epochs: 10, seed: 1)
                accuracy(lp.propagated, bl.y) > 0.8
                """#, output: #"""
                true
                """#),
            ]) { call throws(LanguageError) in
            let (x, labels, classes) = try call.semiSupervisedData()
            var recipe = DeepLabelPropagation()
            recipe.graph.neighbours = try call.optionalInteger(label: "k") ?? min(recipe.graph.neighbours, max(1, x.shape[0] - 1))
            recipe.graph.power = try call.number(label: "power", default: recipe.graph.power)
            recipe.graph.alpha = try call.number(label: "alpha", default: recipe.graph.alpha)
            recipe.hiddenSizes = try call.hiddenSizes(inputs: x.shape[1], outputs: classes, default: recipe.hiddenSizes)
            recipe.epochs = try call.optionalInteger(label: "epochs") ?? recipe.epochs
            recipe.rounds = try call.optionalInteger(label: "rounds") ?? recipe.rounds
            recipe.learningRate = try call.number(label: "lr", default: recipe.learningRate)
            guard (1...10).contains(recipe.rounds), (1...5000).contains(recipe.epochs) else {
                throw call.error("rounds: must be 1…10 and epochs: 1…5000")
            }
            guard (1..<max(2, x.shape[0])).contains(recipe.graph.neighbours) else {
                throw call.error("k: must lie within 1…\(max(1, x.shape[0] - 1)) for \(x.shape[0]) rows, got \(recipe.graph.neighbours)")
            }
            guard x.shape[0] <= KNNLabelPropagation.maximumSamples else {
                throw call.limitError("the k-NN graph compares every pair of rows; at most \(KNNLabelPropagation.maximumSamples) rows, got \(x.shape[0])")
            }
            // Images (a square number of pixels) shift by one pixel unless told otherwise.
            let side = Int(Double(x.shape[1]).squareRoot().rounded())
            recipe.augmentation = try call.augmentation(features: x.shape[1], noise: 0.1, shift: side * side == x.shape[1] ? 1 : 0, mask: 0)
            let seed = try call.seed()
            let result = try call.learning {
                try recipe.fit(x, labels: labels, classes: classes, seed: seed, budget: call.budget)
            }
            return .record(RecordValue(fields: [
                ("labels", .tensor(Tensor<Double>(result.transduction.map(Double.init)))),
                ("propagated", .tensor(Tensor<Double>(result.propagated.map(Double.init)))),
                ("certainty", .tensor(Tensor<Double>(result.certainty))),
                ("model", BuiltinCall.modelValue(result.model)),
            ]))
        },
    ]
}

extension BuiltinCall {
    /// Trains `recipe` on X under the call's `seed:`.
    func fit(_ recipe: some SemiSupervisedRecipe, _ x: Tensor<Double>, labels: [Int?], classes: Int) throws(LanguageError) -> SemiSupervisedResult {
        let seed = try seed()
        return try learning { try recipe.fit(x, labels: labels, classes: classes, seed: seed, budget: budget) }
    }

    /// `{labels, model}` of a trained recipe, then `extra` fields.
    static func recipeRecord(_ result: SemiSupervisedResult, _ extra: (String, Value)...) -> Value {
        .record(RecordValue(fields: [
            ("labels", .tensor(Tensor<Double>(result.transduction.map(Double.init)))),
            ("model", modelValue(result.model)),
        ] + extra))
    }

    /// X, the partial labels and the number of classes of a `f(X, y, labelled, …)` call.
    func semiSupervisedData() throws(LanguageError) -> (Tensor<Double>, [Int?], Int) {
        let x = try matrix(0, "X")
        let labels = try partialLabels(labels: 1, labelled: 2, count: x.shape[0])
        let all = try self.labels(try vector(1, "y", count: x.shape[0]), "y", at: 1)
        return (x, labels, (all.max() ?? 0) + 1)
    }

    /// `hidden:` layer sizes between `inputs` and `outputs`, checked like `mlp`'s.
    func hiddenSizes(inputs: Int, outputs: Int, label: String = "hidden", default fallback: [Int]) throws(LanguageError) -> [Int] {
        guard let value = named[label] else { return fallback }
        var listed: Value = value
        if case .number(let n) = value { listed = .tensor(Tensor<Double>([n])) }
        let sizes = try layerSizes(.tensor(Tensor<Double>([Double(inputs)] + (listed.asTensor?.scalars ?? []) + [Double(outputs)])),
                                   "\(label):", at: namedLocations[label] ?? location)
        return Array(sizes.dropFirst().dropLast())
    }

    /// The image augmentation of `noise:`, `shift:`, `mask:` for square images of `features` pixels.
    func augmentation(features: Int, noise: Double, shift: Int, mask: Double) throws(LanguageError) -> ImageAugmentation {
        let noise = try number(label: "noise", default: noise)
        let shift = try optionalInteger(label: "shift") ?? shift
        let mask = try number(label: "mask", default: mask)
        let side = Int(Double(features).squareRoot().rounded())
        guard side * side == features else {
            // Rows that are not square images still take Gaussian noise and masking.
            guard shift == 0 else {
                throw error("shift: needs square images; \(features) features is not a square number of pixels", hint: "use shift: 0")
            }
            guard noise >= 0, (0...1).contains(mask) else { throw error("noise: must be ≥ 0, mask: within 0…1") }
            return ImageAugmentation(height: 1, width: features, maxShift: 0, noise: noise, maskProbability: mask)
        }
        guard noise >= 0, (0..<side).contains(shift), (0...1).contains(mask) else {
            throw error("noise: must be ≥ 0, shift: within 0..<\(side), mask: within 0…1")
        }
        return ImageAugmentation(height: side, width: side, maxShift: shift, noise: noise, maskProbability: mask)
    }
}
