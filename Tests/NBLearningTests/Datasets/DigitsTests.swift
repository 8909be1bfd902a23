import Testing
@testable import NBLearning

/// scikit-learn's digits, as exported by `Tests/Peers/sklearn_export_digits.py`.
private struct DigitsReference: Decodable {
    struct Spot: Decodable {
        let index: Int
        let label: Int
        let pixels: [Int]
    }
    let count: Int
    let features: Int
    let pixel_sum: Int
    let weighted_pixel_sum: Int
    let pixels_fnv1a64: String
    let labels_fnv1a64: String
    let class_counts: [Int]
    let spot: [Spot]
}

/// FNV-1a over values < 256 taken as bytes (the same function as the export script).
private func fnv1a64<S: Sequence>(_ values: S) -> String where S.Element == Double {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for value in values {
        hash ^= UInt64(value)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

@Suite struct DigitsTests {
    let digits = Digits.load()

    @Test func shapeAndClassesMatchScikitLearn() throws {
        let reference = try Fixtures.load("digits_reference.json", as: DigitsReference.self)
        #expect(digits.sampleCount == reference.count)
        #expect(digits.featureCount == reference.features)
        #expect(digits.classCount == 10)
        let counts = (0..<10).map { label in digits.labels.filter { $0 == label }.count }
        #expect(counts == reference.class_counts)
    }

    @Test func pixelsAndLabelsDecodeExactly() throws {
        let reference = try Fixtures.load("digits_reference.json", as: DigitsReference.self)
        #expect(fnv1a64(digits.features) == reference.pixels_fnv1a64)
        #expect(fnv1a64(digits.targets) == reference.labels_fnv1a64)
        #expect(Int(digits.features.reduce(0, +)) == reference.pixel_sum)
        var weighted = 0
        for (index, value) in digits.features.enumerated() { weighted += Int(value) * (index % 9973 + 1) }
        #expect(weighted == reference.weighted_pixel_sum)
        for spot in reference.spot {
            #expect(digits.row(spot.index).map { Int($0) } == spot.pixels)
            #expect(digits.labels[spot.index] == spot.label)
        }
    }

    @Test func pixelsAreIntegersFromZeroToSixteen() {
        #expect(digits.features.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
        #expect(digits.features.contains(16))
    }

    @Test func decodingSkipsLayoutAndReadsBase17() {
        let line = String(repeating: "0", count: 63) + "G" + "7"
        let decoded = Digits.decode(String(repeating: "  " + line + "\n", count: Digits.sampleCount))
        #expect(decoded.row(5).last == 16)
        #expect(decoded.row(5).dropLast().allSatisfy { $0 == 0 })
        #expect(decoded.labels.allSatisfy { $0 == 7 })
    }

    @Test func subsetPicksRowsInOrder() throws {
        let picked = try digits.subset([3, 0, 3])
        #expect(throws: DatasetError.self) { try digits.subset([0, 1797]) }
        #expect(picked.sampleCount == 3)
        #expect(Array(picked.row(0)) == Array(digits.row(3)))
        #expect(Array(picked.row(1)) == Array(digits.row(0)))
        #expect(picked.labels == [digits.labels[3], digits.labels[0], digits.labels[3]])
    }
}

@Suite struct DatasetTensorTests {
    @Test func tensorsHaveTheDatasetsShapeAndValues() throws {
        let blobs = try Dataset.blobs(samples: 7, centers: 2, features: 3, seed: 4)
        let features = blobs.featureTensor
        #expect(features.shape == [7, 3])
        #expect(try features.element(at: [5, 2]) == blobs[5, 2])
        #expect(blobs.targetTensor.shape == [7])
        #expect(blobs.targetTensor.scalars == blobs.targets)
    }
}

@Suite struct DatasetValidationTests {
    @Test func inconsistentArraysAreErrors() {
        #expect(throws: DatasetError.self) {
            try Dataset(name: "x", sampleCount: 2, featureCount: 2, features: [1, 2, 3], targets: [0, 1])
        }
        #expect(throws: DatasetError.self) {
            try Dataset(name: "x", sampleCount: 1, featureCount: 1, features: [1], targets: [0, 1])
        }
        #expect(throws: DatasetError.self) {
            try Dataset(name: "x", sampleCount: 1, featureCount: 1, features: [1], targets: [2], classCount: 2)
        }
        #expect(throws: DatasetError.self) {
            try Dataset(name: "x", sampleCount: 1, featureCount: 1, features: [1], targets: [0], featureNames: ["a", "b"])
        }
        #expect(throws: DatasetError.self) {
            try Dataset(name: "x", sampleCount: Int.max, featureCount: 2, features: [], targets: [])
        }
    }

    @Test func consistentArraysMakeADataset() throws {
        let data = try Dataset(name: "x", sampleCount: 2, featureCount: 1, features: [1, 2], targets: [1, 0], classCount: 2)
        #expect(data.labels == [1, 0])
        #expect(data.featureNames == ["x0"])
    }
}
