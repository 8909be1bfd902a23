import Foundation
import NBLearning

/// Reads data files for cells, only inside the notebook's folder tree (SPEC §4 limits).
enum SandboxedFiles {
    /// Largest file a cell may read.
    static let maximumBytes = 64 << 20

    /// The contents of `path` (relative to the session's root directory) as UTF-8 text.
    static func read(_ path: String, call: BuiltinCall) throws(LanguageError) -> String {
        guard let root = call.options.rootDirectory else {
            throw call.limitError("this session has no notebook folder, so no file can be read")
        }
        let hint = "give a path relative to the notebook's folder, without '..'"
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\0") || path.contains("\\") {
            throw call.limitError("'\(path)' is not a relative path inside the notebook's folder", hint: hint)
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if components.contains("..") {
            throw call.limitError("'\(path)' leaves the notebook's folder", hint: hint)
        }
        guard let realRoot = realPath(root) else {
            throw call.limitError("the notebook's folder '\(root)' cannot be resolved")
        }
        guard let resolved = realPath(realRoot + "/" + components.joined(separator: "/")) else {
            throw call.error("no file '\(path)' in the notebook's folder", hint: "check the file name")
        }
        // A symlink may point anywhere: compare the fully resolved path with the resolved root.
        guard resolved.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
            throw call.limitError("'\(path)' resolves outside the notebook's folder", hint: hint)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw call.error("'\(path)' is not a file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: resolved)[.size] as? Int) ?? 0
        if size > maximumBytes {
            throw call.limitError("'\(path)' is larger than \(maximumBytes >> 20) MB")
        }
        guard let data = FileManager.default.contents(atPath: resolved), let text = String(data: data, encoding: .utf8) else {
            throw call.error("'\(path)' cannot be read as UTF-8 text")
        }
        call.noteFileRead(components.filter { $0 != "." }.joined(separator: "/"))
        return text
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
        if table.columnCount <= 1 { return .tensor(TensorValue(table.values)) }
        return .tensor(TensorValue(shape: [table.rowCount, table.columnCount], elements: table.values))
    }
}
