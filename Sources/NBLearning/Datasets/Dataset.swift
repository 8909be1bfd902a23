/// A data set held in memory: a row-major matrix of features (one row per sample) and one target
/// per sample.
///
/// Classification sets carry integer class labels (`0..<classCount`) as targets; regression sets
/// carry real targets and `classCount == nil`. The storage is plain `[Double]` so that the type does
/// not depend on any tensor type; `features` converts directly into a tensor of shape
/// `[sampleCount, featureCount]`.
public struct Dataset: Sendable, Equatable {
    /// A short name for display, e.g. `"moons"`.
    public let name: String
    /// The number of samples (rows).
    public let sampleCount: Int
    /// The number of features per sample (columns).
    public let featureCount: Int
    /// The features, row-major: sample `i`, feature `j` is `features[i * featureCount + j]`.
    public let features: [Double]
    /// One target per sample: a class label for classification sets, a real value for regression.
    public let targets: [Double]
    /// The feature names (one per column).
    public let featureNames: [String]
    /// The number of classes for a classification set, `nil` for regression.
    public let classCount: Int?

    /// Creates a data set; the counts must agree with the arrays.
    public init(name: String, sampleCount: Int, featureCount: Int, features: [Double], targets: [Double],
                featureNames: [String]? = nil, classCount: Int? = nil) {
        precondition(sampleCount >= 0 && featureCount >= 0, "counts must be non-negative")
        precondition(features.count == sampleCount * featureCount, "features must hold sampleCount × featureCount values")
        precondition(targets.count == sampleCount, "one target per sample")
        self.name = name
        self.sampleCount = sampleCount
        self.featureCount = featureCount
        self.features = features
        self.targets = targets
        self.featureNames = featureNames ?? (0..<featureCount).map { "x\($0)" }
        self.classCount = classCount
    }

    /// The class labels of a classification set (targets as integers).
    public var labels: [Int] { targets.map { Int($0) } }

    /// Feature `feature` of sample `sample`.
    public subscript(sample: Int, feature: Int) -> Double {
        features[sample * featureCount + feature]
    }

    /// The features of one sample.
    public func row(_ sample: Int) -> ArraySlice<Double> {
        features[(sample * featureCount)..<((sample + 1) * featureCount)]
    }

    /// The values of one feature over all samples.
    public func column(_ feature: Int) -> [Double] {
        (0..<sampleCount).map { features[$0 * featureCount + feature] }
    }

    /// The samples at `indices`, in that order (indices may repeat).
    public func subset(_ indices: [Int]) -> Dataset {
        var values: [Double] = []
        values.reserveCapacity(indices.count * featureCount)
        for index in indices { values.append(contentsOf: row(index)) }
        return Dataset(name: name, sampleCount: indices.count, featureCount: featureCount, features: values,
                       targets: indices.map { targets[$0] }, featureNames: featureNames, classCount: classCount)
    }
}
