extension MathMacros {
    /// Reads a `macros:` map (front matter `nb: macros:`, `site.yml`): `name: definition`, the
    /// name with or without its backslash; a definition is TeX (arguments `#1` … `#9`, as many as
    /// the highest one used) or a list `[definition, arguments]` or `[definition, arguments, default of #1]`.
    /// Returns the macros and, for each entry that could not be read, a message and its line.
    public static func read(_ value: YAMLValue) -> (MathMacros, [(message: String, line: Int)]) {
        var macros = MathMacros()
        var problems: [(message: String, line: Int)] = []
        guard let entries = value.entries else {
            return (macros, [("`macros:` should map names to definitions, as in `RR: '\\mathbb{R}'`; ignored", value.line)])
        }
        for entry in entries {
            let refused: String?
            switch entry.value.content {
            case .scalar(let body):
                refused = macros.define(entry.key, body: body)
            case .sequence(let parts):
                let count = parts.count > 1 ? parts[1].scalar.flatMap { Int($0.trimmingSpaces) } : nil
                if let body = parts.first?.scalar, parts.count <= 3, parts.count == 1 || count != nil {
                    refused = macros.define(entry.key, body: body, parameters: count,
                                            defaultArgument: parts.count == 3 ? parts[2].scalar : nil)
                } else {
                    refused = "write `\(entry.key): [definition, number of arguments]`"
                }
            case .mapping:
                refused = "write `\(entry.key): 'definition'` or `\(entry.key): [definition, number of arguments]`"
            }
            if let refused { problems.append(("macro `\(entry.key)`: \(refused); ignored", entry.value.line)) }
        }
        return (macros, problems)
    }
}
