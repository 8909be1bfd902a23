/// A YAML value from front matter, copied out of the parser into a plain `Sendable` value, with
/// the 1-based line (in the Markdown file) where it starts.
public struct YAMLValue: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([YAMLEntry])
    }

    public var content: Content
    public var line: Int

    public init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// The entries, if this is a mapping.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The elements, if this is a sequence.
    public var elements: [YAMLValue]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The value of `key` in a mapping (the first one, if repeated).
    public subscript(key: String) -> YAMLValue? {
        entries?.first(where: { $0.key == key })?.value
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue
    public init(key: String, value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
