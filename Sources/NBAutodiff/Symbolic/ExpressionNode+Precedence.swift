/// Binding strength of a node when printed: 1 sum, 2 product, 3 unary minus, 4 power,
/// 5 atom (variable, non-negative number, function call).
extension ExpressionNode {
    var precedence: Int {
        switch operation {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .negate: return 3
        case .power: return 4
        case let .constant(bits): return Double(bitPattern: bits) < 0 ? 3 : 5
        case .variable, .function, .maximum, .minimum, .sign, .step: return 5
        }
    }

    /// The function name used in every notation.
    var functionName: String? {
        switch operation {
        case let .function(f): return f.rawValue
        case .maximum: return "max"
        case .minimum: return "min"
        case .sign: return "sign"
        case .step: return "step"
        default: return nil
        }
    }
}
