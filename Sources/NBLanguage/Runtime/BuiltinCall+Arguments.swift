import NBDocument

/// Checking a call against its builtin's declaration, and reading arguments by parameter name
/// (with the declared defaults).
extension BuiltinCall {
    /// A call whose arguments fit the builtin's declaration: every label is declared, the number
    /// of unlabelled arguments fits one of its forms, and every argument is of its parameter's
    /// kind. Errors point at the offending argument and carry the usage line as their hint.
    init(checking builtin: Builtin, positional: [Value], named: [String: Value], location: TextLocation,
         positionalLocations: [TextLocation], namedLocations: [String: TextLocation],
         interpreter: Interpreter) throws(LanguageError) {
        self.init(builtin: builtin, positional: positional, named: named, location: location,
                  positionalLocations: positionalLocations, namedLocations: namedLocations, interpreter: interpreter)
        for label in named.keys.sorted() where builtin.option(label) == nil {
            let known = builtin.options.isEmpty ? "it takes no labelled arguments"
                : "known labels: " + builtin.options.map { "\($0.name):" }.sorted().joined(separator: ", ")
            throw error("unknown argument label '\(label):' (\(known))", at: namedLocations[label])
        }
        let fitting = builtin.forms.indices.filter { Self.arity(of: builtin.forms[$0]).contains(positional.count) }
        guard let first = fitting.first else {
            throw error("expects \(Self.describeArity(builtin.forms)), got \(positional.count)")
        }
        var firstMismatch: LanguageError?
        for index in fitting {
            guard let mismatch = mismatch(in: builtin.forms[index]) else {
                form = index
                firstMismatch = nil
                break
            }
            if index == first { firstMismatch = mismatch }
        }
        if let firstMismatch { throw firstMismatch }
        for option in builtin.options {
            guard let value = named[option.name], !option.kind.accepts(value) else { continue }
            throw kindError(option, value, what: "\(option.name):", at: namedLocations[option.name] ?? location)
        }
    }

    /// How many unlabelled arguments a form takes.
    static func arity(of form: [BuiltinParameter]) -> ClosedRange<Int> {
        let required = form.filter { !$0.isOptional }.count
        return required...(form.contains(where: \.isVariadic) ? Int.max : form.count)
    }

    /// `1`, `1 to 2`, `at least 1`, `1 or 2` arguments.
    static func describeArity(_ forms: [[BuiltinParameter]]) -> String {
        let ranges = forms.map(arity(of:)).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var seen: [String] = []
        for range in ranges {
            let text = range.upperBound == Int.max ? "at least \(range.lowerBound)"
                : range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            if !seen.contains(text) { seen.append(text) }
        }
        // The number the phrase ends with decides the plural: "at least 1 argument", "1 or 2 arguments".
        let last = ranges.last.map { $0.upperBound == Int.max ? $0.lowerBound : $0.upperBound } ?? 0
        return seen.joined(separator: " or ") + " argument" + (last == 1 ? "" : "s")
    }

    /// The first unlabelled argument that is not of its parameter's kind in `form`, as an error.
    private func mismatch(in form: [BuiltinParameter]) -> LanguageError? {
        for (index, value) in positional.enumerated() {
            let parameter = index < form.count ? form[index] : form[form.count - 1]
            if !parameter.kind.accepts(value) { return kindError(parameter, value, what: parameter.name, at: location(of: index)) }
        }
        return nil
    }

    private func kindError(_ parameter: BuiltinParameter, _ value: Value, what: String, at location: TextLocation) -> LanguageError {
        var got = "a \(value.typeName)"
        if parameter.kind == .wholeNumber || parameter.kind == .number {
            switch value {
            case .number(let x): got = NumberFormat.format(x)
            case .tensor(let t) where t.count == 1: got = NumberFormat.format(t.scalars[0])
            default: break
            }
        }
        return error("\(what) must be a \(parameter.kind.description), got \(got)", at: location)
    }

    /// A labelled argument as given, or its declared default.
    func labelled(_ label: String) -> Value? {
        named[label] ?? builtin.option(label)?.defaultValue
    }

    /// An argument by parameter name: labelled (or its declared default), or unlabelled in the
    /// call's form; nil when absent and without a default. A variadic parameter has no single value.
    public func argument(_ name: String) -> Value? {
        if builtin.option(name) != nil { return labelled(name) }
        let parameters = builtin.forms[form]
        guard let index = parameters.firstIndex(where: { $0.name == name }), !parameters[index].isVariadic else { return nil }
        return index < positional.count ? positional[index] : parameters[index].defaultValue
    }

    /// A labelled number with a declared default.
    public func number(label: String) throws(LanguageError) -> Double {
        guard let value = labelled(label) else { throw undeclaredDefault(label) }
        return try Self.number(value, what: "\(label):", call: self, at: namedLocations[label] ?? location)
    }

    /// A labelled whole number with a declared default.
    public func integer(label: String) throws(LanguageError) -> Int {
        guard let value = try optionalInteger(label: label) else { throw undeclaredDefault(label) }
        return value
    }

    /// A labelled string with a declared default.
    public func string(label: String) throws(LanguageError) -> String {
        guard labelled(label) != nil else { throw undeclaredDefault(label) }
        return try string(label: label, default: "")
    }

    private func undeclaredDefault(_ label: String) -> LanguageError {
        LanguageError(.runtime, "\(builtin.name): \(label): has no declared default (an error in nb's builtin table)", at: location)
    }
}
