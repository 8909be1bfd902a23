import Foundation
import Testing
@testable import NBLanguage

/// scikit-learn's label-propagation digits split and its LabelSpreading result, from the fixture
/// written by `Tests/Peers/sklearn_labelspreading_reference.py`.
struct LabelSpreadingFixture {
    let indices: [Int]
    let labelled: [Bool]
    let transduction: [Int]
    let accuracy: Double

    static func load() throws -> LabelSpreadingFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/digits_labelspreading.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return LabelSpreadingFixture(indices: try #require(json["indices"] as? [Int]), labelled: try #require(json["labelled"] as? [Bool]),
                                     transduction: try #require(json["transduction"] as? [Int]),
                                     accuracy: try #require(json["accuracy"] as? Double))
    }

    static func list(_ xs: [Int]) -> String { "[" + xs.map(String.init).joined(separator: ", ") + "]" }
}

@Suite struct SemiSupervisedBuiltinTests {
    @Test func labelSpreadingReproducesScikitLearnOnTheDigitsSplit() throws {
        let fixture = try LabelSpreadingFixture.load()
        let mask = fixture.labelled.map { $0 ? 1 : 0 }
        let out = run("""
            all = digits()
            split = \(LabelSpreadingFixture.list(fixture.indices))
            X = rows(all.X, split)
            y = rows(all.y, split)
            byMask = labelspreading(X, y, \(LabelSpreadingFixture.list(mask)), gamma: 0.25, maxiter: 20)
            byIndex = labelspreading(X, y, 0..<40, gamma: 0.25, maxiter: 20)
            close(byMask, byIndex, rtol: 0)
            close(byMask, \(LabelSpreadingFixture.list(fixture.transduction)), rtol: 0)
            accuracy(rows(byMask, 40..<340), rows(y, 40..<340))
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        let lines = out.transcript.split(separator: "\n")
        #expect(lines.prefix(2) == ["true", "true"])
        #expect(abs((Double(lines.last ?? "") ?? 0) - fixture.accuracy) < 1e-9)
    }

    @Test func notebookSplitFileHoldsTheFixtureIndices() throws {
        let fixture = try LabelSpreadingFixture.load()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks/data/digits_split.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "index")
        #expect(lines.dropFirst().compactMap { Int($0) } == fixture.indices)
        #expect(fixture.labelled == (0..<340).map { $0 < 40 })
    }

    @Test func labelledArgumentIsChecked() throws {
        #expect(errorMessage("labelspreading(zeros([4, 2]), [0, 1, 0, 1], [7])")?.contains("outside 0..<4") == true)
        #expect(errorMessage("labelspreading(zeros([4, 2]), [0, 1, 0, 1], [0, 0, 0, 0])")?.contains("no sample is labelled") == true)
        #expect(errorMessage("labelspreading(zeros([4, 2]), [0, 1, 0], [0])")?.contains("4 entries") == true)
    }

    @Test func pseudoLabellingAndPiModelLabelEveryRow() {
        let out = run("""
            d = blobs(120, centers: 3, seed: 3)
            few = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
            p = pseudolabel(d.X, d.y, few, epochs: 60, rounds: 1, seed: 1)
            shape(p.labels)
            accuracy(p.labels, d.y) > 0.8
            q = pimodel(d.X, d.y, few, epochs: 40, noise: 0.05, seed: 1)
            shape(q.labels)
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        #expect(out.transcript == "[120]\ntrue\n[120]")
        #expect(errorMessage("pimodel(zeros([4, 3]), [0, 1, 0, 1], [0, 1], shift: 1)")?.contains("square") == true)
    }
}
