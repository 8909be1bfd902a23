import NBLearning

/// Conversions between the cell language's values and NBLearning's types, shared by the learning
/// builtins. Data sets are records `{X, y, name}`; models are records `{sizes, activation,
/// parameters}` whose parameters are plain tensors, so a model is an ordinary value that can be
/// inspected, copied and trained again.
extension BuiltinCall {
    /// A record of features `X` (samples × features) and targets `y`.
    func datasetValue(_ dataset: Dataset) -> Value {
        .record(RecordValue(fields: [
            ("X", .tensor(TensorValue(shape: [dataset.sampleCount, dataset.featureCount], elements: dataset.features))),
            ("y", .tensor(TensorValue(dataset.targets))),
            ("name", .string(dataset.name)),
        ]))
    }

    /// The `index`-th argument as a samples × features matrix.
    func matrix(_ index: Int, _ what: String) throws(LanguageError) -> TensorValue {
        let t = try tensor(index, what)
        if t.rank == 1 { return TensorValue(shape: [t.count, 1], elements: t.elements) }
        guard t.rank == 2 else {
            throw error("\(what) must be a matrix (samples × features), got shape \(t.shape)", at: location(of: index))
        }
        return t
    }

    /// The `index`-th argument as a vector with `count` entries.
    func vector(_ index: Int, _ what: String, count: Int) throws(LanguageError) -> [Double] {
        let t = try tensor(index, what)
        guard t.count == count else {
            throw error("\(what) must have \(count) entries (one per sample), got shape \(t.shape)", at: location(of: index))
        }
        return t.elements
    }

    /// Class labels 0, 1, … from a vector of whole numbers.
    func labels(_ values: [Double], _ what: String, at index: Int) throws(LanguageError) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard v >= 0, v == v.rounded(), v < 1e6 else {
                throw error("\(what) must be class labels 0, 1, 2, …, found \(NumberFormat.format(v))", at: location(of: index))
            }
            out.append(Int(v))
        }
        return out
    }

    /// A tensor value from a learning tensor.
    static func value(_ t: Tensor<Double>) -> Value {
        .tensor(TensorValue(shape: t.shape, elements: t.scalars))
    }

    /// A learning tensor from a tensor value.
    func learningTensor(_ t: TensorValue) throws(LanguageError) -> Tensor<Double> {
        do { return try Tensor(shape: t.shape, scalars: t.elements) } catch { throw self.error("\(error)") }
    }

    /// Runs NBLearning code, turning its errors into this call's errors.
    func learning<T>(_ body: () throws -> T) throws(LanguageError) -> T {
        do { return try body() } catch let error as LanguageError { throw error } catch let error as any BudgetStop {
            if let exceeded = error.budgetExceeded { throw budgetError(exceeded) }
            throw self.error("\(error)")
        } catch {
            throw self.error("\(error)")
        }
    }
}
