/// A front-matter date (`2019-07-01`, `2019-07-01 10:20:30 +0800`, `2019-07-01T10:20:30Z`), kept
/// as calendar fields for sorting and printing without a time-zone database.
public struct SiteDate: Sendable, Equatable, Hashable, Comparable, Codable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// Offset from UTC in minutes, when given.
    public var offsetMinutes: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetMinutes: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second; self.offsetMinutes = offsetMinutes
    }

    /// Parses the Jekyll and ISO 8601 forms; nil when `text` is not a date.
    public init?(_ text: String) {
        let scalars = Array(text.trimmingCharacters(in: " \t\"'").unicodeScalars)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= scalars.count else { return nil }
            var value = 0
            for s in scalars[i..<(i + digits)] {
                guard let d = s.properties.numericType != nil ? Int(String(s)) : nil else { return nil }
                value = value * 10 + d
            }
            i += digits
            return value
        }
        func expect(_ c: Unicode.Scalar) -> Bool { if i < scalars.count, scalars[i] == c { i += 1; return true }; return false }
        guard let y = number(4), expect("-"), let m = number(2), expect("-"), let d = number(2),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
        guard i < scalars.count else { return }
        guard expect("T") || expect(" ") else { return nil }
        guard let h = number(2), expect(":"), let mi = number(2), h < 24, mi < 60 else { return nil }
        hour = h; minute = mi
        if expect(":"), let s = number(2), s < 61 { second = s }
        while i < scalars.count, scalars[i] == "." || (scalars[i].properties.numericType != nil) { i += 1 }
        _ = expect(" ")
        if expect("Z") { return }
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
            let sign = scalars[i] == "-" ? -1 : 1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = expect(":")
            let om = number(2) ?? 0
            offsetMinutes = sign * (oh * 60 + om)
        }
        guard i == scalars.count else { return nil }
    }

    private var sortKey: [Int] {
        // Compare instants: shift by the offset (minutes since an epoch-free origin).
        let days = year * 372 + month * 31 + day
        return [days * 1440 + hour * 60 + minute - offsetMinutes, second]
    }

    public static func < (a: SiteDate, b: SiteDate) -> Bool { a.sortKey.lexicographicallyPrecedes(b.sortKey) }

    /// `2019-07-01`.
    public var day10: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// RFC 3339 (Atom): `2019-07-01T10:20:30+08:00`.
    public var rfc3339: String {
        let zone: String
        if offsetMinutes == 0 { zone = "Z" } else {
            let a = abs(offsetMinutes)
            zone = (offsetMinutes < 0 ? "-" : "+") + pad(a / 60, 2) + ":" + pad(a % 60, 2)
        }
        return "\(day10)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(zone)"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, set.unicodeScalars.contains(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, set.unicodeScalars.contains(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
