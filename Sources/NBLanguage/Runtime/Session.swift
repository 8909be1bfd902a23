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
    private var failedNames: [String: SourceLocation] = [:]

    /// Stack size of the thread cells run on: deep but bounded recursion needs room.
    static let stackSize = 256 << 20

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
        return UserScalarFunction(function: function, interpreter: interpreter, location: function.location)
    }

    /// Runs one cell. `origin` is the Markdown position of the cell's first source character;
    /// `timeout` (seconds) overrides the session default.
    public func run(cell source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1),
                    timeout: Double? = nil) -> CellOutcome {
        let job = CellJob(session: self, source: source, origin: origin, timeout: timeout ?? options.timeout)
        let thread = Thread { job.execute() }
        thread.stackSize = Session.stackSize
        thread.start()
        job.done.wait()
        return job.outcome
    }

    /// Runs a cell on the current thread (the work `run` does on its own large-stack thread).
    func runHere(_ source: String, origin: SourceLocation, timeout: Double) -> CellOutcome {
        let statements: [Statement]
        do {
            statements = try Parser.parse(source, origin: origin)
        } catch {
            return CellOutcome(error: error.cellError)
        }
        var resolver = Resolver(symbols: globals.symbols)
        let instructions = resolver.resolve(statements)
        globals.symbols = resolver.symbols
        let interpreter = Interpreter(globals: globals, registry: registry, options: options, generator: generator,
                                      failedNames: failedNames, timeout: timeout, stackBudget: Session.stackSize - (8 << 20))
        globals = Globals() // the interpreter holds the only reference while it runs
        var failure: LanguageError?
        do {
            try interpreter.run(instructions)
        } catch {
            failure = error
        }
        globals = interpreter.globals
        generator = interpreter.generator
        if let failure {
            let assigned = globals
            for statement in statements {
                for name in statement.boundNames where assigned[name] == nil { failedNames[name] = statement.location }
            }
            return CellOutcome(items: interpreter.items, error: failure.cellError, checks: interpreter.checks,
                               filesRead: interpreter.filesRead)
        }
        for statement in statements { for name in statement.boundNames { failedNames[name] = nil } }
        return CellOutcome(items: interpreter.items, checks: interpreter.checks, filesRead: interpreter.filesRead)
    }
}

/// Hands a cell to a large-stack thread and its outcome back.
private final class CellJob: @unchecked Sendable {
    let session: Session
    let source: String
    let origin: SourceLocation
    let timeout: Double
    let done = DispatchSemaphore(value: 0)
    var outcome = CellOutcome()

    init(session: Session, source: String, origin: SourceLocation, timeout: Double) {
        self.session = session; self.source = source; self.origin = origin; self.timeout = timeout
    }

    func execute() {
        outcome = session.runHere(source, origin: origin, timeout: timeout)
        done.signal()
    }
}
