import NBDocument
import NBLearning

extension DifferentiationProblem {
    /// Whether the point holds a tensor: then `grad` and `valuegrad` record whole-tensor
    /// operations on the tensor tape (`TapeTensor`) rather than one record per number.
    var hasTensorParameter: Bool { layouts.contains { $0.holdsTensor } }

    /// The value and the gradient (packed like the arguments) by one backward sweep of the
    /// tensor tape. Runs only outside any other differentiation (plain arguments).
    func tapeValueAndGradient(interpreter: Interpreter, limit: Budget,
                              at location: TextLocation) throws(LanguageError) -> (value: Value, gradient: Value) {
        let tape = TensorTape<Double>()
        var leaves: [TrackedTensor<Double>] = []
        var arguments: [Value] = []
        for (layout, argument) in zip(layouts, self.arguments) {
            arguments.append(try layout.leaves(of: argument, on: tape, into: &leaves, at: location))
        }
        interpreter.lastTakenBranch = nil
        let result = try interpreter.callValue(function.callee, arguments: arguments, syntax: nil, at: location)
        let output: TrackedTensor<Double>
        switch result {
        case .traced(let box):
            guard let t = box.storage as? TapeTensor, t.count == 1 else { throw notANumber(result, interpreter: interpreter, at: location) }
            output = t.tracked
        case .number(let x):
            // The function does not depend on its parameters: every gradient is zero.
            return (.number(x), try pack([Double](repeating: 0, count: count), limit: limit, at: location))
        default:
            throw notANumber(result, interpreter: interpreter, at: location)
        }
        let gradients: TensorGradients<Double>
        do { gradients = try tape.gradients(of: output) } catch {
            throw LanguageError(.runtime, "\(error)", at: location)
        }
        var flat: [Double] = []
        flat.reserveCapacity(count)
        for leaf in leaves { flat.append(contentsOf: gradients[leaf].scalars) }
        return (.number(output.value.scalars[0]), try pack(flat, limit: limit, at: location))
    }

    private func notANumber(_ result: Value, interpreter: Interpreter, at location: TextLocation) -> LanguageError {
        interpreter.wrongResult(of: function.callee, named: function.shownName, result: result, expected: "a number",
                                at: location, hint: "reduce a tensor with sum(…) or mean(…)")
    }
}

extension ParameterLayout {
    var holdsTensor: Bool {
        switch self {
        case .number: return false
        case .tensor: return true
        case .list(let items), .record(_, let items): return items.contains { $0.holdsTensor }
        }
    }

    /// `value` with every number and tensor made a variable of `tape` (appended to `leaves` in
    /// flattening order).
    func leaves(of value: Value, on tape: TensorTape<Double>, into leaves: inout [TrackedTensor<Double>],
                at location: TextLocation) throws(LanguageError) -> Value {
        switch (self, value) {
        case (.list(let layouts), .list(let items)):
            var out: [Value] = []
            for (layout, item) in zip(layouts, items) { out.append(try layout.leaves(of: item, on: tape, into: &leaves, at: location)) }
            return .list(out)
        case (.record(let names, let layouts), .record(let r)):
            var fields: [(name: String, value: Value)] = []
            for (name, (layout, field)) in zip(names, zip(layouts, r.fields)) {
                fields.append((name, try layout.leaves(of: field.value, on: tape, into: &leaves, at: location)))
            }
            return .record(RecordValue(fields: fields))
        default:
            guard let tensor = value.asTensor else {
                throw LanguageError(.runtime, "a parameter must be a number or a tensor, got a \(value.typeName)", at: location)
            }
            let leaf = tape.variable(tensor)
            leaves.append(leaf)
            return TapeTensor(tracked: leaf).value
        }
    }
}
