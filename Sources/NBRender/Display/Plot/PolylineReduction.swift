/// Thins a polyline in viewBox coordinates without changing what it looks like.
///
/// Consecutive points that fall in the same narrow column keep only the first, the lowest, the
/// highest and the last of them (the "M4" rule): the drawn line covers exactly the same vertical
/// extent in every column, so a 100 000-point training curve costs a few thousand points.
enum PolylineReduction {
    /// `points` reduced column by column; order is preserved.
    static func reduce(_ points: [(x: Double, y: Double)], columnWidth: Double) -> [(x: Double, y: Double)] {
        guard points.count > 4, columnWidth > 0 else { return points }
        var kept: [(x: Double, y: Double)] = []
        kept.reserveCapacity(min(points.count, 4096))
        var start = 0
        while start < points.count {
            let column = (points[start].x / columnWidth).rounded(.down)
            var end = start + 1
            while end < points.count, (points[end].x / columnWidth).rounded(.down) == column { end += 1 }
            if end - start <= 4 {
                kept.append(contentsOf: points[start..<end])
            } else {
                var low = start, high = start
                for i in start..<end {
                    if points[i].y < points[low].y { low = i }
                    if points[i].y > points[high].y { high = i }
                }
                for i in Set([start, low, high, end - 1]).sorted() { kept.append(points[i]) }
            }
            start = end
        }
        return kept
    }
}
