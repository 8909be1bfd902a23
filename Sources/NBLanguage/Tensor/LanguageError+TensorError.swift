import NBDocument
import NBLearning

extension LanguageError {
    /// A tensor failure at `location`: a deadline or cancellation as the cell's limit error, a
    /// tensor above the element limit as a limit error, anything else as a runtime error.
    init(_ error: TensorError, at location: TextLocation) {
        if let exceeded = error.budgetExceeded {
            self = Interpreter.budgetError(exceeded, at: location)
            return
        }
        self.init(error.isLimit ? .limit : .runtime, error.description, at: location)
    }
}

extension Budget {
    /// The message of a cell that ran past its timeout.
    static func timeoutMessage(_ seconds: Double) -> String {
        "the cell ran past its timeout of \(NumberFormat.format(seconds)) s"
    }

    /// The cell-language wording of a budget failure.
    static func message(_ exceeded: BudgetExceeded) -> String {
        switch exceeded.reason {
        case .timeout(let seconds): timeoutMessage(seconds)
        case .cancelled: "the cell was cancelled"
        case let .elements(shape, limit): TensorError.tooManyElements(shape: shape, limit: limit).description
        case .iterations: exceeded.description
        }
    }
}
