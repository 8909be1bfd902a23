/// "Did you mean …" suggestions by edit distance.
enum Spelling {
    /// The closest candidate within a small edit distance, if any (ties: alphabetical).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(1, min(2, name.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in Set(candidates) where candidate != name {
            let d = distance(name, candidate)
            if d <= limit, best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
                best = (d, candidate)
            }
        }
        return best?.name
    }

    /// Levenshtein distance over Characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
