/// `|a − b| ≤ rel·max(|a|, |b|) + abs`; nan is never close (equal infinities are).
func agrees(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a == b { return true }
    return Swift.abs(a - b) <= relative * Swift.max(Swift.abs(a), Swift.abs(b)) + absolute
}

func agrees(_ a: [Double], _ b: [Double], relative: Double, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { agrees($0, $1, relative: relative, absolute: absolute) }
}

func agrees(_ a: [[Double]], _ b: [[Double]], relative: Double, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { agrees($0, $1, relative: relative, absolute: absolute) }
}
