/// A small row-major matrix of doubles with the two products the proximal solvers need.
///
/// Kept internal and deliberately plain: the loops run in a fixed order, so results are
/// bit-identical on every machine (BLAS kernels may change summation order between CPUs).
struct DenseMatrix: Sendable, Equatable {
    let rows: Int
    let columns: Int
    /// Row-major values: element (i, j) is `values[i * columns + j]`.
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "values must hold rows × columns entries")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// A v, for v with `columns` entries.
    func times(_ vector: [Double]) -> [Double] {
        precondition(vector.count == columns)
        var result = [Double](repeating: 0, count: rows)
        values.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { v in
                for i in 0..<rows {
                    var sum = 0.0
                    let base = i * columns
                    for j in 0..<columns { sum += a[base + j] * v[j] }
                    result[i] = sum
                }
            }
        }
        return result
    }

    /// Aᵀ v, for v with `rows` entries.
    func transposeTimes(_ vector: [Double]) -> [Double] {
        precondition(vector.count == rows)
        var result = [Double](repeating: 0, count: columns)
        values.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        let vi = v[i]
                        let base = i * columns
                        for j in 0..<columns { out[j] += a[base + j] * vi }
                    }
                }
            }
        }
        return result
    }

    /// The column means.
    func columnMeans() -> [Double] {
        guard rows > 0 else { return [Double](repeating: 0, count: columns) }
        return transposeTimes([Double](repeating: 1, count: rows)).map { $0 / Double(rows) }
    }

    /// The matrix with `offsets[j]` subtracted from every entry of column j.
    func subtractingFromColumns(_ offsets: [Double]) -> DenseMatrix {
        var copy = self
        for i in 0..<rows {
            for j in 0..<columns { copy.values[i * columns + j] -= offsets[j] }
        }
        return copy
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
