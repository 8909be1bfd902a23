/// Stable, unique heading anchors.
///
/// A slug keeps letters and digits of any script (so Chinese headings keep their characters),
/// lowercases, turns runs of spaces and `-` into one `-`, and drops other punctuation. Repeats get
/// `-1`, `-2`, … in document order; an empty slug becomes `section`.
struct Slugger {
    private var used: [String: Int] = [:]

    static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .decimalNumber
                || scalar == "_" {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(scalar)
            } else if properties.isWhitespace || scalar == "-" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : String(result)
    }

    /// A slug for `text` not handed out before.
    mutating func unique(_ text: String) -> String {
        let base = Slugger.slug(text)
        var candidate = base
        var count = used[base, default: 0]
        while used[candidate] != nil {
            count += 1
            candidate = "\(base)-\(count)"
        }
        used[base] = count
        used[candidate] = used[candidate] ?? 0
        return candidate
    }

    /// Marks `id` as taken (for ids that are not slugs, like `cell-…` and `ref-…`).
    mutating func reserve(_ id: String) {
        used[id] = used[id] ?? 0
    }
}
