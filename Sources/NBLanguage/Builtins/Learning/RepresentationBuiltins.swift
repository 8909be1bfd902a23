import NBLearning

/// Representations and how to score them: `pca`, `kmeans`, `knn`, `linearprobe`, `autoencoder`,
/// `contrastive`.
public enum RepresentationBuiltins {
    /// The training and test rows of a probe, with their labels.
    static let probeData: [BuiltinParameter] = [
        .positional("Xtrain", .tensor, "the training rows (samples × features)"),
        .positional("ytrain", .tensor, "a class label per training row"),
        .positional("Xtest", .tensor, "the test rows, as wide as Xtrain"),
        .positional("ytest", .tensor, "a class label per test row"),
    ]

    public static let all: [Builtin] = [
        Builtin("pca", .representations,
            summary: "Principal components: `{scores, components, ratio}`, shown as a scatter of the first two.",
            parameters: [.positional("X", .tensor), .positional("k", .wholeNumber), .labelled("labels", .tensor, shown: "none")],
            discussion: #"""
            `scores` are the rows projected on the first `k` components and `ratio` the explained variance ratio; the scatter is coloured by `labels:`.
            """#,
            examples: [
                BuiltinExample("pca", #"""
                pc = pca(bl.X, 2, labels: bl.y)
                pc
                shape(pc.scores)
                """#, output: #"""
                <plot: PCA: first two components, 1 series, 90 points>
                  series "samples": scatter, 90 points, x from -6.090937347 to 7.426996775, y from -3.477078671 to 3.802806107
                    x  -4.045874076  -4.005913442  -4.474501101  5.680920765  5.295970305  5.356506336  -4.62682869  6.350121282
                    y  2.568462602  -0.07163593501  -0.06385519031  0.7202099181  0.6513607469  1.136529372  2.038366208  1.308792085
                    groups  0: 30, 1: 30, 2: 30
                    group  1  1  1  0  0  0  1  0
                [90, 2]
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let k = try call.integer(1, "k")
            guard (1...x.shape[1]).contains(k) else { throw call.error("k must be between 1 and \(x.shape[1]) (the number of features), got \(k)") }
            let data = try x
            let (pca, scores) = try call.learning { () throws -> (PCA, Tensor<Double>) in
                let pca = try PCA(fitting: data, components: k, budget: call.budget)
                return (pca, try pca.transform(data))
            }
            var display: DisplayItem?
            if k >= 2 {
                var groups: [Int]?
                if let labels = try call.optionalTensor(label: "labels") {
                    guard labels.count == x.shape[0] else {
                        throw call.error("labels: has \(labels.count) entries but X has \(x.shape[0]) rows", at: call.namedLocations["labels"])
                    }
                    groups = try call.labels(labels.scalars, "labels:", at: 0)
                }
                let s = scores.scalars
                display = .plot(PlotSpec(title: "PCA: first two components", xLabel: "component 1", yLabel: "component 2", series: [
                    PlotSpec.Series(name: "samples", xs: stride(from: 0, to: s.count, by: k).map { s[$0] },
                                    ys: stride(from: 1, to: s.count, by: k).map { s[$0] }, style: .scatter, groups: groups),
                ]))
            }
            return .record(RecordValue(fields: [
                ("scores", .tensor(scores)),
                ("components", .tensor(pca.components)),
                ("ratio", .tensor(Tensor<Double>(pca.explainedVarianceRatio))),
            ], display: display))
        },
        Builtin("kmeans", .representations,
            summary: "k-means: k-means++ seeding, then Lloyd's iterations; the best of `starts:` runs.",
            parameters: [
                .positional("X", .tensor),
                .positional("k", .wholeNumber),
                .documentSeed,
                .labelled("starts", .wholeNumber, default: 4),
            ],
            examples: [
                BuiltinExample("kmeans", #"""
                km = kmeans(bl.X, 3, seed: 0)
                shape(km.centroids)
                """#, output: #"""
                [3, 2]
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let k = try call.integer(1, "k")
            guard (1...x.shape[0]).contains(k) else { throw call.error("k must be between 1 and \(x.shape[0]) (the number of rows), got \(k)") }
            let starts = try call.integer(label: "starts")
            guard (1...100).contains(starts) else { throw call.error("starts: must be 1…100") }
            try call.checkElements([x.shape[0], k])
            let seed = try call.seed()
            let fit = try call.learning { try KMeans(fitting: x, clusters: k, starts: starts, seed: seed, budget: call.budget) }
            return .record(RecordValue(fields: [
                ("labels", .tensor(Tensor<Double>(fit.assignments.map(Double.init)))),
                ("centroids", .tensor(fit.centroids)),
                ("inertia", .number(fit.inertia)),
                ("iterations", .number(Double(fit.iterations))),
            ]))
        },
        Builtin("knn", .representations,
            summary: "The test accuracy of a k-nearest-neighbour classifier (Euclidean distance, majority vote).",
            parameters: probeData + [
                .labelled("k", .wholeNumber, default: 5),
            ],
            examples: [
                BuiltinExample("knn", #"""
                knn(rows(bl.X, 0..<60), rows(bl.y, 0..<60), rows(bl.X, 60..<90), rows(bl.y, 60..<90), k: 3)
                """#, output: #"""
                1
                """#),
            ]) { call throws(LanguageError) in
            let (train, trainLabels, test, testLabels) = try call.probeData()
            let k = try call.integer(label: "k")
            guard (1...trainLabels.count).contains(k) else { throw call.error("k: must be between 1 and \(trainLabels.count), got \(k)") }
            try call.checkElements([test.shape[0], train.shape[0]])
            return .number(try call.learning {
                try Probe.kNearestNeighbours(train: train, trainLabels: trainLabels, test: test, testLabels: testLabels, k: k,
                                             budget: call.budget)
            })
        },
        Builtin("linearprobe", .representations,
            summary: "The test accuracy of a softmax regression trained on standardised, frozen features: how linearly separable a representation is.",
            parameters: probeData + [
                .labelled("epochs", .wholeNumber, default: 200),
                .labelled("lr", .number, default: 0.05),
                .documentSeed,
            ],
            examples: [
                BuiltinExample("linearprobe", #"""
                linearprobe(rows(bl.X, 0..<60), rows(bl.y, 0..<60), rows(bl.X, 60..<90), rows(bl.y, 60..<90), epochs: 20, seed: 0)
                """#, output: #"""
                0.9333333333
                """#),
            ]) { call throws(LanguageError) in
            let (train, trainLabels, test, testLabels) = try call.probeData()
            let epochs = try call.integer(label: "epochs")
            guard (1...10_000).contains(epochs) else { throw call.error("epochs: must be 1…10000") }
            let lr = try call.number(label: "lr")
            let seed = try call.seed()
            return .number(try call.learning {
                try Probe.linear(train: train, trainLabels: trainLabels, test: test, testLabels: testLabels,
                                 epochs: epochs, learningRate: lr, seed: seed, budget: call.budget)
            })
        },
        Builtin("autoencoder", .representations,
            summary: "Rows are treated as square images by the `shift:` and `mask:` augmentations.",
            parameters: [
                .positional("X", .tensor),
                .positional("sizes", .list),
                .labelled("noise", .number, default: 0.3),
                .labelled("shift", .wholeNumber, default: 0),
                .labelled("mask", .number, default: 0),
                .labelled("epochs", .wholeNumber, default: 60),
                .labelled("batch", .wholeNumber, default: 64),
                .labelled("lr", .number, default: 0.003),
                .documentSeed,
            ],
            examples: [
                BuiltinExample("autoencoder", #"""
                tiny = rows(dg.X, 0..<40) / 16
                ae = autoencoder(tiny, [64, 8], epochs: 2, seed: 1)
                shape(ae.features)
                """#, output: #"""
                [40, 8]
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let sizes = try call.encoderSizes(1, fitting: x)
            let corruption = try call.augmentation(features: x.shape[1], noise: 0.3, shift: 0, mask: 0)
            let (epochs, batch, lr, seed) = try call.selfSupervisedSchedule(samples: x.shape[0])
            let data = x
            var autoencoder = try call.learning { try DenoisingAutoencoder<Double>(encoderSizes: sizes, seed: seed) }
            var optimizer = Adam<Double>(learningRate: lr)
            let losses = try call.learning {
                try autoencoder.fit(data, corruption: corruption, optimizer: &optimizer, epochs: epochs, batchSize: batch, seed: seed &+ 2,
                                    budget: call.budget)
            }
            let (features, reconstructions) = try call.learning { (try autoencoder.encode(data), try autoencoder.reconstruct(data)) }
            return .record(RecordValue(fields: [
                ("features", .tensor(features)),
                ("reconstructions", .tensor(reconstructions)),
                ("loss", .tensor(Tensor<Double>(losses))),
            ], display: .plot(BuiltinCall.lossPlot("Denoising autoencoder: reconstruction loss", losses))))
        },
        Builtin("contrastive", .representations,
            summary: "A SimCLR encoder trained with the NT-Xent loss on pairs of augmented rows; `features` are the encoder's outputs for every row.",
            parameters: [
                .positional("X", .tensor),
                .positional("sizes", .list),
                .labelled("head", .list, shown: "[last of sizes, 32, 16]"),
                .labelled("temperature", .number, default: 0.5),
                .labelled("noise", .number, default: 0.1),
                .labelled("shift", .wholeNumber, default: 1),
                .labelled("mask", .number, default: 0.1),
                .labelled("epochs", .wholeNumber, default: 15),
                .labelled("batch", .wholeNumber, default: 128),
                .labelled("lr", .number, default: 0.003),
                .documentSeed,
            ],
            discussion: #"""
            Rows are treated as square images by the `shift:` and `mask:` augmentations.
            """#,
            examples: [
                BuiltinExample("contrastive", #"""
                cl = contrastive(tiny, [64, 8], head: [8, 4], epochs: 1, seed: 2)
                shape(cl.features)
                """#, output: #"""
                [40, 8]
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let sizes = try call.encoderSizes(1, fitting: x)
            let head: [Int]
            if let value = call.named["head"] {
                head = try call.layerSizes(value, "head:", at: call.namedLocations["head"] ?? call.location)
            } else {
                head = [sizes.last ?? 1, 32, 16]
            }
            guard head.first == sizes.last else {
                throw call.error("the head must start with the encoder's output size: encoder sizes \(TensorError.format(sizes)) and head sizes \(TensorError.format(head)) do not fit")
            }
            let temperature = try call.number(label: "temperature")
            guard temperature > 0, temperature.isFinite else { throw call.error("temperature: must be positive") }
            let augmentation = try call.augmentation(features: x.shape[1], noise: 0.1, shift: 1, mask: 0.1)
            let (epochs, batch, lr, seed) = try call.selfSupervisedSchedule(samples: x.shape[0])
            try call.checkElements([2 * batch, 2 * batch])
            let data = try x
            var simclr = try call.learning { try SimCLR<Double>(encoderSizes: sizes, headSizes: head, temperature: temperature, seed: seed) }
            var optimizer = Adam<Double>(learningRate: lr)
            let losses = try call.learning {
                try simclr.fit(data, augmentation: augmentation, optimizer: &optimizer, epochs: epochs, batchSize: batch, seed: seed &+ 2,
                               budget: call.budget)
            }
            let features = try call.learning { try simclr.encode(data) }
            return .record(RecordValue(fields: [
                ("features", .tensor(features)),
                ("loss", .tensor(Tensor<Double>(losses))),
            ], display: .plot(BuiltinCall.lossPlot("Contrastive (NT-Xent) loss", losses))))
        },
    ]
}

extension BuiltinCall {
    /// `Xtrain, ytrain, Xtest, ytest` of a probe call, with matching widths and label counts.
    func probeData() throws(LanguageError) -> (Tensor<Double>, [Int], Tensor<Double>, [Int]) {
        let train = try matrix(0, "Xtrain"), test = try matrix(2, "Xtest")
        guard train.shape[1] == test.shape[1] else {
            throw error("Xtrain has shape \(TensorError.format(train.shape)) and Xtest has shape \(TensorError.format(test.shape)): they need the same number of columns", at: location(of: 2))
        }
        let trainLabels = try labels(try vector(1, "ytrain", count: train.shape[0]), "ytrain", at: 1)
        let testLabels = try labels(try vector(3, "ytest", count: test.shape[0]), "ytest", at: 3)
        return (try train, trainLabels, try test, testLabels)
    }

    /// Encoder sizes whose first entry is X's width.
    func encoderSizes(_ index: Int, fitting x: Tensor<Double>) throws(LanguageError) -> [Int] {
        let sizes = try layerSizes(positional[index], "the encoder sizes", at: location(of: index))
        guard sizes[0] == x.shape[1] else {
            throw error("X has shape \(TensorError.format(x.shape)) but the encoder sizes \(TensorError.format(sizes)) start with \(sizes[0]) inputs", at: location(of: index))
        }
        return sizes
    }

    /// `epochs:`, `batch:`, `lr:`, `seed:` of a self-supervised call (defaults from its declaration), bounded.
    func selfSupervisedSchedule(samples: Int) throws(LanguageError) -> (Int, Int, Double, UInt64) {
        let epochs = try integer(label: "epochs")
        let batch = try integer(label: "batch")
        let lr = try number(label: "lr")
        guard (1...10_000).contains(epochs), batch >= 2, lr > 0, lr.isFinite else {
            throw error("epochs: must be 1…10000, batch: at least 2, lr: positive")
        }
        guard epochs * samples <= TrainingRun.maximumWork else {
            throw limitError("\(epochs) epochs over \(samples) samples is above the limit of \(TrainingRun.maximumWork) sample passes")
        }
        return (epochs, batch, lr, try seed())
    }

    /// A loss-per-epoch plot.
    static func lossPlot(_ title: String, _ losses: [Double]) -> PlotSpec {
        PlotSpec(title: title, xLabel: "epoch", yLabel: "loss",
                 series: [PlotSpec.Series(name: "loss", xs: losses.indices.map { Double($0 + 1) }, ys: losses)])
    }
}
