extension TrackedTensor {
    /// Mean softmax cross-entropy of logits `[N, C]` against class labels (fused and stable:
    /// loss = mean(logsumexp(z) − z[label]); gradient (softmax − onehot) / N).
    public func softmaxCrossEntropy(labels: [Int]) throws -> TrackedTensor {
        let z = value
        guard z.rank == 2 else {
            throw TensorError.rankMismatch(operation: "softmax cross-entropy", expected: "logits of shape [N, C]", shape: z.shape)
        }
        let n = z.shape[0], c = z.shape[1]
        guard labels.count == n else {
            throw TensorError.shapeMismatch(operation: "softmax cross-entropy (logits vs labels)", lhs: z.shape, rhs: [labels.count])
        }
        for label in labels where label < 0 || label >= c { throw TensorError.labelOutOfRange(label: label, classes: c) }
        guard n > 0 else { throw TensorError.invalidArgument("softmax cross-entropy of an empty batch") }
        let logProbabilities = try z.logSoftmax(axis: 1)
        var total = 0.0
        logProbabilities.withUnsafeBufferPointer { lp in
            for (row, label) in labels.enumerated() { total -= Double(lp[row * c + label]) }
        }
        let loss = Tensor<Scalar>(Scalar(total / Double(n)))
        return try unary(loss) { g in
            let scale = g.scalars[0] / Scalar(n)
            var gradient = logProbabilities.exp().map(.scale(Double(scale)))
            gradient.withUnsafeMutableBufferPointer { gp in
                for (row, label) in labels.enumerated() { gp[row * c + label] -= scale }
            }
            return gradient
        }
    }

    /// Mean squared error against a target of the same shape.
    public func meanSquaredError(_ target: Tensor<Scalar>) throws -> TrackedTensor {
        guard target.shape == value.shape else {
            throw TensorError.shapeMismatch(operation: "mean squared error (prediction vs target)", lhs: value.shape, rhs: target.shape)
        }
        return try (self - target).squared().mean()
    }

    /// The SVM max-margin loss of scores `[N]` or `[N, 1]` against labels ±1: mean(relu(1 − y·s)).
    public func hingeLoss(labels: Tensor<Scalar>) throws -> TrackedTensor {
        let scores = value.rank == 2 && value.shape[1] == 1 ? try reshaped([-1]) : self
        guard scores.value.shape == labels.shape else {
            throw TensorError.shapeMismatch(operation: "hinge loss (scores vs labels)", lhs: value.shape, rhs: labels.shape)
        }
        return try (1 - scores * labels).relu().mean()
    }

    /// Σ x² — an L2 penalty term.
    public func sumOfSquares() throws -> TrackedTensor {
        try squared().sum()
    }

    /// Divides each row by its Euclidean norm (ε-guarded): the projection used by cosine
    /// similarity.
    public func rowNormalized(epsilon: Scalar = 1e-12) throws -> TrackedTensor {
        let norms = try squared().sum(axis: -1, keepingAxis: true) + epsilon
        return try self / norms.sqrt()
    }

    /// The NT-Xent (normalised temperature-scaled cross-entropy) loss of SimCLR for two views
    /// `[N, D]` of the same N samples: each of the 2N embeddings must pick out its partner among
    /// the 2N − 1 others by cosine similarity / τ.
    public static func ntXentLoss(_ first: TrackedTensor, _ second: TrackedTensor, temperature: Scalar) throws -> TrackedTensor {
        guard first.value.shape == second.value.shape, first.value.rank == 2 else {
            throw TensorError.shapeMismatch(operation: "NT-Xent (first vs second view)", lhs: first.value.shape, rhs: second.value.shape)
        }
        let n = first.value.shape[0]
        guard n > 0 else { throw TensorError.invalidArgument("NT-Xent of an empty batch") }
        guard temperature > 0 else { throw TensorError.invalidArgument("NT-Xent temperature must be positive") }
        let z = try concatenate([first, second], axis: 0).rowNormalized()
        let similarity = try z.matmul(z.transposed()) / temperature
        // Exclude each embedding's similarity to itself with a large negative constant.
        var mask = try Tensor<Scalar>.zeros([2 * n, 2 * n])
        mask.withUnsafeMutableBufferPointer { m in
            for i in 0..<(2 * n) { m[i * 2 * n + i] = -1e9 }
        }
        let logits = try similarity + mask
        let partners = (0..<(2 * n)).map { $0 < n ? $0 + n : $0 - n }
        return try logits.softmaxCrossEntropy(labels: partners)
    }
}
