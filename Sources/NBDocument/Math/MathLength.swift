/// The few lengths operators use (a byte each, keeping nodes small): TeX's spaces and `\big` sizes.
enum MathLength: UInt8, Sendable {
    case zero, thin, medium, thick, big, Big, bigg, Bigg

    var css: String {
        switch self {
        case .zero: "0"
        case .thin: "0.1667em"
        case .medium: "0.2222em"
        case .thick: "0.2778em"
        case .big: "1.2em"
        case .Big: "1.623em"
        case .bigg: "2.047em"
        case .Bigg: "2.470em"
        }
    }
}
