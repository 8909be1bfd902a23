/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method: exact to
/// rounding for the small matrices of PCA (covariances of tens of features), and deterministic.
/// `budget` is checked once per row of rotations (n² operations), so a large matrix stops on time.
struct SymmetricEigen {
    /// Eigenvalues in decreasing order.
    let values: [Double]
    /// Eigenvectors as rows (row i belongs to `values[i]`), unit length, the entry of largest
    /// magnitude made positive.
    let vectors: [[Double]]

    init(_ matrix: [Double], size n: Int, maxSweeps: Int = 100, budget: Budget = .unlimited) throws(BudgetExceeded) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<maxSweeps {
            var off = 0.0, total = 0.0
            for i in 0..<n { for j in 0..<n { total += a[i * n + j] * a[i * n + j]; if i != j { off += a[i * n + j] * a[i * n + j] } } }
            if off <= 1e-30 * Swift.max(total, 1e-300) { break }
            for p in 0..<n {
                try budget.checkTime()
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    let apq = a[p * n + q]
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] || (a[$0 * n + $0] == a[$1 * n + $1] && $0 < $1) }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { column in
            var vector = (0..<n).map { v[$0 * n + column] }
            let largest = vector.indices.max { Swift.abs(vector[$0]) < Swift.abs(vector[$1]) } ?? 0
            if n > 0 && vector[largest] < 0 { vector = vector.map { -$0 } }
            return vector
        }
    }
}
