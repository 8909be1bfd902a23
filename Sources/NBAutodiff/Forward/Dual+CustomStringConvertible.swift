extension Dual: CustomStringConvertible {
    /// The §5 form `6 + 2ε` / `6 - 2ε`; nested duals print their parts in parentheses.
    public var description: String {
        if let t = tangent as? Double {
            let sign = t < 0 ? "-" : "+"
            return "\(Dual.text(value)) \(sign) \(NumberFormatting.text(Swift.abs(t)))ε"
        }
        return "\(Dual.text(value)) + \(Dual.text(tangent))ε"
    }

    private static func text(_ part: T) -> String {
        if let d = part as? Double { return NumberFormatting.text(d) }
        return "(\(part))"
    }
}
