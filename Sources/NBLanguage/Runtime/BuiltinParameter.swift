/// One parameter of a builtin, as its declaration states it: unlabelled (`f`, `at`) or labelled
/// (`h:`), with the kind of value it takes, a default, and whether it may be left out or repeated.
/// Argument checking, the usage line of error hints and the language reference all read it.
public struct BuiltinParameter: Sendable {
    /// The parameter's name: how the reference and error messages call it, and, for a labelled
    /// parameter, the label a call writes (`h:`).
    public let name: String
    public let kind: BuiltinParameterKind
    /// Written `name: value` in a call; otherwise given by position.
    public let isLabelled: Bool
    /// The value a body reads when the argument is absent.
    public let defaultValue: Value?
    /// How the reference and the usage line show the default when it is not a plain value
    /// (`"the notebook's rtol"`, `"all rows"`); nil shows `defaultValue`.
    public let defaultText: String?
    /// An unlabelled parameter that may be left out (labelled ones always may).
    public let isOptional: Bool
    /// An unlabelled parameter that takes every remaining argument (`print(a, b, …)`).
    public let isVariadic: Bool
    /// What the parameter means, for the reference; may be empty.
    public let help: String
    /// Absent, it is the document's seed (`BuiltinCall.seed()`): `seed:` of a builtin that draws
    /// from a generator of its own.
    public let defaultsToDocumentSeed: Bool

    init(name: String, kind: BuiltinParameterKind, isLabelled: Bool, defaultValue: Value? = nil, defaultText: String? = nil,
         isOptional: Bool = false, isVariadic: Bool = false, defaultsToDocumentSeed: Bool = false, help: String) {
        self.name = name; self.kind = kind; self.isLabelled = isLabelled; self.defaultValue = defaultValue
        self.defaultText = defaultText; self.isOptional = isOptional || isLabelled; self.isVariadic = isVariadic; self.help = help
        self.defaultsToDocumentSeed = defaultsToDocumentSeed
    }

    /// `seed:` of a builtin that draws from a generator of its own: without it, the document's seed
    /// (front matter `nb: {seed: N}`, 0 unless it is set).
    public static let documentSeed = Self(name: "seed", kind: .wholeNumber, isLabelled: true,
                                          defaultText: "the notebook's seed", defaultsToDocumentSeed: true,
                                          help: "the generator's seed; without it, the front matter's `nb: seed:` (0 unless set)")

    /// A required unlabelled parameter.
    public static func positional(_ name: String, _ kind: BuiltinParameterKind, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: false, help: help)
    }

    /// An unlabelled parameter that may be left out (only after the required ones).
    public static func optional(_ name: String, _ kind: BuiltinParameterKind, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: false, isOptional: true, help: help)
    }

    /// An unlabelled parameter taking every remaining argument (none, or at least one).
    public static func variadic(_ name: String, _ kind: BuiltinParameterKind, atLeastOne: Bool = false, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: false, isOptional: !atLeastOne, isVariadic: true, help: help)
    }

    /// A labelled parameter whose absence the body handles itself; `shown` describes what absence means.
    public static func labelled(_ name: String, _ kind: BuiltinParameterKind, shown: String? = nil, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: true, defaultText: shown, help: help)
    }

    /// A labelled number with a default.
    public static func labelled(_ name: String, _ kind: BuiltinParameterKind, default value: Double, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: true, defaultValue: .number(value), help: help)
    }

    /// A labelled whole number with a default.
    public static func labelled(_ name: String, _ kind: BuiltinParameterKind, default value: Int, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: true, defaultValue: .number(Double(value)), help: help)
    }

    /// A labelled string with a default.
    public static func labelled(_ name: String, _ kind: BuiltinParameterKind, default value: String, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: true, defaultValue: .string(value), help: help)
    }

    /// A labelled boolean with a default.
    public static func labelled(_ name: String, _ kind: BuiltinParameterKind, default value: Bool, _ help: String = "") -> Self {
        Self(name: name, kind: kind, isLabelled: true, defaultValue: .bool(value), help: help)
    }

    /// The default as the reference and usage line show it, or nil when there is none.
    public var shownDefault: String? {
        if let defaultText { return defaultText }
        return defaultValue.map(\.text)
    }

    /// The parameter as a usage line writes it: `at`, `h: 1e-5`, `parameter?`, `values…`.
    public var usageForm: String {
        if isLabelled { return "\(name): " + (defaultText == nil ? defaultValue?.text ?? "…" : "…") }
        if isVariadic { return "\(name)…" }
        return isOptional ? "\(name)?" : name
    }
}
