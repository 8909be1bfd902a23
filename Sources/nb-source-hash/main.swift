import Foundation
import NBHash

// nb-source-hash OUTPUT TYPE ROOT FILE...
//
// Run at build time by the SourceHashPlugin: writes to OUTPUT a Swift file declaring
// `enum TYPE { static let value: String }`, the SHA-256 of FILEs — each one's path relative to
// ROOT and its bytes, in order of those paths. Nothing else goes in (no dates, no absolute paths,
// no file system order), so the same sources give the same hash on every machine and clone.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: nb-source-hash OUTPUT TYPE ROOT FILE...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let typeName = arguments[arguments.startIndex + 1]
// Symbolic links resolved on both sides, so that a package reached through a link hashes the same.
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 2]).resolvingSymlinksInPath().standardizedFileURL.path
let prefix = root.hasSuffix("/") ? root : root + "/"

var files: [(relative: String, path: String)] = []
for path in arguments.dropFirst(3) {
    let standardized = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    let relative = standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    files.append((relative, standardized))
}
files.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }

var hasher = SHA256()
hasher.updateField("nb-source-hash 1")
for file in files {
    guard let bytes = FileManager.default.contents(atPath: file.path) else {
        FileHandle.standardError.write(Data("nb-source-hash: error: cannot read \(file.path)\n".utf8))
        exit(1)
    }
    hasher.updateField(file.relative)
    hasher.updateField(String(bytes.count))
    hasher.update(bytes)
}
let hash = hasher.finalize().hex

let text = """
// Generated at build time by nb-source-hash (SourceHashPlugin); not in the repository.

/// SHA-256 of the \(files.count) source files this module's results depend on: their paths and
/// bytes, in path order. Any change to those sources changes it.
enum \(typeName) {
    static let value = "\(hash)"
}

"""
// Leave an unchanged file alone, so that nothing recompiles when the sources hash the same.
if FileManager.default.contents(atPath: output.path) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("nb-source-hash: error: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
