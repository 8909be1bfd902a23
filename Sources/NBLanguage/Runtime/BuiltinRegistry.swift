/// The table of builtins a session knows. Adding a module of builtins is one `register` call.
public struct BuiltinRegistry: Sendable {
    private(set) var builtins: [String: Builtin] = [:]
    /// Builtin names in the order they were first registered: the reference's order within a section.
    private var order: [String] = []
    /// Named constants (`pi`, `e`); a cell may rebind the names.
    public private(set) var constants: [String: Double] = [:]
    /// The constants' declarations, in registration order.
    public private(set) var constantDeclarations: [BuiltinConstant] = []

    public init() {}

    /// Adds (or replaces) builtins by name.
    public mutating func register(_ module: [Builtin]) {
        for builtin in module {
            if builtins[builtin.name] == nil { order.append(builtin.name) }
            builtins[builtin.name] = builtin
        }
    }

    /// Adds a named constant.
    public mutating func register(_ constant: BuiltinConstant) {
        if constants[constant.name] == nil { constantDeclarations.append(constant) }
        constants[constant.name] = constant.value
    }

    public subscript(name: String) -> Builtin? { builtins[name] }

    /// Every name the registry defines (builtins and constants), sorted.
    public var names: [String] { (Array(builtins.keys) + Array(constants.keys)).sorted() }

    /// Every builtin, in registration order.
    public var declared: [Builtin] { order.compactMap { builtins[$0] } }

    /// The builtins every version must have (SPEC §4), registered in the reference's order.
    public static let standard: BuiltinRegistry = {
        var registry = BuiltinRegistry()
        registry.register(BuiltinConstant("pi", Double.pi, summary: "π = 3.141592654",
                                          example: BuiltinExample("constants", "cos(pi)", output: "-1")))
        registry.register(BuiltinConstant("e", 2.718281828459045, summary: "e = 2.718281828",
                                          example: BuiltinExample("constant-e", "log(e)", output: "1")))
        registry.register(MathBuiltins.all)
        registry.register(CoreBuiltins.all)
        registry.register(TensorBuiltins.all)
        registry.register(PlotBuiltins.all)
        registry.register(TableBuiltins.all)
        registry.register(FormatBuiltin.all)
        registry.register(ImageBuiltins.all)
        registry.register(DifferentiationBuiltins.all)
        registry.register(SwellBuiltin.all)
        registry.register(DataBuiltins.all)
        registry.register(ModelBuiltins.all)
        registry.register(BatchBuiltins.all)
        registry.register(ProximalBuiltins.all)
        registry.register(SemiSupervisedBuiltins.all)
        registry.register(RepresentationBuiltins.all)
        return registry
    }()
}
