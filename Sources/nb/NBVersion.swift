import NBExecution

/// The version `nb --version` prints.
enum NBVersion {
    static let number = "0.1.0"

    /// `0.1.0` and, on the next line, the engine key every cell-cache key includes: two builds with
    /// the same key give cached cells the same results.
    static var string: String { "\(number)\nengine: \(NotebookExecution.engineVersion)" }
}
