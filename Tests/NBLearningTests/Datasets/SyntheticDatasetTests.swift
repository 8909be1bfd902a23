import Testing
@testable import NBLearning

/// Arrays from `Tests/Peers/sklearn_synthetic_reference.py`, an independent Python port of
/// SeededGenerator and of the generators.
struct SyntheticReference: Decodable {
    struct Stream: Decodable {
        let seed: UInt64
        let next: [String]
        let uniform: [Double]
        let normal: [Double]
        let index_below_10: [Int]
        let permutation_10: [Int]
    }
    struct Points: Decodable {
        let samples: Int?
        let noise: Double?
        let seed: UInt64?
        let centers: Int?
        let classes: Int?
        let std: Double?
        let features: [Double]
        let labels: [Int]
    }
    let generator: Stream
    let sklearn_moons_noiseless_101: Points
    let moons: Points
    let moons_odd: Points
    let blobs: Points
    let spirals: Points
}

/// Same labels, and coordinates equal up to libm's last bit (sin/cos/log may differ by an ulp
/// between platforms; on one machine Python and Swift agree exactly).
private func expectMatches(_ dataset: Dataset, _ reference: SyntheticReference.Points,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(dataset.labels == reference.labels, sourceLocation: sourceLocation)
    #expect(dataset.features.count == reference.features.count, sourceLocation: sourceLocation)
    let worst = zip(dataset.features, reference.features).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst <= 1e-12, "largest coordinate difference \(worst)", sourceLocation: sourceLocation)
}

@Suite struct SyntheticDatasetTests {
    let reference: SyntheticReference

    init() throws { reference = try Fixtures.load("synthetic_reference.json") }

    @Test func seededGeneratorMatchesThePythonPort() {
        let stream = reference.generator
        var generator = SeededGenerator(seed: stream.seed)
        #expect((0..<4).map { _ in String(generator.next()) } == stream.next)
        #expect((0..<3).map { _ in generator.nextUniform() } == stream.uniform)
        let normals = (0..<3).map { _ in generator.nextNormal() }
        #expect(zip(normals, stream.normal).allSatisfy { abs($0 - $1) <= 1e-15 })
        #expect((0..<5).map { _ in generator.nextIndex(below: 10) } == stream.index_below_10)
        #expect(generator.permutation(10) == stream.permutation_10)
    }

    @Test func moonsMatchTheReference() throws {
        let moons = try Dataset.moons(samples: 100, noise: 0.1, seed: 0)
        expectMatches(moons, reference.moons)
        expectMatches(try Dataset.moons(samples: 7, noise: 0.3, seed: 123_456_789), reference.moons_odd)
        #expect(moons.classCount == 2)
    }

    @Test func noiselessMoonsAreScikitLearnsPoints() throws {
        let moons = try Dataset.moons(samples: 101, noise: 0, seed: 9)
        let sklearn = reference.sklearn_moons_noiseless_101
        // Undo the shuffle by sorting both sets of (label, x, y).
        func sorted(_ features: [Double], _ labels: [Int]) -> [[Double]] {
            labels.indices.map { [Double(labels[$0]), features[2 * $0], features[2 * $0 + 1]] }
                .sorted { $0.lexicographicallyPrecedes($1) }
        }
        let ours = sorted(moons.features, moons.labels)
        let theirs = sorted(sklearn.features, sklearn.labels)
        #expect(ours.count == 101)
        let worst = zip(ours, theirs).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? .infinity
        #expect(worst <= 1e-15)
        #expect(moons.labels.filter { $0 == 0 }.count == 50)
    }

    @Test func moonsGoldenChecksum() throws {
        // Fixed once from this implementation (and equal to the Python port): a change here means
        // every notebook that draws moons(seed: 42) changes.
        let moons = try Dataset.moons(samples: 200, noise: 0.1, seed: 42)
        let checksum = moons.features.enumerated().reduce(0.0) { $0 + Double($1.offset % 7 + 1) * $1.element }
        #expect(abs(checksum - MoonsGolden.weightedSum) < 1e-9)
        #expect(Array(moons.labels.prefix(12)) == MoonsGolden.firstLabels)
        let again = try Dataset.moons(samples: 200, noise: 0.1, seed: 42)
        let other = try Dataset.moons(samples: 200, noise: 0.1, seed: 43)
        #expect(again == moons)
        #expect(other != moons)
    }

    @Test func blobsMatchTheReference() throws {
        let blobs = try Dataset.blobs(samples: 61, centers: 3, spread: 1.5, seed: 1)
        expectMatches(blobs, reference.blobs)
        #expect(blobs.classCount == 3)
        #expect((0..<3).map { c in blobs.labels.filter { $0 == c }.count } == [21, 20, 20])
    }

    @Test func spiralsMatchTheReference() throws {
        let spirals = try Dataset.spirals(samples: 92, classes: 3, noise: 0.2, seed: 2)
        expectMatches(spirals, reference.spirals)
        // Without noise every point lies at radius r = linspace(0, 1, m) of its arm.
        let clean = try Dataset.spirals(samples: 30, classes: 3, noise: 0, seed: 0)
        let radii = (0..<30).map { (clean[$0, 0] * clean[$0, 0] + clean[$0, 1] * clean[$0, 1]).squareRoot() }
        let expected = (0..<3).flatMap { _ in (0..<10).map { Double($0) / 9 } }
        #expect(zip(radii.sorted(), expected.sorted()).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func invalidParametersThrow() {
        #expect(throws: DatasetError.self) { try Dataset.moons(samples: 0) }
        #expect(throws: DatasetError.self) { try Dataset.moons(samples: 10, noise: -1) }
        #expect(throws: DatasetError.self) { try Dataset.moons(samples: 10, noise: .nan) }
        #expect(throws: DatasetError.self) { try Dataset.blobs(samples: 2, centers: 3) }
        #expect(throws: DatasetError.self) { try Dataset.blobs(samples: 10, features: 0) }
        #expect(throws: DatasetError.self) { try Dataset.spirals(samples: 10, classes: 0) }
        #expect(throws: DatasetError.self) { try Dataset.spirals(samples: Int.max) }
    }

    @Test func tinySetsWork() throws {
        #expect(try Dataset.moons(samples: 1, noise: 0).labels == [1])
        #expect(try Dataset.blobs(samples: 1, centers: 1).sampleCount == 1)
        #expect(try Dataset.spirals(samples: 2, classes: 2).sampleCount == 2)
    }
}

/// The golden values for `moons(samples: 200, noise: 0.1, seed: 42)`.
private enum MoonsGolden {
    static let weightedSum = 581.7043447271183
    static let firstLabels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
}
