/// A row-major matrix of doubles with the two products the proximal solvers need, A·v and Aᵀ·v.
///
/// A thin view of a rank-2 `Tensor<Double>`: the products go through the tensor engine's GEMM
/// (OpenBLAS), so the solvers share the one matrix kernel of the library.
struct DenseMatrix: Sendable, Equatable {
    /// The matrix, shape `[rows, columns]`.
    let tensor: Tensor<Double>

    var rows: Int { tensor.shape[0] }
    var columns: Int { tensor.shape[1] }
    /// Row-major values: element (i, j) is `values[i * columns + j]`.
    var values: [Double] { tensor.scalars }

    /// `values` must hold `rows × columns` entries (checked by the callers, which validate input).
    init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "values must hold rows × columns entries")
        tensor = Tensor(validShape: [rows, columns], scalars: values)
    }

    subscript(row: Int, column: Int) -> Double { tensor.scalars[row * columns + column] }

    /// A v, for v with `columns` entries.
    func times(_ vector: [Double]) -> [Double] {
        precondition(vector.count == columns)
        return product(transposed: false, vector)
    }

    /// Aᵀ v, for v with `rows` entries.
    func transposeTimes(_ vector: [Double]) -> [Double] {
        precondition(vector.count == rows)
        return product(transposed: true, vector)
    }

    private func product(transposed: Bool, _ vector: [Double]) -> [Double] {
        let (m, k) = transposed ? (columns, rows) : (rows, columns)
        let column = Tensor<Double>(validShape: [k, 1], scalars: vector)
        return Tensor<Double>(validShape: [m], count: m) { result in
            Tensor<Double>.gemm(tensor, transposed, column, false, m: m, n: 1, k: k, into: result, beta: 0)
        }.scalars
    }

    /// The column means.
    func columnMeans() -> [Double] {
        guard rows > 0 else { return [Double](repeating: 0, count: columns) }
        return transposeTimes([Double](repeating: 1, count: rows)).map { $0 / Double(rows) }
    }

    /// The matrix with `offsets[j]` subtracted from every entry of column j.
    func subtractingFromColumns(_ offsets: [Double]) -> DenseMatrix {
        var values = tensor.scalars
        for i in 0..<rows {
            for j in 0..<columns { values[i * columns + j] -= offsets[j] }
        }
        return DenseMatrix(rows: rows, columns: columns, values: values)
    }
}

/// Small vector helpers for the solvers.
enum Vector {
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    static func norm1(_ a: [Double]) -> Double { a.reduce(0) { $0 + abs($1) } }

    static func normInfinity(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }

    static func mean(_ a: [Double]) -> Double { a.isEmpty ? 0 : a.reduce(0, +) / Double(a.count) }
}
