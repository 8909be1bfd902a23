import Foundation
import Testing
import NBLanguage

/// The language reference (`docs/language.md`) cannot drift from the builtin registry: every
/// registered builtin and constant has an entry (a heading that names it in backticks, or a
/// list item that starts with it in backticks), every builtin's usage line appears as it is,
/// every builtin is called in an example, and the reference documents no builtin that does not exist.
@Suite struct LanguageReferenceTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    /// The reference, split into what the checks look at.
    struct Reference {
        var text: String
        /// Headings outside fences: an entry may be named by any code span in them.
        var headings: [String] = []
        /// List items outside fences: an item that starts with a code span names an entry by it.
        var items: [String] = []
        /// Headings under `## Builtins`.
        var builtinHeadings: [String] = []
        /// Sources of `nb` cells and `text` blocks: where examples stand.
        var examples: [String] = []

        init(_ text: String) {
            self.text = text
            var fence: (marker: String, keep: Bool)?
            var inBuiltins = false
            var example = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let open = fence {
                    if trimmed.hasPrefix(open.marker), trimmed.allSatisfy({ $0 == open.marker.first }) {
                        if open.keep { examples.append(example) }
                        fence = nil
                        example = ""
                    } else if open.keep {
                        example += line + "\n"
                    }
                    continue
                }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    let marker = String(trimmed.prefix { $0 == trimmed.first })
                    let info = trimmed.dropFirst(marker.count).split(separator: " ").first.map(String.init) ?? ""
                    fence = (marker, info == "nb" || info == "text")
                    continue
                }
                if trimmed.hasPrefix("#") {
                    headings.append(trimmed)
                    if trimmed.hasPrefix("## ") { inBuiltins = trimmed == "## Builtins" }
                    if inBuiltins && trimmed.hasPrefix("### ") { builtinHeadings.append(trimmed) }
                } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                    items.append(trimmed)
                }
            }
        }

        /// Code spans (text between single backticks) of a line.
        static func codeSpans(_ line: String) -> [String] {
            let parts = line.split(separator: "`", omittingEmptySubsequences: false)
            return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
        }

        /// Whether a heading, or the code span a list item starts with, names `name`: `name` or `name(…`.
        func hasEntry(_ name: String) -> Bool {
            func names(_ span: String) -> Bool { span == name || span.hasPrefix(name + "(") }
            return headings.contains { Reference.codeSpans($0).contains(where: names) }
                || items.contains { $0.dropFirst(2).hasPrefix("`") && (Reference.codeSpans($0).first.map(names) ?? false) }
        }

        /// Whether some example calls `name(` (or, for a constant, uses the name).
        func hasExample(_ name: String, call: Bool) -> Bool {
            let pattern = "(?<![A-Za-z0-9_.])" + NSRegularExpression.escapedPattern(for: name) + (call ? "\\(" : "(?![A-Za-z0-9_(])")
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
            return examples.contains { example in
                regex.firstMatch(in: example, range: NSRange(example.startIndex..., in: example)) != nil
            }
        }
    }

    static func load() throws -> Reference {
        Reference(try String(contentsOf: path, encoding: .utf8))
    }

    @Test func everyBuiltinAndConstantHasAnEntry() throws {
        let reference = try Self.load()
        let missing = BuiltinRegistry.standard.names.filter { !reference.hasEntry($0) }
        #expect(missing.isEmpty, "docs/language.md has no heading or table entry for: \(missing.joined(separator: ", "))")
    }

    @Test func everyUsageLineAppearsAsRegistered() throws {
        let reference = try Self.load()
        let registry = BuiltinRegistry.standard
        let stale = registry.names.compactMap { registry[$0] }.filter { !reference.text.contains($0.usage) }.map { "\($0.name): \($0.usage)" }
        #expect(stale.isEmpty, "docs/language.md lacks the usage line of: \(stale.joined(separator: "; "))")
    }

    @Test func everyBuiltinAndConstantHasAnExample() throws {
        let reference = try Self.load()
        let registry = BuiltinRegistry.standard
        let missing = registry.names.filter { !reference.hasExample($0, call: registry[$0] != nil) }
        #expect(missing.isEmpty, "docs/language.md has no example using: \(missing.joined(separator: ", "))")
    }

    @Test func builtinHeadingsNameRegisteredBuiltins() throws {
        let reference = try Self.load()
        let known = Set(BuiltinRegistry.standard.names)
        let unknown = reference.builtinHeadings.flatMap(Reference.codeSpans)
            .map { $0.prefix { $0 != "(" } }.map(String.init)
            .filter { !known.contains($0) }
        #expect(unknown.isEmpty, "docs/language.md documents builtins that are not registered: \(unknown.joined(separator: ", "))")
    }

    /// The checks themselves notice what is missing.
    @Test func checksNoticeAMissingEntry() {
        let reference = Reference("""
        ## Builtins

        ### `grad`

        - `sin(x)` — sine
        - the `cos(x)` function

        ```nb
        grad(f, 1)
        ```
        """)
        #expect(reference.hasEntry("grad"))
        #expect(reference.hasEntry("sin"))
        #expect(!reference.hasEntry("jvp"))
        #expect(!reference.hasEntry("cos"))
        #expect(!reference.hasEntry("gra"))
        #expect(reference.hasExample("grad", call: true))
        #expect(!reference.hasExample("rad", call: true))
        #expect(!reference.hasExample("sin", call: true))
        #expect(reference.builtinHeadings == ["### `grad`"])
    }
}
