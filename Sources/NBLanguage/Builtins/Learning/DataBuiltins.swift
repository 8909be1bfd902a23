import NBLearning

/// Data sets and small matrix helpers: `digits`, `moons`, `blobs`, `spirals`, `columns`, `rows`.
public enum DataBuiltins {
    public static let all: [Builtin] = [
        Builtin("digits", .data,
            summary: "The UCI handwritten digits (CC BY 4.0, via scikit-learn): `X` is 1797 × 64, `y` the digit.",
            examples: [
                BuiltinExample("digits", #"""
                dg = digits()
                shape(dg.X)
                rows(dg.y, 0..<10)
                """#, output: #"""
                [1797, 64]
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
                """#),
            ]) { call throws(LanguageError) in
            return call.datasetValue(Digits.load())
        },
        Builtin("moons", .data,
            summary: "Two interleaving half circles in 2-D with Gaussian noise `noise:`; `y` is 0 or 1.",
            parameters: [.positional("n", .wholeNumber), .labelled("noise", .number, default: 0.1), .documentSeed],
            examples: [
                BuiltinExample("moons", #"""
                shape(moons(100, noise: 0.1, seed: 0).X)
                """#, output: #"""
                [100, 2]
                """#),
            ]) { call throws(LanguageError) in
            let n = try call.integer(0, "the number of samples")
            let noise = try call.number(label: "noise")
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.moons(samples: n, noise: noise, seed: seed) })
        },
        Builtin("blobs", .data,
            summary: "`n` points around `centers:` Gaussian cluster centres in 2-D; `y` is the cluster.",
            parameters: [.positional("n", .wholeNumber), .labelled("centers", .wholeNumber, default: 3), .documentSeed],
            examples: [
                BuiltinExample("blobs", #"""
                bl = blobs(90, centers: 3, seed: 3)
                shape(bl.X)
                rows(bl.y, 0..<6)
                """#, output: #"""
                [90, 2]
                [1, 2, 0, 1, 1, 2]
                """#),
            ]) { call throws(LanguageError) in
            let n = try call.integer(0, "the number of samples")
            let centers = try call.integer(label: "centers")
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.blobs(samples: n, centers: centers, seed: seed) })
        },
        Builtin("spirals", .data,
            summary: "`n` points on `classes:` interleaved spiral arms in 2-D; `y` is the arm.",
            parameters: [.positional("n", .wholeNumber), .labelled("classes", .wholeNumber, default: 3), .documentSeed],
            examples: [
                BuiltinExample("spirals", #"""
                shape(spirals(60, classes: 3, seed: 2).X)
                """#, output: #"""
                [60, 2]
                """#),
            ]) { call throws(LanguageError) in
            let n = try call.integer(0, "the number of samples")
            let classes = try call.integer(label: "classes")
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.spirals(samples: n, classes: classes, seed: seed) })
        },
        Builtin("columns", .data,
            summary: "The columns `from..<to` of a matrix (a vector when that is one column).",
            parameters: [.positional("M", .tensor), .positional("from", .wholeNumber), .positional("to", .wholeNumber)],
            examples: [
                BuiltinExample("columns", #"""
                columns([[1, 2, 3], [4, 5, 6]], 1, 3)
                """#, output: #"""
                [[2, 3], [5, 6]]
                """#),
            ]) { call throws(LanguageError) in
            let m = try call.matrix(0, "the matrix")
            let from = try call.integer(1, "the first column"), to = try call.integer(2, "the end column")
            let width = m.shape[1]
            guard 0 <= from, from <= to, to <= width else {
                throw call.error("columns \(from)..<\(to) are outside 0..<\(width)")
            }
            var out: [Double] = []
            out.reserveCapacity(m.shape[0] * (to - from))
            for r in 0..<m.shape[0] { out += m.scalars[(r * width + from)..<(r * width + to)] }
            if to - from == 1 { return .tensor(Tensor<Double>(out)) }
            return .tensor(Tensor<Double>(validShape: [m.shape[0], to - from], scalars: out))
        },
        Builtin("rows", .data,
            summary: "The rows of a matrix, or the entries of a vector, at the given indices (a list, tensor or range), in that order.",
            parameters: [.positional("M", .tensor), .positional("indices", .tensor)],
            examples: [
                BuiltinExample("rows", #"""
                rows([[1, 2], [3, 4], [5, 6]], [2, 0])
                """#, output: #"""
                [[5, 6], [1, 2]]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "the tensor")
            let indices = try call.tensor(1, "the indices").scalars
            guard let n = t.shape.first else { throw call.error("expects a vector or matrix") }
            let width = t.count / max(n, 1)
            var out: [Double] = []
            out.reserveCapacity(indices.count * width)
            for i in indices {
                guard i >= 0, i < Double(n), i == i.rounded() else {
                    throw call.error("index \(NumberFormat.format(i)) is outside 0..<\(n)")
                }
                let r = Int(i)
                out += t.scalars[(r * width)..<((r + 1) * width)]
            }
            let shape = [indices.count] + Array(t.shape.dropFirst())
            return .tensor(Tensor<Double>(validShape: shape, scalars: out))
        },
    ]
}
