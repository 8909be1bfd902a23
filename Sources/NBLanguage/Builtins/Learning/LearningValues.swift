import NBLearning

/// Conversions between the cell language's values and NBLearning's types, shared by the learning
/// builtins. Data sets are records `{X, y, name}`; models are records `{sizes, activation,
/// parameters}` whose parameters are plain tensors, so a model is an ordinary value that can be
/// inspected, copied and trained again.
extension BuiltinCall {
    /// A record of features `X` (samples × features) and targets `y`.
    func datasetValue(_ dataset: Dataset) -> Value {
        .record(RecordValue(fields: [
            ("X", .tensor(Tensor<Double>(validShape: [dataset.sampleCount, dataset.featureCount], scalars: dataset.features))),
            ("y", .tensor(Tensor<Double>(dataset.targets))),
            ("name", .string(dataset.name)),
        ]))
    }

    /// The `index`-th argument as a samples × features matrix.
    func matrix(_ index: Int, _ what: String) throws(LanguageError) -> Tensor<Double> {
        let t = try tensor(index, what)
        if t.rank == 1 { return Tensor<Double>(validShape: [t.count, 1], scalars: t.scalars) }
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
        return t.scalars
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
