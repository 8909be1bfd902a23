import Testing
@testable import NBLanguage

/// `images`, `table`, `pca`, `kmeans`, `knn`, `linearprobe` and the self-supervised encoders.
@Suite struct DisplayBuiltinTests {
    @Test func imagesScaleRowsIntoAGrid() throws {
        let out = run("images([[0, 8, 16, 4], [2, 2, 2, 2], [16, 0, 0, 0]], [0, 2], width: 2, captions: [7, 8, 9])")[0]
        #expect(out.error == nil)
        guard case .images(let grid)? = out.items.first else { Issue.record("no images"); return }
        #expect(grid.width == 2 && grid.height == 2)
        #expect(grid.pixels == [[0, 0.5, 1, 0.25], [1, 0, 0, 0]])
        #expect(grid.captions == ["7", "9"])
        #expect(errorMessage("images(zeros([2, 6]), [0], width: 4)")?.contains("do not split") == true)
        #expect(errorMessage("images(zeros([2, 4]), [5])")?.contains("outside 0..<2") == true)
    }

    @Test func tableShowsStringsAndNumbers() throws {
        let out = run(#"table(["method", "accuracy"], [["a", 0.5], ["b", 1/3]], caption: "c")"#)[0]
        guard case .table(let table)? = out.items.first else { Issue.record("no table"); return }
        #expect(table.columns == ["method", "accuracy"])
        #expect(table.rows == [["a", "0.5"], ["b", "0.3333333333"]])
        #expect(table.caption == "c")
        #expect(errorMessage(#"table(["a", "b"], [["x"]])"#)?.contains("row 1 has 1 cells") == true)
    }

    @Test func pcaOfALineHasOneComponent() {
        // Points on the line (t, 2t): all variance lies along (1, 2)/√5.
        let out = run("""
            t = reshape(linspace(-1, 1, 11), [11, 1])
            X = [[1, 2]] * t
            p = pca(X, 2)
            close(p.ratio, [1, 0], atol: 1e-12)
            close(abs(p.components[0]), [1, 2] / sqrt(5), rtol: 1e-9)
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        #expect(out.transcript.hasSuffix("true\ntrue"))
    }

    @Test func kmeansAndKnnSeparateFarBlobs() {
        let out = run("""
            X = [[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1]]
            k = kmeans(X, 2, seed: 1)
            k.labels[0] == k.labels[2] && k.labels[3] == k.labels[5] && k.labels[0] != k.labels[3]
            knn(X, [0, 0, 0, 1, 1, 1], [[0.2, 0.2], [9, 9]], [0, 1], k: 3)
            linearprobe(X, [0, 0, 0, 1, 1, 1], [[0.2, 0.2], [9, 9]], [0, 1], epochs: 50)
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        #expect(out.transcript == "true\n1\n1")
    }

    @Test func encodersReturnFeaturesOfTheRequestedWidth() {
        let out = run("""
            X = rows(digits().X, 0..<64) / 16
            shape(autoencoder(X, [64, 16, 8], epochs: 2, seed: 1).features)
            shape(contrastive(X, [64, 16, 8], head: [8, 8, 4], epochs: 2, batch: 32, seed: 1).features)
            """)[0]
        #expect(out.error == nil, "\(out.error?.message ?? "")")
        #expect(out.transcript.hasSuffix("[64, 8]"))
        #expect(errorMessage("contrastive(zeros([4, 64]), [64, 8], head: [4, 2])")?.contains("do not fit") == true)
        #expect(errorMessage("autoencoder(zeros([4, 10]), [10, 4], shift: 1)")?.contains("square") == true)
    }
}
