import NBLearning
import NBAutodiff

/// The structure of one argument of a differentiated function — a number, a tensor, or a list or
/// record of them (JAX's pytrees) — so that a whole argument list can be flattened into the
/// vector of numbers the engine differentiates, and gradients rebuilt with the same structure.
indirect enum ParameterLayout: Equatable {
    case number
    case tensor([Int])
    case list([ParameterLayout])
    case record([String], [ParameterLayout])

    /// The layout of `value`; nil when it holds something that is not a number (a string, a function…).
    init?(of value: Value) {
        switch value {
        case .number: self = .number
        case .tensor(let t): self = .tensor(t.shape)
        case .traced(let box): self = box.storage.shape.isEmpty ? .number : .tensor(box.storage.shape)
        case .list(let items):
            var layouts: [ParameterLayout] = []
            for item in items {
                guard let layout = ParameterLayout(of: item) else { return nil }
                layouts.append(layout)
            }
            self = .list(layouts)
        case .record(let r) where r.display == nil:
            var layouts: [ParameterLayout] = []
            for field in r.fields {
                guard let layout = ParameterLayout(of: field.value) else { return nil }
                layouts.append(layout)
            }
            self = .record(r.fields.map(\.name), layouts)
        default: return nil
        }
    }

    /// How many numbers the layout holds.
    var count: Int {
        switch self {
        case .number: return 1
        case .tensor(let shape): return shape.reduce(1, *)
        case .list(let items), .record(_, let items): return items.reduce(0) { $0 + $1.count }
        }
    }

    /// Appends the numbers of `value` (which has this layout) as `B`, lifting traced values of an
    /// enclosing differentiation; false when a value cannot be lifted.
    func flatten<B: DifferentiableScalar>(_ value: Value, into out: inout [B]) -> Bool {
        switch (self, value) {
        case (.list(let layouts), .list(let items)):
            for (layout, item) in zip(layouts, items) where !layout.flatten(item, into: &out) { return false }
            return true
        case (.record(_, let layouts), .record(let r)):
            for (layout, field) in zip(layouts, r.fields) where !layout.flatten(field.value, into: &out) { return false }
            return true
        default:
            guard let t = TracedTensor<B>.lift(value) else { return false }
            out.append(contentsOf: t.elements)
            return true
        }
    }

    /// The value of this layout made of the next numbers of `numbers`.
    func rebuild<S: DifferentiableScalar>(from numbers: [S], at position: inout Int) -> Value {
        switch self {
        case .number:
            position += 1
            return TracedTensor(numbers[position - 1]).value
        case .tensor(let shape):
            let n = shape.reduce(1, *)
            defer { position += n }
            return TracedTensor(shape: shape, elements: Array(numbers[position..<position + n])).value
        case .list(let layouts):
            return .list(layouts.map { $0.rebuild(from: numbers, at: &position) })
        case .record(let names, let layouts):
            return .record(RecordValue(fields: zip(names, layouts).map { ($0, $1.rebuild(from: numbers, at: &position)) }))
        }
    }

    /// Names of the numbers, for tables: `w[0, 1]`, `p.b[2]`.
    func names(_ base: String) -> [String] {
        switch self {
        case .number: return [base]
        case .tensor(let shape):
            let strides = Broadcasting.strides(of: shape)
            return (0..<shape.reduce(1, *)).map { flat in
                "\(base)[" + shape.indices.map { String((flat / strides[$0]) % shape[$0]) }.joined(separator: ", ") + "]"
            }
        case .list(let layouts):
            return layouts.enumerated().flatMap { $0.element.names("\(base)[\($0.offset)]") }
        case .record(let fieldNames, let layouts):
            return zip(fieldNames, layouts).flatMap { $1.names("\(base).\($0)") }
        }
    }
}
