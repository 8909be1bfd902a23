/// Where a long library loop says how far it got: epoch k of N and the latest loss. It travels in
/// the loop's `Budget` (``Budget/progress``), so every loop that already checks its budget once per
/// iteration can report at the same place; a budget without a sink costs one nil check.
///
/// Reporting never changes what a loop computes. Implementations must be cheap and thread-safe:
/// `report` is called on the computing thread, once per epoch or iteration.
public protocol ProgressSink: Sendable {
    func report(_ progress: LoopProgress)
}

/// One report of a long loop.
public struct LoopProgress: Sendable, Equatable {
    /// What is counted: `"epoch"`, `"iteration"`, `"step"`.
    public var unit: String
    /// Finished units; 0 at the start of the loop.
    public var step: Int
    /// Units the loop will run at most.
    public var total: Int
    /// The loss (or objective) after `step`, when the loop has one.
    public var loss: Double?
    /// The builtin that runs the loop (`train`, `vat`), filled in by the cell language.
    public var task: String?

    public init(unit: String, step: Int, total: Int, loss: Double? = nil, task: String? = nil) {
        self.unit = unit; self.step = step; self.total = total; self.loss = loss; self.task = task
    }
}

extension Budget {
    /// Reports that `step` of `total` units are done (with the loss after them) to the budget's
    /// progress sink, if it has one.
    @inline(__always)
    public func report(_ unit: String, _ step: Int, of total: Int, loss: Double? = nil) {
        if let progress { progress.report(LoopProgress(unit: unit, step: step, total: total, loss: loss)) }
    }
}
