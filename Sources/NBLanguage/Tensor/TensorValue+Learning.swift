import NBLearning

/// The language's tensors run on the learning library's kernels (BLAS products, vectorised
/// reductions), so a cell's `@`, `sum` and `mean` give the same bits as `train` and as the tensor
/// tape `grad` records on.
extension TensorValue {
    /// The same numbers as a learning tensor.
    var learning: Tensor<Double> {
        // The shape and element count always agree (TensorValue's invariant).
        (try? Tensor(shape: shape, scalars: elements)) ?? Tensor(0)
    }

    /// The same numbers as a tensor value.
    init(_ tensor: Tensor<Double>) {
        self.init(shape: tensor.shape, elements: tensor.scalars)
    }

    /// Runs learning-library work, turning its errors into tensor errors.
    static func learning(_ body: () throws -> Tensor<Double>) throws(TensorError) -> TensorValue {
        do { return TensorValue(try body()) } catch {
            throw TensorError("\(error)")
        }
    }
}
