import NBLearning
import NBAutodiff

/// Largest tensor printed in full; bigger ones show their first and last three entries per axis.
let tensorSummaryThreshold = 1000
/// Longest text a list is written out to.
let listTextBudget = 100_000

extension Value {
    /// The SPEC §5 text form of the value (`12`, `[[1, 2], [3, 4]]`, `6 + 2ε`, `"text"`).
    public var text: String {
        switch self {
        case .number(let x): return NumberFormat.format(x)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return Expr.quote(s)
        case .tensor(let t): return t.text
        case .list:
            var out = ""
            appendText(to: &out)
            return out
        case .range(let r): return NumberFormat.format(r.lower) + (r.closed ? "..." : "..<") + NumberFormat.format(r.upper)
        case .dual(let d): return d.description
        case .function(let f): return f.text
        case .builtin(let builtin): return "<builtin \(builtin.name)>"
        case .symbolic(let s): return s.formula
        case .record(let r):
            if let display = r.display { return display.transcript }
            return "(" + r.fields.map { "\($0.name): \($0.value.text)" }.joined(separator: ", ") + ")"
        case .display(let item): return item.transcript
        case .traced(let box):
            // What `print` shows inside a differentiated function: the primal values.
            return box.storage.primal.map { Value.from($0).text } ?? "<symbolic>"
        case .condition: return "<symbolic condition>"
        case .nothing: return ""
        }
    }

    /// Appends the text form, stopping with `…` once the text passes `listTextBudget` characters
    /// (lists can share sublists, so their written-out form can be astronomically long).
    private func appendText(to out: inout String) {
        guard case .list(let items) = self else {
            out += text
            return
        }
        out += "["
        for (i, item) in items.enumerated() {
            if out.utf8.count > listTextBudget {
                out += "…"
                break
            }
            if i > 0 { out += ", " }
            item.appendText(to: &out)
        }
        out += "]"
    }

    /// Text used by `print`: strings without quotes, everything else as displayed.
    public var printText: String {
        if case .string(let s) = self { return s }
        return text
    }

    /// The display item shown when this value is displayed, or nil for `nothing`.
    public var displayItem: DisplayItem? {
        switch self {
        case .nothing: return nil
        case .display(let item): return item
        case .symbolic(let s): return .formula(text: s.formula, tex: s.tex)
        case .record(let r): return r.display ?? .value(text)
        default: return .value(text)
        }
    }
}

extension FunctionValue {
    /// `f(x) = x^3 + 2*x`, or `(x, y) -> x*y` for an unnamed lambda.
    public var text: String {
        if let name { return "\(name)(\(parameters.joined(separator: ", "))) = \(body.source)" }
        return Expr(.lambda(parameters: parameters, body: body), at: location).source
    }
}

extension Tensor<Double> {
    /// Nested lists: `[[1, 2], [3, 4]]`; a 0-d tensor prints as its number.
    public var text: String {
        if shape.isEmpty { return NumberFormat.format(scalars[0]) }
        var out = ""
        render(axis: 0, offset: 0, strides: Broadcasting.strides(of: shape), summarize: count > tensorSummaryThreshold, into: &out)
        return out
    }

    private func render(axis: Int, offset: Int, strides: [Int], summarize: Bool, into out: inout String) {
        out += "["
        let extent = shape[axis]
        var positions = Array(0..<extent)
        if summarize && extent > 6 { positions = [0, 1, 2, -1, extent - 3, extent - 2, extent - 1] }
        for (k, i) in positions.enumerated() {
            if k > 0 { out += ", " }
            if i < 0 { out += "..."; continue }
            if axis == shape.count - 1 {
                out += NumberFormat.format(scalars[offset + i])
            } else {
                render(axis: axis + 1, offset: offset + i * strides[axis], strides: strides, summarize: summarize, into: &out)
            }
        }
        out += "]"
    }
}
