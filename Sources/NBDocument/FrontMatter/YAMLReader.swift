import Foundation
import Yams

/// The one way nb reads YAML (front matter, `site.yml`): into plain `YAMLValue`s, within bounds
/// that hold whatever the text is.
///
/// - Depth: at most `maximumDepth` nested lists and mappings. Yams composes recursively, one
///   stack frame chain per level, so the composition runs on a thread of its own whose stack is
///   sized from an upper bound of the depth counted in the text before parsing (every level of
///   nesting needs a `[`, `{`, or a `-`, `?`, `:` followed by a space); text whose bound is over
///   `maximumMarkers` is refused without being parsed (libyaml also takes time quadratic in the
///   depth of `[`/`{` nesting, so the bound keeps parsing fast too). The depth check itself is
///   then the same on every thread and for every command.
/// - Size: aliases (`*name`) repeat a value without copying its text, so a few lines can stand
///   for billions of values; expanding stops after `maximumValues` values or
///   `maximumScalarBytes` bytes of scalar text.
public enum YAMLReader {
    /// Bounds on what one YAML text may expand to.
    public struct Limits: Sendable {
        /// Deepest nesting of lists and mappings.
        public var maximumDepth = 64
        /// Most values (scalars, lists, mappings) after expanding aliases.
        public var maximumValues = 100_000
        /// Most bytes of scalar text after expanding aliases.
        public var maximumScalarBytes = 16 << 20
        /// Most nesting markers (see the type's documentation) in the text.
        public var maximumMarkers = 20_000

        public init() {}
    }

    /// Stack reserved per nesting marker for the composing thread: Yams' recursion takes about
    /// 1 KiB per level in a debug build, and a `[` counts as two markers.
    static let stackPerLevel = 2 << 10
    static let baseStack = 1 << 20

    /// Reads `yaml`, whose first line is line `firstLine` of the file.
    /// - Parameter what: what the text is, for messages ("front matter", "site.yml").
    /// - Returns: the root value, or nil for an empty text.
    /// - Throws: `DocumentError(.malformedFrontMatter)` naming the line and column, for invalid,
    ///   too deep or too large YAML.
    public static func read(_ yaml: String, firstLine: Int, what: String = "front matter",
                            limits: Limits = Limits()) throws(DocumentError) -> YAMLValue? {
        let markers = nestingMarkers(in: yaml, limit: limits.maximumMarkers)
        if let over = markers.over {
            throw DocumentError(.malformedFrontMatter,
                                "\(what) is nested too deeply or too large to read (more than \(limits.maximumMarkers) list and mapping markers)",
                                at: TextLocation(line: firstLine + over.line, column: over.column),
                                hint: "keep YAML small; move long reference lists into a .bib file")
        }
        let stack = baseStack + (markers.count + 1) * stackPerLevel
        let result = onThread(stackSize: stack) { () -> Result<YAMLValue?, DocumentError> in
            do throws(DocumentError) { return .success(try compose(yaml, firstLine: firstLine, what: what, limits: limits)) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Composing

    private static func compose(_ yaml: String, firstLine: Int, what: String, limits: Limits) throws(DocumentError) -> YAMLValue? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw malformed(error, firstLine: firstLine, what: what)
        } catch {
            throw DocumentError(.malformedFrontMatter, "\(what) is not valid YAML", at: TextLocation(line: firstLine, column: 1))
        }
        guard let node else { return nil }
        var budget = Budget(values: limits.maximumValues, scalarBytes: limits.maximumScalarBytes)
        return try copy(node, firstLine: firstLine, depth: 0, what: what, limits: limits, budget: &budget)
    }

    private struct Budget {
        var values: Int
        var scalarBytes: Int
        /// The top-level key being expanded (an alias's values carry the anchor's position,
        /// so errors name the key that repeats them).
        var field: TextLocation?
    }

    private static func copy(_ node: Node, firstLine: Int, depth: Int, what: String, limits: Limits,
                             budget: inout Budget) throws(DocumentError) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        let at = TextLocation(line: line, column: node.mark?.column ?? 1)
        guard depth < limits.maximumDepth else {
            throw DocumentError(.malformedFrontMatter, "\(what) is nested too deeply (more than \(limits.maximumDepth) levels)", at: at)
        }
        budget.values -= 1
        guard budget.values >= 0 else {
            throw DocumentError(.malformedFrontMatter,
                                "\(what) expands to more than \(limits.maximumValues) values (aliases repeating aliases?)", at: budget.field ?? at,
                                hint: "write the values out instead of nesting `*alias` references")
        }
        switch node {
        case .scalar(let scalar):
            budget.scalarBytes -= scalar.string.utf8.count
            guard budget.scalarBytes >= 0 else {
                throw DocumentError(.malformedFrontMatter,
                                    "\(what) expands to more than \(limits.maximumScalarBytes >> 20) MiB of text (aliases repeating aliases?)",
                                    at: budget.field ?? at, hint: "write the values out instead of nesting `*alias` references")
            }
            return YAMLValue(.scalar(scalar.string), line: line)
        case .sequence(let sequence):
            var elements: [YAMLValue] = []
            for element in sequence {
                elements.append(try copy(element, firstLine: firstLine, depth: depth + 1, what: what, limits: limits, budget: &budget))
            }
            return YAMLValue(.sequence(elements), line: line)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                if depth == 0, let mark = key.mark { budget.field = TextLocation(line: mark.line + firstLine - 1, column: mark.column) }
                entries.append(YAMLEntry(key: name, value: try copy(value, firstLine: firstLine, depth: depth + 1, what: what,
                                                                    limits: limits, budget: &budget)))
            }
            return YAMLValue(.mapping(entries), line: line)
        }
    }

    private static func malformed(_ error: YamlError, firstLine: Int, what: String) -> DocumentError {
        let hint = "fix the YAML (quote values that contain `: ` or start with `[`, `{`, `*`, `&`)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return DocumentError(.malformedFrontMatter, "\(what) is not valid YAML: \(detail)",
                                 at: TextLocation(line: mark.line + firstLine - 1, column: mark.column), hint: hint)
        default:
            return DocumentError(.malformedFrontMatter, "\(what) is not valid YAML",
                                 at: TextLocation(line: firstLine, column: 1), hint: hint)
        }
    }

    // MARK: Bounding the depth before parsing

    /// The nesting markers of a YAML text: an upper bound of its depth, since every list or
    /// mapping level needs its own `[` or `{` (each at most two levels: a flow list and the
    /// single-pair mapping inside it) or its own block indicator `-`, `?`, `:` followed by a
    /// space, tab or line end.
    struct Markers {
        var count = 0
        /// 0-based line and 1-based column (in bytes) of the marker that passed the limit.
        var over: (line: Int, column: Int)?
    }

    static func nestingMarkers(in yaml: String, limit: Int = .max) -> Markers {
        var markers = Markers()
        var line = 0, column = 0
        var previous: UInt8 = 0
        func add(_ n: Int, at markerColumn: Int) {
            markers.count += n
            if markers.count > limit, markers.over == nil { markers.over = (line, markerColumn) }
        }
        func isIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
        }
        for byte in yaml.utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): add(2, at: column)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if isIndicator(previous) { add(1, at: column - 1) }
            default: break
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 0 }
            previous = byte
        }
        if isIndicator(previous) { add(1, at: column) }
        return markers
    }

    // MARK: A thread with a given stack

    private final class Box: @unchecked Sendable {
        var result: Result<YAMLValue?, DocumentError> = .success(nil)
    }

    /// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it.
    private static func onThread(stackSize: Int, _ body: @escaping () -> Result<YAMLValue?, DocumentError>)
        -> Result<YAMLValue?, DocumentError> {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let work = body
        let thread = Thread {
            box.result = work()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.result
    }
}
