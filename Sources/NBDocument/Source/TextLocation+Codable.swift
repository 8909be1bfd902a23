// Positions are stored in the result cache with the cell outcomes that carry them.

extension TextLocation: Codable {
    private enum Keys: String, CodingKey { case line, column }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
    }
}
