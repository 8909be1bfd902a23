import NBLearning

/// A progress sink that names the builtin whose loop reports (`train`, `vat`) before passing the
/// report on.
struct BuiltinProgress: ProgressSink {
    let task: String
    let sink: any ProgressSink

    func report(_ progress: LoopProgress) {
        var named = progress
        named.task = task
        sink.report(named)
    }
}
