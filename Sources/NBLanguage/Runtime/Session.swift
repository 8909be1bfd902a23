import NBDocument
import Foundation
import NBAutodiff
import NBLearning

/// One document's environment: cells run one after another and share their bindings.
///
/// A failing cell shows its error and the next cells still run; names the failed cell would have
/// bound stay undefined, and using them says which cell failed.
public final class Session {
    public let options: SessionOptions
    public private(set) var registry: BuiltinRegistry
    private var globals = Globals()
    private var generator: SeededGenerator
    private var failedNames: [String: TextLocation] = [:]

    /// Stack size of the thread cells run on: deep but bounded recursion needs room.
    static var stackSize: Int { LargeStackThreads.shared.stackSize }

    public init(options: SessionOptions = SessionOptions(), registry: BuiltinRegistry = .standard) {
        self.options = options
        self.registry = registry
        self.generator = SeededGenerator(seed: options.seed)
    }

    /// Adds a module of builtins to this session.
    public func register(_ module: [Builtin]) { registry.register(module) }

    /// The current binding of a global name.
    public func value(of name: String) -> Value? { globals[name] }

    /// A user function or lambda bound to `name`, as the engine's `ScalarFunction`: its body runs
    /// on any scalar interpretation, against this session's current globals.
    public func scalarFunction(named name: String) -> (any ScalarFunction)? {
        guard case .function(let function)? = globals[name] else { return nil }
        let interpreter = Interpreter(globals: globals, registry: registry, options: options, generator: generator,
                                      failedNames: failedNames, timeout: options.timeout)
        return TracedFunction(callee: .function(function), shownName: function.name ?? "lambda",
                              layouts: function.parameters.map { _ in .number }, baseNames: function.parameters,
                              interpreter: interpreter, location: function.location)
    }

    /// What a session carries from one cell to the next: its global names (in slot order) and
    /// their values, the names a failed cell left unbound, and the random stream's position.
    public struct Environment: Sendable {
        /// Global names in slot order (the slots cell code and function bodies were resolved to).
        public var names: [String]
        /// One value per name; nil for a name that is referred to but not bound.
        public var values: [Value?]
        /// Names a failed cell would have bound, with that cell's location.
        public var failedNames: [String: TextLocation]
        /// The session's random generator, exactly where the last cell left it.
        public var generator: SeededGenerator

        public init(names: [String], values: [Value?], failedNames: [String: TextLocation], generator: SeededGenerator) {
            self.names = names; self.values = values; self.failedNames = failedNames; self.generator = generator
        }
    }

    /// The environment after the last cell run (for the cell cache to store).
    public var environment: Environment {
        var values = globals.values
        values.append(contentsOf: repeatElement(nil, count: max(0, globals.symbols.names.count - values.count)))
        return Environment(names: globals.symbols.names, values: Array(values.prefix(globals.symbols.names.count)),
                           failedNames: failedNames, generator: generator)
    }

    /// Replaces this session's environment with a stored one, as if the cells that produced it had
    /// just run here. Returns false, changing nothing, when the environment is inconsistent
    /// (repeated names, a value count that does not match, a function reading a global from a
    /// slot that holds another name or a frame position it does not have).
    public func restore(_ environment: Environment) -> Bool {
        guard environment.values.count == environment.names.count,
              Set(environment.names).count == environment.names.count,
              environment.values.allSatisfy({ $0?.fits(globals: environment.names) ?? true }) else { return false }
        var restored = Globals()
        for name in environment.names { _ = restored.symbols.slot(for: name) }
        restored.values = environment.values
        globals = restored
        failedNames = environment.failedNames
        generator = environment.generator
        return true
    }

    /// Runs one cell. `origin` is the Markdown position of the cell's first source character;
    /// `timeout` (seconds) overrides the session default; `cancellation`, set from another
    /// thread, stops the cell (library loops included) like a timeout; `progress` hears from the
    /// long loops of builtins (`train`, `vat`, `lasso`…) how far they got.
    public func run(cell source: String, origin: TextLocation = TextLocation(line: 1, column: 1),
                    timeout: Double? = nil, cancellation: Cancellation? = nil,
                    progress: (any ProgressSink)? = nil) -> CellOutcome {
        let timeout = timeout ?? options.timeout
        return LargeStackThreads.shared.run {
            runHere(source, origin: origin, timeout: timeout, cancellation: cancellation, progress: progress)
        }
    }

    /// Runs the code of an inline expression or check (`{nb} expr` in prose) at this point of the
    /// session: one expression, whose value becomes the outcome's single item as the text a
    /// sentence shows (`InlineText`), or one `assert`, whose check is the outcome's. It binds no
    /// name; anything else is an error in the outcome.
    public func run(inline source: String, origin: TextLocation = TextLocation(line: 1, column: 1),
                    timeout: Double? = nil) -> CellOutcome {
        let timeout = timeout ?? options.timeout
        return LargeStackThreads.shared.run { runHere(source, origin: origin, timeout: timeout, inline: true) }
    }

    /// Runs a cell on the current thread (the work `run` does on its own large-stack thread).
    func runHere(_ source: String, origin: TextLocation, timeout: Double, cancellation: Cancellation? = nil,
                 inline: Bool = false, progress: (any ProgressSink)? = nil) -> CellOutcome {
        var statements: [Statement]
        let lines = CellLines(source: source, origin: origin)
        do {
            statements = try Parser.parse(source, origin: origin)
            if inline { statements = [try InlineText.statement(statements, origin: origin)] }
        } catch {
            return CellOutcome(error: lines.cellError(error, statement: nil))
        }
        var resolver = Resolver(symbols: globals.symbols)
        let instructions = resolver.resolve(statements)
        globals.symbols = resolver.symbols
        let interpreter = Interpreter(globals: globals, registry: registry, options: options, generator: generator,
                                      failedNames: failedNames, timeout: timeout, cancellation: cancellation,
                                      progress: progress, stackBudget: Session.stackSize - (8 << 20))
        globals = Globals() // the interpreter holds the only reference while it runs
        var failure: LanguageError?
        var failedStatement: TextLocation?
        for (statement, instruction) in zip(statements, instructions) {
            do {
                try interpreter.run([instruction])
            } catch {
                failure = error
                failedStatement = statement.location
                break
            }
        }
        globals = interpreter.globals
        generator = interpreter.generator
        if let failure {
            let assigned = globals
            for statement in statements {
                for name in statement.boundNames where assigned[name] == nil { failedNames[name] = statement.location }
            }
            return CellOutcome(items: interpreter.items, error: lines.cellError(failure, statement: failedStatement),
                               checks: interpreter.checks,
                               filesRead: interpreter.filesRead)
        }
        for statement in statements { for name in statement.boundNames { failedNames[name] = nil } }
        if inline {
            return InlineText.outcome(statement: statements[0], value: interpreter.lastValue, items: interpreter.items,
                                      checks: interpreter.checks, filesRead: interpreter.filesRead, lines: lines)
        }
        return CellOutcome(items: interpreter.items, checks: interpreter.checks, filesRead: interpreter.filesRead)
    }
}


/// The lines of one cell in its Markdown file, to number an error from the cell's first line.
struct CellLines {
    /// The file line of the cell's first source line.
    let firstLine: Int
    /// How many lines the cell has (at least 1).
    let count: Int

    init(source: String, origin: TextLocation) {
        firstLine = origin.line
        var newlines = 0
        for byte in source.utf8 where byte == UInt8(ascii: "\n") { newlines += 1 }
        count = max(1, source.utf8.last == UInt8(ascii: "\n") ? newlines : newlines + 1)
    }

    /// `line`'s number within the cell (1-based), or nil when the line is not one of the cell's.
    func relative(_ line: Int) -> Int? {
        let relative = line - firstLine + 1
        return (1...count).contains(relative) ? relative : nil
    }

    /// The error with its cell line: where it happened when that is in this cell, otherwise (a
    /// function defined in another cell) the line of the cell's statement that was running.
    func cellError(_ error: LanguageError, statement: TextLocation?) -> CellError {
        var cellError = error.cellError
        cellError.cellLine = relative(error.location.line)
            ?? statement.flatMap { relative($0.line) }
            ?? min(max(1, error.location.line - firstLine + 1), count)
        return cellError
    }
}
