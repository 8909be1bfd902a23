extension TrackedTensor {
    public func exp() throws -> TrackedTensor { try apply(.exp) }
    public func log() throws -> TrackedTensor { try apply(.log) }
    public func sqrt() throws -> TrackedTensor { try apply(.sqrt) }
    public func abs() throws -> TrackedTensor { try apply(.abs) }
    public func tanh() throws -> TrackedTensor { try apply(.tanh) }
    public func sigmoid() throws -> TrackedTensor { try apply(.sigmoid) }
    public func relu() throws -> TrackedTensor { try apply(.relu) }
    public func softplus() throws -> TrackedTensor { try apply(.softplus) }
    public func sin() throws -> TrackedTensor { try apply(.sin) }
    public func cos() throws -> TrackedTensor { try apply(.cos) }

    public func squared() throws -> TrackedTensor {
        let x = value
        return try unary(x.squared()) { g in try g * (x * 2) }
    }

    /// Applies an elementwise function (the `ElementaryFunction`s of the scalar engine and the
    /// kernels' arithmetic helpers).
    public func apply(_ operation: UnaryOperation) throws -> TrackedTensor {
        let x = value
        switch operation {
        case .elementary(.relu):
            // relu′ = step(x), applied as a gate on y = relu(x) (one fused pass).
            let y = x.relu()
            return try unary(y) { g in try g.combined(with: y, .gateByPositive) }
        case .elementary(let function):
            // Every other elementary function by the scalar engine's derivative rule.
            let y = x.map(operation)
            return try unary(y) { g in try g * x.combined(with: y, .derivative(function)) }
        case .square: return try squared()
        case .negate: return try -self
        case .scale(let c): return try self * Scalar(c)
        case .shift(let c): return try self + Scalar(c)
        case .powerConstant(let c): return try power(Scalar(c))
        case .reciprocal:
            let y = x.map(.reciprocal)
            return try unary(y) { g in try -(g * y.squared()) }
        case .sign, .positiveIndicator:
            return try unary(x.map(operation)) { g in g * 0 }
        }
    }
}
