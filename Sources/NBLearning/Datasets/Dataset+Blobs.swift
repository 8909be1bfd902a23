extension Dataset {
    /// Isotropic Gaussian clusters, like scikit-learn's `make_blobs`: `centers` centres drawn
    /// uniformly from the box [−10, 10]^features, `samples / centers` points around each (the first
    /// `samples % centers` clusters get one more) with standard deviation `spread`, labelled by
    /// cluster, then shuffled. Identical for a seed on every machine.
    public static func blobs(samples: Int = 100, centers: Int = 3, features: Int = 2, spread: Double = 1,
                             seed: UInt64 = 0) throws(DatasetError) -> Dataset {
        try DatasetError.checkSamples(samples)
        try DatasetError.checkSpread(spread, named: "spread")
        guard centers >= 1, centers <= samples else {
            throw DatasetError("centers must be between 1 and the number of samples, got \(centers)")
        }
        guard features >= 1, features <= 1000, samples * features <= DatasetError.maximumSamples else {
            throw DatasetError("features must be between 1 and 1000 (and samples × features at most \(DatasetError.maximumSamples)), got \(features)")
        }
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<(centers * features)).map { _ in -10 + 20 * generator.nextUniform() }
        var points: [Double] = []
        points.reserveCapacity(samples * features)
        var labels: [Int] = []
        labels.reserveCapacity(samples)
        for (cluster, size) in SyntheticSupport.classSizes(samples: samples, classes: centers).enumerated() {
            for _ in 0..<size {
                for feature in 0..<features {
                    points.append(centres[cluster * features + feature] + spread * generator.nextNormal())
                }
                labels.append(cluster)
            }
        }
        return SyntheticSupport.shuffled(name: "blobs", points: points, labels: labels, featureCount: features,
                                         classCount: centers, generator: &generator)
    }
}
