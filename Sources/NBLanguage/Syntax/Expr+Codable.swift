import NBDocument

// Codable form of resolved expressions, so user functions and lambdas can be stored with a
// session's environment (the cell cache's snapshots). The resolved tree is stored as it is —
// global slots, frame positions and source positions included — rather than its source text:
// a lambda's body was resolved against the frame of the function that created it, which its text
// alone cannot recover, and keeping the positions keeps error messages and displays identical.
//
// Keys are one or two letters: these trees are written once per cell into `.nb-cache/`.

extension Expr: Codable {
    private enum Keys: String, CodingKey {
        case kind = "k", at, number = "n", text = "s", bool = "b", items = "i", op = "o", lhs = "l", rhs = "r"
        case closed = "c", arguments = "a", name = "id", slot, parameters = "p", body = "y", other = "e"
    }

    private enum Tag: String, Codable {
        case number, string, bool, identifier, list, tuple, unary, binary, range, call, index, member, lambda, global, local
        case block, ifElse, bind, forIn, setLocal, forLocal, frame
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let location = try c.decode(TextLocation.self, forKey: .at)
        let kind: Kind
        switch try c.decode(Tag.self, forKey: .kind) {
        case .number: kind = .number(Double(bitPattern: try c.decode(UInt64.self, forKey: .number)))
        case .string: kind = .string(try c.decode(String.self, forKey: .text))
        case .bool: kind = .bool(try c.decode(Bool.self, forKey: .bool))
        case .identifier: kind = .identifier(try c.decode(String.self, forKey: .name))
        case .list: kind = .list(try c.decode([Expr].self, forKey: .items))
        case .tuple: kind = .tuple(try c.decode([Expr].self, forKey: .items))
        case .unary:
            kind = .unary(try c.decode(UnaryOperator.self, forKey: .op), try c.decode(Expr.self, forKey: .lhs))
        case .binary:
            kind = .binary(try c.decode(BinaryOperator.self, forKey: .op), try c.decode(Expr.self, forKey: .lhs),
                           try c.decode(Expr.self, forKey: .rhs))
        case .range:
            kind = .range(try c.decode(Expr.self, forKey: .lhs), try c.decode(Expr.self, forKey: .rhs),
                          closed: try c.decode(Bool.self, forKey: .closed))
        case .call: kind = .call(try c.decode(Expr.self, forKey: .lhs), try c.decode([Argument].self, forKey: .arguments))
        case .index: kind = .index(try c.decode(Expr.self, forKey: .lhs), try c.decode([Expr].self, forKey: .items))
        case .member: kind = .member(try c.decode(Expr.self, forKey: .lhs), try c.decode(String.self, forKey: .name))
        case .lambda:
            kind = .lambda(parameters: try c.decode([String].self, forKey: .parameters), body: try c.decode(Expr.self, forKey: .body))
        case .global:
            let slot = try c.decode(Int.self, forKey: .slot)
            guard slot >= 0 else { throw DecodingError.dataCorruptedError(forKey: .slot, in: c, debugDescription: "negative slot") }
            kind = .global(try c.decode(String.self, forKey: .name), slot: slot)
        case .local:
            let index = try c.decode(Int.self, forKey: .slot)
            guard index >= 0 else { throw DecodingError.dataCorruptedError(forKey: .slot, in: c, debugDescription: "negative index") }
            kind = .local(try c.decode(String.self, forKey: .name), index: index)
        case .block: kind = .block(try c.decode([Expr].self, forKey: .items))
        case .ifElse:
            kind = .ifElse(condition: try c.decode(Expr.self, forKey: .lhs), then: try c.decode(Expr.self, forKey: .rhs),
                           else: try c.decodeIfPresent(Expr.self, forKey: .other))
        case .bind: kind = .bind(name: try c.decode(String.self, forKey: .name), value: try c.decode(Expr.self, forKey: .lhs))
        case .forIn:
            kind = .forIn(variable: try c.decode(String.self, forKey: .name), sequence: try c.decode(Expr.self, forKey: .lhs),
                          body: try c.decode(Expr.self, forKey: .body))
        case .setLocal:
            kind = .setLocal(try c.decode(String.self, forKey: .name), index: try Expr.decodeIndex(c), value: try c.decode(Expr.self, forKey: .lhs))
        case .forLocal:
            kind = .forLocal(try c.decode(String.self, forKey: .name), index: try Expr.decodeIndex(c),
                             sequence: try c.decode(Expr.self, forKey: .lhs), body: try c.decode(Expr.self, forKey: .body))
        case .frame:
            let size = try Expr.decodeIndex(c)
            guard size <= Expr.maximumFrameSize else {
                throw DecodingError.dataCorruptedError(forKey: .slot, in: c, debugDescription: "frame too large")
            }
            kind = .frame(size: size, body: try c.decode(Expr.self, forKey: .body))
        }
        self.init(kind, at: location)
        // The evaluator relies on the parser's nesting limit; a stored tree may not exceed it either.
        guard height <= Parser.maximumHeight else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "expression nested too deeply")
        }
    }

    private static func decodeIndex(_ c: KeyedDecodingContainer<Keys>) throws -> Int {
        let index = try c.decode(Int.self, forKey: .slot)
        guard index >= 0 else { throw DecodingError.dataCorruptedError(forKey: .slot, in: c, debugDescription: "negative index") }
        return index
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(location, forKey: .at)
        switch kind {
        case .number(let value): try c.encode(Tag.number, forKey: .kind); try c.encode(value.bitPattern, forKey: .number)
        case .string(let text): try c.encode(Tag.string, forKey: .kind); try c.encode(text, forKey: .text)
        case .bool(let value): try c.encode(Tag.bool, forKey: .kind); try c.encode(value, forKey: .bool)
        case .identifier(let name): try c.encode(Tag.identifier, forKey: .kind); try c.encode(name, forKey: .name)
        case .list(let items): try c.encode(Tag.list, forKey: .kind); try c.encode(items, forKey: .items)
        case .tuple(let items): try c.encode(Tag.tuple, forKey: .kind); try c.encode(items, forKey: .items)
        case .unary(let op, let operand):
            try c.encode(Tag.unary, forKey: .kind); try c.encode(op, forKey: .op); try c.encode(operand, forKey: .lhs)
        case .binary(let op, let lhs, let rhs):
            try c.encode(Tag.binary, forKey: .kind); try c.encode(op, forKey: .op)
            try c.encode(lhs, forKey: .lhs); try c.encode(rhs, forKey: .rhs)
        case .range(let lhs, let rhs, let closed):
            try c.encode(Tag.range, forKey: .kind); try c.encode(lhs, forKey: .lhs); try c.encode(rhs, forKey: .rhs)
            try c.encode(closed, forKey: .closed)
        case .call(let callee, let arguments):
            try c.encode(Tag.call, forKey: .kind); try c.encode(callee, forKey: .lhs); try c.encode(arguments, forKey: .arguments)
        case .index(let base, let indices):
            try c.encode(Tag.index, forKey: .kind); try c.encode(base, forKey: .lhs); try c.encode(indices, forKey: .items)
        case .member(let base, let name):
            try c.encode(Tag.member, forKey: .kind); try c.encode(base, forKey: .lhs); try c.encode(name, forKey: .name)
        case .lambda(let parameters, let body):
            try c.encode(Tag.lambda, forKey: .kind); try c.encode(parameters, forKey: .parameters); try c.encode(body, forKey: .body)
        case .global(let name, let slot):
            try c.encode(Tag.global, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(slot, forKey: .slot)
        case .local(let name, let index):
            try c.encode(Tag.local, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(index, forKey: .slot)
        case .block(let items): try c.encode(Tag.block, forKey: .kind); try c.encode(items, forKey: .items)
        case .ifElse(let condition, let then, let otherwise):
            try c.encode(Tag.ifElse, forKey: .kind); try c.encode(condition, forKey: .lhs); try c.encode(then, forKey: .rhs)
            try c.encodeIfPresent(otherwise, forKey: .other)
        case .bind(let name, let value):
            try c.encode(Tag.bind, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(value, forKey: .lhs)
        case .forIn(let name, let sequence, let body):
            try c.encode(Tag.forIn, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(sequence, forKey: .lhs)
            try c.encode(body, forKey: .body)
        case .setLocal(let name, let index, let value):
            try c.encode(Tag.setLocal, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(index, forKey: .slot)
            try c.encode(value, forKey: .lhs)
        case .forLocal(let name, let index, let sequence, let body):
            try c.encode(Tag.forLocal, forKey: .kind); try c.encode(name, forKey: .name); try c.encode(index, forKey: .slot)
            try c.encode(sequence, forKey: .lhs); try c.encode(body, forKey: .body)
        case .frame(let size, let body):
            try c.encode(Tag.frame, forKey: .kind); try c.encode(size, forKey: .slot); try c.encode(body, forKey: .body)
        }
    }
}

extension Argument: Codable {
    private enum Keys: String, CodingKey { case label = "l", value = "v", at }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(label: try c.decodeIfPresent(String.self, forKey: .label), value: try c.decode(Expr.self, forKey: .value),
                  location: try c.decode(TextLocation.self, forKey: .at))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encode(value, forKey: .value)
        try c.encode(location, forKey: .at)
    }
}

extension UnaryOperator: Codable {}
extension BinaryOperator: Codable {}

extension Expr {
    /// Whether every global this tree reads names the slot the symbol table gives that name, and
    /// every frame position it reads exists in a frame of `size` values (a lambda inside adds its
    /// parameters): a stored tree restored against another table or frame would read the wrong
    /// values, or none.
    func fits(globals names: [String], frame size: Int) -> Bool {
        switch kind {
        case .global(let name, let slot): return slot < names.count && names[slot] == name
        case .local(_, let index): return index < size
        case .number, .string, .bool, .identifier: return true
        case .list(let items), .tuple(let items): return items.allSatisfy { $0.fits(globals: names, frame: size) }
        case .unary(_, let operand): return operand.fits(globals: names, frame: size)
        case .binary(_, let lhs, let rhs), .range(let lhs, let rhs, _):
            return lhs.fits(globals: names, frame: size) && rhs.fits(globals: names, frame: size)
        case .call(let callee, let arguments):
            return callee.fits(globals: names, frame: size) && arguments.allSatisfy { $0.value.fits(globals: names, frame: size) }
        case .index(let base, let indices):
            return base.fits(globals: names, frame: size) && indices.allSatisfy { $0.fits(globals: names, frame: size) }
        case .member(let base, _): return base.fits(globals: names, frame: size)
        case .lambda(let parameters, let body): return body.fits(globals: names, frame: size + parameters.count)
        case .block(let items): return items.allSatisfy { $0.fits(globals: names, frame: size) }
        case .ifElse(let condition, let then, let otherwise):
            return condition.fits(globals: names, frame: size) && then.fits(globals: names, frame: size)
                && (otherwise?.fits(globals: names, frame: size) ?? true)
        case .bind, .forIn: return false // never stored unresolved
        case .setLocal(_, let index, let value): return index < size && value.fits(globals: names, frame: size)
        case .forLocal(_, let index, let sequence, let body):
            return index < size && sequence.fits(globals: names, frame: size) && body.fits(globals: names, frame: size)
        case .frame(let newSize, let body): return newSize >= size && body.fits(globals: names, frame: newSize)
        }
    }
}
