// Codable form of the generator's exact state, so a stored session continues the same random
// stream it would have drawn had every earlier cell just run (nb's cell cache).

extension SeededGenerator: Codable {
    private enum Keys: String, CodingKey { case state, spareNormal }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let words = try c.decode([UInt64].self, forKey: .state)
        guard words.count == 4, words.contains(where: { $0 != 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: c, debugDescription: "a generator state is four words, not all zero")
        }
        self.init(seed: 0)
        state = (words[0], words[1], words[2], words[3])
        spareNormal = try c.decodeIfPresent(UInt64.self, forKey: .spareNormal).map(Double.init(bitPattern:))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode([state.0, state.1, state.2, state.3], forKey: .state)
        try c.encodeIfPresent(spareNormal?.bitPattern, forKey: .spareNormal)
    }
}
