import Foundation

/// One small edit to one cell's source (`nb test --mutants`): the text at `line:column` (file
/// positions) changed from `original` to `replacement`.
public struct Mutant: Sendable, Equatable {
    /// Index of the mutated cell in the document.
    public var cell: Int
    /// 1-based file line and column of the changed text.
    public var line: Int
    public var column: Int
    public var original: String
    /// The replacement text (empty when the edit deletes).
    public var replacement: String
    /// The cell's whole source with the edit applied.
    public var source: String

    /// `changing X to Y` (or `removing X`), as the report says it.
    public var change: String {
        replacement.isEmpty ? "removing `\(original)`" : "changing `\(original)` to `\(replacement)`"
    }
}

/// The kill rate as the report prints it (`93.5%`; `-` when no mutant ran).
public enum MutationRate {
    public static func percent(_ killed: Int, _ total: Int) -> String {
        total == 0 ? "-" : String(format: "%.1f%%", 100 * Double(killed) / Double(total))
    }
}
