extension SymbolicExpression: DifferentiableScalar {
    /// The value of a constant expression; nil when it has variables.
    public var primalValue: Double? { constantValue }

    /// The number `constant`.
    public init(_ constant: Double) {
        self = .constant(constant)
    }

    /// The builder shared by two operands (the interner of whichever has one).
    private static func builder(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> ExpressionBuilder {
        ExpressionBuilder(interner: lhs.interner ?? rhs.interner)
    }

    private static func binary(
        _ lhs: SymbolicExpression, _ rhs: SymbolicExpression,
        _ build: (ExpressionBuilder) -> (ExpressionNode, ExpressionNode) -> ExpressionNode
    ) -> SymbolicExpression {
        let b = builder(lhs, rhs)
        return SymbolicExpression(build(b)(lhs.node, rhs.node), interner: b.interner)
    }

    /// The simplified sum node.
    public static func + (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.add)
    }

    /// The simplified difference node.
    public static func - (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.subtract)
    }

    /// The simplified product node.
    public static func * (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.multiply)
    }

    /// The simplified quotient node.
    public static func / (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.divide)
    }

    /// The simplified difference node.
    public static prefix func - (operand: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(operand.builder.negate(operand.node), interner: operand.interner)
    }

    /// The simplified power node.
    public static func power(_ base: SymbolicExpression, _ exponent: SymbolicExpression) -> SymbolicExpression {
        binary(base, exponent, ExpressionBuilder.power)
    }

    /// The function node (folded when the operand is a number).
    public static func apply(_ function: ElementaryFunction, _ operand: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(operand.builder.function(function, operand.node), interner: operand.interner)
    }

    /// The `max` node (ties: the derivative follows `lhs`).
    public static func maximumPropagatingNaN(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.maximum)
    }

    /// The `min` node (ties: the derivative follows `lhs`).
    public static func minimumPropagatingNaN(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> SymbolicExpression {
        binary(lhs, rhs, ExpressionBuilder.minimum)
    }

    /// The node `sign(operand)`.
    public static func sign(_ operand: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(operand.builder.sign(operand.node), interner: operand.interner)
    }

    /// The node `step(operand)` (Heaviside, step(0) = 0).
    public static func step(_ operand: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(operand.builder.step(operand.node), interner: operand.interner)
    }

    /// True for the number 0.
    public var isZero: Bool { node.isConstant(0) }
}
