import Foundation
import NBDocument

/// An invariant an input broke (a crash or a hang is caught outside the target).
struct Violation: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
    /// The message up to its first quote, digit or `<`: what kind of invariant broke, without the details.
    var kind: String { String(message.prefix { !"\"`'<0123456789".contains($0) }) }
}

/// One thing the fuzzer runs: how to build seeds, which tokens to insert, and what must hold.
protocol FuzzTarget: Sendable {
    /// The subcommand name (`tex`, `cell`, …), also the folder name under the corpus and findings.
    var name: String { get }
    /// Tokens the mutator inserts, on top of the shared ones.
    var tokens: [String] { get }
    /// Seconds one input may run before it is reported as a hang.
    var hangSeconds: Double { get }
    /// Seeds derived from the repository's notebooks.
    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]]
    /// Runs one input; throws when an invariant fails. Must not keep state between inputs.
    func run(_ input: [UInt8]) throws(Violation)
}

/// Tokens every target's mutator may insert: Markdown and math delimiters, fences, YAML and
/// BibTeX structure, CJK, line endings and control characters.
let sharedTokens: [String] = [
    "$", "$$", "\\(", "\\)", "\\[", "\\]", "`", "``", "```", "~~~", "```nb\n", "```output\n", "\n```\n", "~~~nb\n",
    "```nb error=true\n", "```nb id=a\n", "```nb output=false\n", "```nb echo=false timeout=0.1\n",
    "---\n", "\n---\n", "&a", "*a", "[", "]", "{", "}", "\"", "'", ": ", "- ", "? ", "|", ">",
    "@article{", "@book{k,", "@string{", "@comment{", "author = {", " and ", "title = \"", "},\n",
    "<script>", "</script>", "javascript:alert(1)", "<a href=\"", "<img src=x onerror=", "&lt;", "&amp;", "&#x3C;",
    "[@key]", "[link](", "](javascript:x)", "<http://", "\n\n", "\r\n", "\r", "\t", "\0", "\u{1}", "\u{1B}[31m",
    "自动求导", "数值", "é", "\u{301}", "\u{200B}", "\u{FEFF}", "\u{202E}", "𝔸", "😀",
    "1e308", "-0", "nan", "inf", "99999999999999999999", "0x", "-1",
]

/// A notebook from the repository, parsed once at start-up, for targets to cut seeds from.
struct NotebookSeed: Sendable {
    var name: String
    var bytes: [UInt8]
    var document: Document
}
