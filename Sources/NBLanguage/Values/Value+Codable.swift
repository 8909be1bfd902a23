import NBDocument
import NBLearning
import Foundation
import NBAutodiff

// Codable form of cell values, so a session's environment can be stored after each cell (the
// cell cache's snapshots, SPEC §7) and restored bit for bit:
//
// - numbers as their IEEE bit patterns (nan payloads, -0 and ±inf survive), tensors as their
//   elements' little-endian bytes (base64 in JSON), with the shape checked on the way back;
// - user functions and lambdas as their resolved syntax tree (see `Expr+Codable.swift` for why
//   not their source text) with the captured frame;
// - builtins by name, looked up again in the registry given under `Value.registryKey` (the
//   standard registry when none is given); a name the registry lacks fails to decode;
// - symbolic functions as their expression DAG (NBAutodiff's `SymbolicFunction+Codable`);
// - models, histories and data sets of the learning builtins are records of plain values and
//   need nothing of their own.
//
// Keys are short; changing them only makes old snapshots undecodable, which the cache treats as
// "run the cells".

extension Value: Codable {
    /// `userInfo` key of the `BuiltinRegistry` builtins are looked up in when decoding.
    public static let registryKey = CodingUserInfoKey(rawValue: "nb.builtinRegistry")!

    /// The deepest nesting of lists, records, captured frames and function bodies a stored value
    /// may have: deeper values are not stored (decoding them would need a deep stack).
    public static let maximumStoredDepth = 160

    private enum Keys: String, CodingKey {
        case type = "t", bits = "v", bool = "b", text = "s", shape, data = "d", items = "i", lower, upper, closed = "c"
        case tangent, name = "n", parameters = "p", body = "y", captured, at, function = "f", fields, display
    }

    private enum Tag: String, Codable {
        case number, bool, string, tensor, list, range, dual, function, builtin, symbolic, record, display, nothing
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Tag.self, forKey: .type) {
        case .number: self = .number(Double(bitPattern: try c.decode(UInt64.self, forKey: .bits)))
        case .bool: self = .bool(try c.decode(Bool.self, forKey: .bool))
        case .string: self = .string(try c.decode(String.self, forKey: .text))
        case .tensor:
            let shape = try c.decode([Int].self, forKey: .shape)
            let elements = try Self.doubles(from: try c.decode(Data.self, forKey: .data))
            var count = 1
            for extent in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard extent >= 0, !overflow else {
                    throw DecodingError.dataCorruptedError(forKey: .shape, in: c, debugDescription: "bad shape \(shape)")
                }
                count = product
            }
            guard let elements, count == elements.count else {
                throw DecodingError.dataCorruptedError(forKey: .data, in: c, debugDescription: "elements do not fit shape \(shape)")
            }
            self = .tensor(Tensor<Double>(validShape: shape, scalars: elements))
        case .list: self = .list(try c.decode([Value].self, forKey: .items))
        case .range:
            self = .range(RangeValue(lower: Double(bitPattern: try c.decode(UInt64.self, forKey: .lower)),
                                     upper: Double(bitPattern: try c.decode(UInt64.self, forKey: .upper)),
                                     closed: try c.decode(Bool.self, forKey: .closed)))
        case .dual:
            self = .dual(DualNumber(Double(bitPattern: try c.decode(UInt64.self, forKey: .bits)),
                                    tangent: Double(bitPattern: try c.decode(UInt64.self, forKey: .tangent))))
        case .function:
            self = .function(FunctionValue(
                name: try c.decodeIfPresent(String.self, forKey: .name), parameters: try c.decode([String].self, forKey: .parameters),
                body: try c.decode(Expr.self, forKey: .body), captured: try c.decode([Value].self, forKey: .captured),
                location: try c.decode(TextLocation.self, forKey: .at)))
        case .builtin:
            let name = try c.decode(String.self, forKey: .name)
            let registry = decoder.userInfo[Self.registryKey] as? BuiltinRegistry ?? .standard
            guard let builtin = registry[name] else {
                throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "no builtin named \(name)")
            }
            self = .builtin(builtin)
        case .symbolic: self = .symbolic(SymbolicValue(try c.decode(SymbolicFunction.self, forKey: .function)))
        case .record:
            let fields = try c.decode([StoredField].self, forKey: .fields)
            self = .record(RecordValue(fields: fields.map { ($0.name, $0.value) },
                                       display: try c.decodeIfPresent(DisplayItem.self, forKey: .display)))
        case .display: self = .display(try c.decode(DisplayItem.self, forKey: .display))
        case .nothing: self = .nothing
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .number(let x): try c.encode(Tag.number, forKey: .type); try c.encode(x.bitPattern, forKey: .bits)
        case .bool(let b): try c.encode(Tag.bool, forKey: .type); try c.encode(b, forKey: .bool)
        case .string(let s): try c.encode(Tag.string, forKey: .type); try c.encode(s, forKey: .text)
        case .tensor(let t):
            try c.encode(Tag.tensor, forKey: .type)
            try c.encode(t.shape, forKey: .shape)
            try c.encode(Self.bytes(of: t.scalars), forKey: .data)
        case .list(let items): try c.encode(Tag.list, forKey: .type); try c.encode(items, forKey: .items)
        case .range(let r):
            try c.encode(Tag.range, forKey: .type)
            try c.encode(r.lower.bitPattern, forKey: .lower)
            try c.encode(r.upper.bitPattern, forKey: .upper)
            try c.encode(r.closed, forKey: .closed)
        case .dual(let d):
            try c.encode(Tag.dual, forKey: .type)
            try c.encode(d.value.bitPattern, forKey: .bits)
            try c.encode(d.tangent.bitPattern, forKey: .tangent)
        case .function(let f):
            try c.encode(Tag.function, forKey: .type)
            try c.encodeIfPresent(f.name, forKey: .name)
            try c.encode(f.parameters, forKey: .parameters)
            try c.encode(f.body, forKey: .body)
            try c.encode(f.captured, forKey: .captured)
            try c.encode(f.location, forKey: .at)
        case .builtin(let b): try c.encode(Tag.builtin, forKey: .type); try c.encode(b.name, forKey: .name)
        case .symbolic(let s): try c.encode(Tag.symbolic, forKey: .type); try c.encode(s.function, forKey: .function)
        case .record(let r):
            try c.encode(Tag.record, forKey: .type)
            try c.encode(r.fields.map { StoredField(name: $0.name, value: $0.value) }, forKey: .fields)
            try c.encodeIfPresent(r.display, forKey: .display)
        case .display(let item): try c.encode(Tag.display, forKey: .type); try c.encode(item, forKey: .display)
        case .nothing: try c.encode(Tag.nothing, forKey: .type)
        case .traced, .condition:
            throw EncodingError.invalidValue(self, EncodingError.Context(codingPath: c.codingPath,
                                                                         debugDescription: "a value being differentiated is never stored"))
        }
    }

    /// Why this value cannot be stored, or nil when it can: values nested deeper than
    /// `maximumStoredDepth` (counting function bodies) are not stored.
    public var storageProblem: String? {
        exceedsDepth(Self.maximumStoredDepth)
            ? "it is nested deeper than \(Self.maximumStoredDepth) levels (lists, records and function bodies)" : nil
    }

    /// Whether the nesting below this value is deeper than `budget` (stops descending at the budget,
    /// so it never recurses deeper than that itself).
    private func exceedsDepth(_ budget: Int) -> Bool {
        guard budget > 0 else { return true }
        switch self {
        case .number, .bool, .string, .tensor, .range, .dual, .builtin, .symbolic, .display, .nothing, .traced, .condition: return false
        case .list(let items): return items.contains { $0.exceedsDepth(budget - 1) }
        case .record(let r): return r.fields.contains { $0.value.exceedsDepth(budget - 1) }
        case .function(let f):
            return f.body.height >= budget || f.captured.contains { $0.exceedsDepth(budget - 1) }
        }
    }

    /// True when the two values are certainly the same because they are equal scalars or share
    /// their storage (a tensor's elements, every item of a list, every field of a record); false
    /// when unsure. Lets a cache skip re-encoding a value a cell left alone; the caller must keep
    /// `other` alive, so that shared storage cannot be freed and reused.
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case let (.number(a), .number(b)): return a.bitPattern == b.bitPattern
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.tensor(a), .tensor(b)):
            return a.shape == b.shape && a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count }
            }
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case let (.range(a), .range(b)):
            return a.lower.bitPattern == b.lower.bitPattern && a.upper.bitPattern == b.upper.bitPattern && a.closed == b.closed
        case let (.dual(a), .dual(b)): return a.value.bitPattern == b.value.bitPattern && a.tangent.bitPattern == b.tangent.bitPattern
        case let (.builtin(a), .builtin(b)): return a.name == b.name
        case let (.record(a), .record(b)):
            return a.fields.count == b.fields.count && a.display == b.display
                && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value.isIdentical(to: $1.value) }
        case (.nothing, .nothing): return true
        default: return false   // functions, symbolic functions, display items: small, encoded again
        }
    }

    /// Whether every user function inside this value reads its globals from the slots `names`
    /// gives them and only frame positions it has (checked before a stored environment is put
    /// back into a session).
    func fits(globals names: [String]) -> Bool {
        switch self {
        case .number, .bool, .string, .tensor, .range, .dual, .builtin, .symbolic, .display, .nothing: return true
        case .traced, .condition: return false
        case .list(let items): return items.allSatisfy { $0.fits(globals: names) }
        case .record(let r): return r.fields.allSatisfy { $0.value.fits(globals: names) }
        case .function(let f):
            return f.body.fits(globals: names, frame: f.captured.count + f.parameters.count)
                && f.captured.allSatisfy { $0.fits(globals: names) }
        }
    }

    /// The elements' IEEE bit patterns, little-endian.
    private static func bytes(of elements: [Double]) -> Data {
        var data = Data(count: elements.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (i, x) in elements.enumerated() { raw.storeBytes(of: x.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
        }
        return data
    }

    /// Doubles from little-endian bit patterns; nil when the byte count is not a multiple of 8.
    private static func doubles(from data: Data) -> [Double]? {
        guard data.count % 8 == 0 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        }
    }
}

/// One field of a stored record.
private struct StoredField: Codable {
    var name: String
    var value: Value
    private enum CodingKeys: String, CodingKey { case name = "n", value = "v" }
}
