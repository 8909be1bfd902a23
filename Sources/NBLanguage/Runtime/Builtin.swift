import NBAutodiff

/// A builtin function of the cell language.
public struct Builtin: Sendable {
    /// The name cells call it by.
    public let name: String
    /// The expected form, shown in arity and type errors: `numgrad(f, at, h: 1e-5, scheme: "central")`.
    public let usage: String
    let body: @Sendable (BuiltinCall) throws(LanguageError) -> Value
    /// The elementary function this builtin applies (`sin`, `exp`, …), found once by name so that
    /// a call in a loop goes straight to it.
    let elementary: ElementaryFunction?

    public init(_ name: String, usage: String, _ body: @escaping @Sendable (BuiltinCall) throws(LanguageError) -> Value) {
        self.name = name
        self.usage = usage
        self.body = body
        self.elementary = ElementaryFunction(rawValue: name)
    }
}

/// The table of builtins a session knows. Adding a module of builtins is one `register` call.
public struct BuiltinRegistry: Sendable {
    private(set) var builtins: [String: Builtin] = [:]
    /// Named constants (`pi`, `e`); a cell may rebind the names.
    public private(set) var constants: [String: Double] = [:]

    public init() {}

    /// Adds (or replaces) builtins by name.
    public mutating func register(_ module: [Builtin]) {
        for builtin in module { builtins[builtin.name] = builtin }
    }

    /// Adds a named constant.
    public mutating func register(constant name: String, _ value: Double) {
        constants[name] = value
    }

    public subscript(name: String) -> Builtin? { builtins[name] }

    /// Every name the registry defines (builtins and constants), sorted.
    public var names: [String] { (Array(builtins.keys) + Array(constants.keys)).sorted() }

    /// The builtins every version must have (SPEC §4).
    public static let standard: BuiltinRegistry = {
        var registry = BuiltinRegistry()
        registry.register(constant: "pi", Double.pi)
        registry.register(constant: "e", 2.718281828459045)
        registry.register(MathBuiltins.all)
        registry.register(CoreBuiltins.all)
        registry.register(TensorBuiltins.all)
        registry.register(PlotBuiltins.all)
        registry.register(DifferentiationBuiltins.all)
        registry.register(SwellBuiltin.all)
        registry.register(DataBuiltins.all)
        registry.register(ProximalBuiltins.all)
        registry.register(ModelBuiltins.all)
        registry.register(BatchBuiltins.all)
        registry.register(SemiSupervisedBuiltins.all)
        registry.register(RepresentationBuiltins.all)
        registry.register(ImageBuiltins.all)
        registry.register(TableBuiltins.all)
        registry.register(FormatBuiltin.all)
        return registry
    }()
}
