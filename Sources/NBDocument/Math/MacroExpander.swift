/// Expands `\newcommand`, `\renewcommand`, `\providecommand`, `\def`, `\gdef`, `\edef`, `\xdef`,
/// `\let` and `\DeclareMathOperator` definitions and calls in one formula, before it is parsed.
///
/// Definitions take effect from where they stand and stay in force for the rest of the page (the
/// context is carried from formula to formula). Expansion is bounded: a formula may expand at most
/// ``maximumExpansions`` calls, nest ``maximumDepth`` deep and grow to ``outputLimit(for:)`` bytes,
/// and a page shares a budget (``MathPageContext``), so `\def\a{\a\a}` is an error, not a hang.
struct MacroExpander {
    static let maximumExpansions = 10_000
    static let maximumDepth = 500
    static let definitionCommands: Set<String> = [
        "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef", "let", "DeclareMathOperator",
    ]
    /// ``definitionCommands`` and the builtin macros' names: one lookup per command of a formula.
    static let definingOrBuiltin: Set<String> = definitionCommands.union(MathMacros.builtins.keys)
    /// For each ASCII first letter, the lengths of the ``definingOrBuiltin`` names starting with it
    /// (bit n for length n; 63 and longer share bit 63).
    static let expandingShapes: [UInt64] = {
        var shapes = [UInt64](repeating: 0, count: 128)
        for name in definingOrBuiltin {
            let bytes = Array(name.utf8)
            shapes[Int(bytes[0])] |= UInt64(1) << UInt64(min(bytes.count, 63))
        }
        return shapes
    }()
    /// The command the parser shows as the expansion failure (a `\` and U+FFFF: nothing a
    /// formula would contain).
    static let failureMarker: [UInt8] = Array("\\\u{FFFF}".utf8)

    static func outputLimit(for inputLength: Int) -> Int {
        max(16_384, 16 * inputLength)
    }

    /// The expansion of `bytes`, or nil when it defines and calls no macro (it is parsed as is).
    static func expand(_ bytes: UnsafeBufferPointer<UInt8>, context: inout MathPageContext) -> MacroExpansion? {
        guard needsExpansion(bytes, context.macros) else { return nil }
        var expander = MacroExpander(input: Array(bytes), context: context)
        expander.run()
        context = expander.context
        return expander.result
    }

    /// Whether a command in `bytes` is a definition or a defined macro.
    static func needsExpansion(_ bytes: UnsafeBufferPointer<UInt8>, _ macros: MathMacros) -> Bool {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && isASCIILetter(bytes[end]) { end += 1 }
            if end == index + 1 {
                // A control symbol: a macro only if one was defined with that name.
                let length = scalarLength(bytes[end])
                if !macros.isEmpty, end + length <= bytes.count,
                   macros[String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<(end + length)]), as: UTF8.self)] != nil {
                    return true
                }
                index = end + length
                continue
            }
            // Most commands (`\frac`, `\alpha`) match no definition or builtin by first letter and
            // length: only the others are looked up by name.
            let shape = UInt64(1) << UInt64(min(end - index - 1, 63))
            if expandingShapes[Int(bytes[index + 1])] & shape != 0 || !macros.isEmpty {
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
                if definingOrBuiltin.contains(name) || (!macros.isEmpty && macros[name] != nil) { return true }
            }
            index = end
        }
        return false
    }

    // MARK: State

    private struct Frame {
        var bytes: [UInt8]
        var position = 0
        /// The macro call (in the TeX as written) this text comes from; frame 0 is the formula itself.
        var origin: Range<Int>
    }

    private enum Kind: Equatable {
        case command(String), beginGroup, endGroup, parameter, space, comment, other
    }

    private struct Token {
        var kind: Kind
        var bytes: ArraySlice<UInt8>
        var source: Range<Int>
        var fromInput: Bool
    }

    private var frames: [Frame]
    private var pendingBytes = 0
    private var output: [UInt8] = []
    private var segments: [MacroExpansion.Segment] = []
    private var diagnostics: [Diagnostic] = []
    private(set) var context: MathPageContext
    private var expansions = 0
    private let limit: Int
    private var lastWasControlWord = false
    private var failure: String? = nil
    /// Tokens this formula may still read: nested calls that re-read long arguments
    /// (`\bra{\bra{\bra{…` left open) would otherwise cost time quadratic in the formula.
    private var work: Int

    private init(input: [UInt8], context: MathPageContext) {
        frames = [Frame(bytes: input, origin: 0..<input.count)]
        self.context = context
        limit = Self.outputLimit(for: input.count)
        work = max(1_000_000, 64 * input.count)
    }

    private var result: MacroExpansion {
        if let failure {
            return MacroExpansion(tex: Self.failureMarker,
                                  segments: [.init(output: 0, source: 0..<frames[0].bytes.count, verbatim: false)],
                                  diagnostics: diagnostics, failure: failure)
        }
        return MacroExpansion(tex: output, segments: segments, diagnostics: diagnostics, failure: nil)
    }

    private mutating func report(_ message: String, at source: Range<Int>) {
        guard diagnostics.count < TeXParser.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(.warning, message, span: source))
    }

    // MARK: Main loop

    private mutating func run() {
        while failure == nil, let token = nextToken() {
            guard case .command(let name) = token.kind else {
                if token.kind != .comment || token.fromInput { emit(token) }
                continue
            }
            if Self.definitionCommands.contains(name) {
                define(name, at: token)
            } else if let macro = context.macros[name] ?? MathMacros.builtins[name] {
                call(name, macro, at: token)
            } else {
                emit(token)
            }
        }
    }

    private mutating func emit(_ token: Token) {
        if lastWasControlWord, let first = token.bytes.first, isASCIILetter(first) {
            // `\alpha` followed by `x` must not become `\alphax`.
            segments.append(.init(output: output.count, source: token.source.lowerBound..<token.source.lowerBound, verbatim: false))
            output.append(UInt8(ascii: " "))
        }
        if case .command(let name) = token.kind, let first = name.utf8.first, isASCIILetter(first) {
            lastWasControlWord = true
        } else {
            lastWasControlWord = false
        }
        if let last = segments.last, last.verbatim == token.fromInput,
           token.fromInput ? last.source.upperBound == token.source.lowerBound
                             && last.output + last.source.count == output.count
                           : last.source == token.source {
            if token.fromInput { segments[segments.count - 1].source = last.source.lowerBound..<token.source.upperBound }
        } else {
            segments.append(.init(output: output.count, source: token.source, verbatim: token.fromInput))
        }
        output.append(contentsOf: token.bytes)
        if output.count > limit { fail("macro expansion made the formula longer than \(limit) bytes", at: token.source) }
    }

    private mutating func fail(_ message: String, at source: Range<Int>) {
        guard failure == nil else { return }
        report(message, at: source)
        failure = String(decoding: frames[0].bytes[clamped(source)], as: UTF8.self)
    }

    private func clamped(_ range: Range<Int>) -> Range<Int> {
        let count = frames[0].bytes.count
        let lower = min(max(range.lowerBound, 0), count)
        return lower..<min(max(range.upperBound, lower), count)
    }

    // MARK: Calls

    private mutating func call(_ name: String, _ macro: MathMacro, at token: Token) {
        expansions += 1
        context.remainingExpansions -= 1
        guard expansions <= Self.maximumExpansions, context.remainingExpansions >= 0 else {
            fail(expansions > Self.maximumExpansions
                 ? "\\\(name): more than \(Self.maximumExpansions) macro expansions in one formula (does a macro call itself?)"
                 : "\\\(name): this page expanded more than \(MathPageContext.pageBudget) macros; not expanded",
                 at: token.source)
            return
        }
        let outerOrigin = token.fromInput ? nil : frames[frames.count - 1].origin
        var arguments: [[UInt8]] = []
        for index in 0..<macro.parameters {
            if index == 0, let defaultArgument = macro.defaultArgument {
                arguments.append(readOptional() ?? Array(defaultArgument.utf8))
            } else if let argument = readArgument() {
                arguments.append(argument)
            } else {
                report("\\\(name) takes \(macro.parameters) argument\(macro.parameters == 1 ? "" : "s"); argument \(index + 1) is missing",
                       at: token.source)
                arguments.append([])
            }
        }
        let origin = outerOrigin ?? token.source.lowerBound..<max(token.source.upperBound, frames.count == 1 ? frames[0].position : 0)
        let body = Self.substitute(Array(macro.body.utf8), arguments)
        guard body.count + pendingBytes <= limit else {
            fail("\\\(name): macro expansion made the formula longer than \(limit) bytes", at: origin)
            return
        }
        guard frames.count < Self.maximumDepth else {
            fail("\\\(name): macros nested more than \(Self.maximumDepth) deep (does a macro call itself?)", at: origin)
            return
        }
        guard !body.isEmpty else { return }
        pendingBytes += body.count
        frames.append(Frame(bytes: body, origin: origin))
    }

    /// The body with `#n` replaced by argument n and `##` by `#`.
    static func substitute(_ body: [UInt8], _ arguments: [[UInt8]]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let byte = body[index]
            if byte == UInt8(ascii: "#"), index + 1 < body.count {
                let next = body[index + 1]
                if next == UInt8(ascii: "#") {
                    result.append(next)
                    index += 2
                    continue
                }
                if let digit = decimalDigit(next), digit >= 1, digit <= arguments.count {
                    result += arguments[digit - 1]
                    index += 2
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    // MARK: Definitions

    private mutating func define(_ command: String, at token: Token) {
        let example = "as in \\newcommand{\\RR}{\\mathbb{R}}"
        switch command {
        case "newcommand", "renewcommand", "providecommand", "DeclareMathOperator":
            let starred = consumeByte(UInt8(ascii: "*"))
            guard let name = readDefinedName() else {
                report("\\\(command) needs the name of the macro, \(example)", at: token.source)
                return
            }
            var parameters = 0
            var defaultArgument: String? = nil
            if command != "DeclareMathOperator", let count = readOptional() {
                let text = String(decoding: count, as: UTF8.self).trimmingSpaces
                guard let number = Int(text), (0...MathMacros.maximumParameters).contains(number) else {
                    report("\\\(command){\\\(name)}: the number of arguments must be 0 to 9, not \"\(text)\"", at: token.source)
                    _ = readArgument()
                    return
                }
                parameters = number
                if let optional = readOptional() { defaultArgument = String(decoding: optional, as: UTF8.self) }
            }
            guard let body = readArgument() else {
                report("\\\(command){\\\(name)} needs its definition in braces, \(example)", at: token.source)
                return
            }
            if command == "providecommand" && context.macros[name] != nil { return }
            var text = String(decoding: body, as: UTF8.self)
            if command == "DeclareMathOperator" {
                text = (starred ? "\\operatorname*{" : "\\operatorname{") + text + "}"
            }
            store(name, MathMacro(parameters: parameters, defaultArgument: defaultArgument, body: text), at: token)
        case "let":
            guard let name = readCommandName() else {
                report("\\let needs two names, as in \\let\\eps\\varepsilon", at: token.source)
                return
            }
            if peekByteSkippingSpaces() == UInt8(ascii: "=") { _ = consumeByte(UInt8(ascii: "=")) }
            _ = peekByteSkippingSpaces()
            guard let target = nextToken(), target.kind != .endGroup else {
                report("\\let\\\(name) needs a command to copy", at: token.source)
                return
            }
            if case .command(let targetName) = target.kind, let macro = context.macros[targetName] ?? MathMacros.builtins[targetName] {
                store(name, macro, at: token)
            } else {
                store(name, MathMacro(parameters: 0, body: String(decoding: target.bytes, as: UTF8.self)), at: token)
            }
        default:  // def, gdef, edef, xdef
            guard let name = readCommandName() else {
                report("\\\(command) needs the name of the macro, as in \\def\\RR{\\mathbb{R}}", at: token.source)
                return
            }
            var parameters = 0
            while let byte = peekByteSkippingSpaces(), byte != UInt8(ascii: "{") {
                guard let parameter = nextToken() else { break }
                if parameter.kind == .parameter, let digit = peekByteSkippingSpaces().flatMap(decimalDigit),
                   digit == parameters + 1 {
                    _ = nextToken()
                    parameters += 1
                } else {
                    report("\\\(command)\\\(name): only plain parameters #1#2… are supported, not delimited ones",
                           at: parameter.source)
                    return
                }
            }
            guard peekByteSkippingSpaces() == UInt8(ascii: "{"), let body = readArgument() else {
                report("\\\(command)\\\(name) needs its definition in braces, as in \\def\\RR{\\mathbb{R}}", at: token.source)
                return
            }
            store(name, MathMacro(parameters: parameters, body: String(decoding: body, as: UTF8.self)), at: token)
        }
    }

    private mutating func store(_ name: String, _ macro: MathMacro, at token: Token) {
        if Self.definitionCommands.contains(name) {
            report("\\\(name) cannot be redefined", at: token.source)
            return
        }
        if let refused = context.macros.define(name, macro) { report(refused, at: token.source) }
    }

    /// `{\name}` or `\name`.
    private mutating func readDefinedName() -> String? {
        guard peekByteSkippingSpaces() == UInt8(ascii: "{") else { return readCommandName() }
        _ = nextToken()
        let name = readCommandName()
        guard name != nil, peekByteSkippingSpaces() == UInt8(ascii: "}") else { return nil }
        _ = nextToken()
        return name
    }

    private mutating func readCommandName() -> String? {
        _ = peekByteSkippingSpaces()
        guard let token = nextToken(), case .command(let name) = token.kind, !name.isEmpty else { return nil }
        return name
    }

    // MARK: Arguments

    /// `{…}` without its braces, or one token; nil when none follows.
    private mutating func readArgument() -> [UInt8]? {
        guard let byte = peekByteSkippingSpaces(), byte != UInt8(ascii: "}") else { return nil }
        guard byte == UInt8(ascii: "{") else { return nextToken().map { Array($0.bytes) } }
        _ = nextToken()
        return readBalanced { depth, token in depth == 0 && token.kind == .endGroup }
    }

    /// `[…]` (braces inside balanced) without its brackets, or nil when no `[` follows.
    private mutating func readOptional() -> [UInt8]? {
        guard peekByteSkippingSpaces() == UInt8(ascii: "[") else { return nil }
        _ = nextToken()
        return readBalanced { depth, token in depth == 0 && token.kind == .other && token.bytes.elementsEqual([UInt8(ascii: "]")]) }
    }

    /// Tokens up to the one `isEnd` accepts at brace depth 0 (consumed, not included); comments dropped.
    private mutating func readBalanced(until isEnd: (Int, Token) -> Bool) -> [UInt8] {
        var collected: [UInt8] = []
        var depth = 0
        while let token = nextToken() {
            if isEnd(depth, token) { break }
            if token.kind == .beginGroup { depth += 1 }
            if token.kind == .endGroup { depth -= 1 }
            if token.kind != .comment { collected += token.bytes }
            if collected.count > limit { break }
        }
        return collected
    }

    // MARK: Tokens

    /// The next byte after spaces (which are consumed), across the ends of macro bodies.
    private mutating func peekByteSkippingSpaces() -> UInt8? {
        while true {
            let top = frames.count - 1
            let frame = frames[top]
            var position = frame.position
            while position < frame.bytes.count && isWhitespace(frame.bytes[position]) { position += 1 }
            frames[top].position = position
            if position < frame.bytes.count { return frame.bytes[position] }
            guard top > 0 else { return nil }
            popFrame()
        }
    }

    private mutating func consumeByte(_ byte: UInt8) -> Bool {
        let top = frames.count - 1
        let position = frames[top].position
        guard position < frames[top].bytes.count, frames[top].bytes[position] == byte else { return false }
        frames[top].position += 1
        return true
    }

    private mutating func popFrame() {
        pendingBytes -= frames[frames.count - 1].bytes.count
        frames.removeLast()
    }

    private mutating func nextToken() -> Token? {
        work -= 1
        context.remainingWork -= 1
        if work < 0 || context.remainingWork < 0 {
            if failure == nil {
                fail(work < 0 ? "macro expansion read this formula more than 64 times over (an argument left open?)"
                              : "this page's macros took too long to expand; not expanded",
                     at: frames.count > 1 ? frames[1].origin : frames[0].position..<frames[0].position)
            }
            return nil
        }
        var top = frames.count - 1
        while frames[top].position >= frames[top].bytes.count {
            guard top > 0 else { return nil }
            popFrame()
            top -= 1
        }
        let bytes = frames[top].bytes
        let start = frames[top].position
        var end = start + 1
        let kind: Kind
        switch bytes[start] {
        case UInt8(ascii: "\\"):
            if end < bytes.count && isASCIILetter(bytes[end]) {
                while end < bytes.count && isASCIILetter(bytes[end]) { end += 1 }
            } else if end < bytes.count {
                end = min(bytes.count, end + scalarLength(bytes[end]))
            }
            kind = .command(String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
        case UInt8(ascii: "{"): kind = .beginGroup
        case UInt8(ascii: "}"): kind = .endGroup
        case UInt8(ascii: "#"): kind = .parameter
        case UInt8(ascii: "%"):
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            kind = .comment
        case let byte where isWhitespace(byte):
            while end < bytes.count && isWhitespace(bytes[end]) { end += 1 }
            kind = .space
        case let byte:
            end = min(bytes.count, start + scalarLength(byte))
            kind = .other
        }
        frames[top].position = end
        let fromInput = top == 0
        return Token(kind: kind, bytes: bytes[start..<end], source: fromInput ? start..<end : frames[top].origin,
                     fromInput: fromInput)
    }
}

/// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
@inline(__always)
func scalarLength(_ lead: UInt8) -> Int {
    lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
}
