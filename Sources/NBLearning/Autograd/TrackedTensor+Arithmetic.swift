extension TrackedTensor {
    /// Records a broadcasting binary operation; gradients are summed back to each input's shape.
    private func binary(
        _ other: TrackedTensor, _ operation: BinaryOperation,
        _ partials: @escaping (_ g: Tensor<Scalar>, _ a: Tensor<Scalar>, _ b: Tensor<Scalar>, _ y: Tensor<Scalar>, _ needed: [Bool])
            throws -> (Tensor<Scalar>?, Tensor<Scalar>?)
    ) throws -> TrackedTensor {
        let a = value
        let b = other.value
        let y = try a.combined(with: b, operation)
        return try tape.record(y, inputs: [self, other]) { g, needed in
            let (ga, gb) = try partials(g, a, b, y, needed)
            return [try ga?.sum(toShape: a.shape), try gb?.sum(toShape: b.shape)]
        }
    }

    public static func + (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
        try lhs.binary(rhs, .add) { g, _, _, _, _ in (g, g) }
    }

    public static func - (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
        try lhs.binary(rhs, .subtract) { g, _, _, _, needed in (g, needed[1] ? -g : nil) }
    }

    public static func * (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
        try lhs.binary(rhs, .multiply) { g, a, b, _, needed in
            (needed[0] ? try g * b : nil, needed[1] ? try g * a : nil)
        }
    }

    public static func / (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
        try lhs.binary(rhs, .divide) { g, _, b, y, needed in
            let ga = needed[0] ? try g / b : nil
            let gb = needed[1] ? try -(g * y / b) : nil
            return (ga, gb)
        }
    }

    public static prefix func - (operand: TrackedTensor) throws -> TrackedTensor {
        try operand.unary(-operand.value) { -$0 }
    }

    /// Elementwise power `self ^ exponent` with broadcasting (d/da = b·a^(b−1), d/db = a^b·log a).
    public func power(_ exponent: TrackedTensor) throws -> TrackedTensor {
        try binary(exponent, .power) { g, a, b, y, needed in
            let ga = needed[0] ? try g * b * a.power(b - Tensor(1)) : nil
            let gb = needed[1] ? try g * y * a.log() : nil
            return (ga, gb)
        }
    }

    /// Elementwise maximum; at a tie the gradient goes to `self`.
    public func maximum(_ other: TrackedTensor) throws -> TrackedTensor {
        try binary(other, .maximum) { g, a, b, _, _ in
            let pickA = try a.combined(with: b, .greater).combined(with: a.combined(with: b, .equal), .add)
            return (try g * pickA, try g * (Tensor(1) - pickA))
        }
    }

    /// Elementwise minimum; at a tie the gradient goes to `self`.
    public func minimum(_ other: TrackedTensor) throws -> TrackedTensor {
        try binary(other, .minimum) { g, a, b, _, _ in
            let pickA = try a.combined(with: b, .greater).map(.negate).map(.shift(1))
            return (try g * pickA, try g * (Tensor(1) - pickA))
        }
    }

    // Constants on either side.
    public static func + (lhs: TrackedTensor, rhs: Scalar) throws -> TrackedTensor {
        try lhs.unary(lhs.value + rhs) { $0 }
    }
    public static func - (lhs: TrackedTensor, rhs: Scalar) throws -> TrackedTensor {
        try lhs.unary(lhs.value - rhs) { $0 }
    }
    public static func - (lhs: Scalar, rhs: TrackedTensor) throws -> TrackedTensor {
        try rhs.unary(rhs.value.map(.negate) + lhs) { -$0 }
    }
    public static func * (lhs: TrackedTensor, rhs: Scalar) throws -> TrackedTensor {
        try lhs.unary(lhs.value * rhs) { $0 * rhs }
    }
    public static func * (lhs: Scalar, rhs: TrackedTensor) throws -> TrackedTensor { try rhs * lhs }
    public static func / (lhs: TrackedTensor, rhs: Scalar) throws -> TrackedTensor {
        try lhs.unary(lhs.value / rhs) { $0 / rhs }
    }
    public static func + (lhs: TrackedTensor, rhs: Tensor<Scalar>) throws -> TrackedTensor { try lhs + lhs.constant(rhs) }
    public static func - (lhs: TrackedTensor, rhs: Tensor<Scalar>) throws -> TrackedTensor { try lhs - lhs.constant(rhs) }
    public static func * (lhs: TrackedTensor, rhs: Tensor<Scalar>) throws -> TrackedTensor { try lhs * lhs.constant(rhs) }
    public static func / (lhs: TrackedTensor, rhs: Tensor<Scalar>) throws -> TrackedTensor { try lhs / lhs.constant(rhs) }

    /// `self ^ c` for a constant exponent.
    public func power(_ exponent: Scalar) throws -> TrackedTensor {
        let x = value
        return try unary(x.power(exponent)) { g in try g * (x.power(exponent - 1) * exponent) }
    }
}
