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

    /// Creates a data set, checking that the counts agree with the arrays, that there is one name
    /// per feature, and that a classification set's targets are labels in `0..<classCount`.
    public init(name: String, sampleCount: Int, featureCount: Int, features: [Double], targets: [Double],
                featureNames: [String]? = nil, classCount: Int? = nil) throws(DatasetError) {
        guard sampleCount >= 0, featureCount >= 0,
              featureCount == 0 || sampleCount <= Int.max / featureCount,
              features.count == sampleCount * featureCount else {
            throw DatasetError("expected \(sampleCount) × \(featureCount) feature values, got \(features.count)")
        }
        guard targets.count == sampleCount else {
            throw DatasetError("expected one target per sample (\(sampleCount)), got \(targets.count)")
        }
        if let featureNames, featureNames.count != featureCount {
            throw DatasetError("expected \(featureCount) feature names, got \(featureNames.count)")
        }
        if let classCount {
            guard classCount >= 1, targets.allSatisfy({ $0 >= 0 && $0 < Double(classCount) && $0 == $0.rounded() }) else {
                throw DatasetError("class labels must be whole numbers in 0..<\(classCount)")
            }
        }
        self.init(validName: name, sampleCount: sampleCount, featureCount: featureCount, features: features,
                  targets: targets, featureNames: featureNames, classCount: classCount)
    }

    /// The unchecked initialiser for the library's own generators, whose arrays agree by construction.
    init(validName name: String, sampleCount: Int, featureCount: Int, features: [Double], targets: [Double],
         featureNames: [String]? = nil, classCount: Int? = nil) {
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

    /// The samples at `indices`, in that order (indices may repeat; each must be in `0..<sampleCount`).
    public func subset(_ indices: [Int]) throws(DatasetError) -> Dataset {
        if let bad = indices.first(where: { $0 < 0 || $0 >= sampleCount }) {
            throw DatasetError("sample index \(bad) is out of range 0..<\(sampleCount)")
        }
        var values: [Double] = []
        values.reserveCapacity(indices.count * featureCount)
        for index in indices { values.append(contentsOf: row(index)) }
        return Dataset(validName: name, sampleCount: indices.count, featureCount: featureCount, features: values,
                       targets: indices.map { targets[$0] }, featureNames: featureNames, classCount: classCount)
    }
}
