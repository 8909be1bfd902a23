extension Tensor {
    /// Applies an elementwise function.
    public func map(_ operation: UnaryOperation) -> Tensor {
        Tensor(validShape: shape, count: count) { out in
            scalars.withUnsafeBufferPointer { Scalar.unaryKernel(operation, $0, out) }
        }
    }

    /// Combines two tensors elementwise with NumPy broadcasting; throws naming both shapes when
    /// they do not broadcast.
    public func combined(with other: Tensor, _ operation: BinaryOperation) throws -> Tensor {
        if shape == other.shape {
            // The common case: no broadcasting, one flat loop.
            let layout = BroadcastLayout(shape: [count], lhsStrides: [1], rhsStrides: [1], count: count)
            return apply(operation, layout, other, shape: shape)
        }
        let target = try Shape.broadcast(shape, other.shape)
        let total = try Shape.checkedCount(target, limit: Self.elementLimit)
        let layout = Shape.layout(shape, other.shape, target: target, count: total)
        return apply(operation, layout, other, shape: target)
    }

    private func apply(_ operation: BinaryOperation, _ layout: BroadcastLayout, _ other: Tensor, shape: [Int]) -> Tensor {
        Tensor(validShape: shape, count: layout.count) { out in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    guard let a = a.baseAddress, let b = b.baseAddress else { return }
                    Scalar.binaryKernel(operation, layout, a, b, out)
                }
            }
        }
    }

    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .add) }
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .subtract) }
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .multiply) }
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .divide) }
    public static prefix func - (operand: Tensor) -> Tensor { operand.map(.negate) }

    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map(.shift(Double(rhs))) }
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map(.shift(-Double(rhs))) }
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map(.scale(Double(rhs))) }
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map(.scale(Double(lhs))) }
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor {
        // Divide through the kernel so x / c rounds exactly like elementwise division.
        (try? lhs.combined(with: Tensor(rhs), .divide)) ?? lhs
    }

    /// Elementwise power with broadcasting.
    public func power(_ exponent: Tensor) throws -> Tensor { try combined(with: exponent, .power) }
    /// Elementwise power by a constant.
    public func power(_ exponent: Scalar) -> Tensor { map(.powerConstant(Double(exponent))) }
    /// Elementwise maximum with broadcasting.
    public func maximum(_ other: Tensor) throws -> Tensor { try combined(with: other, .maximum) }
    /// Elementwise minimum with broadcasting.
    public func minimum(_ other: Tensor) throws -> Tensor { try combined(with: other, .minimum) }

    public func exp() -> Tensor { map(.exp) }
    public func log() -> Tensor { map(.log) }
    public func sqrt() -> Tensor { map(.sqrt) }
    public func abs() -> Tensor { map(.abs) }
    public func tanh() -> Tensor { map(.tanh) }
    /// The logistic function, computed without overflow.
    public func sigmoid() -> Tensor { map(.sigmoid) }
    public func relu() -> Tensor { map(.relu) }
    /// log(1 + eˣ), computed without overflow.
    public func softplus() -> Tensor { map(.softplus) }
    public func squared() -> Tensor { map(.square) }
}
