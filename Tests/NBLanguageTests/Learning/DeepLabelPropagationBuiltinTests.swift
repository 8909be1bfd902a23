import Testing
@testable import NBLanguage

@Suite struct DeepLabelPropagationBuiltinTests {
    @Test func labelPropLabelsEveryRowAndIsSeeded() {
        let out = run("""
            d = blobs(90, centers: 3, seed: 4)
            few = 0..<9
            a = labelprop(d.X, d.y, few, hidden: [16], epochs: 150, seed: 1)
            b = labelprop(d.X, d.y, few, hidden: [16], epochs: 150, seed: 1)
            shape(a.labels)
            shape(a.propagated)
            accuracy(a.labels, d.y) > 0.9
            accuracy(a.propagated, d.y) > 0.9
            close(a.labels, b.labels)
            min(a.certainty) >= 0 && max(a.certainty) <= 1
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        #expect(out.transcript == "[90]\n[90]\ntrue\ntrue\ntrue\ntrue")
    }

    @Test func labelPropRefusesBadArguments() {
        #expect(errorMessage("labelprop(zeros([4, 2]), [0, 1, 0, 1], [0, 1], k: 4)")?.contains("k: must lie within 1…3") == true)
        #expect(errorMessage("labelprop(zeros([4, 2]), [0, 1, 0, 1], [0, 1], rounds: 0)")?.contains("rounds:") == true)
        #expect(errorMessage("labelprop(zeros([4, 2]), [0, 1, 0, 1], [0, 1], k: 1, alpha: 1)")?.contains("alpha") == true)
        #expect(errorMessage("labelprop(zeros([4, 3]), [0, 1, 0, 1], [0, 1], k: 1, shift: 1)")?.contains("square") == true)
        #expect(errorMessage("labelprop(zeros([4, 2]), [0, 1, 0, 1], [0, 0, 0, 0])")?.contains("no sample is labelled") == true)
        #expect(errorMessage("labelprop(zeros([4, 2]), [0, 1, 0, 1], [0, 1], gamma: 2)") != nil)
    }
}
