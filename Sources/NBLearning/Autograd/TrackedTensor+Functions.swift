extension TrackedTensor {
    public func exp() throws -> TrackedTensor {
        let y = value.exp()
        return try unary(y) { g in try g * y }
    }

    public func log() throws -> TrackedTensor {
        let x = value
        return try unary(x.log()) { g in try g / x }
    }

    public func sqrt() throws -> TrackedTensor {
        let y = value.sqrt()
        return try unary(y) { g in try g / (y * 2) }
    }

    public func abs() throws -> TrackedTensor {
        let x = value
        return try unary(x.abs()) { g in try g * x.map(.sign) }
    }

    public func squared() throws -> TrackedTensor {
        let x = value
        return try unary(x.squared()) { g in try g * (x * 2) }
    }

    public func tanh() throws -> TrackedTensor {
        let y = value.tanh()
        return try unary(y) { g in try g * y.squared().map(.negate).map(.shift(1)) }
    }

    public func sigmoid() throws -> TrackedTensor {
        let y = value.sigmoid()
        return try unary(y) { g in try g * y * y.map(.negate).map(.shift(1)) }
    }

    public func relu() throws -> TrackedTensor {
        let y = value.relu()
        return try unary(y) { g in try g.combined(with: y, .gateByPositive) }
    }

    public func softplus() throws -> TrackedTensor {
        let x = value
        return try unary(x.softplus()) { g in try g * x.sigmoid() }
    }

    public func sin() throws -> TrackedTensor {
        let x = value
        return try unary(x.map(.sin)) { g in try g * x.map(.cos) }
    }

    public func cos() throws -> TrackedTensor {
        let x = value
        return try unary(x.map(.cos)) { g in try g * x.map(.sin).map(.negate) }
    }

    /// Applies an elementwise function (the `ElementaryFunction`s of the scalar engine and the
    /// kernels' arithmetic helpers).
    public func apply(_ operation: UnaryOperation) throws -> TrackedTensor {
        let x = value
        switch operation {
        case .elementary(.exp): return try exp()
        case .elementary(.log): return try log()
        case .elementary(.sqrt): return try sqrt()
        case .elementary(.abs): return try abs()
        case .elementary(.tanh): return try tanh()
        case .elementary(.sigmoid): return try sigmoid()
        case .elementary(.relu): return try relu()
        case .elementary(.softplus): return try softplus()
        case .elementary(.sin): return try sin()
        case .elementary(.cos): return try cos()
        case .square: return try squared()
        case .negate: return try -self
        case .scale(let c): return try self * Scalar(c)
        case .shift(let c): return try self + Scalar(c)
        case .powerConstant(let c): return try power(Scalar(c))
        case .reciprocal:
            let y = x.map(.reciprocal)
            return try unary(y) { g in try -(g * y.squared()) }
        case .elementary(.tan):
            let y = x.map(.tan)
            return try unary(y) { g in try g * y.squared().map(.shift(1)) }
        case .elementary(.asin):
            return try unary(x.map(.asin)) { g in try g / (Tensor(1) - x.squared()).sqrt() }
        case .elementary(.acos):
            return try unary(x.map(.acos)) { g in try -(g / (Tensor(1) - x.squared()).sqrt()) }
        case .elementary(.atan):
            return try unary(x.map(.atan)) { g in try g / x.squared().map(.shift(1)) }
        case .sign, .positiveIndicator:
            return try unary(x.map(operation)) { g in g * 0 }
        }
    }
}
