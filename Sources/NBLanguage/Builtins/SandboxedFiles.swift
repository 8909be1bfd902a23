import Foundation
import NBLearning

/// Reads data files for cells, only inside the notebook's folder tree (SPEC §4 limits), by the
/// rule of `ConfinedFile`.
enum SandboxedFiles {
    /// Largest file a cell may read.
    static let maximumBytes = ConfinedFile.defaultMaximumBytes

    /// The contents of `path` (relative to the session's root directory) as UTF-8 text.
    static func read(_ path: String, call: BuiltinCall) throws(LanguageError) -> String {
        do {
            let file = try ConfinedFile.read(path, root: call.options.rootDirectory, maximumBytes: maximumBytes)
            call.noteFileRead(file.path)
            return file.text
        } catch {
            switch error.kind {
            case .outside, .tooLarge: throw call.limitError(error.message, hint: error.hint)
            case .unreadable: throw call.error(error.message, hint: error.hint)
            }
        }
    }
}

/// A CSV of numbers as a tensor (an optional header row is skipped; one column gives a 1-d
/// tensor), read by NBLearning's `NumericTable`.
enum CSVTable {
    static func parse(_ text: String, path: String, call: BuiltinCall) throws(LanguageError) -> Value {
        let table: NumericTable
        do {
            table = try NumericTable(parsing: text, source: path, header: .optional, valueLimit: call.budget.maximumElements)
        } catch {
            switch error.kind {
            case .tooLarge: throw call.limitError("'\(path)' has more numbers than the element limit of \(call.budget.maximumElements)")
            case .malformed: throw call.error("\(error.description)")
            }
        }
        if table.columnCount <= 1 { return .tensor(Tensor<Double>(table.values)) }
        return .tensor(Tensor<Double>(validShape: [table.rowCount, table.columnCount], scalars: table.values))
    }
}
