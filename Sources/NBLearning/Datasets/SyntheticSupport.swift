/// Pieces shared by the seeded synthetic generators.
enum SyntheticSupport {
    /// `count` evenly spaced values from `start` to `stop` inclusive, computed as numpy's `linspace`
    /// does (`start + i * step`, the last value exactly `stop`), so noiseless sets match scikit-learn.
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// Sizes of `classes` groups sharing `samples`: `samples / classes` each, the first
    /// `samples % classes` groups one more (scikit-learn's rule for blobs).
    static func classSizes(samples: Int, classes: Int) -> [Int] {
        (0..<classes).map { samples / classes + ($0 < samples % classes ? 1 : 0) }
    }

    /// The data set with its samples in the order of `generator.permutation(count)`.
    static func shuffled(name: String, points: [Double], labels: [Int], featureCount: Int, classCount: Int,
                         generator: inout SeededGenerator) -> Dataset {
        let order = generator.permutation(labels.count)
        var features: [Double] = []
        features.reserveCapacity(points.count)
        for index in order {
            features.append(contentsOf: points[(index * featureCount)..<((index + 1) * featureCount)])
        }
        return Dataset(validName: name, sampleCount: labels.count, featureCount: featureCount, features: features,
                       targets: order.map { Double(labels[$0]) }, classCount: classCount)
    }
}
