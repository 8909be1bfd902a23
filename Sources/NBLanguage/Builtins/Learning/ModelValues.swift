import NBDocument
import NBLearning

/// Models as cell values: a record `{sizes, activation, parameters}` whose parameters are the
/// plain tensors `[W₁, b₁, W₂, b₂, …]` (W of shape inputs × outputs), so a model is an ordinary
/// immutable value that can be inspected, copied and trained again.
extension BuiltinCall {
    /// The largest number of parameters a model built by a cell may have.
    static let maximumParameters = 4_000_000

    /// The record of a network.
    static func modelValue(_ model: MLP<Double>) -> Value {
        .record(RecordValue(fields: [
            ("sizes", .tensor(Tensor<Double>(model.sizes.map(Double.init)))),
            ("activation", .string(model.activation.rawValue)),
            ("parameters", .list(model.parameters.map { .tensor($0) })),
        ]))
    }

    /// Layer sizes from a list or vector of whole numbers, refused before anything is allocated
    /// when a layer would be absurdly large.
    func layerSizes(_ value: Value, _ what: String, at location: TextLocation) throws(LanguageError) -> [Int] {
        var listed: Tensor<Double>?
        if case .list(let items) = value {
            var numbers: [Double] = []
            for item in items { if case .number(let x) = item { numbers.append(x) } }
            if numbers.count == items.count { listed = Tensor<Double>(numbers) }
        }
        guard let t = listed ?? value.asTensor, t.rank <= 1 else {
            throw error("\(what) must be a list of layer sizes such as [2, 16, 1], got a \(value.typeName)", at: location)
        }
        var sizes: [Int] = []
        for x in t.scalars {
            guard x == x.rounded(), x >= 1, x <= 1e6 else {
                throw error("\(what): layer sizes must be whole numbers from 1 to 1000000, found \(NumberFormat.format(x))", at: location)
            }
            sizes.append(Int(x))
        }
        guard sizes.count >= 2 else { throw error("\(what) needs at least an input and an output size, got \(t.scalars.count) size(s)", at: location) }
        var total = 0
        for (a, b) in zip(sizes, sizes.dropFirst()) {
            try checkElements([a, b])
            total += a * b + b
        }
        guard total <= Self.maximumParameters else {
            throw limitError("a network of sizes \(TensorError.format(sizes)) has \(total) parameters, above the limit of \(Self.maximumParameters)",
                             hint: "use smaller layers")
        }
        return sizes
    }

    /// An activation name (`relu`, `tanh`, `sigmoid`, `softplus`, `identity`).
    func activation(label: String = "activation", default name: String = "relu") throws(LanguageError) -> Activation {
        let text = try string(label: label, default: name)
        guard let activation = Activation(rawValue: text.lowercased()) else {
            throw error("unknown activation \"\(text)\"", at: namedLocations[label],
                        hint: "activation: " + Activation.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        return activation
    }

    /// The `index`-th argument as a network (a record made by `mlp` or `train`).
    func model(_ index: Int) throws(LanguageError) -> MLP<Double> {
        let at = location(of: index)
        guard case .record(let record) = positional[index],
              let sizesValue = record["sizes"], case .string(let activationName)? = record["activation"],
              case .list(let parameterValues)? = record["parameters"] else {
            throw error("the model must be a record {sizes, activation, parameters} made by mlp(…) or train(…), got a \(positional[index].typeName)", at: at)
        }
        let sizes = try layerSizes(sizesValue, "the model's sizes", at: at)
        guard let activation = Activation(rawValue: activationName) else { throw error("unknown activation \"\(activationName)\"", at: at) }
        guard parameterValues.count == 2 * (sizes.count - 1) else {
            throw error("a model of sizes \(TensorError.format(sizes)) needs \(2 * (sizes.count - 1)) parameter tensors, got \(parameterValues.count)", at: at)
        }
        var layers: [Linear<Double>] = []
        for (layer, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
            guard let w = parameterValues[2 * layer].asTensor, let b = parameterValues[2 * layer + 1].asTensor,
                  w.shape == [inputs, outputs], b.shape == [outputs] else {
                throw error("layer \(layer + 1) of a model of sizes \(TensorError.format(sizes)) needs a weight of shape \(TensorError.format([inputs, outputs])) and a bias of shape \(TensorError.format([outputs]))", at: at)
            }
            layers.append(try learning { try Linear(weight: w, bias: b) })
        }
        var model = try learning { try MLP<Double>(sizes: [1, 1], activation: activation, seed: 0) }
        model.layers = layers
        return model
    }

    /// Checks that `x` (samples × features) fits a network's input size.
    func checkInputs(_ x: Tensor<Double>, fit model: MLP<Double>, at index: Int) throws(LanguageError) {
        let inputs = model.sizes[0]
        guard x.shape[1] == inputs else {
            throw error("X has shape \(TensorError.format(x.shape)) but the model of sizes \(TensorError.format(model.sizes)) takes \(inputs) input\(inputs == 1 ? "" : "s") per row: shapes \(TensorError.format(x.shape)) and \(TensorError.format([inputs, model.sizes[1]])) do not fit",
                        at: location(of: index))
        }
    }

    /// The outputs of a network on every row of `x`, as a learning tensor `[N, outputs]`.
    func outputs(of model: MLP<Double>, on x: Tensor<Double>) throws(LanguageError) -> Tensor<Double> {
        try checkElements([x.shape[0], model.sizes.max() ?? 1])
        return try learning { try model(x) }
    }

    /// Class predictions from outputs: argmax of each row, or for one output the sign as 0/1.
    static func classes(of outputs: Tensor<Double>) -> [Int] {
        if outputs.shape.count == 2, outputs.shape[1] > 1 {
            return (try? outputs.argmax(axis: 1)) ?? []
        }
        return outputs.scalars.map { $0 > 0 ? 1 : 0 }
    }
}
