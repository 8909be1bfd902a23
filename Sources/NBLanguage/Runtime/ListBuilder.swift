import NBDocument
import NBLearning
/// Turns the values of a list literal into a tensor (numbers, or equal-shaped tensors, stacked)
/// or, when they are not all numeric, a plain list.
enum ListBuilder {
    static func make(_ values: [Value], limit: Budget, at location: TextLocation) throws(LanguageError) -> Value {
        if values.isEmpty { return .tensor(Tensor<Double>([])) }
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        var allNumbers = true
        for value in values {
            guard case .number(let x) = value else { allNumbers = false; break }
            numbers.append(x)
        }
        if allNumbers { return .tensor(Tensor<Double>(numbers)) }
        for value in values {
            guard case .traced(let box) = value else { continue }
            do {
                if let stacked = try box.storage.stacking(values, limit: limit) { return stacked }
            } catch {
                throw LanguageError(error, at: location)
            }
        }
        var tensors: [Tensor<Double>] = []
        for value in values {
            switch value {
            case .tensor(let t): tensors.append(t)
            case .number(let x): tensors.append(Tensor<Double>(x))
            case .range(let r):
                do { try limit.check([r.count]) } catch { throw LanguageError(error, at: location) }
                tensors.append(Tensor<Double>(r.elements))
            default: return .list(values)
            }
        }
        let shape = tensors[0].shape
        // Tensors of different shapes (a model's weights) stay a list of tensors.
        guard tensors.allSatisfy({ $0.shape == shape }) else { return .list(values) }
        let newShape = [tensors.count] + shape
        do { try limit.check(newShape) } catch {
            throw LanguageError(error, at: location)
        }
        return .tensor(Tensor<Double>(validShape: newShape, scalars: tensors.flatMap(\.scalars)))
    }
}
