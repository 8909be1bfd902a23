/// The kind of value a builtin parameter takes. Arguments are checked against it before the
/// builtin's body runs; a value being differentiated passes every numeric kind (the body, or the
/// differentiated version of the builtin, decides what to do with it).
public enum BuiltinParameterKind: Sendable, CaseIterable {
    /// A number (a tensor with one element counts).
    case number
    /// A number with no fractional part: a count, an index, a seed.
    case wholeNumber
    /// A number, dual number or tensor; elementwise builtins take it.
    case numeric
    /// A number, tensor, range or list of numbers, read as a tensor.
    case tensor
    /// Where to differentiate: a number, a list of numbers, a tensor, or a list of tensors.
    case point
    /// A function, lambda, builtin or symbolic function.
    case function
    case string
    case boolean
    /// A list, tensor or range.
    case list
    case record
    /// Anything; the body checks it.
    case any

    /// How the reference and error messages name the kind.
    public var description: String {
        switch self {
        case .number: "number"
        case .wholeNumber: "whole number"
        case .numeric: "number, dual number or tensor"
        case .tensor: "number or tensor"
        case .point: "number, list or tensor"
        case .function: "function"
        case .string: "string"
        case .boolean: "boolean"
        case .list: "list"
        case .record: "record"
        case .any: "any value"
        }
    }

    /// Whether `value` is of this kind. A value being differentiated counts as numeric.
    func accepts(_ value: Value) -> Bool {
        if case .traced = value { return self != .string && self != .boolean && self != .function && self != .record }
        switch self {
        case .any: return true
        case .number:
            switch value {
            case .number: return true
            case .tensor(let t): return t.count == 1
            default: return false
            }
        case .wholeNumber:
            switch value {
            case .number(let x): return x == x.rounded() && Swift.abs(x) < 1e15
            case .tensor(let t): return t.count == 1 && t.scalars[0] == t.scalars[0].rounded() && Swift.abs(t.scalars[0]) < 1e15
            default: return false
            }
        case .numeric:
            switch value {
            case .number, .dual, .tensor, .range, .bool: return true
            default: return false
            }
        case .tensor:
            switch value {
            case .number, .tensor, .range, .bool: return true
            default: return false
            }
        case .point:
            switch value {
            case .number, .tensor, .range, .list, .dual: return true
            default: return false
            }
        case .function: return value.isCallable
        case .string: if case .string = value { return true } else { return false }
        case .boolean: if case .bool = value { return true } else { return false }
        case .list:
            switch value {
            case .list, .tensor, .range: return true
            default: return false
            }
        case .record: if case .record = value { return true } else { return false }
        }
    }
}
