/// Coordinates and lengths written into SVG with at most two decimals.
///
/// Bounded precision keeps plots small and byte-identical from run to run: `12`, `12.5`, `-3.25`,
/// never `12.500000000000002` or `-0`.
enum SVGNumber {
    /// `value` rounded to hundredths, trailing zeros dropped; non-finite values print as `0`.
    static func format(_ value: Double) -> String {
        // Coordinates stay inside the viewBox; clamp so the integer conversion below cannot trap.
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e12), 1e12)
        let hundredths = Int64((clamped * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        switch fraction {
        case 0: return "\(sign)\(whole)"
        case let f where f % 10 == 0: return "\(sign)\(whole).\(f / 10)"
        case let f where f < 10: return "\(sign)\(whole).0\(f)"
        default: return "\(sign)\(whole).\(fraction)"
        }
    }
}
