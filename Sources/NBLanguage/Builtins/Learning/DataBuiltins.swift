import NBLearning

/// Data sets and small matrix helpers: `digits`, `moons`, `blobs`, `spirals`, `columns`, `rows`.
public enum DataBuiltins {
    public static let all: [Builtin] = [
        Builtin("digits", usage: "digits()  # 1,797 8×8 handwritten digits: {X (pixels 0…16), y}") { call throws(LanguageError) in
            try call.expect(0)
            return call.datasetValue(Digits.load())
        },
        Builtin("moons", usage: "moons(n, noise: 0.1, seed: 0)  # two interleaving half circles: {X, y}") { call throws(LanguageError) in
            try call.expect(1, labels: ["noise", "seed"])
            let n = try call.integer(0, "the number of samples")
            let noise = try call.number(label: "noise", default: 0.1)
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.moons(samples: n, noise: noise, seed: seed) })
        },
        Builtin("blobs", usage: "blobs(n, centers: 3, seed: 0)  # Gaussian clusters in 2-D: {X, y}") { call throws(LanguageError) in
            try call.expect(1, labels: ["centers", "seed"])
            let n = try call.integer(0, "the number of samples")
            let centers = try call.optionalInteger(label: "centers") ?? 3
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.blobs(samples: n, centers: centers, seed: seed) })
        },
        Builtin("spirals", usage: "spirals(n, classes: 3, seed: 0)  # interleaved spirals: {X, y}") { call throws(LanguageError) in
            try call.expect(1, labels: ["classes", "seed"])
            let n = try call.integer(0, "the number of samples")
            let classes = try call.optionalInteger(label: "classes") ?? 3
            let seed = try call.seed()
            return call.datasetValue(try call.learning { try Dataset.spirals(samples: n, classes: classes, seed: seed) })
        },
        Builtin("columns", usage: "columns(M, from, to)  # columns from..<to of a matrix") { call throws(LanguageError) in
            try call.expect(3)
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
        Builtin("rows", usage: "rows(M, indices)  # the rows of a matrix (or entries of a vector) at indices") { call throws(LanguageError) in
            try call.expect(2)
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
